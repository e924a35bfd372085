/**
 * Helpers for the layers' PyTorch emitters (`toPyTorch` in src/core/layers): static sizes
 * and activations. Tensor layout (permutations, padding, flatten order) is in torchLayout.ts.
 */
import type { Shape } from '../../graph/types';
import { ACTIVATIONS, isActivation } from '../../layers/activations';

/** A size of a static shape (negative index from the end); throws on an unknown size. */
export function staticDim(shape: Shape | undefined, index: number): number {
  const v = shape?.at(index);
  if (typeof v !== 'number') throw new Error('Unknown size in a static shape');
  return v;
}

/** `activate(expr)` in PyTorch, matching the TF.js/Keras activation of the same name. */
export function torchActivation(name: string, expr: string): string {
  if (!isActivation(name)) throw new Error(`No PyTorch activation for ${name}`);
  // A function replacement: `expr` is Python, and `$` patterns must not be expanded.
  return ACTIVATIONS[name].torch.replaceAll('{x}', () => expr);
}
