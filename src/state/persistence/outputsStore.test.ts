import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import '../memoryStorage';
import { useAppStore } from '../store';
import { MAX_CACHED_OUTPUTS, loadRunOutputs, retainRunOutputs } from './outputsStore';
import { editRun } from './runsStore';
import type { RunOutputs } from '../../core/evaluation/runOutputs';
import { newLiveRun, newRunRecord } from '../../core/runs/live';
import { defaultGraph } from '../../core/graph/presets';
import { DEFAULT_TRAINING_CONFIG } from '../../core/train/types';
import { makeSynthetic } from '../../core/data/synthetic';
import { summarizeDataset } from '../../core/data/summary';
import { readAllRuns } from '../../core/runs/runsDb';

const outputs = (tag: number): RunOutputs => ({
  task: 'binary',
  classNames: ['a', 'b'],
  trainLabels: Float32Array.from([tag]),
  validation: null,
  test: null,
});

const reads: string[] = [];
const read = async (id: string) => {
  reads.push(id);
  if (id === 'gone') return null;
  if (id === 'broken') throw new Error('disk on fire');
  return outputs(Number(id.slice(1)));
};
const state = () => useAppStore.getState();

beforeEach(() => {
  reads.length = 0;
  useAppStore.setState({ runOutputs: {}, run: null, runs: [] });
});

describe('stored outputs in the evaluation slice', () => {
  it('reads a run once while it is cached, and says when none are stored', async () => {
    await loadRunOutputs('r1', read);
    await loadRunOutputs('r1', read);
    expect(reads).toEqual(['r1']);
    expect(state().runOutputs.r1).toEqual({ status: 'ready', outputs: outputs(1) });
    await loadRunOutputs('gone', read);
    expect(state().runOutputs.gone).toEqual({ status: 'missing' });
  });

  it('turns a failed read into a message, and tries again next time', async () => {
    await loadRunOutputs('broken', read);
    expect(state().runOutputs.broken).toMatchObject({ status: 'error' });
    expect((state().runOutputs.broken as { message: string }).message).toContain('disk on fire');
    await loadRunOutputs('broken', read);
    expect(reads).toEqual(['broken', 'broken']);
  });

  it('keeps what a view retains and drops the oldest unused beyond the limit', async () => {
    const release = retainRunOutputs('r0', read);
    for (let i = 1; i <= MAX_CACHED_OUTPUTS + 3; i++) await loadRunOutputs(`r${i}`, read);
    const ids = Object.keys(state().runOutputs);
    expect(ids).toContain('r0');
    expect(ids.length).toBe(MAX_CACHED_OUTPUTS + 1);
    expect(ids).not.toContain('r1');
    expect(ids).toContain(`r${MAX_CACHED_OUTPUTS + 3}`);
    release();
    expect(Object.keys(state().runOutputs)).not.toContain('r0');
  });
});

describe('the decision of a run', () => {
  it('is stored with the record, and a finished live run shows it too', async () => {
    const record = {
      ...newRunRecord({
        runId: 'run-d',
        name: 'Run 1',
        now: 1,
        graph: defaultGraph(),
        config: DEFAULT_TRAINING_CONFIG,
        datasetChoice: { kind: 'synthetic', id: 'circles', size: 100, noise: 0.1 },
        dataset: summarizeDataset(makeSynthetic('circles', 100, 0.1, 1)),
      }),
      status: 'completed' as const,
    };
    useAppStore.setState({ run: newLiveRun(record), runs: [record] });
    editRun('run-d', { decision: { positive: 0, threshold: 0.35 } });
    expect(state().run?.record.decision).toEqual({ positive: 0, threshold: 0.35 });
    expect(state().runs[0]?.decision).toEqual({ positive: 0, threshold: 0.35 });
    await expect
      .poll(async () => {
        const stored = await readAllRuns();
        return stored.map((r) => (r.ok ? r.record.decision : null));
      })
      .toEqual([{ positive: 0, threshold: 0.35 }]);
  });
});
