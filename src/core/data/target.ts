import type { TargetSpec, TaskKind } from '../graph/types';

/**
 * The output the model must produce for a dataset: one unit for binary classification
 * (sigmoid) and regression, one per class for multiclass (softmax).
 */
export function targetForDataset(d: { task: TaskKind; classNames: readonly string[] }): TargetSpec {
  const units = d.task === 'multiclass' ? d.classNames.length : 1;
  return { shape: [null, units], task: d.task };
}
