import { describe, expect, it } from 'vitest';
import { CheckpointWriter } from './checkpointWriter';
import type { RunEvent } from '../core/runs/events';
import type { Checkpoint } from '../core/train/checkpoint';
import { RunWriteError } from '../core/runs/runsDb';

const checkpoint = (epoch: number): Checkpoint => ({
  epoch,
  step: epoch * 10,
  weights: [{ name: 'w', shape: [2], values: new Float32Array([epoch, epoch]) }],
  optimizer: [{ name: 'iter', shape: [], values: new Float32Array([epoch * 10]) }],
  optimizerPrivate: [],
});

/** A store whose writes finish a task later, so epochs taken meanwhile queue behind them. */
function slowStore() {
  const puts: number[][] = [];
  const put = async (_runId: string, cps: readonly Checkpoint[]) => {
    puts.push(cps.map((c) => c.epoch));
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { puts, put };
}

describe('CheckpointWriter', () => {
  it('stores final and best, coalescing epochs that arrive during a write, then reports them', async () => {
    const events: RunEvent[] = [];
    const store = slowStore();
    const writer = new CheckpointWriter('r', null, (e) => events.push(e), store.put);
    writer.take(checkpoint(1), 0.5);
    // Epoch 1's write is under way when the next epochs arrive.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.puts).toEqual([[1]]);
    writer.take(checkpoint(2), 0.4); // best, waits behind epoch 1
    writer.take(checkpoint(3), 0.45); // final only; replaces epoch 2 as final, 2 stays best
    writer.take(checkpoint(4), 0.6); // final only; replaces epoch 3
    await writer.flush();
    expect(store.puts).toEqual([[1], [4, 2]]);
    const stored = events.map((e) => (e.type === 'checkpoint' ? [e.info.epoch, e.kinds] : e.type));
    expect(stored).toEqual([
      [1, ['final', 'best']],
      [4, ['final']],
      [2, ['best']],
    ]);
  });

  it('a continued run compares with its best so far', async () => {
    const events: RunEvent[] = [];
    const writer = new CheckpointWriter(
      'r',
      { epoch: 3, valLoss: 0.1, bytes: 8 },
      (e) => events.push(e),
      () => Promise.resolve(),
    );
    writer.take(checkpoint(4), 0.2);
    await writer.flush();
    expect(events).toMatchObject([{ type: 'checkpoint', kinds: ['final'] }]);
  });

  it('with early stopping, the best is early stopping’s best, not the lowest loss', async () => {
    const events: RunEvent[] = [];
    const writer = new CheckpointWriter(
      'r',
      null,
      (e) => events.push(e),
      () => Promise.resolve(),
    );
    writer.take(checkpoint(1), 0.5, true);
    await writer.flush();
    // Lower validation loss, but not by early stopping's min delta (or another monitor).
    writer.take(checkpoint(2), 0.4, false);
    await writer.flush();
    expect(events).toMatchObject([
      { type: 'checkpoint', info: { epoch: 1 }, kinds: ['final', 'best'] },
      { type: 'checkpoint', info: { epoch: 2 }, kinds: ['final'] },
    ]);
  });

  it('a failed write is reported once and later checkpoints are not stored', async () => {
    const events: RunEvent[] = [];
    let calls = 0;
    const writer = new CheckpointWriter(
      'r',
      null,
      (e) => events.push(e),
      () => {
        calls++;
        return Promise.reject(new RunWriteError('QuotaExceededError', true));
      },
    );
    writer.take(checkpoint(1), 0.5);
    await writer.flush();
    writer.take(checkpoint(2), 0.4);
    await writer.flush();
    expect(calls).toBe(1);
    expect(events).toEqual([
      {
        type: 'checkpointNotSaved',
        runId: 'r',
        message: 'QuotaExceededError',
        quota: true,
        unavailable: false,
      },
    ]);
  });
});
