/**
 * How a hyperparameter search may vary one setting or layer parameter: the kind of
 * value, the scale to sample it on, and the range a new search starts from. Training
 * settings (src/core/train/settings.ts) and layer parameters (src/core/layers/types.ts)
 * carry it, so a search space is read from the same tables as the forms.
 */

/** Search metadata of one numeric or categorical value. */
export type SearchSpec =
  | {
      kind: 'int' | 'real';
      /** 'log' samples evenly in log space: learning rates, batch sizes, layer widths. */
      scale: 'linear' | 'log';
      /** Inclusive [low, high] a new search starts from; inside the value's own range. */
      defaultRange: readonly [number, number];
    }
  | {
      kind: 'choice';
      scale: 'linear';
      /** The options a new search tries, a subset of the value's options. */
      defaultRange: readonly string[];
    };

/** Bounds a value may take, for checking a search range against them. */
export interface SearchBounds {
  min: number;
  max: number;
  /** The value must be above `min` (learning rates), not equal to it. */
  minExclusive?: boolean;
}

/** Why a search spec does not fit the value it describes, or null when it does. */
export function searchSpecProblem(
  spec: SearchSpec,
  value:
    { kind: 'int' | 'real'; bounds: SearchBounds } | { kind: 'choice'; options: readonly string[] },
): string | null {
  if (spec.kind === 'choice' || value.kind === 'choice') {
    if (spec.kind !== 'choice' || value.kind !== 'choice')
      return 'a choice is searched as a choice';
    if (spec.defaultRange.length === 0) return 'the search tries no option';
    const unknown = spec.defaultRange.find((o) => !value.options.includes(o));
    return unknown === undefined ? null : `the search tries the unknown option "${unknown}"`;
  }
  if (spec.kind !== value.kind) return `a ${value.kind} value is searched as ${spec.kind}`;
  const [low, high] = spec.defaultRange;
  const { min, max, minExclusive } = value.bounds;
  if (!(low <= high)) return 'the search range is empty';
  if (low < min || (minExclusive && low === min) || high > max)
    return `the search range [${low}, ${high}] leaves the value's range`;
  if (spec.kind === 'int' && !(Number.isInteger(low) && Number.isInteger(high)))
    return 'a whole-number search range has fractional ends';
  if (spec.scale === 'log' && !(low > 0)) return 'a log scale needs a range above 0';
  return null;
}
