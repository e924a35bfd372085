/**
 * The in-browser check of the app's WebGL filter gradient (the worker's convGradientCheck
 * test hook): dW through TF.js's gradient of conv2d on the active backend, where the app's
 * kernel is registered, against a direct sum written here, with no TF.js in it.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { makeRng, normal } from '../random';

export interface FilterGradientCase {
  input: [number, number, number, number];
  filter: [number, number, number, number];
  strides: [number, number];
  pad: 'same' | 'valid';
}

/** Strides 1 and 2, both paddings, and the MNIST convnet's second layer at batch 2. */
export const FILTER_GRADIENT_CASES: FilterGradientCase[] = [
  { input: [2, 7, 6, 2], filter: [3, 3, 2, 3], strides: [1, 1], pad: 'same' },
  { input: [2, 7, 6, 2], filter: [3, 3, 2, 3], strides: [1, 1], pad: 'valid' },
  { input: [3, 9, 7, 5], filter: [3, 3, 5, 6], strides: [2, 2], pad: 'same' },
  { input: [3, 9, 7, 5], filter: [3, 3, 5, 6], strides: [2, 2], pad: 'valid' },
  { input: [2, 13, 13, 32], filter: [3, 3, 32, 16], strides: [1, 1], pad: 'valid' },
];

/** TensorFlow's output size and leading padding of one spatial axis. */
function axis(size: number, k: number, s: number, pad: 'same' | 'valid') {
  if (pad === 'valid') return { out: Math.ceil((size - k + 1) / s), before: 0 };
  const out = Math.ceil(size / s);
  const total = Math.max((out - 1) * s + k - size, 0);
  return { out, before: Math.floor(total / 2) };
}

/**
 * dW[u, v, c, o] = Σ x[b, y·sh + u − top, x·sw + v − left, c] · dy[b, y, x, o] over the
 * positions whose input index falls inside x: the definition, summed directly.
 */
export function directFilterGradient(
  x: ArrayLike<number>,
  dy: ArrayLike<number>,
  c: FilterGradientCase,
): Float32Array {
  const [n, h, w, inC] = c.input;
  const [kh, kw, , outC] = c.filter;
  const rows = axis(h, kh, c.strides[0], c.pad);
  const cols = axis(w, kw, c.strides[1], c.pad);
  const dw = new Float64Array(kh * kw * inC * outC);
  for (let b = 0; b < n; b++)
    for (let y = 0; y < rows.out; y++)
      for (let xo = 0; xo < cols.out; xo++)
        for (let u = 0; u < kh; u++) {
          const r = y * c.strides[0] + u - rows.before;
          if (r < 0 || r >= h) continue;
          for (let v = 0; v < kw; v++) {
            const q = xo * c.strides[1] + v - cols.before;
            if (q < 0 || q >= w) continue;
            for (let ch = 0; ch < inC; ch++) {
              const xv = x[((b * h + r) * w + q) * inC + ch]!;
              const dyAt = ((b * rows.out + y) * cols.out + xo) * outC;
              const at = ((u * kw + v) * inC + ch) * outC;
              for (let o = 0; o < outC; o++) dw[at + o]! += xv * dy[dyAt + o]!;
            }
          }
        }
  return Float32Array.from(dw);
}

/** Largest |a − b| relative to the largest |b|. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 1e-6;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]!));
  let worst = a.length === b.length ? 0 : Infinity;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / scale);
  return worst;
}

function seeded(size: number, seed: number): Float32Array {
  const rng = makeRng(seed);
  return Float32Array.from({ length: size }, () => normal(rng));
}

/** Each case's largest relative error of dW on the active backend against the direct sum. */
export async function filterGradientErrors(
  tf: typeof tfjs,
  cases: readonly FilterGradientCase[] = FILTER_GRADIENT_CASES,
): Promise<{ case: string; error: number }[]> {
  const results: { case: string; error: number }[] = [];
  for (const [i, c] of cases.entries()) {
    const xValues = seeded(
      c.input.reduce((a, b) => a * b),
      3 * i + 1,
    );
    const fValues = seeded(
      c.filter.reduce((a, b) => a * b),
      3 * i + 2,
    );
    const dyShape = tf.tidy(
      () =>
        tf.conv2d(
          tf.zeros(c.input) as tfjs.Tensor4D,
          tf.zeros(c.filter) as tfjs.Tensor4D,
          c.strides,
          c.pad,
        ).shape,
    );
    const dyValues = seeded(
      dyShape.reduce((a, b) => a * b),
      3 * i + 3,
    );
    const dw = tf.tidy(() => {
      const x = tf.tensor4d(xValues, c.input);
      const dy = tf.tensor(dyValues, dyShape);
      // d/df of sum(conv2d(x, f) · dy) is dW for output gradient dy.
      const grad = tf.grad((f) =>
        tf.sum(tf.mul(tf.conv2d(x, f as tfjs.Tensor4D, c.strides, c.pad), dy)),
      );
      return grad(tf.tensor4d(fValues, c.filter));
    });
    const got = await dw.data();
    dw.dispose();
    results.push({
      case: JSON.stringify(c),
      error: relativeError(got, directFilterGradient(xValues, dyValues, c)),
    });
  }
  return results;
}
