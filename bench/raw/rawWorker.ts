import { rawTrain, type RawRequest } from './rawTrain';

self.onmessage = async (e: MessageEvent<{ req: RawRequest; url: string }>) => {
  try {
    self.postMessage({ ok: true, result: await rawTrain(e.data.req, e.data.url) });
  } catch (err) {
    self.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
