/**
 * What the CPU training kernels need from TF.js's CPU backend: a tensor's values, and a
 * new tensor made from values the kernel computed. No intermediates are kept.
 */
import type * as tfjs from '@tensorflow/tfjs';

/** The part of tfjs-backend-cpu's MathBackendCPU these kernels use. */
interface CpuBackendLike {
  data: { get(dataId: object): { values?: unknown } | undefined };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tfjs.TensorInfo;
}

export interface CpuKernelContext {
  tf: typeof tfjs;
  /** A float32 tensor's values, read in place (never write to them). */
  values(t: tfjs.TensorInfo): Float32Array;
  /** The kernel's output: a float32 tensor holding `values`. */
  output(shape: number[], values: Float32Array): tfjs.TensorInfo;
}

function asCpuBackend(backend: unknown): CpuBackendLike {
  const b = backend as Partial<CpuBackendLike> | null;
  if (typeof b?.data?.get !== 'function' || typeof b.makeTensorInfo !== 'function') {
    throw new Error('These kernels run on the CPU backend only.');
  }
  return b as CpuBackendLike;
}

/** Runs `body` with a context on the CPU `backend`. */
export function withCpuKernelContext(
  tf: typeof tfjs,
  backend: unknown,
  body: (ctx: CpuKernelContext) => tfjs.TensorInfo,
): tfjs.TensorInfo {
  const cpu = asCpuBackend(backend);
  return body({
    tf,
    values: (t) => {
      const values = cpu.data.get(t.dataId)?.values;
      if (!(values instanceof Float32Array)) throw new Error('Expected a float32 tensor.');
      return values;
    },
    output: (shape, values) => cpu.makeTensorInfo(shape, 'float32', values),
  });
}
