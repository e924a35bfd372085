/**
 * A run record as the diagnostics read it: everything `diagnose` needs is derived from the
 * record (and its stored outputs when they are at hand), so a stored run is diagnosed the
 * same way after a reload as while it trained.
 */
import { classificationReport } from '../evaluation/report';
import { accuracy, predictedClasses } from '../evaluation/classification';
import type { RunOutputs, SplitOutputs } from '../evaluation/runOutputs';
import { lastHiddenLayer } from '../graph/hiddenLayers';
import type { TaskKind } from '../graph/types';
import type { DiagnosisInput } from '../train/diagnostics/types';
import { resolveLoss } from '../train/losses';
import type { RunRecord } from './record';

/** What may add to a record: its final outputs, and the loaded dataset's class counts. */
export interface DiagnosisExtras {
  /** The run's final outputs (live, or read back from storage); null or absent when none. */
  outputs?: RunOutputs | null;
  /**
   * Examples per class of the loaded dataset, when it is the run's data: used while the
   * run has no outputs yet (they hold the training split's own counts).
   */
  classCounts?: readonly number[];
}

type TaskSource = Pick<RunRecord, 'preprocessing' | 'dataset'>;

/** A run's task: as its preprocessing recorded it, else from its class names. */
export function recordTask(record: TaskSource, outputs?: RunOutputs | null): TaskKind {
  const recorded = record.preprocessing?.task ?? outputs?.task;
  if (recorded) return recorded;
  const classes = record.dataset.classNames.length;
  return classes === 0 ? 'regression' : classes === 2 ? 'binary' : 'multiclass';
}

/** Examples per class among the given labels (class indices). */
function countClasses(labels: Float32Array, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (const label of labels) if (label >= 0 && label < numClasses) counts[label]! += 1;
  return counts;
}

/**
 * Macro-averaged recall and accuracy of a split's stored outputs, at the default decision
 * (arg-max, or 0.5 for one sigmoid unit): the numbers the imbalance check compares.
 */
export function splitRecallAndAccuracy(
  split: SplitOutputs,
  numClasses: number,
): { macroRecall: number; accuracy: number } | null {
  if (split.rows.length === 0) return null;
  const predicted = predictedClasses(split.outputs, split.units);
  const k = Math.max(numClasses, split.units === 1 ? 2 : split.units);
  const report = classificationReport(split.labels, predicted, k);
  return { macroRecall: report.macro.recall.value, accuracy: accuracy(split.labels, predicted) };
}

/** Derives the diagnostics' input from a run record (history, batches, classes, layers' statistics). */
export function diagnosisInputFor(record: RunRecord, extras: DiagnosisExtras = {}): DiagnosisInput {
  const outputs = extras.outputs ?? null;
  const task = recordTask(record, outputs);
  const numClasses = record.dataset.classNames.length;
  const classification = task !== 'regression';
  const classCounts =
    classification && outputs && outputs.trainLabels.length > 0
      ? countClasses(outputs.trainLabels, numClasses)
      : classification
        ? extras.classCounts
        : undefined;
  const validation =
    classification && outputs?.validation
      ? splitRecallAndAccuracy(outputs.validation, numClasses)
      : null;
  const choice = record.datasetChoice;
  const layer = lastHiddenLayer(record.graph);
  return {
    task,
    loss: resolveLoss(task, record.config.loss),
    history: record.epochs,
    batches: record.batches,
    ...(classCounts ? { classCounts } : {}),
    ...(validation
      ? { valMacroRecall: validation.macroRecall, valAccuracy: validation.accuracy }
      : {}),
    minDelta: record.config.earlyStopping ? record.config.earlyStoppingMinDelta : 0,
    ...(layer ? { lastHiddenLayer: layer.id } : {}),
    // Augmentation exists for uploaded image folders only: offer it there.
    images: choice.kind === 'upload' && choice.format === 'images',
    lrFinder: true,
    // Stored with the record: a reloaded run keeps its dead-unit and gradient findings.
    ...(record.layerStats?.length ? { layerStats: record.layerStats } : {}),
  };
}
