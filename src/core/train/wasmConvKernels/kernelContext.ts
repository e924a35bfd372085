/**
 * What the WASM training kernels need from the WASM backend: its own kernels (run on
 * TensorInfos, as kernels call kernels) and its heap, for the loops XNNPACK has no
 * operator for. Intermediates are freed with the backend's disposeData when the kernel
 * returns, so a kernel adds no tensor and no WASM buffer beyond its output.
 */
import type * as tfjs from '@tensorflow/tfjs';

/** The part of tfjs-backend-wasm's BackendWasm these kernels use. */
interface WasmBackendLike {
  disposeData(dataId: object): boolean;
  makeOutput(shape: number[], dtype: 'float32'): tfjs.TensorInfo;
  typedArrayFromHeap(info: tfjs.TensorInfo): ArrayBufferView;
}

export interface KernelContext {
  tf: typeof tfjs;
  /** Runs the backend's kernel `name`; the result is freed on return unless it is the output. */
  run(name: string, inputs: tfjs.NamedTensorInfoMap, attrs: object): tfjs.TensorInfo;
  /** A new float32 tensor on the WASM heap, uninitialised, freed on return. */
  allocate(shape: number[]): tfjs.TensorInfo;
  /**
   * A float32 view of a tensor's heap memory. Take views only after the last allocation:
   * an allocation may grow the heap, which detaches every earlier view.
   */
  heap(t: tfjs.TensorInfo): Float32Array;
  /** Frees an intermediate now rather than on return, to bound the kernel's peak memory. */
  free(t: tfjs.TensorInfo): void;
  /** Marks `t` as the kernel's output: it survives the kernel's clean-up. */
  output(t: tfjs.TensorInfo): tfjs.TensorInfo;
}

function asWasmBackend(backend: unknown): WasmBackendLike {
  const b = backend as Partial<WasmBackendLike> | null;
  if (
    typeof b?.disposeData !== 'function' ||
    typeof b.makeOutput !== 'function' ||
    typeof b.typedArrayFromHeap !== 'function'
  ) {
    throw new Error('These kernels run on the WASM backend only.');
  }
  return b as WasmBackendLike;
}

/** Runs `body` with a context on `backend`, then frees every intermediate it made. */
export function withKernelContext(
  tf: typeof tfjs,
  backend: unknown,
  body: (ctx: KernelContext) => tfjs.TensorInfo,
): tfjs.TensorInfo {
  const wasm = asWasmBackend(backend);
  const temps = new Set<tfjs.TensorInfo>();
  let result: tfjs.TensorInfo | null = null;
  const ctx: KernelContext = {
    tf,
    run: (name, inputs, attrs) => {
      const kernel = tf.getKernel(name, 'wasm');
      if (!kernel) throw new Error(`The WASM backend has no ${name} kernel.`);
      const out = kernel.kernelFunc({ inputs, backend: wasm, attrs: attrs as tfjs.NamedAttrMap });
      if (Array.isArray(out)) throw new Error(`${name} returned several tensors.`);
      temps.add(out);
      return out;
    },
    allocate: (shape) => {
      const out = wasm.makeOutput(shape, 'float32');
      temps.add(out);
      return out;
    },
    heap: (t) => {
      const view = wasm.typedArrayFromHeap(t);
      if (!(view instanceof Float32Array)) throw new Error('Expected a float32 tensor.');
      return view;
    },
    free: (t) => {
      if (temps.delete(t)) wasm.disposeData(t.dataId);
    },
    output: (t) => (result = t),
  };
  try {
    const out = body(ctx);
    if (out !== result) throw new Error('A WASM kernel must return what it marked as output.');
    return out;
  } finally {
    for (const t of temps) if (t !== result) wasm.disposeData(t.dataId);
  }
}

/** Conv2D attrs in TF.js accept a number or a pair for strides. */
export type Pair = number | [number, number];

/** The padding forms TF.js convolution and pooling kernels accept. */
export type Padding = 'valid' | 'same' | number | tfjs.backend_util.ExplicitPadding;

/** Throws for channels-first data: these kernels (WASM and WebGL) are written for NHWC. */
export function requireChannelsLast(kernel: string, dataFormat: unknown): void {
  if (dataFormat === 'NCHW') {
    throw new Error(`${kernel} supports channels-last (NHWC) data only.`);
  }
}
