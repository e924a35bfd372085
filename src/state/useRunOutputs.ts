/**
 * Runs' final outputs for the evaluation views: the live run's own (in memory once it has
 * finished), else the stored ones, read through the evaluation slice and retained while
 * a view shows them.
 */
import { useEffect, useMemo } from 'react';
import type { RunRecord } from '../core/runs/record';
import type { OutputsState } from './evaluationSlice';
import { retainRunOutputs } from './persistence/outputsStore';
import { useAppStore } from './store';

type Source = Pick<RunRecord, 'id' | 'outputs'> | null;

/**
 * The outputs of each run, in the same order: null for a run that has none (a record
 * from before outputs were kept, or a run that did not finish).
 */
export function useRunsOutputs(records: readonly Source[]): (OutputsState | null)[] {
  const liveId = useAppStore((s) => s.run?.record.id ?? null);
  const live = useAppStore((s) => s.run?.outputs ?? null);
  const cache = useAppStore((s) => s.runOutputs);
  // Stands for `records` in the effects: a new array of the same runs must not re-read them.
  const key = records.map((r) => `${r?.id ?? ''}:${r?.outputs ? 1 : 0}`).join(',');
  const isLive = (r: NonNullable<Source>) => r.id === liveId && live !== null;
  useEffect(() => {
    const releases = records
      .filter((r): r is NonNullable<Source> => r !== null && Boolean(r.outputs) && !isLive(r))
      .map((r) => retainRunOutputs(r.id));
    return () => releases.forEach((release) => release());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, liveId, live]);
  return useMemo(
    () =>
      records.map((r): OutputsState | null => {
        if (!r) return null;
        if (isLive(r)) return { status: 'ready', outputs: live! };
        if (!r.outputs) return null;
        return cache[r.id] ?? { status: 'loading' };
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, liveId, live, cache],
  );
}

/** The outputs of one run (see useRunsOutputs). */
export function useRunOutputs(record: Source): OutputsState | null {
  const id = record?.id ?? null;
  const outputs = record?.outputs;
  const one = useMemo(() => (id === null ? [null] : [{ id, outputs }]), [id, outputs]);
  return useRunsOutputs(one)[0] ?? null;
}
