/** Small helpers over Keras-style shapes (batch dimension first, `null` = unknown). */
import type { Shape } from './types';

/** Formats a shape the way Keras prints it: "(None, 28, 28, 1)". */
export function formatShape(shape: Shape): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

/** Formats a shape without its batch dimension: "(28, 28, 1)"; one dim prints as "(2)". */
export function formatExampleShape(dims: readonly (number | null)[]): string {
  return `(${dims.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

/** True when both shapes have the same rank and the same size on every axis. */
export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Number of values in one example (all dims after the batch); null if any is unknown. */
export function exampleSize(shape: Shape): number | null {
  let size = 1;
  for (const d of shape.slice(1)) {
    if (d === null) return null;
    size *= d;
  }
  return size;
}

/** The size of the last axis (features or channels), or null when unknown. */
export function lastDim(shape: Shape): number | null {
  return shape[shape.length - 1] ?? null;
}
