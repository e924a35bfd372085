import { useAppStore } from '../../state/store';
import { selectTrainingActive } from '../../state/trainingSlice';
import { useGraphAnalysis } from '../editor/useGraphAnalysis';
import { checkMemory } from '../../core/graph/memory';
import { unavailableSettings } from '../../core/train/settingsSchema';

/** Why Train is disabled (a sentence the user can act on), or null. */
export function useTrainBlocker(): string | null {
  const active = useAppStore(selectTrainingActive);
  const dataset = useAppStore((s) => s.dataset);
  const loading = useAppStore((s) => s.datasetLoading);
  const graph = useAppStore((s) => s.graph);
  const optimizer = useAppStore((s) => s.config.optimizer);
  const batchSize = useAppStore((s) => s.config.batchSize);
  const config = useAppStore((s) => s.config);
  const analysis = useGraphAnalysis();
  if (active) return 'a run is in progress';
  if (!dataset) return loading ? 'the dataset is loading' : 'choose a dataset';
  const issue = analysis.issues[0];
  if (issue) return `${issue.message}${issue.fix ? ` ${issue.fix}` : ''}`;
  const memory = checkMemory(graph, analysis, optimizer, batchSize);
  if (memory) return memory;
  const unavailable = unavailableSettings(config, dataset)[0];
  if (unavailable) return unavailable.message;
  return null;
}
