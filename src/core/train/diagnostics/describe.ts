/** Findings in words for the diagnostics panel: a title per kind and the evidence as a sentence. */
import { fmt } from './format';
import type { Evidence, FindingKind, Severity } from './types';

export const FINDING_TITLES: Record<FindingKind, string> = {
  overfitting: 'Over-fitting',
  underfitting: 'Under-fitting',
  imbalance: 'Class imbalance',
  divergence: 'Divergence',
  'lr-too-high': 'Learning rate too high',
  'lr-too-low': 'Learning rate too low',
  plateau: 'Plateau',
  'dead-units': 'Dead units',
  'vanishing-gradients': 'Vanishing gradients',
  'exploding-gradients': 'Exploding gradients',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

/** "4–9" for a run of consecutive numbers, else "2, 5, 9" (at most six, then "…"). */
export function numberList(xs: readonly number[]): string {
  if (xs.length === 0) return '';
  const consecutive = xs.every((x, i) => i === 0 || x === xs[i - 1]! + 1);
  if (consecutive && xs.length > 2) return `${xs[0]}–${xs[xs.length - 1]}`;
  const shown = xs.slice(0, 6).join(', ');
  return xs.length > 6 ? `${shown}, …` : shown;
}

function valuesText(values: readonly number[]): string {
  if (values.length === 0) return '';
  if (values.length === 1) return fmt(values[0]!);
  return `${fmt(values[0]!)} → ${fmt(values[values.length - 1]!)}`;
}

/**
 * Where the evidence is, in words: "Epochs 4–9 on the loss chart (0.41 → 0.55)".
 * `regression` names the metric chart after MAE instead of accuracy.
 */
export function evidenceText(e: Evidence, regression = false): string {
  const values = valuesText(e.values ?? []);
  const withValues = values ? ` (${values})` : '';
  switch (e.chart) {
    case 'loss':
    case 'metric': {
      const chart = e.chart === 'loss' ? 'loss' : regression ? 'mean absolute error' : 'accuracy';
      const epochs = e.epochs ?? [];
      const where = epochs.length === 1 ? `Epoch ${epochs[0]}` : `Epochs ${numberList(epochs)}`;
      // Without epochs the evidence is the imbalance check's [macro recall, accuracy] pair.
      if (epochs.length === 0) {
        const [recall, accuracy] = (e.values ?? []).map(fmt);
        return `Validation macro recall ${recall ?? '?'}, accuracy ${accuracy ?? '?'}`;
      }
      return `${where} on the ${chart} chart${withValues}`;
    }
    case 'batch-loss': {
      const steps = (e.steps ?? []).map((s) => s + 1);
      const where = steps.length === 1 ? `Batch ${steps[0]}` : `Batches ${numberList(steps)}`;
      return `${where} on the loss per batch chart${withValues}`;
    }
    case 'layers': {
      const epochs = e.epochs ?? [];
      const where = epochs.length === 1 ? `Epoch ${epochs[0]}` : `Epochs ${numberList(epochs)}`;
      const of = e.layers?.length ? ` of ${e.layers.join(', ')}` : '';
      return `${where} in the per-layer statistics${of}${withValues}`;
    }
    case 'classes':
      return `Training examples per class: ${(e.values ?? []).join(', ')}`;
    default: {
      const never: never = e.chart;
      throw new Error(`Unknown evidence chart ${String(never)}`);
    }
  }
}
