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
});
