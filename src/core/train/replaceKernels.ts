/**
 * Puts the app's own kernels in place of TF.js's on one backend, and runs kernels built
 * from that backend's other kernels (as TF.js's own composite kernels are). The WASM and
 * WebGL training kernels (wasmConvKernels/, webglConvKernels/) are two tables for this.
 */
import type * as tfjs from '@tensorflow/tfjs';

/**
 * What a composite kernel gets: the backend's kernels, run on TensorInfos. Every
 * intermediate is freed with the backend's disposeData when the kernel returns, so a
 * kernel adds no tensor beyond its output.
 */
export interface CompositeKernel {
  tf: typeof tfjs;
  /** Runs the backend's kernel `name`; the result is freed on return unless it is the output. */
  run(
    name: string,
    inputs: tfjs.NamedTensorInfoMap | tfjs.TensorInfo[],
    attrs: object,
  ): tfjs.TensorInfo;
  /** Frees `t`, made by `run` or passed to `track`, on return unless it is the output. */
  track(t: tfjs.TensorInfo): tfjs.TensorInfo;
  /** Frees an intermediate now rather than on return, to bound the kernel's peak memory. */
  free(t: tfjs.TensorInfo): void;
  /** Marks `t` as the kernel's output: it survives the clean-up. */
  output(t: tfjs.TensorInfo): tfjs.TensorInfo;
}

interface DisposingBackend {
  disposeData(dataId: object): boolean;
}

/** Runs `body` on `backend` (registered as `backendName`), then frees its intermediates. */
export function withCompositeKernel(
  tf: typeof tfjs,
  backend: unknown,
  backendName: string,
  body: (k: CompositeKernel) => tfjs.TensorInfo,
): tfjs.TensorInfo {
  const disposing = backend as Partial<DisposingBackend> | null;
  if (typeof disposing?.disposeData !== 'function') {
    throw new Error(`The ${backendName} backend cannot free kernel intermediates.`);
  }
  const dispose = (t: tfjs.TensorInfo) => disposing.disposeData!(t.dataId);
  const temps = new Set<tfjs.TensorInfo>();
  let result: tfjs.TensorInfo | null = null;
  const k: CompositeKernel = {
    tf,
    run: (name, inputs, attrs) => {
      const kernel = tf.getKernel(name, backendName);
      if (!kernel) throw new Error(`The ${backendName} backend has no ${name} kernel.`);
      // Concat takes its inputs as a list; TF.js passes them so to its kernel.
      const out = kernel.kernelFunc({
        inputs: inputs as tfjs.NamedTensorInfoMap,
        backend: backend as tfjs.KernelBackend,
        attrs: attrs as tfjs.NamedAttrMap,
      });
      if (Array.isArray(out)) throw new Error(`${name} returned several tensors.`);
      temps.add(out);
      return out;
    },
    track: (t) => {
      temps.add(t);
      return t;
    },
    free: (t) => {
      if (temps.delete(t)) dispose(t);
    },
    output: (t) => (result = t),
  };
  try {
    const out = body(k);
    if (out !== result) throw new Error('A composite kernel must return what it marked as output.');
    return out;
  } finally {
    for (const t of temps) if (t !== result) dispose(t);
  }
}

/** One kernel of a table; `never` admits each body's own attrs type (TF.js passes the right attrs). */
export interface KernelReplacement<C> {
  body(ctx: C, inputs: tfjs.NamedTensorInfoMap, attrs: never): tfjs.TensorInfo;
  /** Whether TF.js's own kernel (when there is one) is the faster one for these inputs. */
  leaveToTfjs?(inputs: tfjs.NamedTensorInfoMap, attrs: never): boolean;
}

/** The app's kernels for one backend, and how a body gets its context there. */
export interface KernelTable<C> {
  backendName: string;
  kernels: Readonly<Record<string, KernelReplacement<C>>>;
  withContext(
    tf: typeof tfjs,
    backend: unknown,
    body: (ctx: C) => tfjs.TensorInfo,
  ): tfjs.TensorInfo;
}

const ours = new WeakSet<tfjs.KernelFunc>();

/**
 * Registers a table's kernels for its backend, replacing TF.js's own where it has one;
 * calling it again does nothing. Call after importing the backend (its import registers
 * the kernels these replace) and before training on it.
 */
export function replaceKernels<C>(tf: typeof tfjs, table: KernelTable<C>): void {
  const { backendName } = table;
  for (const [name, { body, leaveToTfjs }] of Object.entries(table.kernels)) {
    const current = tf.getKernel(name, backendName);
    if (current && ours.has(current.kernelFunc)) continue;
    if (current) tf.unregisterKernel(name, backendName);
    const tfjsOwn = current?.kernelFunc;
    const kernelFunc: tfjs.KernelFunc = (args) => {
      const attrs = (args.attrs ?? {}) as never;
      if (tfjsOwn && leaveToTfjs?.(args.inputs, attrs)) return tfjsOwn(args);
      return table.withContext(tf, args.backend, (ctx) => body(ctx, args.inputs, attrs));
    };
    ours.add(kernelFunc);
    tf.registerKernel({ kernelName: name, backendName, kernelFunc });
  }
}

/** Whether every kernel of the table is the app's on its backend now. */
export function kernelsReplaced<C>(tf: typeof tfjs, table: KernelTable<C>): boolean {
  return Object.keys(table.kernels).every((name) => {
    const kernel = tf.getKernel(name, table.backendName);
    return kernel !== undefined && ours.has(kernel.kernelFunc);
  });
}
