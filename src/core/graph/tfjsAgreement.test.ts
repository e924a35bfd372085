/**
 * analyzeGraph must agree with TF.js: a graph is valid exactly when TF.js builds it and
 * runs a forward pass, and then every inferred shape and the weight count match. The cases
 * come from the registry alone: every layer type at its defaults and at each edge of its
 * param schema (layers/testProbes.ts), then random chains and merges of registry layers.
 * A new layer is checked against TF.js without editing this file.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultParams, LAYERS, type LayerType } from '../layers/registry';
import { paramsArb, probeParams } from '../layers/testProbes';
import type { LayerSpec } from '../layers/types';
import { analyzeGraph } from './analyze';
import { buildModelUnchecked } from './build';
import { graphOf, type Stub } from './testGraphs';
import type { LayerParams, ModelGraph, Shape } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

type Outcome = { ok: true; shapes: Record<string, Shape>; params: number } | { ok: false };

/** What TF.js makes of a graph: built, run on zeros, with positive sizes everywhere. */
function tfjsOutcome(graph: ModelGraph): Outcome {
  let model: tf.LayersModel;
  try {
    model = buildModelUnchecked(tf, graph, 1);
  } catch {
    return { ok: false };
  }
  try {
    const shapes: Record<string, Shape> = {};
    for (const layer of model.layers) {
      const shape = layer.outputShape as Shape;
      // TF.js builds windows larger than the image with sizes 0 or below; they cannot run.
      if (shape.slice(1).some((d) => d === null || d < 1)) return { ok: false };
      shapes[layer.name] = shape;
    }
    // Building alone is not enough: TF.js's Reshape takes any target until it runs.
    const inputShape = model.inputs[0]!.shape.slice(1) as number[];
    const out = tf.tidy(() => (model.predict(tf.zeros([1, ...inputShape])) as tf.Tensor).shape);
    expect(out).toEqual([1, ...(model.outputs[0]!.shape.slice(1) as number[])]);
    return { ok: true, shapes, params: model.countParams() };
  } catch {
    return { ok: false };
  } finally {
    model.dispose();
  }
}

/** Checks one graph against TF.js; true when both find it valid. */
function agreesWithTfjs(graph: ModelGraph): boolean {
  const analysis = analyzeGraph(graph, null);
  for (const issue of analysis.issues) expect(issue.kind).toBe('shape');
  const outcome = tfjsOutcome(graph);
  expect(analysis.valid, JSON.stringify({ graph: graph.nodes, issues: analysis.issues })).toBe(
    outcome.ok,
  );
  if (!outcome.ok) return false;
  for (const node of graph.nodes) {
    expect(analysis.info[node.id]?.shape, node.id).toEqual(outcome.shapes[node.id]);
  }
  expect(analysis.totalParams).toBe(outcome.params);
  return true;
}

type Layer = LayerSpec<LayerType>;
interface Placed {
  type: LayerType;
  params: LayerParams;
}

const SOURCES: Layer[] = LAYERS.filter((l) => l.arity.max === 0);
const FED: Layer[] = LAYERS.filter((l) => l.arity.max > 0);
const SINGLE_INPUT: Layer[] = FED.filter((l) => l.arity.min <= 1);
const MERGES: Layer[] = FED.filter((l) => l.arity.min >= 2);

/** Example shapes the probes feed each layer: a vector, a matrix and an image. */
const TYPICAL = [[12], [5, 6], [7, 6, 3]];

const atDefaults = (l: Layer): Placed => ({ type: l.type, params: defaultParams(l.type) });
const idOf = (type: string, n: number | string) => `${type.toLowerCase()}_${n}`;

/**
 * Graphs where `root` feeds `layer`: directly, or for a merge layer directly and through
 * each single-input layer at its defaults (so merges meet both matching and other shapes).
 */
function fed(root: Stub, layer: Placed): ModelGraph[] {
  const id = idOf(layer.type, 1);
  const needs = LAYERS.find((l) => l.type === layer.type)!.arity.min;
  if (needs <= 1) return [graphOf([root, [id, layer.type, layer.params]], [[root[0], id]])];
  return SINGLE_INPUT.map((branch) => {
    const stubs: Stub[] = [root];
    const edges: [string, string][] = [[root[0], id]];
    for (let k = 1; k < needs; k++) {
      const bid = idOf(branch.type, `b${k}`);
      stubs.push([bid, branch.type]);
      edges.push([root[0], bid], [bid, id]);
    }
    stubs.push([id, layer.type, layer.params]);
    return graphOf(stubs, edges);
  });
}

/**
 * The probe graphs of one layer type: a source (Input) at each probe of its params feeding
 * every single-input layer at its defaults; any other layer at each probe, fed typical
 * shapes. (Merges see typical shapes only: Add broadcasts the source's (16384, 1, 1) with
 * a (16384,) branch to 268M values, a minute of CPU.)
 */
