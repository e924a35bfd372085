/**
 * Differential test against PyTorch 1.13: the learning rate of every schedule kind, with
 * and without warm-up, step by step as torch's StepLR / ExponentialLR / LinearLR +
 * CosineAnnealingLR (through SequentialLR) set it, reduce-on-plateau epoch by epoch as
 * torch's ReduceLROnPlateau does, and clipping by global norm as clip_grad_norm_.
 * tests/python/torch_schedules.py builds the schedulers as the PyTorch export must.
 * Runs Debian's /usr/bin/python3 with python3-torch; fails (never skips) without it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipByGlobalNorm } from './clipGradients';
import { makeRng, normal } from './random';
import { initialPlateau, learningRateAt, plateauStep, type ScheduleConfig } from './schedules';
import type { MonitorMode } from './monitor';

const PYTHON = '/usr/bin/python3';
const HELPER = resolve(__dirname, '../../../tests/python/torch_schedules.py');

interface DecayCase {
  kind: 'step' | 'exponential' | 'cosine';
  base: number;
  factor: number;
  decaySteps: number;
  warmupSteps: number;
  steps: number;
}
interface PlateauCase {
  mode: MonitorMode;
  base: number;
  factor: number;
  patience: number;
  minDelta: number;
  values: number[];
}

const DECAY: DecayCase[] = (['step', 'exponential', 'cosine'] as const).flatMap((kind) =>
  [0, 1, 3].map((warmupSteps) => ({
    kind,
    base: 0.1,
    factor: kind === 'step' ? 0.5 : 0.3,
    decaySteps: 4,
    warmupSteps,
    // Past the end of the cosine, where torch's would rise again.
    steps: 16,
  })),
);

const PLATEAU: PlateauCase[] = [
  {
    mode: 'min',
    base: 0.1,
    factor: 0.5,
    patience: 2,
    minDelta: 0.01,
    values: [1, 0.995, 0.999, 0.5, 0.6, 0.7, 0.8, 0.9, 0.49, 0.3, NaN, NaN, 0.2],
  },
  {
    mode: 'max',
    base: 0.01,
    factor: 0.1,
    patience: 1,
    minDelta: 0,
    values: [0.5, 0.6, 0.6, 0.7, 0.65, 0.7, 0.71],
  },
];

function ourDecay(c: DecayCase): number[] {
  const config: ScheduleConfig = {
    learningRate: c.base,
    lrSchedule: c.kind,
    lrDecayEpochs: 1,
    lrDecayFactor: c.factor,
    lrWarmupEpochs: 0,
  };
  const steps = { decaySteps: c.decaySteps, warmupSteps: c.warmupSteps };
  return Array.from({ length: c.steps }, (_, s) => learningRateAt(config, steps, s));
}

function ourPlateau(c: PlateauCase): number[] {
  let state = initialPlateau(c.base, c.mode);
  return c.values.map((v) => {
    const lr = state.lr;
    state = plateauStep(state, v, c);
    return lr;
  });
}

// Gradients with a global norm near 10: clipped at 3, untouched at 100.
const rng = makeRng(5);
const SHAPES = [[3, 4], [4], [4, 1], [1]];
const GRADS = SHAPES.map((shape) =>
  Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * normal(rng)),
);

let dir = '';
let torch: { decay: number[][]; plateau: number[][]; clip: number[][] } | null = null;
function torchResults(maxNorm: number) {
  const job = {
    decay: DECAY,
    // JSON has no NaN: null stands for it.
    plateau: PLATEAU.map((p) => ({
      ...p,
      values: p.values.map((v) => (Number.isNaN(v) ? null : v)),
    })),
    clip: { grads: GRADS, shapes: SHAPES, maxNorm },
  };
  const path = join(dir, `job-${maxNorm}.json`);
  writeFileSync(path, JSON.stringify(job));
  return JSON.parse(execFileSync(PYTHON, [HELPER, path], { encoding: 'utf8' })) as NonNullable<
    typeof torch
  >;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = mkdtempSync(join(tmpdir(), 'torch-schedules-'));
  torch = torchResults(3);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const close = (got: number[], want: number[], tol: number) => {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) =>
    expect(Math.abs(g - want[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want[i]!))),
  );
};

describe('learning-rate schedules agree with PyTorch', () => {
  it.each(DECAY.map((c, i) => [`${c.kind}, warm-up ${c.warmupSteps}`, i] as const))(
    '%s: the rate of every step',
    (_name, i) => {
      const want = torch!.decay[i]!;
      close(ourDecay(DECAY[i]!), want, 1e-12);
      // Not a vacuous match: the rate changes over the case.
      expect(new Set(want.map((v) => v.toPrecision(8))).size).toBeGreaterThan(2);
    },
  );

  it.each(PLATEAU.map((c, i) => [c.mode, i] as const))(
    'reduce-on-plateau (%s): the rate of every epoch',
    (_mode, i) => {
      const want = torch!.plateau[i]!;
      close(ourPlateau(PLATEAU[i]!), want, 1e-12);
      expect(new Set(want).size).toBeGreaterThan(2);
    },
  );
});

describe('gradient clipping agrees with clip_grad_norm_', () => {
  const ours = (maxNorm: number) => {
    const grads = Object.fromEntries(GRADS.map((g, i) => [`g${i}`, tf.tensor(g, SHAPES[i])]));
    const clipped = clipByGlobalNorm(tf, grads, maxNorm);
    const out = GRADS.map((_, i) => Array.from(clipped[`g${i}`]!.dataSync()));
    tf.dispose([grads, clipped]);
    return out;
  };

  it('scales the same gradients alike when their norm is above the limit', () => {
    const norm = Math.hypot(...GRADS.flat());
    expect(norm).toBeGreaterThan(3);
    // torch divides by norm + 1e-6: a relative difference of about 1e-7 here.
    ours(3).forEach((g, i) => close(g, torch!.clip[i]!, 1e-5));
  });

  it('leaves them alone below it, as torch does', () => {
    const untouched = torchResults(100).clip;
    ours(100).forEach((g, i) => close(g, untouched[i]!, 1e-6));
    ours(100).forEach((g, i) => close(g, GRADS[i]!.map(Math.fround), 0));
  });
});
