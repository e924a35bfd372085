/**
 * Helpers for the layers' PyTorch emitters (`toPyTorch` in src/core/layers): static sizes
 * and activations. Tensor layout (permutations, padding, flatten order) is in torchLayout.ts.
 */
import type { Shape } from '../../graph/types';

/** A size of a static shape (negative index from the end); throws on an unknown size. */
export function staticDim(shape: Shape | undefined, index: number): number {
  const v = shape?.at(index);
  if (typeof v !== 'number') throw new Error('Unknown size in a static shape');
  return v;
}

/** `activate(expr)` in PyTorch, matching the TF.js/Keras activation of the same name. */
export function torchActivation(name: string, expr: string): string {
  switch (name) {
    case 'linear':
      return expr;
    case 'relu':
      return `F.relu(${expr})`;
    case 'sigmoid':
      return `torch.sigmoid(${expr})`;
    case 'tanh':
      return `torch.tanh(${expr})`;
    case 'softmax':
      return `F.softmax(${expr}, dim=-1)`;
    case 'elu':
      return `F.elu(${expr})`;
    case 'selu':
      return `F.selu(${expr})`;
    case 'softplus':
      return `F.softplus(${expr})`;
    case 'gelu':
      // TF.js 'gelu' is the exact (erf) form, as is PyTorch's default.
      return `F.gelu(${expr})`;
    default:
      throw new Error(`No PyTorch activation for ${name}`);
  }
}
