/**
 * Project files and share links written by earlier versions still open, and settings
 * outside today's ranges open with a warning naming them instead of being refused.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultGraph } from '../graph/presets';
import { DEFAULT_TRAINING_CONFIG } from '../train/types';
import { PROJECT_VERSION, parseProject, serializeProject } from './projectFile';
import { decodeShare, encodeShare } from './shareLink';
import type { Workspace } from './workspaceSchema';

const fixtureDir = join(__dirname, 'fixtures');
const read = (file: string) => readFileSync(join(fixtureDir, file), 'utf8');
const projectFixtures = readdirSync(fixtureDir).filter((f) => /^project-v\d+\.json$/.test(f));

const base: Workspace = {
  graph: defaultGraph(),
  datasetChoice: { kind: 'synthetic', id: 'circles', size: 400, noise: 0.1 },
  config: DEFAULT_TRAINING_CONFIG,
};

/** The project file of `base` with its config patched (or keys removed with undefined). */
function projectWith(config: Record<string, unknown>): string {
  const file = JSON.parse(serializeProject(base)) as { config: Record<string, unknown> };
  return JSON.stringify({ ...file, config: { ...file.config, ...config } });
}

describe('older project files and share links', () => {
  it('has a committed project fixture for every format version', () => {
    const versions = projectFixtures.map((f) => Number(/v(\d+)/.exec(f)![1])).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: PROJECT_VERSION }, (_, i) => i + 1));
  });

  it.each(projectFixtures)('%s opens with its settings, without warnings', (file) => {
    const result = parseProject(read(file));
    if (!result.ok) throw new Error(result.message);
    // 5,000 epochs and a seed above 2^31 were valid in files but beyond the old form.
    expect(result.value.config).toMatchObject({
      optimizer: 'rmsprop',
      learningRate: 0.003,
      epochs: 5000,
      seed: 3_000_000_000,
    });
    expect(result.value.datasetChoice).toEqual({
      kind: 'synthetic',
      id: 'spiral',
      size: 600,
      noise: 0.2,
    });
    expect(result.value.graph.nodes).toHaveLength(4);
    expect(result.warnings).toEqual([]);
  });

  it('opens a version 1 share link', () => {
    const result = decodeShare(read('share-v1.txt').trim());
    if (!result.ok) throw new Error(result.message);
    expect(result.value.config.epochs).toBe(5000);
    expect(result.warnings).toEqual([]);
  });
});

describe('settings outside their ranges', () => {
  it('open with a warning naming each setting', () => {
    const result = parseProject(projectWith({ epochs: 200_000, batchSize: 100_000 }));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.config.epochs).toBe(200_000);
    expect(result.value.config.batchSize).toBe(100_000);
    expect(result.warnings).toEqual([
      'The project file sets Batch size to 100,000: Batch size must be from 1 to 65,536. Change it before training.',
      'The project file sets Epochs to 200,000: Epochs must be from 1 to 100,000. Change it before training.',
    ]);
  });

  it('warn about a split that does not add up, instead of refusing it', () => {
    const result = parseProject(projectWith({ split: { train: 0.5, validation: 0.1, test: 0.1 } }));
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings).toEqual([
      'The project file sets Split to 50% / 10% / 10%: Split fractions must add up to 1 (they add up to 0.700). Change it before training.',
    ]);
  });

  it('warn in share links too, naming the link', () => {
    const ws = { ...base, config: { ...DEFAULT_TRAINING_CONFIG, learningRate: 0 } };
    const result = decodeShare(encodeShare(ws));
    expect(result.ok && result.warnings).toEqual([
      'The share link sets Learning rate to 0: Learning rate must be above 0 and at most 10. Change it before training.',
    ]);
  });

  it('still refuses a value of the wrong kind, naming where', () => {
    const result = parseProject(projectWith({ epochs: 'many' }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/config\.epochs/) });
    expect(parseProject(projectWith({ optimizer: 'nadam' })).ok).toBe(false);
  });

  it('give a setting a file does not have its default, and drop one the app does not know', () => {
    const result = parseProject(projectWith({ classWeights: undefined, momentum: 0.5 }));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.config).toEqual(DEFAULT_TRAINING_CONFIG);
    expect(result.warnings).toEqual([
      'The project file has the setting "momentum", which this app does not know; it was ignored.',
    ]);
  });
});
