/**
 * The kernel initializers a layer with a kernel (Dense, Conv2D) can start from, one entry
 * each: how TF.js builds it, how Keras names it, the PyTorch code that draws from the
 * same distribution, and how a saved topology describes it. The `kernelInitializer`
 * param's options, the exporters and the topology reader all read this table.
 *
 * TF.js 4.22's definitions (VarianceScaling in tfjs-layers' initializers.js), with
 * fan_in = inputs × kernel taps:
 * - glorotUniform: uniform in ±√(6 / (fan_in + fan_out)).
 * - heNormal: a normal of std √(2 / fan_in) truncated at 2 std (so the weights' std is
 *   0.88 × √(2 / fan_in)). Keras's he_normal divides the std by 0.8796 first, so that the
 *   truncated weights have std √(2 / fan_in); TF.js does not.
 * - heUniform: uniform in ±√(6 / fan_in).
 */
import type * as tfjs from '@tensorflow/tfjs';

/** A TF.js initializer (its class is not exported under a name of its own). */
export type TfjsInitializer = ReturnType<typeof tfjs.initializers.glorotUniform>;

interface InitializerEntry {
  /** Keras's `kernel_initializer=` name. */
  keras: string;
  /** The Keras class a Keras 2/3 topology names it by. */
  kerasClass: string;
  /** TF.js builds it as VarianceScaling with these settings (how TF.js saves it). */
  variance: { scale: number; mode: 'fan_in' | 'fan_avg'; distribution: 'normal' | 'uniform' };
  /** Seeded TF.js initializer. */
  tfjs(tf: typeof tfjs, seed: number): TfjsInitializer;
  /** PyTorch statement initialising the weight `{w}` in place (torch's own layout). */
  torch: string;
}

export const KERNEL_INITIALIZERS = {
  glorotUniform: {
    keras: 'glorot_uniform',
    kerasClass: 'GlorotUniform',
    variance: { scale: 1, mode: 'fan_avg', distribution: 'uniform' },
    tfjs: (tf, seed) => tf.initializers.glorotUniform({ seed }),
    torch: 'nn.init.xavier_uniform_({w})',
  },
  heNormal: {
    keras: 'he_normal',
    kerasClass: 'HeNormal',
    variance: { scale: 2, mode: 'fan_in', distribution: 'normal' },
    tfjs: (tf, seed) => tf.initializers.heNormal({ seed }),
    // Not kaiming_normal_, which does not truncate: see he_normal_ in the script.
    torch: 'he_normal_({w})',
  },
  heUniform: {
    keras: 'he_uniform',
    kerasClass: 'HeUniform',
    variance: { scale: 2, mode: 'fan_in', distribution: 'uniform' },
    tfjs: (tf, seed) => tf.initializers.heUniform({ seed }),
    // Bound gain·√(3 / fan_in) with relu's gain √2: TF.js's √(6 / fan_in).
    torch: 'nn.init.kaiming_uniform_({w}, nonlinearity="relu")',
  },
} as const satisfies Record<string, InitializerEntry>;

export type KernelInitializerName = keyof typeof KERNEL_INITIALIZERS;

/** The initializer names in the table's order (the select's order). */
export const KERNEL_INITIALIZER_NAMES = Object.keys(KERNEL_INITIALIZERS) as KernelInitializerName[];

/** The Python helper the `heNormal` entry calls, emitted once in the PyTorch script. */
export const TORCH_HE_NORMAL = `def he_normal_(weight):
    """TF.js heNormal: a normal of std sqrt(2 / fan_in) truncated at 2 std. torch's
    kaiming_normal_ draws the same normal without truncating; Keras's he_normal widens
    it by 1 / 0.8796 before truncating. This matches TF.js, the app."""
    std = math.sqrt(2.0 / nn.init._calculate_correct_fan(weight, "fan_in"))
    return nn.init.trunc_normal_(weight, std=std, a=-2 * std, b=2 * std)`;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** 'fanIn' (TF.js's own spelling) and 'fan_in' (Keras's) alike. */
const snakeMode = (mode: unknown) =>
  typeof mode === 'string' ? mode.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : mode;

/**
 * The initializer a saved `kernel_initializer` describes: TF.js's VarianceScaling config,
 * Keras's class (GlorotUniform, HeNormal...) or name ("he_normal"); null for any other.
 */
export function kernelInitializerFromKeras(saved: unknown): KernelInitializerName | null {
  const entries = Object.entries(KERNEL_INITIALIZERS) as [
    KernelInitializerName,
    InitializerEntry,
  ][];
  if (typeof saved === 'string') return entries.find(([, e]) => e.keras === saved)?.[0] ?? null;
  if (!isRecord(saved)) return null;
  const byClass = entries.find(([, e]) => e.kerasClass === saved['class_name']);
  if (byClass) return byClass[0];
  const config = saved['config'];
  if (saved['class_name'] !== 'VarianceScaling' || !isRecord(config)) return null;
  // Keras 2.x writes "truncated_normal" where TF.js writes "normal".
  const distribution =
    config['distribution'] === 'truncated_normal' ? 'normal' : config['distribution'];
  const found = entries.find(
    ([, { variance: v }]) =>
      v.scale === config['scale'] &&
      v.mode === snakeMode(config['mode']) &&
      v.distribution === distribution,
  );
  return found?.[0] ?? null;
}
