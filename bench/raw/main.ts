/** The bench's reference page: plain TF.js training in a worker or on the main thread. */
import { rawTrain, type RawRequest, type RawResult } from './rawTrain';

const datasetUrl = new URL('/datasets/fashion-mnist-3k.bin', location.origin).href;

declare global {
  interface Window {
    rawBench: {
      inWorker: (req: RawRequest) => Promise<RawResult>;
      onMainThread: (req: RawRequest) => Promise<RawResult>;
    };
  }
}

window.rawBench = {
  inWorker: (req) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./rawWorker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<{ ok: boolean; result?: RawResult; error?: string }>) => {
        worker.terminate();
        if (e.data.ok && e.data.result) resolve(e.data.result);
        else reject(new Error(e.data.error ?? 'raw worker failed'));
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new Error(e.message));
      };
      worker.postMessage({ req, url: datasetUrl });
    }),
  onMainThread: (req) => rawTrain(req, datasetUrl),
};
document.body.dataset.ready = 'true';
