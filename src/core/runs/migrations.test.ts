import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readStoredRun } from './migrations';
import { RUN_SCHEMA_VERSION } from './record';
import { trainingConfigWarnings } from '../train/settingsSchema';

const fixtureDir = join(__dirname, 'fixtures');
const fixtures = readdirSync(fixtureDir).filter((f) => /^v\d+\.json$/.test(f));
const load = (file: string): unknown => JSON.parse(readFileSync(join(fixtureDir, file), 'utf8'));

describe('run record schema and migrations', () => {
  it('has a committed fixture for every schema version up to the current one', () => {
    const versions = fixtures.map((f) => Number(/^v(\d+)/.exec(f)![1])).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: RUN_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it.each(fixtures)('%s opens as a current record with its data intact', (file) => {
    const stored = readStoredRun(load(file));
    if (!stored.ok) throw new Error(stored.unreadable.reason);
    const r = stored.record;
    expect(r.schemaVersion).toBe(RUN_SCHEMA_VERSION);
    expect(r.name).toBe('Run 1');
    expect(r.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(r.config.learningRate).toBe(0.01);
    expect(r.graph.nodes).toHaveLength(3);
    expect(r.evaluation?.confusion).toEqual([
      [20, 10],
      [9, 21],
    ]);
    // A diverged loss is stored as null in JSON and read back as NaN.
    expect(r.batches[2]!.loss).toBeNaN();
  });

  it('gives v1 records (which kept no weights) empty checkpoints, and keeps v2 ones', () => {
    const v1 = readStoredRun(load('v1.json'));
    const v2 = readStoredRun(load('v2.json'));
    expect(v1.ok && v1.record.checkpoints).toEqual({ final: null, best: null });
    expect(v2.ok && v2.record.checkpoints.final?.epoch).toBe(2);
  });

  it('gives older records no content fingerprint; v3 keeps it', () => {
    for (const file of ['v1.json', 'v2.json']) {
      const r = readStoredRun(load(file));
      expect(r.ok && r.record.dataset.content).toBeNull();
      expect(r.ok && r.record.pipeline).toBeNull();
    }
    const v3 = readStoredRun(load('v3.json'));
    if (!v3.ok) throw new Error(v3.unreadable.reason);
    expect(v3.record.dataset.content).toEqual({
      source: 'builtin',
      name: 'Circles',
      size: 0,
      hash: 'm3x2:0c70750007d1b6e8',
    });
  });

  it('keeps the pipeline spec of a v2 CSV run (its fitted state was not stored)', () => {
    const spec = { version: 1, target: 'label', task: 'binary', columns: [] };
    const raw = {
      ...(load('v2.json') as object),
      datasetChoice: { kind: 'upload', format: 'csv', uploadId: 'u', name: 'a.csv', spec },
    };
    const r = readStoredRun(raw);
    if (!r.ok) throw new Error(r.unreadable.reason);
    expect(r.record.pipeline).toEqual({ spec, fitted: null });
  });

  it('refuses a v3 record whose fingerprint is damaged, naming where', () => {
    const v3 = load('v3.json') as { dataset: object };
    const raw = { ...v3, dataset: { ...v3.dataset, content: { source: 'csv', hash: 7 } } };
    const r = readStoredRun(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.unreadable.reason).toMatch(/damaged \(dataset\.content/);
  });

  it.each(fixtures)('%s with settings outside the ranges opens, and warns naming them', (file) => {
    const raw = load(file) as { config: object };
    const stored = readStoredRun({
      ...raw,
      config: { ...raw.config, epochs: 5000, batchSize: 1e5 },
    });
    if (!stored.ok) throw new Error(stored.unreadable.reason);
    expect(stored.record.config.epochs).toBe(5000);
    expect(trainingConfigWarnings(stored.record.config, stored.record.name)).toEqual([
      'Run 1 sets Batch size to 100,000: Batch size must be from 1 to 65,536. Change it before training.',
    ]);
  });

  it('refuses a record whose graph names a layer type this app lacks, saying which', () => {
    const v3 = load('v3.json') as { graph: { nodes: { type: string }[] } };
    const nodes = v3.graph.nodes.map((n, i) => (i === 0 ? { ...n, type: 'LSTM' } : n));
    const r = readStoredRun({ ...v3, graph: { ...v3.graph, nodes } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.unreadable.reason).toBe(
        'the record is damaged (graph.nodes.0.type: unknown type "LSTM": this app has no such layer)',
      );
    }
  });

  it('lists a record from a newer schema as unreadable, with its id and name', () => {
    const raw = { ...(load('v1.json') as object), schemaVersion: RUN_SCHEMA_VERSION + 1 };
    const stored = readStoredRun(raw);
    expect(stored.ok).toBe(false);
    if (stored.ok) return;
    expect(stored.unreadable.id).toBe('0f8e2c1a-6b7d-4c3e-9a51-2d4f6e8b0c11');
    expect(stored.unreadable.name).toBe('Run 1');
    expect(stored.unreadable.reason).toMatch(/newer version/);
  });

  it('lists a damaged record as unreadable with where it is damaged', () => {
    const raw = { ...(load('v1.json') as object), epochs: 'lots' };
    const stored = readStoredRun(raw);
    expect(stored.ok).toBe(false);
    if (!stored.ok) expect(stored.unreadable.reason).toMatch(/damaged \(epochs/);
  });

  it('never throws on garbage', () => {
    for (const raw of [null, 3, 'x', [], { schemaVersion: 'one' }, { schemaVersion: 1 }]) {
      const stored = readStoredRun(raw, 'key-7');
      expect(stored.ok).toBe(false);
      if (!stored.ok) expect(stored.unreadable.id).toBe('key-7');
    }
  });
});
