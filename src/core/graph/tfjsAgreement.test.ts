/**
 * analyzeGraph must agree with TF.js: a graph is valid exactly when TF.js builds it and
 * runs a forward pass, and then every inferred shape and the weight count match.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../layers/shared';
import type { LayerType } from '../layers/registry';
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
function tfjsOutcome(graph: ModelGraph, inputShape: number[]): Outcome {
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
    const out = tf.tidy(() => (model.predict(tf.zeros([1, ...inputShape])) as tf.Tensor).shape);
    expect(out).toEqual([1, ...(model.outputs[0]!.shape.slice(1) as number[])]);
    return { ok: true, shapes, params: model.countParams() };
  } catch {
    return { ok: false };
  } finally {
    model.dispose();
  }
}

const small = (max: number) => fc.integer({ min: 1, max });
const pair = (max: number) => fc.tuple(small(max), small(max)).map(([a, b]) => [a, b]);
const activation = fc.constantFrom(...ACTIVATIONS);
const padding = fc.constantFrom('valid', 'same');

const inputShapeArb: fc.Arbitrary<number[]> = fc.oneof(
  fc.tuple(small(12)).map((d) => [...d]),
  fc.tuple(small(5), small(5)).map((d) => [...d]),
  fc.tuple(small(9), small(9), small(3)).map((d) => [...d]),
);

/** Shapes with the same number of values as `dims`, plus a random (mostly wrong) one. */
function reshapeTargets(dims: number[]): fc.Arbitrary<number[]> {
  const size = dims.reduce((a, b) => a * b, 1);
  const [a = 1, b = 1, c = 1] = dims;
  const matching = [[size], [a * b, c], [a, b * c], [c, a, b], [size, 1, 1]].filter((t) =>
    t.every((d) => d >= 1),
  );
  return fc.oneof(fc.constantFrom(...matching), fc.array(small(6), { minLength: 1, maxLength: 3 }));
}

function paramsArb(type: string, inputDims: number[]): fc.Arbitrary<LayerParams> {
  switch (type) {
    case 'Dense':
      return fc.record({ units: small(6), activation, useBias: fc.boolean() });
    case 'Conv2D':
      return fc.record({
        filters: small(3),
        kernelSize: pair(5),
        strides: pair(3),
        padding,
        activation,
        useBias: fc.boolean(),
      });
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return fc.record({ poolSize: pair(4), strides: pair(3), padding });
    case 'Dropout':
      return fc.record({ rate: fc.double({ min: 0, max: 0.95, noNaN: true }) });
    case 'BatchNormalization':
      return fc.record({
        momentum: fc.double({ min: 0, max: 0.9999, noNaN: true }),
        epsilon: fc.double({ min: 1e-7, max: 0.1, noNaN: true }),
      });
    case 'Activation':
      return fc.record({ activation });
    case 'Reshape':
      return fc.record({ targetShape: reshapeTargets(inputDims) });
    default:
      return fc.constant({});
  }
}

const SINGLE_INPUT: LayerType[] = [
  'Dense',
  'Conv2D',
  'MaxPooling2D',
  'AveragePooling2D',
  'Flatten',
  'Dropout',
  'BatchNormalization',
  'Activation',
  'Reshape',
  'GlobalAveragePooling2D',
];

/** A stub of a random single-input layer; Reshape targets are drawn against `dims`. */
function layerArb(dims: number[]): fc.Arbitrary<{ type: LayerType; params: LayerParams }> {
  return fc
    .constantFrom(...SINGLE_INPUT)
    .chain((type) => paramsArb(type, dims).map((params) => ({ type, params })));
}

interface Case {
  graph: ModelGraph;
  inputShape: number[];
}

/** Input → a chain of 1..3 random layers. */
const chainArb: fc.Arbitrary<Case> = inputShapeArb.chain((inputShape) =>
  fc.array(layerArb(inputShape), { minLength: 1, maxLength: 3 }).map((layers) => {
    const stubs: Stub[] = [['input_1', 'Input', { shape: inputShape }]];
    layers.forEach((l, i) => stubs.push([`${l.type.toLowerCase()}_${i + 1}`, l.type, l.params]));
    const edges: [string, string][] = [];
    for (let i = 1; i < stubs.length; i++) edges.push([stubs[i - 1]![0], stubs[i]![0]]);
    return { graph: graphOf(stubs, edges), inputShape };
  }),
);

/** Input → 2 or 3 branches (one may be the Input itself) → Add or Concatenate. */
const mergeArb: fc.Arbitrary<Case> = inputShapeArb.chain((inputShape) =>
  fc
    .tuple(
      fc.constantFrom('Add' as const, 'Concatenate' as const),
      fc.boolean(),
      fc.array(layerArb(inputShape), { minLength: 1, maxLength: 2 }),
    )
    .map(([mergeType, direct, branches]) => {
      const stubs: Stub[] = [['input_1', 'Input', { shape: inputShape }]];
      const edges: [string, string][] = [];
      const mergeId = `${mergeType.toLowerCase()}_1`;
      if (direct || branches.length === 1) edges.push(['input_1', mergeId]);
      branches.forEach((l, i) => {
        const id = `${l.type.toLowerCase()}_${i + 1}`;
        stubs.push([id, l.type, l.params]);
        edges.push(['input_1', id], [id, mergeId]);
      });
      stubs.push([mergeId, mergeType]);
      return { graph: graphOf(stubs, edges), inputShape };
    }),
);

function agreesWithTfjs({ graph, inputShape }: Case): void {
  const analysis = analyzeGraph(graph, null);
  for (const issue of analysis.issues) expect(issue.kind).toBe('shape');
  const outcome = tfjsOutcome(graph, inputShape);
  expect(analysis.valid, JSON.stringify({ graph: graph.nodes, issues: analysis.issues })).toBe(
    outcome.ok,
  );
  if (!outcome.ok) return;
  for (const node of graph.nodes) {
    expect(analysis.info[node.id]?.shape, node.id).toEqual(outcome.shapes[node.id]);
  }
  expect(analysis.totalParams).toBe(outcome.params);
}

describe('analyzeGraph agrees with TF.js', () => {
  it('on chains of random layers over random input shapes', () => {
    const before = tf.memory().numTensors;
    fc.assert(fc.property(chainArb, agreesWithTfjs), { numRuns: 100 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('on Add and Concatenate of random branches', () => {
    const before = tf.memory().numTensors;
    fc.assert(fc.property(mergeArb, agreesWithTfjs), { numRuns: 80 });
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
