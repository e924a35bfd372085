import { loopTrain } from './loopTrain';
import { rawTrain, type RawRequest } from './rawTrain';

self.onmessage = async (e: MessageEvent<{ req: RawRequest; url: string; loop?: boolean }>) => {
  try {
    const { req, url, loop } = e.data;
    const result = loop ? await loopTrain(req, url) : await rawTrain(req, url);
    self.postMessage({ ok: true, result });
  } catch (err) {
    self.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
