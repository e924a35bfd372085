import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dropoutLayersOf, setDropoutSeeds, unlessInterrupted } from './tfjsWorkarounds';
import { testMlp } from './testModels';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function mask(layer: tf.layers.Layer): number[] {
  return tf.tidy(() =>
    Array.from((layer.apply(tf.ones([1, 64]), { training: true }) as tf.Tensor).dataSync()),
  );
}

describe('setDropoutSeeds', () => {
  it('is needed: a seeded TF.js Dropout repeats its mask on every call', () => {
    const layer = tf.layers.dropout({ rate: 0.5, seed: 7 });
    expect(mask(layer)).toEqual(mask(layer));
  });

  it('gives a new mask per step and the same mask for the same step', () => {
    const layer = tf.layers.dropout({ rate: 0.5, seed: 7 });
    setDropoutSeeds([layer], 1, 0);
    const first = mask(layer);
    setDropoutSeeds([layer], 1, 1);
    const second = mask(layer);
    setDropoutSeeds([layer], 1, 0);
    expect(mask(layer)).toEqual(first);
    expect(second).not.toEqual(first);
    // About half of the values are dropped.
    expect(first.filter((v) => v === 0).length).toBeGreaterThan(16);
  });

  it('finds the Dropout layers of a model', () => {
    const model = testMlp(tf, 2, [4, 4], 1, 1, 0.3);
    expect(dropoutLayersOf(model)).toHaveLength(2);
    model.dispose();
  });
});

describe('unlessInterrupted', () => {
  it('returns the value of work that finishes', async () => {
    expect(await unlessInterrupted(Promise.resolve(3), () => null)).toEqual({ value: 3 });
    expect(await unlessInterrupted(Promise.resolve(4), undefined)).toEqual({ value: 4 });
  });

  it('gives up on work that never finishes once an interruption is reported', async () => {
    let lost: string | null = null;
    setTimeout(() => (lost = 'The WebGL context was lost.'), 100);
    const never = new Promise<number>(() => {});
    expect(await unlessInterrupted(never, () => lost)).toEqual({
      interrupted: 'The WebGL context was lost.',
    });
  });

  it('passes on the error of failing work', async () => {
    await expect(
      unlessInterrupted(Promise.reject(new Error('kernel')), () => null),
    ).rejects.toThrow('kernel');
  });
});
