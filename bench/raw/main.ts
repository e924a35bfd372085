/** The bench's reference page: plain TF.js training in a worker or on the main thread. */
import { rawTrain, type RawRequest, type RawResult } from './rawTrain';
import type { PapaResult } from './papaWorker';
import type { LoopResult } from './loopTrain';

const datasetUrl = new URL('/datasets/fashion-mnist-3k.bin', location.origin).href;

declare global {
  interface Window {
    rawBench: {
      inWorker: (req: RawRequest) => Promise<RawResult>;
      /** The app's training loop alone (loopTrain.ts) in a worker. */
      loopInWorker: (req: RawRequest) => Promise<LoopResult>;
      onMainThread: (req: RawRequest) => Promise<RawResult>;
      /** Parses the file picked in "CSV for papaparse" with papaparse in a worker. */
      papaparse: () => Promise<PapaResult>;
    };
  }
}

function inWorker<T>(req: RawRequest, loop: boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./rawWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ ok: boolean; result?: T; error?: string }>) => {
      worker.terminate();
      if (e.data.ok && e.data.result) resolve(e.data.result);
      else reject(new Error(e.data.error ?? 'raw worker failed'));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message));
    };
    worker.postMessage({ req, url: datasetUrl, loop });
  });
}

window.rawBench = {
  inWorker: (req) => inWorker<RawResult>(req, false),
  loopInWorker: (req) => inWorker<LoopResult>(req, true),
  onMainThread: (req) => rawTrain(req, datasetUrl),
  papaparse: () =>
    new Promise((resolve, reject) => {
      const input = document.querySelector<HTMLInputElement>('#papa-file');
      const file = input?.files?.[0];
      if (!file) return reject(new Error('no file picked in "CSV for papaparse"'));
      const worker = new Worker(new URL('./papaWorker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (
        e: MessageEvent<{ ok: boolean; result?: PapaResult; error?: string }>,
      ) => {
        worker.terminate();
        if (e.data.ok && e.data.result) resolve(e.data.result);
        else reject(new Error(e.data.error ?? 'papaparse worker failed'));
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new Error(e.message));
      };
      worker.postMessage(file);
    }),
};
document.body.dataset.ready = 'true';
