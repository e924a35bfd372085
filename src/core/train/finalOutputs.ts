/**
 * The last pass of a run over its held-out rows: the test evaluation and the outputs a
 * run keeps of its final model on the validation and test splits (evaluation/runOutputs.ts).
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset, SplitIndices } from '../data/types';
import { keepSplitOutputs, type RunOutputs, type SplitOutputs } from '../evaluation/runOutputs';
import { evaluationFrom, predictRows, toOriginalUnits, type EvalSpec } from './evaluate';
import type { Evaluation } from './types';

/** The test split's evaluation (null without test rows) and the stored outputs. */
export async function finalOutputs(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  ds: Dataset,
  split: SplitIndices,
  spec: EvalSpec,
  seed: number,
): Promise<{ evaluation: Evaluation | null; outputs: RunOutputs }> {
  const keep = async (rows: Int32Array) => {
    const p = await predictRows(tf, model, ds, rows, spec);
    return { p, kept: keepSplitOutputs({ rows, ...p }, ds.task, seed) };
  };
  let validation: SplitOutputs | null = null;
  if (split.validation.length > 0) validation = (await keep(split.validation)).kept;
  let test: SplitOutputs | null = null;
  let evaluation: Evaluation | null = null;
  if (split.test.length > 0) {
    const { p, kept } = await keep(split.test);
    evaluation = evaluationFrom(p, spec);
    test = kept;
  }
  const trainLabels = Float32Array.from(split.train, (r) => ds.y[r]!);
  if (ds.task === 'regression' && ds.targetScale) toOriginalUnits(trainLabels, ds.targetScale);
  return {
    evaluation,
    outputs: { task: ds.task, classNames: [...ds.classNames], trainLabels, validation, test },
  };
}
