/**
 * Trains the tabular template on a training and a test CSV the way the app does after an
 * upload with the pipeline's defaults: profiled columns, the default column choices, the
 * test file as the test split, the template's graph and settings, the real training
 * loop. Returns the test accuracy. Used by the tests and by the template measurements
 * (README, "Expected results") on the CPU backend.
 *
 * Early stopping is applied here through the loop's hooks, as Keras's EarlyStopping does
 * it (improvement: below the best by more than min delta; stop after `patience` epochs
 * without; restore the best epoch's weights), for loops that do not apply it themselves.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { profileTable, inferTask } from '../data/csv/typing';
import { parseCsvText } from '../data/csv/parse';
import type { CsvTable } from '../data/csv/types';
import { prepareCsvSource, csvDatasetForSplit } from '../data/pipeline/source';
import { defaultColumnSpec, type PipelineSpec } from '../data/pipeline/spec';
import { buildModel } from '../graph/build';
import { restoreWeights, type Checkpoint } from '../train/checkpoint';
import { predictRows } from '../train/evaluate';
import { resolveLoss } from '../train/losses';
import { trainModel } from '../train/loop';
import { prepareRun } from '../train/run';
import { DEFAULT_TRAINING_CONFIG, type TrainingConfig } from '../train/types';
import { templateConfig } from './load';
import { TEMPLATES } from './templates';

export interface TabularTrial {
  accuracy: number;
  /** Epochs trained, and the epoch whose weights were kept. */
  epochs: number;
  keptEpoch: number;
  features: number;
}

async function table(text: string, name: string): Promise<CsvTable> {
  const outcome = await parseCsvText(text, name, 'utf-8');
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.table;
}

/** The spec the CSV preview starts from: default column choices, the last column the target. */
function defaultSpec(t: CsvTable): PipelineSpec {
  const profiles = profileTable(t);
  const j = t.headers.length - 1;
  const task = inferTask(profiles[j]!, t.columns[j]!);
  if (!task.ok) throw new Error(task.message);
  return {
    version: 1,
    target: t.headers[j]!,
    task: task.task,
    standardizeTarget: false,
    columns: profiles.map(defaultColumnSpec),
  };
}

/** Trains the tabular template (optionally with changed settings) and scores the test file. */
export async function trainTabularTemplate(
  tf: typeof tfjs,
  trainCsv: string,
  testCsv: string,
  change: Partial<TrainingConfig> = {},
): Promise<TabularTrial> {
  const train = await table(trainCsv, 'train.csv');
  const source = prepareCsvSource(train, defaultSpec(train), await table(testCsv, 'test.csv'));
  if (!source.ok) throw new Error(source.message);
  const config = { ...templateConfig('tabular', DEFAULT_TRAINING_CONFIG, 'full'), ...change };
  const { dataset, fitted } = csvDatasetForSplit(source.source, config.split, config.seed);
  const graph = TEMPLATES.tabular.graph(dataset, 'full');
  const run = prepareRun(dataset, graph, config, fitted);
  if (!run.ok) throw new Error(run.message);
  const model = buildModel(tf, graph, config.seed);
  try {
    let best: { valLoss: number; checkpoint: Checkpoint } | null = null;
    let wait = 0;
    let epochs = 0;
    const result = await trainModel({
      tf,
      model,
      dataset: run.dataset,
      split: run.split,
      config,
      hooks: {
        onEpoch: (m, checkpoint) => {
          epochs = m.epoch;
          if (!best || m.valLoss < best.valLoss - config.earlyStoppingMinDelta) {
            best = { valLoss: m.valLoss, checkpoint };
            wait = 0;
          } else wait += 1;
        },
        shouldStop: () => config.earlyStopping && wait >= config.earlyStoppingPatience,
      },
    });
    if (result.status === 'failed' || result.status === 'interrupted')
      throw new Error(result.message);
    const kept: Checkpoint | null =
      config.earlyStopping && config.restoreBestWeights
        ? ((best as { checkpoint: Checkpoint } | null)?.checkpoint ?? null)
        : result.checkpoint;
    if (kept) restoreWeights(tf, model, kept);
    const spec = {
      task: dataset.task,
      loss: resolveLoss(dataset.task, config.loss),
      numClasses: dataset.classNames.length,
      batchSize: 256,
    };
    const p = await predictRows(tf, model, run.dataset, run.split.test, spec);
    return {
      accuracy: accuracyOf(p.outputs, p.units, p.labels),
      epochs,
      keptEpoch: kept?.epoch ?? epochs,
      features: dataset.featureShape[0]!,
    };
  } finally {
    model.dispose();
  }
}

/** Share of rows whose most probable class (or sigmoid above 0.5) is the label. */
function accuracyOf(outputs: Float32Array, units: number, labels: Float32Array): number {
  let right = 0;
  labels.forEach((label, i) => {
    let predicted = 0;
    if (units === 1) predicted = outputs[i]! > 0.5 ? 1 : 0;
    else {
      for (let k = 1; k < units; k++)
        if (outputs[i * units + k]! > outputs[i * units + predicted]!) predicted = k;
    }
    if (predicted === label) right++;
  });
  return labels.length > 0 ? right / labels.length : NaN;
}
