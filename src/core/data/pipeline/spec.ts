/** The preprocessing pipeline as plain JSON: what the user chose per column, and what was fitted. */
import type { TaskKind } from '../../graph/types';
import type { ColumnProfile, ColumnType } from '../csv/types';

export type MissingStrategy = 'drop' | 'mean' | 'median' | 'mostFrequent' | 'constant';
export type Scaling = 'none' | 'minmax' | 'standardize';
/** Above MAX_CATEGORIES categories: leave the column out, or keep the top 20 and "Other". */
export type HighCardinality = 'exclude' | 'top20';

export const MAX_CATEGORIES = 50;
export const TOP_CATEGORIES = 20;
export const OTHER = 'Other';
/** The numeric features an included date column expands to. */
export const DATE_PARTS = ['year', 'month', 'weekday'] as const;

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  include: boolean;
  missing: MissingStrategy;
  /** Fill value for missing = 'constant' (a number for numeric columns). */
  constant: string;
  scaling: Scaling;
  highCardinality: HighCardinality;
}

export interface PipelineSpec {
  version: 1;
  target: string;
  task: TaskKind;
  /** Regression only: fit mean/std of the target on the training rows. */
  standardizeTarget: boolean;
  /**
   * Use a seeded random sample of the (training file's) rows, stratified by class for
   * classification. The seed is fixed in the spec, not the run's: changing the run seed
   * re-splits the same rows.
   */
  sample?: { percent: number; seed: number };
  columns: ColumnSpec[];
}

export type FittedColumn =
  | { name: string; kind: 'numeric'; fill: number; center: number; scale: number; boolean: boolean }
  | { name: string; kind: 'onehot'; categories: string[]; fill: string }
  | { name: string; kind: 'date'; parts: { fill: number; center: number; scale: number }[] }
  | { name: string; kind: 'excluded'; reason: string };

/** The fitted state of a pipeline, saved with a run: statistics of the training rows only. */
export interface FittedPipeline {
  version: 1;
  columns: FittedColumn[];
  featureNames: string[];
  classNames: string[];
  target: { mean: number; std: number } | null;
  trainRows: number;
}

/** The default choices for a column from its profile: text, dates, IDs, constants excluded. */
export function defaultColumnSpec(p: ColumnProfile): ColumnSpec {
  return {
    name: p.name,
    type: p.inferredType,
    include: p.excludeReason === null,
    missing: p.inferredType === 'numeric' ? 'mean' : 'mostFrequent',
    constant: p.inferredType === 'numeric' ? '0' : 'missing',
    scaling: p.inferredType === 'numeric' ? 'standardize' : 'none',
    highCardinality: 'top20',
  };
}

/** A one-line description of the features the model receives, e.g. "one-hot: 12 → 57 features". */
export function describeFeatures(spec: PipelineSpec, fitted: FittedPipeline): string {
  const inputs = spec.columns.filter((c) => c.include && c.name !== spec.target).length;
  const onehot = fitted.columns.filter((c) => c.kind === 'onehot').length;
  const how = onehot > 0 ? `one-hot of ${onehot} categorical` : 'numeric';
  return `${how}: ${inputs} → ${fitted.featureNames.length} features`;
}

/**
 * The feature count a spec will give, estimated from the whole file's profiles before
 * fitting (the fitted count uses the training split's categories).
 */
export function estimateFeatures(
  profiles: readonly ColumnProfile[],
  columns: readonly ColumnSpec[],
  target: string,
): { inputs: number; features: number; onehot: number } {
  let inputs = 0;
  let features = 0;
  let onehot = 0;
  columns.forEach((c, i) => {
    if (!c.include || c.name === target) return;
    inputs++;
    if (c.type === 'numeric' || c.type === 'boolean') {
      features++;
      return;
    }
    if (c.type === 'date') {
      features += DATE_PARTS.length;
      return;
    }
    const distinct = profiles[i]?.distinct ?? 0;
    if (distinct > MAX_CATEGORIES) {
      if (c.highCardinality === 'exclude') return;
      features += TOP_CATEGORIES + 1;
    } else features += distinct + 1;
    onehot++;
  });
  return { inputs, features, onehot };
}
