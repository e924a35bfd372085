import type { LayerCategory } from '../../core/layers/types';

/** Palette order: roughly the order layers appear in a network, input first. */
export const CATEGORY_ORDER: readonly LayerCategory[] = [
  'Input',
  'Core',
  'Convolution',
  'Pooling',
  'Normalization',
  'Reshape',
  'Merge',
];

/** CSS class carrying the category colour (see editor.css). */
export function categoryClass(category: LayerCategory | undefined): string {
  return `cat-${(category ?? 'unknown').toLowerCase()}`;
}
