/**
 * The templates' model graphs, each built for one dataset: its input shape, and an output
 * head (units, activation) for its target. `tiny` shrinks filters and units for CI.
 */
import { targetForDataset } from '../data/target';
import { fitGraphToDataset } from '../graph/edit';
import { chain, conv, dense, maxPool2, type NodeStub } from '../graph/presets';
import type { ModelGraph } from '../graph/types';
import { pixelSide, type TemplateDataset } from './dataKind';

/** Full size, or shrunk for the end-to-end tests (?testHooks=1&templateScale=tiny). */
export type TemplateScale = 'full' | 'tiny';

/** A width at the given scale: CI-scale models are an eighth as wide (at least 4). */
export function scaled(width: number, scale: TemplateScale): number {
  return scale === 'tiny' ? Math.max(4, Math.round(width / 8)) : width;
}

const input = (ds: TemplateDataset): NodeStub => ({
  type: 'Input',
  params: { shape: [...ds.featureShape] },
});
const dropout = (rate: number): NodeStub => ({ type: 'Dropout', params: { rate } });
const flatten: NodeStub = { type: 'Flatten', params: {} };

/** The chain with its output head fitted to the dataset's target (last Dense resized). */
function fitted(stubs: NodeStub[], ds: TemplateDataset): ModelGraph {
  return fitGraphToDataset(chain(stubs), ds.featureShape, targetForDataset(ds)).graph;
}

/**
 * keras.io's mnist_convnet: Conv2D 32 → MaxPool 2 → Conv2D 64 → MaxPool 2 → Flatten →
 * Dropout 0.5 → Dense softmax. A table of pixels is reshaped to its square image first.
 * Small images keep a valid graph: a convolution pads ('same') when its 3×3 window no
 * longer fits, and pooling stops below 2×2 (8×8 digits: 6 → 3 → 1).
 */
export function convnetGraph(ds: TemplateDataset, scale: TemplateScale = 'full'): ModelGraph {
  const stubs: NodeStub[] = [input(ds)];
  let [h = 1, w = 1] = ds.featureShape;
  const side = pixelSide(ds.featureShape);
  if (side !== null) {
    stubs.push({ type: 'Reshape', params: { targetShape: [side, side, 1] } });
    h = w = side;
  }
  for (const filters of [32, 64]) {
    const fits = Math.min(h, w) >= 3;
    stubs.push(conv(scaled(filters, scale), fits ? 'valid' : 'same'));
    if (fits) [h, w] = [h - 2, w - 2];
    if (Math.min(h, w) >= 2) {
      stubs.push(maxPool2());
      [h, w] = [Math.floor(h / 2), Math.floor(w / 2)];
    }
  }
  return fitted([...stubs, flatten, dropout(0.5), dense(10, 'softmax')], ds);
}

/** The Keras quickstart: Flatten → Dense 128 relu → Dropout 0.2 → Dense 10 softmax. */
export function quickstartGraph(ds: TemplateDataset, scale: TemplateScale = 'full'): ModelGraph {
  return fitted(
    [input(ds), flatten, dense(scaled(128, scale), 'relu'), dropout(0.2), dense(10, 'softmax')],
    ds,
  );
}

/**
 * Hidden units of the tabular network: 128, or 256 for tables of more than 128 features.
 * Measured on scikit-learn's digits, wine and breast cancer (5 splits each, CPU backend):
 * 128 units came within 0.62 points of scikit-learn's MLP on every table, 64 units within
 * 1.33 (wine) — see the README's expected results.
 */
export function tabularUnits(featureShape: readonly number[]): number {
  const d = featureShape.reduce((a, b) => a * b, 1);
  return d > 128 ? 256 : 128;
}

/** The tabular template's dropout rate after each hidden layer. */
export const TABULAR_DROPOUT = 0.2;

/** Two ReLU hidden layers sized to the table, each followed by Dropout, and the output head. */
export function tabularGraph(ds: TemplateDataset, scale: TemplateScale = 'full'): ModelGraph {
  const units = scaled(tabularUnits(ds.featureShape), scale);
  const stubs: NodeStub[] = [input(ds)];
  // An image reaching a Dense layer is flattened first; a table needs nothing.
  if (ds.featureShape.length > 1) stubs.push(flatten);
  for (let i = 0; i < 2; i++) stubs.push(dense(units, 'relu'), dropout(TABULAR_DROPOUT));
  return fitted([...stubs, dense(1, 'linear')], ds);
}
