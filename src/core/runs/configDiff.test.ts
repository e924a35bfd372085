import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffConfigs, type RunConfigSnapshot } from './configDiff';
import { defaultGraph, presetGraph } from '../graph/presets';
import { DEFAULT_TRAINING_CONFIG } from '../train/types';
import type { ModelGraph } from '../graph/types';
import { addNodeAfter } from '../graph/ops';
import { defaultParams } from '../layers/registry';

const snapshot = (graph: ModelGraph = defaultGraph()): RunConfigSnapshot => ({
  graph,
  config: { ...DEFAULT_TRAINING_CONFIG },
  datasetChoice: { kind: 'synthetic', id: 'circles', size: 400, noise: 0.1 },
});

/** Renames every node id (and its edges) and moves every node: the same model, built separately. */
function renamed(graph: ModelGraph, prefix: string): ModelGraph {
  const rename = (id: string) => `${prefix}${id}`;
  return {
    version: 1,
    nodes: graph.nodes.map((n, i) => ({
      ...n,
      id: rename(n.id),
      position: { x: n.position.x + 37 * i, y: n.position.y - 11 },
    })),
    edges: [...graph.edges].reverse().map((e, i) => ({
      id: `edge${i}`,
      source: rename(e.source),
      target: rename(e.target),
    })),
  };
}

describe('diffConfigs', () => {
  it('diff(a, a) is empty', () => {
    for (const g of [defaultGraph(), presetGraph('mlp'), presetGraph('cnn')]) {
      expect(diffConfigs(snapshot(g), snapshot(g))).toEqual([]);
    }
  });

  it('one changed setting gives exactly one entry naming its path', () => {
    const a = snapshot();
    const b = { ...snapshot(), config: { ...a.config, learningRate: 0.1 } };
    const d = diffConfigs(a, b);
    expect(d).toHaveLength(1);
    expect(d[0]!.text).toBe('learningRate 0.01 → 0.1');
    expect(d[0]!.path).toBe('learningRate');
  });

  it('one changed layer parameter gives one entry with the layer name', () => {
    const a = snapshot();
    const g = defaultGraph();
    const dense2 = g.nodes.find((n) => n.id === 'dense_2')!;
    dense2.params.units = 128;
    const d = diffConfigs(a, snapshot(g));
    expect(d.map((x) => x.text)).toEqual(['Dense #2 units 8 → 128']);
  });

  it('a param absent from an older graph reads as its default', () => {
    // The presets store only some params; a node added in the editor stores them all.
    const old = defaultGraph();
    expect(old.nodes.some((n) => 'kernelInitializer' in n.params)).toBe(false);
    const explicit = defaultGraph();
    for (const n of explicit.nodes) n.params = { ...defaultParams(n.type), ...n.params };
    expect(diffConfigs(snapshot(old), snapshot(explicit))).toEqual([]);
    const he = defaultGraph();
    he.nodes.find((n) => n.id === 'dense_1')!.params.kernelInitializer = 'heNormal';
    expect(diffConfigs(snapshot(old), snapshot(he)).map((x) => x.text)).toEqual([
      'Dense #1 kernelInitializer glorotUniform → heNormal',
    ]);
  });

  it('any single setting change is found exactly once (property)', () => {
    const keys = ['learningRate', 'batchSize', 'epochs', 'seed'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.integer({ min: 1, max: 999 }), (key, v) => {
        const a = snapshot();
        fc.pre(a.config[key] !== v);
        const b = { ...snapshot(), config: { ...a.config, [key]: v } };
        const d = diffConfigs(a, b);
        expect(d).toHaveLength(1);
        expect(d[0]!.path).toBe(key);
      }),
    );
  });

  it('renamed node ids, moved nodes and reordered edges alone give no difference', () => {
    for (const g of [defaultGraph(), presetGraph('mlp'), presetGraph('cnn')]) {
      expect(diffConfigs(snapshot(g), snapshot(renamed(g, 'x_')))).toEqual([]);
    }
  });

  it('an added layer within a lineage is one entry, not a cascade of shifted layers', () => {
    const a = defaultGraph();
    const b = addNodeAfter(a, 'Dropout', 'dense_1');
    const d = diffConfigs(snapshot(a), snapshot(b)).map((x) => x.text);
    expect(d.some((t) => /^Dropout #\d+ added$/.test(t))).toBe(true);
    expect(d.filter((t) => t.startsWith('Dense'))).toEqual([]);
  });

  it('names dataset changes', () => {
    const a = snapshot();
    const b: RunConfigSnapshot = {
      ...snapshot(),
      datasetChoice: { kind: 'synthetic', id: 'xor', size: 400, noise: 0.1 },
    };
    expect(diffConfigs(a, b).map((x) => x.text)).toEqual(['dataset id circles → xor']);
  });
});
