import { describe, expect, it } from 'vitest';
import { ProgressBatcher, RunControl } from './runControl';
import type { FromWorker } from './protocol';
import type { Progress } from '../core/train/types';

const progress = (batch: number): Progress => ({
  epoch: 1,
  epochs: 2,
  batch,
  batches: 100,
  samplesPerSec: null,
  etaSec: null,
  warmingUp: true,
});

describe('RunControl', () => {
  it('yields every 100 ms, and every 15 ms while a checkpoint is being written', async () => {
    let clock = 0;
    let yields = 0;
    let writing = false;
    const control = new RunControl(
      'r1',
      () => {},
      () => clock,
      async () => {
        yields += 1;
      },
      undefined,
      () => writing,
    );
    // One batch every 5 ms for 300 ms, then 300 ms with a write under way.
    const batches = async () => {
      for (let i = 0; i < 60; i++) {
        clock += 5;
        await control.waitIfPaused();
      }
    };
    await batches();
    expect(yields).toBe(3);
    writing = true;
    await batches();
    expect(yields).toBe(3 + 20);
  });

  it('waits while paused and goes on after resume', async () => {
    const posted: FromWorker[] = [];
    const control = new RunControl(
      'r1',
      (m) => posted.push(m),
      () => 0,
      async () => {},
    );
    control.pause();
    control.pause();
    let passed = false;
    const waiting = control.waitIfPaused().then(() => (passed = true));
    await Promise.resolve();
    expect(passed).toBe(false);
    control.resume();
    await waiting;
    expect(passed).toBe(true);
    expect(posted.map((m) => m.type)).toEqual(['paused', 'resumed']);
  });

  it('releases a paused run on stop', async () => {
    const control = new RunControl(
      'r1',
      () => {},
      () => 0,
      async () => {},
    );
    control.pause();
    const waiting = control.waitIfPaused();
    control.stop();
    await waiting;
    expect(control.isStopped).toBe(true);
  });

  it('yields to the event loop only when due', async () => {
    let clock = 0;
    let yields = 0;
    const control = new RunControl(
      'r',
      () => {},
      () => clock,
      async () => void (yields += 1),
      15,
    );
    await control.waitIfPaused();
    expect(yields).toBe(0);
    clock = 20;
    await control.waitIfPaused();
    await control.waitIfPaused();
    expect(yields).toBe(1);
  });
});

describe('ProgressBatcher', () => {
  it('posts at most every interval, with the new points since the last post', () => {
    let clock = 0;
    const posted: FromWorker[] = [];
    const batcher = new ProgressBatcher(
      'r',
      (m) => posted.push(m),
      () => clock,
      100,
    );
    for (let step = 0; step < 50; step++) {
      clock = step * 10;
      batcher.addPoint({ step, epoch: 1, loss: 1 });
      batcher.setProgress(progress(step + 1));
    }
    batcher.flush();
    const messages = posted.filter((m) => m.type === 'progress');
    expect(messages.length).toBeLessThanOrEqual(7);
    const steps = messages.flatMap((m) =>
      m.type === 'progress' ? m.batches.map((b) => b.step) : [],
    );
    expect(steps).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const last = messages.at(-1);
    expect(last?.type === 'progress' && last.progress.batch).toBe(50);
    batcher.flush();
    expect(posted.length).toBe(messages.length);
  });
});
