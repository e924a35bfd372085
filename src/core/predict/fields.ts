/**
 * The form of "Try the model" for a table: one field per column the model reads, in raw
 * values (a category is chosen from those the pipeline knows), each starting from the
 * value a missing cell would get, so the form predicts something typical before any edit.
 */
import { OTHER } from '../data/pipeline/spec';
import type { PreprocessingInfo } from '../export/modelFiles';

export type TryField =
  | { kind: 'number'; name: string; initial: string }
  /** Categories and booleans: the values the model was trained on. */
  | { kind: 'choice'; name: string; options: string[]; initial: string }
  /** A date (year, month and weekday become features); empty means missing. */
  | { kind: 'date'; name: string; initial: string };

// Four significant digits: a typical value to start from, not the mean to the last digit.
const shown = (v: number) => String(Number(v.toPrecision(4)));

/** The fields of a tabular or 2-D run, by column (uploaded CSV) or feature name. */
export function tryFields(
  pre: Pick<
    PreprocessingInfo,
    'featureNames' | 'standardization' | 'fittedPipeline' | 'inputScale'
  >,
): TryField[] {
  const fitted = pre.fittedPipeline;
  if (!fitted) {
    const mean = pre.standardization?.mean;
    return pre.featureNames.map((name, j) => ({
      kind: 'number',
      name,
      initial: shown((mean?.[j] ?? 0) / pre.inputScale),
    }));
  }
  return fitted.columns.flatMap((c): TryField[] => {
    switch (c.kind) {
      case 'excluded':
        return [];
      case 'numeric':
        return [
          c.boolean
            ? {
                kind: 'choice',
                name: c.name,
                options: ['true', 'false'],
                initial: c.fill >= 0.5 ? 'true' : 'false',
              }
            : { kind: 'number', name: c.name, initial: shown(c.fill) },
        ];
      case 'onehot': {
        // "Other" stands for categories unseen in training; a real category of that name stays.
        const known = c.categories.slice(0, -1);
        const options = known.length > 0 ? known : [OTHER];
        const initial = options.includes(c.fill) ? c.fill : options[0]!;
        return [{ kind: 'choice', name: c.name, options, initial }];
      }
      case 'date':
        return [{ kind: 'date', name: c.name, initial: '' }];
      default: {
        const never: never = c;
        throw new Error(`Unknown fitted column ${JSON.stringify(never)}`);
      }
    }
  });
}
