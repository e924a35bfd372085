import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatasetChoice } from '../core/data/types';
import { DEFAULT_DECODE, NO_AUGMENTATION } from '../core/data/images/types';
import { DatasetHolder } from './datasets';
import { registerImageUpload } from './images/loadImages';
import type { FromWorker } from './protocol';

// Node has no image decoder nor OffscreenCanvas: stand-ins decode every file as a 4×4 image.
const uploadOf = new WeakMap<Blob, string>();
let onDecode: (uploadId: string) => void = () => {};

class FakeCanvas {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  getContext() {
    return {
      fillStyle: '',
      imageSmoothingQuality: 'low',
      fillRect() {},
      drawImage() {},
      getImageData: (_x: number, _y: number, w: number, h: number) => ({
        data: new Uint8ClampedArray(w * h * 4),
      }),
    };
  }
}

beforeAll(() => {
  vi.stubGlobal('createImageBitmap', async (blob: Blob) => {
    onDecode(uploadOf.get(blob) ?? '');
    return { width: 4, height: 4, close() {} };
  });
  vi.stubGlobal('OffscreenCanvas', FakeCanvas);
  // IndexedDB does not exist in Node: keeping the upload is skipped with a warning.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Registers a folder of two classes with three images each; returns its choice. */
function imageUpload(uploadId: string): DatasetChoice {
  const files = ['cats', 'dogs'].flatMap((c) =>
    [1, 2, 3].map((i) => {
      const file = new Blob([`${uploadId} ${c} ${i}`]);
      uploadOf.set(file, uploadId);
      return { path: `${c}/${i}.png`, file };
    }),
  );
  registerImageUpload(uploadId, { kind: 'files', files });
  return {
    kind: 'upload',
    format: 'images',
    uploadId,
    name: uploadId,
    decode: DEFAULT_DECODE,
    scaling: 'unit',
    augmentation: NO_AUGMENTATION,
  };
}

const machine = { webglRenderer: null, hasWebGL: false, crossOriginIsolated: false };

/** Loads two image uploads as requests 1 and 2; `cancelWhile` decodes, request 1 is cancelled. */
async function twoRequests(cancelWhile: 'first' | 'second') {
  const answers = new Map<number, FromWorker>();
  const holder = new DatasetHolder((msg) => {
    if (msg.type === 'datasetLoaded' || msg.type === 'datasetError')
      answers.set(msg.requestId, msg);
  }, 'http://127.0.0.1');
  const first = imageUpload(`first-${cancelWhile}`);
  const second = imageUpload(`second-${cancelWhile}`);
  const decoding = cancelWhile === 'first' ? first : second;
  onDecode = (uploadId) => {
    if (decoding.kind === 'upload' && uploadId === decoding.uploadId) holder.cancel(1);
  };
  holder.request(1, first, machine);
  holder.request(2, second, machine);
  await holder.loaded;
  onDecode = () => {};
  return answers;
}

describe('dataset requests are cancelled by their id', () => {
  it('cancelling the first while it decodes stops it; the second still loads', async () => {
    const answers = await twoRequests('first');
    expect(answers.get(1)).toMatchObject({
      type: 'datasetError',
      message: expect.stringContaining('Loading the images was cancelled.'),
    });
    expect(answers.get(2)).toMatchObject({ type: 'datasetLoaded' });
  });

  it('cancelling the first while the second decodes does not cancel the second', async () => {
    const answers = await twoRequests('second');
    expect(answers.get(1)).toMatchObject({ type: 'datasetLoaded' });
    expect(answers.get(2)).toMatchObject({
      type: 'datasetLoaded',
      summary: { n: 6, classNames: ['cats', 'dogs'] },
    });
  });
});
