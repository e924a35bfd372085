/**
 * What the WASM training kernels need from the WASM backend: its own kernels (run on
 * TensorInfos, as kernels call kernels, see replaceKernels.ts) and its heap, for the loops
 * XNNPACK has no operator for. Intermediates are freed when the kernel returns, so a kernel
 * adds no tensor and no WASM buffer beyond its output.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { withCompositeKernel, type CompositeKernel } from '../replaceKernels';

/** The part of tfjs-backend-wasm's BackendWasm these kernels use. */
interface WasmBackendLike {
  disposeData(dataId: object): boolean;
  makeOutput(shape: number[], dtype: 'float32'): tfjs.TensorInfo;
  typedArrayFromHeap(info: tfjs.TensorInfo): ArrayBufferView;
}

export interface KernelContext extends CompositeKernel {
  /** A new float32 tensor on the WASM heap, uninitialised, freed on return. */
  allocate(shape: number[]): tfjs.TensorInfo;
  /**
   * A float32 view of a tensor's heap memory. Take views only after the last allocation:
   * an allocation may grow the heap, which detaches every earlier view.
   */
  heap(t: tfjs.TensorInfo): Float32Array;
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
  return withCompositeKernel(tf, wasm, 'wasm', (k) =>
    body({
      ...k,
      allocate: (shape) => k.track(wasm.makeOutput(shape, 'float32')),
      heap: (t) => {
        const view = wasm.typedArrayFromHeap(t);
        if (!(view instanceof Float32Array)) throw new Error('Expected a float32 tensor.');
        return view;
      },
    }),
  );
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
