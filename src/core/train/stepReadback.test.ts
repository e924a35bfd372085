import type * as tfjs from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { readSteps, type PendingStep } from './stepReadback';

/** A step whose `[loss, metric]` arrive when the test says (as a WebGL read does). */
function pendingStep(step: number) {
  let arrive: (v: Float32Array) => void = () => {};
  const data = new Promise<Float32Array>((resolve) => (arrive = resolve));
  let disposed = false;
  const values = { data: () => data, dispose: () => (disposed = true) };
  const pending: PendingStep = {
    values: values as unknown as tfjs.Tensor1D,
    at: { epoch: 1, batch: step + 1, step },
    size: 4,
  };
  return { pending, arrive, disposed: () => disposed };
}

describe('readSteps', () => {
  it('stamps each step when its own values arrive, in step order, and frees them', async () => {
    let clock = 0;
    const a = pendingStep(0);
    const b = pendingStep(1);
    const read = readSteps([a.pending, b.pending], () => clock);
    clock = 10;
    a.arrive(Float32Array.of(0.5, 3));
    await Promise.resolve();
    clock = 25;
    b.arrive(Float32Array.of(0.4, 2));
    const steps = await read;
    expect(steps.map((s) => [s.at.step, s.loss, s.metric, s.t])).toEqual([
      [0, 0.5, 3, 10],
      [1, expect.closeTo(0.4, 6), 2, 25],
    ]);
    expect(a.disposed() && b.disposed()).toBe(true);
  });
});
