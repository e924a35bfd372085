/**
 * What kind of data a template is for, read from a dataset's summary. A table whose
 * feature count is a square (784 = 28², 64 = 8²) can be read as a grayscale image of
 * pixels, as Fashion-MNIST's CSV and scikit-learn's digits are.
 */
import type { DatasetSummary } from '../data/types';

export const DATA_KINDS = ['points2d', 'tabular', 'pixels', 'image'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** The facts of a dataset a template needs: what it is, its example shape and its target. */
export type TemplateDataset = Pick<DatasetSummary, 'kind' | 'task' | 'featureShape' | 'classNames'>;

/** The smallest side a table of pixels is read as: below 8×8 it is more likely just a table. */
const MIN_PIXEL_SIDE = 8;

/** The side of the square grayscale image a table's features form, or null when they form none. */
export function pixelSide(featureShape: readonly number[]): number | null {
  if (featureShape.length !== 1) return null;
  const d = featureShape[0]!;
  const side = Math.round(Math.sqrt(d));
  return side * side === d && side >= MIN_PIXEL_SIDE ? side : null;
}

/** The kinds a dataset counts as, most specific first: a table of pixels is also a table. */
export function dataKindsOf(ds: Pick<TemplateDataset, 'kind' | 'featureShape'>): DataKind[] {
  if (ds.kind === 'image') return ['image'];
  if (ds.kind === 'points2d') return ['points2d'];
  return pixelSide(ds.featureShape) === null ? ['tabular'] : ['pixels', 'tabular'];
}
