/**
 * The generated PyTorch script's learning-rate schedules, reduce-on-plateau and early
 * stopping give the app's numbers (testSchedules.ts, from the definitions): its own
 * LearningRate and EarlyStopping run under Debian's /usr/bin/python3 with torch 1.13.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainOf } from '../../graph/testGraphs';
import type { TaskKind } from '../../graph/types';
import { DEFAULT_TRAINING_CONFIG, type TrainingConfig } from '../../train/types';
import type { PreprocessingInfo } from '../modelFiles';
import { pytorchScript } from './pytorchScript';
import { referenceEarlyStop, referenceLr, referencePlateau } from './testSchedules';

const HELPER = resolve(__dirname, '../../../../tests/python/torch_schedule.py');
const STEPS_PER_EPOCH = 4;
const STEPS = 24;
// A validation loss that improves, stalls, improves by less than the min delta, then rises.
const LOSSES = [1.0, 0.9, 0.95, 0.91, 0.92, 0.897, 0.85, 0.86, 0.87, 0.88, 0.9, 0.95];
const ACCURACIES = LOSSES.map((v) => 2 - v);

const graph = chainOf([
  ['in', 'Input', { shape: [3] }],
  ['d', 'Dense', { units: 2, activation: 'softmax' }],
]);
const pre = (task: TaskKind): PreprocessingInfo => ({
  format: 'train-smarter-preprocessing',
  version: 1,
  datasetName: 'schedules',
  kind: 'tabular',
  task,
  featureShape: [3],
  featureNames: [],
  classNames: [],
  inputScale: 1,
  standardization: null,
});

interface Outcome {
  lrs: number[];
  epochLrs: number[];
  stoppedEpoch: number;
  bestEpoch: number | null;
  restoredEpoch: number | null;
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'torch-sched-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs each config's script in one Python process (torch loads once). */
function runAll(
  cases: { config: TrainingConfig; task?: TaskKind; monitored?: number[] }[],
): Outcome[] {
  const jobs = cases.map(({ config, task = 'multiclass', monitored = [] }, i) => {
    const script = pytorchScript({ graph, config, preprocessing: pre(task) });
    if (!script.ok) throw new Error(script.message);
    const path = join(dir, `model_${i}.py`);
    writeFileSync(path, script.code);
    return { script: path, stepsPerEpoch: STEPS_PER_EPOCH, steps: STEPS, monitored };
  });
  writeFileSync(join(dir, 'job.json'), JSON.stringify(jobs));
  const out = execFileSync('/usr/bin/python3', [HELPER, join(dir, 'job.json')], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as Outcome[];
}

const config = (patch: Partial<TrainingConfig>): TrainingConfig => ({
  ...DEFAULT_TRAINING_CONFIG,
  optimizer: 'sgd',
  learningRate: 0.1,
  ...patch,
});

function expectClose(got: readonly number[], want: readonly number[], what: string): void {
  expect(got.length, what).toBe(want.length);
  got.forEach((g, i) =>
    expect(Math.abs(g - want[i]!), `${what} at ${i}: ${g} vs ${want[i]}`).toBeLessThanOrEqual(
      1e-6 * Math.max(Math.abs(want[i]!), 1e-3),
    ),
  );
}

describe('PyTorch export: learning-rate schedules', () => {
  it('follows each decay formula per batch, with and without warm-up', () => {
    // Decay epochs × 4 batches: 1.5 → 6 steps, 2 → 8; warm-up 0.25 → 1 step, 1 → 4.
    const configs: TrainingConfig[] = [
      config({ lrSchedule: 'constant' }),
      config({ lrSchedule: 'step', lrDecayEpochs: 1.5, lrDecayFactor: 0.5 }),
      config({ lrSchedule: 'step', lrDecayEpochs: 1, lrDecayFactor: 0.3, lrWarmupEpochs: 1 }),
      config({ lrSchedule: 'exponential', lrDecayEpochs: 2, lrDecayFactor: 0.3 }),
      config({
        lrSchedule: 'exponential',
        lrDecayEpochs: 1,
        lrDecayFactor: 0.5,
        lrWarmupEpochs: 0.25,
      }),
      // Past the decay's end (step 8, or 12 with the warm-up) the rate stays at 0.
      config({ lrSchedule: 'cosine', lrDecayEpochs: 2 }),
      config({ lrSchedule: 'cosine', lrDecayEpochs: 2, lrWarmupEpochs: 1, optimizer: 'adam' }),
    ];
    const outcomes = runAll(configs.map((c) => ({ config: c })));
    configs.forEach((c, i) => {
      const want = Array.from({ length: STEPS }, (_, s) => referenceLr(c, s, STEPS_PER_EPOCH));
      expectClose(outcomes[i]!.lrs, want, `${c.lrSchedule} warm-up ${c.lrWarmupEpochs}`);
    });
    // The reference itself: warm-up reaches the base rate on its last step, cosine ends at 0.
    [0.025, 0.05, 0.075, 0.1, 0.1].forEach((lr, s) =>
      expect(outcomes[2]!.lrs[s]).toBeCloseTo(lr, 9),
    );
    expect(outcomes[6]!.lrs[12]).toBeCloseTo(0, 9);
  }, 60_000);

  it('cuts on plateau with Keras patience and min delta, and stops early like Keras', () => {
    const minDelta = 0.005;
    const cases = [
      { monitor: 'valLoss' as const, task: 'multiclass' as const, values: LOSSES, mode: 'min' },
      {
        monitor: 'valMetric' as const,
        task: 'multiclass' as const,
        values: ACCURACIES,
        mode: 'max',
      },
      { monitor: 'valMetric' as const, task: 'regression' as const, values: LOSSES, mode: 'min' },
    ] as const;
    const outcomes = runAll(
      cases.map((c) => ({
        task: c.task,
        monitored: [...c.values],
        config: config({
          lrSchedule: 'plateau',
          plateauFactor: 0.5,
          plateauPatience: 2,
          earlyStopping: true,
          earlyStoppingMonitor: c.monitor,
          earlyStoppingMinDelta: minDelta,
          earlyStoppingPatience: 4,
          restoreBestWeights: true,
        }),
      })),
    );
    cases.forEach((c, i) => {
      const got = outcomes[i]!;
      const plateau = { base: 0.1, mode: c.mode, factor: 0.5, patience: 2, minDelta };
      expectClose(got.epochLrs, referencePlateau(c.values, plateau), `plateau ${c.monitor}`);
      const stop = referenceEarlyStop(c.values, { mode: c.mode, patience: 4, minDelta });
      // The values were built so that it does stop, and not at the last epoch.
      expect(stop.stoppedEpoch).toBeGreaterThan(0);
      expect(stop.stoppedEpoch).toBeLessThan(c.values.length);
      expect(got).toMatchObject({ ...stop, restoredEpoch: stop.bestEpoch });
    });
    // Spelled out once: the loss improves at epochs 2 and 7; 0.897 at epoch 6 is within the
    // min delta of 0.9, so it counts as a fourth epoch without improvement.
    const cuts = [0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.025];
    cuts.forEach((lr, e) => expect(outcomes[0]!.epochLrs[e]).toBeCloseTo(lr, 9));
    expect(outcomes[0]).toMatchObject({ stoppedEpoch: 6, bestEpoch: 2, restoredEpoch: 2 });
  }, 60_000);
});
