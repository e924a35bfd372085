/**
 * The activations a layer can apply, one entry each: how Keras (and TF.js, which shares
 * the names) spells it, and the PyTorch expression that computes the same function.
 * The activation param's options, the name type, the PyTorch emitter and the export
 * test cases all read this table; adding an activation is one entry.
 *
 * All are built into TF.js 4.22 and Keras under these names, and every backend has
 * their kernels and gradients (gelu uses Erf).
 */

interface ActivationEntry {
  /** The name Keras's `activation=` and TF.js's layers take. */
  keras: string;
  /** PyTorch expression of the activation, with `{x}` standing for its input. */
  torch: string;
}

export const ACTIVATIONS = {
  linear: { keras: 'linear', torch: '{x}' },
  relu: { keras: 'relu', torch: 'F.relu({x})' },
  sigmoid: { keras: 'sigmoid', torch: 'torch.sigmoid({x})' },
  tanh: { keras: 'tanh', torch: 'torch.tanh({x})' },
  softmax: { keras: 'softmax', torch: 'F.softmax({x}, dim=-1)' },
  elu: { keras: 'elu', torch: 'F.elu({x})' },
  selu: { keras: 'selu', torch: 'F.selu({x})' },
  softplus: { keras: 'softplus', torch: 'F.softplus({x})' },
  // TF.js 'gelu' is the exact (erf) form, as is PyTorch's default.
  gelu: { keras: 'gelu', torch: 'F.gelu({x})' },
} as const satisfies Record<string, ActivationEntry>;

export type ActivationName = keyof typeof ACTIVATIONS;

/** The activation names in the table's order (the select's order). */
export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];

/** Whether a stored value names a known activation. */
export function isActivation(value: unknown): value is ActivationName {
  return typeof value === 'string' && Object.hasOwn(ACTIVATIONS, value);
}
