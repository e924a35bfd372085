/** Whether the worker holds a run's dataset, so the examples of its rows can be read. */
import type { DatasetSummary } from '../../../core/data/types';
import { sameRunData } from '../../../core/runs/compare';
import type { RunRecord } from '../../../core/runs/record';

export type RunDataState = 'loaded' | 'loading' | 'other';

/** Whether the loaded dataset is the run's (by content fingerprint, else by name and shape). */
export function runDataState(
  record: Pick<RunRecord, 'name' | 'dataset'>,
  summary: DatasetSummary | null,
  loading: boolean,
): RunDataState {
  if (loading) return 'loading';
  if (!summary) return 'other';
  const loaded = {
    name: '',
    dataset: {
      name: summary.name,
      n: summary.n,
      featureShape: summary.featureShape,
      classNames: summary.classNames,
      content: summary.fingerprint ?? null,
    },
  };
  // A run recorded with a fingerprint needs the loaded one to have the same.
  if (record.dataset.content && !summary.fingerprint) return 'other';
  return sameRunData(record, loaded) ? 'loaded' : 'other';
}
