/**
 * Helpers for the layers' PyTorch emitters (`toPyTorch` in src/core/layers): static sizes
 * and activations. Tensor layout (permutations, padding, flatten order) is in torchLayout.ts.
 */
import type { Shape } from '../../graph/types';
import { ACTIVATIONS, isActivation } from '../../layers/activations';
import { KERNEL_INITIALIZERS, type KernelInitializerName } from '../../layers/initializers';

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

/**
 * The L1/L2 penalty of one kernel as a PyTorch expression (λ1·Σ|W| + λ2·ΣW², Keras's
 * kernel_regularizer: no ½ on L2), or null when both are 0. The sums do not depend on
 * the kernel's layout, so torch's transposed weight gives the same number.
 */
export function torchKernelPenalty(weight: string, p: { l1: number; l2: number }): string | null {
  const terms = [
    p.l1 > 0 ? `${p.l1} * ${weight}.abs().sum()` : null,
    p.l2 > 0 ? `${p.l2} * ${weight}.pow(2).sum()` : null,
  ].filter((t): t is string => t !== null);
  return terms.length > 0 ? terms.join(' + ') : null;
}

/**
 * `reset_parameters` lines of a layer with a kernel (`module`, e.g. `self.dense_1`): its
 * kernel drawn as the app's initializer draws it, its bias (if any) zero, as in Keras.
 */
export function torchKernelReset(
  module: string,
  p: { kernelInitializer: KernelInitializerName; useBias: boolean },
): string[] {
  const weight = `${module}.weight`;
  const kernel = KERNEL_INITIALIZERS[p.kernelInitializer].torch.replaceAll('{w}', () => weight);
  return p.useBias ? [kernel, `nn.init.zeros_(${module}.bias)`] : [kernel];
}
