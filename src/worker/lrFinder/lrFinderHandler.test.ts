import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic } from '../../core/data/synthetic';
import { defaultGraph } from '../../core/graph/presets';
import { DEFAULT_TRAINING_CONFIG } from '../../core/train/types';
import type { LrFinderFromWorker } from './messages';
import { runLrFinder, type LrFinderContext } from './lrFinderHandler';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const machine = { webglRenderer: null, hasWebGL: false, crossOriginIsolated: false };
const message = {
  type: 'findLearningRate' as const,
  requestId: 7,
  graph: defaultGraph(),
  // Cross-validation is asked for but never run by the finder.
  config: { ...DEFAULT_TRAINING_CONFIG, backend: 'cpu' as const, crossValidate: true },
};

function context(patch: Partial<LrFinderContext> = {}) {
  const posted: LrFinderFromWorker[] = [];
  let clock = 0;
  const ctx: LrFinderContext = {
    tf,
    machine,
    dataset: makeSynthetic('circles', 400, 0.1, 3),
    post: (m) => posted.push(m),
    signal: new AbortController().signal,
    // Each reading of the clock advances 10 ms: a progress message every ~10 points.
    now: () => (clock += 10),
    ...patch,
  };
  return { ctx, posted };
}

describe('the learning-rate finder in the worker', () => {
  it('posts its start, its points in batches, then the curve with both suggestions', async () => {
    const { ctx, posted } = context();
    const start = tf.memory().numTensors;
    await runLrFinder(message, ctx);
    expect(tf.memory().numTensors).toBe(start);
    expect(posted[0]).toMatchObject({ type: 'lrFinderStarted', requestId: 7, numIt: 100 });
    expect(posted[0]).toMatchObject({ backend: { name: 'cpu' } });
    const progress = posted.filter((m) => m.type === 'lrFinderProgress');
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.length).toBeLessThan(50);
    const last = posted.at(-1)!;
    if (last.type !== 'lrFinderFinished' || last.result.status !== 'completed')
      throw new Error(JSON.stringify(last));
    // The progress messages held every point, in order, once.
    expect(progress.flatMap((m) => m.points)).toEqual(last.points);
    expect(last.points).toHaveLength(100);
    expect(last.result.suggestions.valley!.lr).toBeGreaterThan(1e-4);
    expect(last.result.suggestions.valley!.lr).toBeLessThan(1);
  });

  it('stops when its request is cancelled', async () => {
    const abort = new AbortController();
    const { ctx, posted } = context({ signal: abort.signal });
    const post = ctx.post;
    ctx.post = (m) => {
      post(m);
      if (m.type === 'lrFinderProgress') abort.abort();
    };
    await runLrFinder(message, ctx);
    const last = posted.at(-1)!;
    expect(last).toMatchObject({ type: 'lrFinderFinished', result: { status: 'cancelled' } });
    if (last.type === 'lrFinderFinished') expect(last.points.length).toBeLessThan(20);
  });

  it('says why it cannot start', async () => {
    const { ctx, posted } = context({ dataset: null });
    await runLrFinder(message, ctx);
    expect(posted).toEqual([
      { type: 'lrFinderFailed', requestId: 7, message: 'No dataset is loaded: choose one first.' },
    ]);
    const bad = context();
    await runLrFinder({ ...message, config: { ...message.config, batchSize: 0 } }, bad.ctx);
    expect(bad.posted).toEqual([
      { type: 'lrFinderFailed', requestId: 7, message: 'Batch size must be from 1 to 65,536.' },
    ]);
  });
});
