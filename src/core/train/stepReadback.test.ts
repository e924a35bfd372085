import type * as tfjs from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { readSteps, StepQueue, type PendingStep } from './stepReadback';

/** A step whose `[loss, metric]` arrive when the test says (as a WebGL read does). */
function pendingStep(step: number) {
  let arrive: (v: Float32Array) => void = () => {};
  let fail: (e: Error) => void = () => {};
  let asked = 0;
  let disposed = false;
  const data = new Promise<Float32Array>((resolve, reject) => {
    arrive = resolve;
    fail = reject;
  });
  const values = {
    data: () => {
      asked += 1;
      return data;
    },
    dispose: () => (disposed = true),
  };
  const pending: PendingStep = {
    values: values as unknown as tfjs.Tensor1D,
    at: { epoch: 1, batch: step + 1, step },
    size: 4,
  };
  return { pending, arrive, fail, asked: () => asked, disposed: () => disposed };
}

describe('StepQueue and readSteps', () => {
  it('ask for a step at dispatch and stamp it when its own values arrive, then free it', async () => {
    let clock = 0;
    const queue = new StepQueue(
      () => 0,
      100,
      () => clock,
    );
    const a = pendingStep(0);
    const b = pendingStep(1);
    queue.add(a.pending);
    // Asked for at once: on WebGL its fence then follows this step's commands only.
    expect(a.asked()).toBe(1);
    queue.add(b.pending);
    clock = 10;
    a.arrive(Float32Array.of(0.5, 3));
    await Promise.resolve();
    clock = 25;
    b.arrive(Float32Array.of(0.25, 2));
    const steps = await readSteps(queue.take());
    expect(steps.map((s) => [s.at.step, s.loss, s.metric, s.t])).toEqual([
      [0, 0.5, 3, 10],
      [1, 0.25, 2, 25],
    ]);
    expect(a.disposed() && b.disposed()).toBe(true);
    expect(queue.size).toBe(0);
  });

  it("throws a failed read's error, and still frees every step", async () => {
    const queue = new StepQueue(() => 0);
    const a = pendingStep(0);
    const b = pendingStep(1);
    queue.add(a.pending);
    queue.add(b.pending);
    a.arrive(Float32Array.of(0.5, 3));
    b.fail(new Error('context lost'));
    await expect(readSteps(queue.take())).rejects.toThrow('context lost');
    expect(a.disposed() && b.disposed()).toBe(true);
  });
});
