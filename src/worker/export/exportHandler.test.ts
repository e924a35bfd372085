import * as tf from '@tensorflow/tfjs';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic } from '../../core/data/synthetic';
import { buildModel } from '../../core/graph/build';
import { defaultGraph } from '../../core/graph/presets';
import { captureCheckpoint } from '../../core/train/checkpoint';
import { prepareRun } from '../../core/train/run';
import { DEFAULT_TRAINING_CONFIG } from '../../core/train/types';
import { handleExportMessage, rememberCheckpoint, rememberRunStart } from './exportHandler';
import type { ExportFromWorker, ExportToWorker } from './messages';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function ask(msg: ExportToWorker): Promise<ExportFromWorker> {
  let reply: ExportFromWorker | null = null;
  await handleExportMessage(tf, msg, (r) => {
    reply = r;
  });
  if (!reply) throw new Error('no reply');
  return reply;
}

const inputs = { values: [0, 0, 0.5, -0.5, -1, 1], shape: [3, 2] };

describe('worker export handler', () => {
  it('says what to do before any training', async () => {
    expect(await ask({ type: 'exportModel', requestId: 1 })).toMatchObject({
      type: 'exportFailed',
      message: expect.stringMatching(/Train the model/),
    });
    expect(
      await ask({ type: 'predict', requestId: 2, source: 'imported', ...inputs }),
    ).toMatchObject({
      type: 'exportFailed',
      message: 'Import a model first.',
    });
  });

  it('exports the last checkpoint and imports the zip with equal predictions', async () => {
    const graph = defaultGraph();
    const ds = makeSynthetic('circles', 60, 0.1, 1);
    const prepared = prepareRun(ds, graph, DEFAULT_TRAINING_CONFIG);
    if (!prepared.ok) throw new Error(prepared.message);
    rememberRunStart(
      'run-1',
      graph,
      DEFAULT_TRAINING_CONFIG,
      prepared.split,
      prepared.preprocessing,
    );
    const model = buildModel(tf, graph, 99);
    const optimizer = tf.train.adam(0.01);
    rememberCheckpoint(await captureCheckpoint(model, optimizer, 1, 5));
    optimizer.dispose();
    model.dispose();
    const before = tf.memory().numTensors;

    const exported = await ask({ type: 'exportModel', requestId: 3 });
    expect(exported.type).toBe('modelExported');
    if (exported.type !== 'modelExported') return;
    const names = exported.files.map((f) => f.name);
    expect(names).toEqual(['model.json', 'weights.bin', 'preprocessing.json', 'split.json']);
    // The zip carries the run's own preprocessing, not a second fit.
    const pre = exported.files.find((f) => f.name === 'preprocessing.json')!;
    expect(JSON.parse(new TextDecoder().decode(pre.data))).toEqual(prepared.preprocessing);
    const zip = zipSync(
      Object.fromEntries(exported.files.map((f) => [f.name, new Uint8Array(f.data)])),
    );
    // Named without .zip on purpose: zips are recognised by their signature.
    const imported = await ask({
      type: 'importModel',
      requestId: 4,
      files: [{ name: 'download', data: zip.buffer as ArrayBuffer }],
    });
    expect(imported).toMatchObject({ type: 'modelImported' });

    const a = await ask({ type: 'predict', requestId: 5, source: 'trained', ...inputs });
    const b = await ask({ type: 'predict', requestId: 6, source: 'imported', ...inputs });
    if (a.type !== 'predicted' || b.type !== 'predicted') throw new Error('no predictions');
    expect(a.shape).toEqual([3, 1]);
    a.values.forEach((v, i) => expect(Math.abs(v - b.values[i]!)).toBeLessThan(1e-6));
    // Only the kept models' weights remain: the trained one and the imported one.
    expect(tf.memory().numTensors - before).toBe(2 * 6);
  });

  it('refuses a truncated zip and broken files with a message', async () => {
    const small = zipSync({ 'model.json': new Uint8Array(0) });
    const reply = await ask({
      type: 'importModel',
      requestId: 7,
      files: [{ name: 'x.zip', data: small.buffer.slice(0, 10) as ArrayBuffer }],
    });
    expect(reply).toMatchObject({ type: 'exportFailed' });
    const notJson = await ask({
      type: 'importModel',
      requestId: 8,
      files: [{ name: 'model.json', data: new TextEncoder().encode('{').buffer as ArrayBuffer }],
    });
    expect(notJson).toMatchObject({
      type: 'exportFailed',
      message: 'model.json is not valid JSON.',
    });
  });

  it('reads model zips with the one safe zip reader: an entry leaving its folder is refused', async () => {
    const zip = zipSync({ '../model.json': new Uint8Array(2), 'weights.bin': new Uint8Array(4) });
    const reply = await ask({
      type: 'importModel',
      requestId: 9,
      files: [{ name: 'model.zip', data: zip.buffer as ArrayBuffer }],
    });
    expect(reply).toMatchObject({
      type: 'exportFailed',
      message: 'model.zip: the entry ../model.json tries to leave its folder with ../.',
    });
  });
});
