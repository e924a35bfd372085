import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWorker } from './fakeWorker';
import { TrainingClient, type WorkerFailure } from './client';
import type { FromWorker } from './protocol';

describe('TrainingClient', () => {
  let workers: FakeWorker[];
  const make = (opts = {}) =>
    new TrainingClient({
      ...opts,
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w as unknown as Worker;
      },
    });

  beforeEach(() => {
    workers = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('sends init first, then messages, and fans out replies', () => {
    const client = make({ testHooks: true });
    client.send({ type: 'stop', runId: 'r' });
    expect(workers[0]!.sent).toEqual([
      { type: 'init', testHooks: true },
      { type: 'stop', runId: 'r' },
    ]);
    const got: FromWorker[] = [];
    const off = client.subscribe((m) => got.push(m));
    workers[0]!.emit({ type: 'heartbeat', time: 1 });
    off();
    workers[0]!.emit({ type: 'heartbeat', time: 2 });
    expect(got).toEqual([{ type: 'heartbeat', time: 1 }]);
    client.dispose();
  });

  it('reports a crash once, and a restart ignores the old worker', () => {
    const client = make();
    const failures: WorkerFailure[] = [];
    client.onFailure((f) => failures.push(f));
    const got: FromWorker[] = [];
    client.subscribe((m) => got.push(m));
    const old = workers[0]!;
    old.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
    old.onerror?.({ message: 'again', preventDefault: () => {} } as ErrorEvent);
    expect(failures).toEqual([{ kind: 'crashed', message: 'boom' }]);
    client.restart();
    expect(old.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    old.emit({ type: 'heartbeat', time: 1 });
    workers[1]!.emit({ type: 'heartbeat', time: 2 });
    expect(got).toEqual([{ type: 'heartbeat', time: 2 }]);
    client.dispose();
  });

  it('calls a worker without heartbeats unresponsive', () => {
    const client = make({ heartbeatTimeoutMs: 5000 });
    const failures: WorkerFailure[] = [];
    client.onFailure((f) => failures.push(f));
    for (let i = 0; i < 8; i++) {
      vi.advanceTimersByTime(1000);
      workers[0]!.emit({ type: 'heartbeat', time: i });
    }
    expect(failures).toEqual([]);
    vi.advanceTimersByTime(7000);
    expect(failures).toEqual([
      { kind: 'unresponsive', message: expect.stringMatching(/not responded for 5 s/) },
    ]);
    client.dispose();
  });

  it('after one slow step, waits twice that long before calling the worker stuck', () => {
    const client = make();
    const failures: WorkerFailure[] = [];
    client.onFailure((f) => failures.push(f));
    const beat = (time: number) => workers[0]!.emit({ type: 'heartbeat', time });
    // The first 13 s step (mnist_convnet at batch 128 on the CPU backend) is past 10 s.
    vi.advanceTimersByTime(13_000);
    expect(failures).toHaveLength(1);
    beat(1);
    // Later steps as slow raise no alert: the limit is now 26 s.
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(13_000);
      beat(2 + i);
    }
    expect(failures).toHaveLength(1);
    vi.advanceTimersByTime(25_000);
    expect(failures).toHaveLength(1);
    vi.advanceTimersByTime(2_000);
    expect(failures).toEqual([
      { kind: 'unresponsive', message: expect.stringMatching(/not responded for 10 s/) },
      { kind: 'unresponsive', message: expect.stringMatching(/not responded for 26 s/) },
    ]);
    client.dispose();
  });

  it('still notices a hang within a minute after very slow steps', () => {
    const client = make();
    const failures: WorkerFailure[] = [];
    client.onFailure((f) => failures.push(f));
    vi.advanceTimersByTime(45_000);
    workers[0]!.emit({ type: 'heartbeat', time: 1 });
    vi.advanceTimersByTime(59_000);
    expect(failures).toHaveLength(1);
    vi.advanceTimersByTime(2_000);
    expect(failures[1]?.message).toMatch(/not responded for 60 s/);
    client.dispose();
  });

  it('a restarted worker starts again from the base limit', () => {
    const client = make();
    const failures: WorkerFailure[] = [];
    client.onFailure((f) => failures.push(f));
    vi.advanceTimersByTime(20_000);
    workers[0]!.emit({ type: 'heartbeat', time: 1 });
    client.restart();
    vi.advanceTimersByTime(11_000);
    expect(failures.map((f) => f.message)).toEqual([
      expect.stringMatching(/for 10 s/),
      expect.stringMatching(/for 10 s/),
    ]);
    client.dispose();
  });
});
