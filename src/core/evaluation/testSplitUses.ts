/**
 * How many times a test split has been looked at. Every evaluation on the same test rows
 * (same data, same seed, same split ratios) lets a choice lean on them a little more, so
 * the report says how often they were used. Derived from the stored runs, never stored.
 */
import { sameRunData } from '../runs/compare';
import type { RunRecord } from '../runs/record';

type Evaluated = Pick<RunRecord, 'id' | 'name' | 'dataset' | 'config' | 'evaluation'>;

/** Whether two runs drew the same test rows: same data, seed and split ratios. */
export function sameTestSplit(a: Evaluated, b: Evaluated): boolean {
  const [sa, sb] = [a.config.split, b.config.split];
  return (
    a.config.seed === b.config.seed &&
    sa.train === sb.train &&
    sa.validation === sb.validation &&
    sa.test === sb.test &&
    sameRunData(a, b)
  );
}

/**
 * The number of runs (this one included, once evaluated) with an evaluation on this
 * run's test split. `runs` may or may not contain `record` itself.
 */
export function testSplitUses(record: Evaluated, runs: readonly Evaluated[]): number {
  const ids = new Set<string>();
  for (const r of [record, ...runs]) {
    if (r.evaluation !== null && sameTestSplit(record, r)) ids.add(r.id);
  }
  return ids.size;
}
