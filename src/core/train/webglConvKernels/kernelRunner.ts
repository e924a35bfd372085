/**
 * Runs a kernel built from other kernels of the same backend (as TF.js's own composite
 * kernels do): each step calls the backend's kernel directly on TensorInfos, and every
 * intermediate is freed with the backend's disposeData when the kernel returns, so it adds
 * no tensor beyond its output.
 */
import type * as tfjs from '@tensorflow/tfjs';

export interface KernelRunner {
  tf: typeof tfjs;
  /** Runs the backend's kernel `name`; the result is freed on return unless it is the output. */
  run(
    name: string,
    inputs: tfjs.NamedTensorInfoMap | tfjs.TensorInfo[],
    attrs: object,
  ): tfjs.TensorInfo;
  /** Marks `t` as the kernel's output: it survives the clean-up. */
  output(t: tfjs.TensorInfo): tfjs.TensorInfo;
}

interface DisposingBackend {
  disposeData(dataId: object): boolean;
}

/** Runs `body` on `backend` (registered as `backendName`), then frees its intermediates. */
export function withKernelRunner(
  tf: typeof tfjs,
  backend: unknown,
  backendName: string,
  body: (k: KernelRunner) => tfjs.TensorInfo,
): tfjs.TensorInfo {
  const disposing = backend as Partial<DisposingBackend> | null;
  if (typeof disposing?.disposeData !== 'function') {
    throw new Error(`The ${backendName} backend cannot free kernel intermediates.`);
  }
  const temps = new Set<tfjs.TensorInfo>();
  let result: tfjs.TensorInfo | null = null;
  const k: KernelRunner = {
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
    output: (t) => (result = t),
  };
  try {
    const out = body(k);
    if (out !== result) throw new Error('A composite kernel must return what it marked as output.');
    return out;
  } finally {
    for (const t of temps) if (t !== result) disposing.disposeData!(t.dataId);
  }
}
