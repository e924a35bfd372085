import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { ModelCanvas, Palette, Inspector, ModelSummary } from './ui/editor';
import { TopBar } from './ui/training/TopBar';
import { DataPanel } from './ui/data/DataPanel';
import { TrainingSettings } from './ui/training/TrainingSettings';
import { RunsPanel } from './ui/runs/RunsPanel';
import { ChartsWithFindings } from './ui/diagnostics/ChartsWithFindings';
import { LayerStatsPanel } from './ui/layerStats/LayerStatsPanel';
import { DiagnosticsPanel } from './ui/diagnostics/DiagnosticsPanel';
import { EvaluationPanel } from './ui/evaluation/EvaluationPanel';
import { CompareView } from './ui/runs/CompareView';
import { Notices } from './ui/Notices';
import { RecoveryAlert } from './ui/training/RecoveryAlert';
import { WorkerAlert } from './ui/training/WorkerAlert';
import { TemplateSelect } from './ui/templates/TemplateSelect';
import { TemplateGallery } from './ui/templates/TemplateGallery';
import { ModelProposal } from './ui/templates/ModelProposal';
import { startController } from './state/session/start';

/** The single workspace: data and palette left, canvas centre, inspector right, charts below. */
export function App() {
  useEffect(() => startController(), []);
  useEffect(() => {
    performance.mark('editor-interactive');
  }, []);
  return (
    <ReactFlowProvider>
      <div className="app">
        <TopBar />
        <Notices />
        <ModelProposal />
        <RecoveryAlert />
        <WorkerAlert />
        <CompareView />
        <div className="workspace">
          <aside className="workspace-left" aria-label="Data and layers">
            <div className="left-data">
              <DataPanel />
            </div>
            <div className="left-layers">
              <TemplateGallery />
              <TemplateSelect />
              <Palette />
            </div>
          </aside>
          <main className="workspace-centre" aria-label="Model editor">
            <ModelCanvas />
          </main>
          <aside className="workspace-right" aria-label="Inspector">
            <Inspector />
            <TrainingSettings />
          </aside>
        </div>
        <section className="workspace-bottom" aria-label="Training results">
          <ChartsWithFindings />
          <LayerStatsPanel />
          <RunsPanel />
          <DiagnosticsPanel />
          <EvaluationPanel />
          <ModelSummary />
        </section>
      </div>
    </ReactFlowProvider>
  );
}
