/**
 * The training worker's view of the machine: WebGL renderer, WASM set-up (files served
 * from the app's own origin), switching backends, and lost WebGL contexts.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { chooseBackend, softwareRendererName } from '../core/train/backend';
import { probeTraining } from '../core/train/run';
import { replaceKernels } from '../core/train/replaceKernels';
import { CPU_TRAINING_KERNELS } from '../core/train/cpuConvKernels/register';
import { WASM_TRAINING_KERNELS } from '../core/train/wasmConvKernels/register';
import { WEBGL_TRAINING_KERNELS } from '../core/train/webglConvKernels/register';
import type { ModelGraph } from '../core/graph/types';
import type { Dataset } from '../core/data/types';
import type { BackendName, TrainingConfig } from '../core/train/types';
import type { BackendInfo } from '../core/train/types';

export interface MachineFacts {
  webglRenderer: string | null;
  hasWebGL: boolean;
  crossOriginIsolated: boolean;
}

/** Reads what the worker can use, once at start-up. */
export function detectMachine(): MachineFacts {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  if (typeof OffscreenCanvas === 'undefined') {
    return { webglRenderer: null, hasWebGL: false, crossOriginIsolated: isolated };
  }
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return { webglRenderer: null, hasWebGL: false, crossOriginIsolated: isolated };
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) as unknown;
  // Frees this probe context at once: browsers cap the number of live contexts.
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return {
    webglRenderer: typeof renderer === 'string' ? renderer : null,
    hasWebGL: true,
    crossOriginIsolated: isolated,
  };
}

/**
 * Ships the .wasm files from the app's origin and adds the convolution training kernels.
 *
 * WASM threads stay off. TF.js 4.22 starts each WASM thread as a blob: worker that
 * importScripts() another blob: script, which the app's Content-Security-Policy
 * (script-src 'self', vite.config.ts) forbids: the backend would never start. Threads would
 * also not help on small machines: TF.js sizes its pool at min(4, hardwareConcurrency / 2).
 */
export function configureWasm(): void {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': simdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl,
  });
  replaceKernels(tf, WASM_TRAINING_KERNELS);
}

/** Puts the app's faster convolution filter gradient in place of TF.js's on WebGL. */
export function configureWebgl(): void {
  replaceKernels(tf, WEBGL_TRAINING_KERNELS);
}

/** Puts the app's convolution filter gradient in place of TF.js's on the CPU backend. */
export function configureCpu(): void {
  replaceKernels(tf, CPU_TRAINING_KERNELS);
}

let webglLost = false;

/** True when the active WebGL backend's context is gone (GPU reset, test hook). */
export function webglContextLost(): boolean {
  if (tf.getBackend() !== 'webgl') return false;
  return webglLost || webglContext()?.isContextLost() === true;
}

/** Test hook: loses the WebGL context of the backend, as a GPU reset would. */
export function loseWebGLContext(): boolean {
  const gl = webglContext();
  const ext = gl?.getExtension('WEBGL_lose_context');
  if (!ext) return false;
  webglLost = true;
  ext.loseContext();
  return true;
}

function webglContext(): WebGLRenderingContext | null {
  const backend = tf.findBackend('webgl');
  return backend instanceof MathBackendWebGL ? backend.gpgpu.gl : null;
}

/**
 * Makes `name` the active backend. A WebGL backend whose context was lost is replaced
 * by a fresh one: TF.js never recovers a lost context on its own.
 */
export async function activateBackend(name: BackendName): Promise<boolean> {
  if (name === 'webgl' && webglLost) {
    if (tf.findBackend('webgl')) tf.removeBackend('webgl');
    tf.registerBackend('webgl', () => new MathBackendWebGL(), 2);
    webglLost = false;
  }
  if (tf.getBackend() === name) return true;
  try {
    return await tf.setBackend(name);
  } catch {
    // setBackend reports most failures by resolving false; a throw means the same here.
    return false;
  }
}

/** Picks and activates the backend for a run (see core/train/backend.ts for the rules). */
export async function selectBackend(
  machine: MachineFacts,
  run: { graph: ModelGraph; dataset: Dataset; config: TrainingConfig },
  exclude: BackendName[],
): Promise<BackendInfo> {
  const hasWebGL = machine.hasWebGL && !exclude.includes('webgl');
  const choice =
    run.config.backend !== 'auto' && exclude.includes(run.config.backend)
      ? 'auto'
      : run.config.backend;
  const mayUseWasm =
    !exclude.includes('wasm') &&
    (choice === 'wasm' ||
      (choice === 'webgl' && !hasWebGL) ||
      (choice === 'auto' && (!hasWebGL || softwareRendererName(machine.webglRenderer) !== null)));
  let wasmOk = false;
  let wasm: { simd: boolean; threads: number } | undefined;
  if (mayUseWasm && (await activateBackend('wasm'))) {
    wasmOk = (await probeTraining(tf, run.graph, run.dataset, run.config)) === null;
    wasm = {
      simd: (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true,
      threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') ? getThreadsCount() : 1,
    };
  }
  const info = chooseBackend({
    choice,
    webglRenderer: machine.webglRenderer,
    hasWebGL,
    crossOriginIsolated: machine.crossOriginIsolated,
    canTrainOn: (b) => !exclude.includes(b) && (b !== 'wasm' || wasmOk),
    wasm,
  });
  if (await activateBackend(info.name)) return info;
  if (info.name === 'cpu') throw new Error('The CPU backend could not start.');
  return selectBackend(machine, run, [...exclude, info.name]);
}
