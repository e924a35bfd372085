import type { RunRecord } from '../../core/runs/record';
import { useAppStore } from '../../state/store';
import { loadDataset } from '../../state/actions';
import { trainingConfigWarnings } from '../../core/train/settingsSchema';

/**
 * Restores a run's graph (one undo step), training settings and dataset choice, so the
 * user can change one thing and train again.
 */
export function openRunInEditor(run: RunRecord): void {
  const s = useAppStore.getState();
  s.setGraph(run.graph);
  s.setConfig(run.config);
  let dataNote = '';
  if (JSON.stringify(s.datasetChoice) !== JSON.stringify(run.datasetChoice)) {
    // Uploaded files live only in the worker of the tab that loaded them.
    if ('uploadId' in run.datasetChoice)
      dataNote = ` Its data (${run.dataset.name}) was an upload: upload it again to train on it.`;
    else loadDataset(run.datasetChoice, false);
  }
  s.setCompareOpen(false);
  s.pushNotice(
    'info',
    `Opened ${run.name} in the editor: its model and settings are restored.${dataNote}`,
  );
  // A stored setting outside today's ranges opens as it is, with a warning naming it.
  const warnings = trainingConfigWarnings(run.config, run.name);
  if (warnings.length > 0) s.pushNotice('warning', warnings.join(' '));
}
