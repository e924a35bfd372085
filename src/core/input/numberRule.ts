/**
 * One rule for a number a user types or a file stores: whole or real, its range, and the
 * human message when a value breaks it. Forms, schemas and run checks share these
 * messages, so "Batch size must be from 1 to 65,536." reads the same everywhere.
 */

export interface NumberRule {
  /** The setting's label, which starts every message: "Batch size". */
  label: string;
  integer: boolean;
  min: number;
  max: number;
  /** The value must be above `min`, not equal to it (a learning rate of 0 learns nothing). */
  minExclusive?: boolean;
  /** One message for every failure, where a field has always said it that way. */
  message?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const fmt = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 20 });

/** The range in words: "from 1 to 65,536", or "above 0 and at most 10". */
export function rangeText(rule: Pick<NumberRule, 'min' | 'max' | 'minExclusive'>): string {
  return rule.minExclusive
    ? `above ${fmt(rule.min)} and at most ${fmt(rule.max)}`
    : `from ${fmt(rule.min)} to ${fmt(rule.max)}`;
}

/** Whether a finite value lies inside the rule's range. */
export function inRange(value: number, rule: NumberRule): boolean {
  return (rule.minExclusive ? value > rule.min : value >= rule.min) && value <= rule.max;
}

/** The human message when `value` breaks the rule, or null when it keeps it. */
export function numberProblem(value: number, rule: NumberRule): string | null {
  const range = rangeText(rule);
  let message: string | null = null;
  if (!Number.isFinite(value)) message = `${rule.label} must be a number ${range}.`;
  else if (rule.integer && !Number.isInteger(value))
    message = `${rule.label} must be a whole number ${range}.`;
  else if (!inRange(value, rule)) message = `${rule.label} must be ${range}.`;
  return message === null ? null : (rule.message ?? message);
}

/** Parses what a user typed; empty text is not a number. */
export function parseNumberInput(raw: string, rule: NumberRule): Parsed<number> {
  const text = raw.trim();
  const value = text === '' ? NaN : Number(text);
  const problem = numberProblem(value, rule);
  return problem === null ? { ok: true, value } : { ok: false, message: problem };
}