function probeGraphs(layer: Layer): ModelGraph[] {
  if (layer.arity.max === 0) {
    return probeParams(layer).flatMap((params) =>
      SINGLE_INPUT.flatMap((next) => fed(['input_1', layer.type, params], atDefaults(next))),
    );
  }
  return TYPICAL.flatMap((shape) =>
    probeParams(layer, shape).flatMap((params) =>
      fed(['input_1', 'Input', { shape }], { type: layer.type, params }),
    ),
  );
}

describe('every registry layer agrees with TF.js at its defaults and param edges', () => {
  it('has a source layer to start graphs from', () => {
    expect(SOURCES.map((l) => l.type)).toEqual(['Input']);
  });

  for (const layer of LAYERS) {
    it(`${layer.type}`, () => {
      const before = tf.memory().numTensors;
      const graphs = probeGraphs(layer);
      const valid = graphs.filter(agreesWithTfjs).length;
      // A layer that never builds would only ever be compared on errors.
      expect(valid, `${layer.type}: valid graphs of ${graphs.length}`).toBeGreaterThan(0);
      expect(tf.memory().numTensors).toBe(before);
    }, 60_000);
  }
});

const small = (max: number) => fc.integer({ min: 1, max });
const inputShapeArb: fc.Arbitrary<number[]> = fc.oneof(
  fc.tuple(small(12)).map((d) => [...d]),
  fc.tuple(small(5), small(5)).map((d) => [...d]),
  fc.tuple(small(9), small(9), small(3)).map((d) => [...d]),
);

/**
 * A random layer of `from` with random params, counts and sizes at most 5 above their
 * minimum (a chain of large layers would take minutes), lists also shaped after `dims`.
 */
function layerArb(from: readonly Layer[], dims: number[]): fc.Arbitrary<Placed> {
  return fc
    .constantFrom(...from)
    .chain((l) => paramsArb(l, dims, 5).map((params) => ({ type: l.type, params })));
}

interface Case {
  graph: ModelGraph;
}

/** Input → a chain of 1..3 random single-input layers. */
const chainArb: fc.Arbitrary<Case> = inputShapeArb.chain((inputShape) =>
  fc.array(layerArb(SINGLE_INPUT, inputShape), { minLength: 1, maxLength: 3 }).map((layers) => {
    const stubs: Stub[] = [['input_1', 'Input', { shape: inputShape }]];
    layers.forEach((l, i) => stubs.push([idOf(l.type, i + 1), l.type, l.params]));
    const edges: [string, string][] = [];
    for (let i = 1; i < stubs.length; i++) edges.push([stubs[i - 1]![0], stubs[i]![0]]);
    return { graph: graphOf(stubs, edges) };
  }),
);

/** Input → 2 or 3 branches (one may be the Input itself) → a random merge layer. */
const mergeArb: fc.Arbitrary<Case> = inputShapeArb.chain((inputShape) =>
  fc
    .tuple(
      layerArb(MERGES, inputShape),
      fc.boolean(),
      fc.array(layerArb(SINGLE_INPUT, inputShape), { minLength: 1, maxLength: 2 }),
    )
    .map(([merge, direct, branches]) => {
      const stubs: Stub[] = [['input_1', 'Input', { shape: inputShape }]];
      const edges: [string, string][] = [];
      const mergeId = idOf(merge.type, 1);
      if (direct || branches.length === 1) edges.push(['input_1', mergeId]);
      branches.forEach((l, i) => {
        const id = idOf(l.type, i + 1);
        stubs.push([id, l.type, l.params]);
        edges.push(['input_1', id], [id, mergeId]);
      });
      stubs.push([mergeId, merge.type, merge.params]);
      return { graph: graphOf(stubs, edges) };
    }),
);

describe('analyzeGraph agrees with TF.js', () => {
  it('on chains of random layers over random input shapes', () => {
    const before = tf.memory().numTensors;
    fc.assert(
      fc.property(chainArb, (c) => void agreesWithTfjs(c.graph)),
      { numRuns: 100 },
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('on merges of random branches', () => {
    const before = tf.memory().numTensors;
    fc.assert(
      fc.property(mergeArb, (c) => void agreesWithTfjs(c.graph)),
      { numRuns: 80 },
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('covers both outcomes', () => {
    // Guards the properties above against generators that only make valid (or invalid) graphs.
    const samples = fc.sample(fc.oneof(chainArb, mergeArb), { numRuns: 200, seed: 7 });
    const valid = samples.filter((c) => analyzeGraph(c.graph, null).valid).length;
    expect(valid).toBeGreaterThan(40);
    expect(valid).toBeLessThan(180);
  });
});
