/** fast-check arbitraries of valid workspaces, for the export tests. Not imported by app code. */
import fc from 'fast-check';
import type { LayerParams, ModelGraph, ParamValue } from '../graph/types';
import { LAYERS } from '../layers/registry';
import type { ParamSpec } from '../layers/types';
import { SYNTHETIC_IDS } from '../data/synthetic';
import { trainingConfigArb } from '../train/settingsArbitraries';
import type { Workspace } from './workspaceSchema';

// -0 does not survive JSON (it becomes 0), and the app never produces it.
const noNegZero = (x: number) => (Object.is(x, -0) ? 0 : x);

function paramArb(spec: ParamSpec): fc.Arbitrary<ParamValue> {
  switch (spec.kind) {
    case 'int':
      return fc.integer({ min: spec.min, max: spec.max });
    case 'float':
      return fc
        .double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true })
        .map(noNegZero);
    case 'enum':
      return fc.constantFrom(...spec.options);
    case 'bool':
      return fc.boolean();
    case 'ints': {
      const min = spec.length ?? spec.minLength ?? 1;
      const max = spec.length ?? spec.maxLength ?? 8;
      return fc.array(fc.integer({ min: spec.min, max: Math.min(spec.max, 1e6) }), {
        minLength: min,
        maxLength: max,
      });
    }
  }
}

const nodeArb = fc.constantFrom(...LAYERS).chain((spec) => {
  const entries: Record<string, fc.Arbitrary<ParamValue>> = {};
  for (const p of spec.params) entries[p.name] = paramArb(p);
  return fc.record({
    type: fc.constant(spec.type),
    params: fc.record(entries) as fc.Arbitrary<LayerParams>,
    x: fc.integer({ min: -5000, max: 5000 }),
    y: fc.double({ min: -5000, max: 5000, noNaN: true }).map(noNegZero),
  });
});

export const graphArb: fc.Arbitrary<ModelGraph> = fc
  .array(nodeArb, { minLength: 1, maxLength: 12 })
  .chain((nodes) =>
    fc
      .array(fc.tuple(fc.nat(nodes.length - 1), fc.nat(nodes.length - 1)), { maxLength: 15 })
      .map((pairs) => ({
        version: 1 as const,
        nodes: nodes.map((n, i) => ({
          id: `${n.type.toLowerCase()}_${i}`,
          type: n.type,
          params: n.params,
          position: { x: n.x, y: n.y },
        })),
        edges: pairs.map(([s, t], i) => ({
          id: `e${i}`,
          source: `${nodes[s]!.type.toLowerCase()}_${s}`,
          target: `${nodes[t]!.type.toLowerCase()}_${t}`,
        })),
      })),
  );

export const workspaceArb: fc.Arbitrary<Workspace> = fc.record({
  graph: graphArb,
  datasetChoice: fc.oneof(
    fc.record({
      kind: fc.constant('synthetic' as const),
      id: fc.constantFrom(...SYNTHETIC_IDS),
      size: fc.integer({ min: 10, max: 5000 }),
      noise: fc.double({ min: 0, max: 1, noNaN: true }).map(noNegZero),
    }),
    fc.record({
      kind: fc.constant('upload' as const),
      format: fc.constantFrom('images' as const, 'csv' as const),
      name: fc.string({ maxLength: 40 }),
    }),
    fc.record(
      {
        kind: fc.constant('bundled' as const),
        id: fc.constantFrom('wine' as const, 'fashion-mnist' as const),
        augmentation: fc.record({
          flipHorizontal: fc.double({ min: 0, max: 1, noNaN: true }).map(noNegZero),
          flipVertical: fc.double({ min: 0, max: 1, noNaN: true }).map(noNegZero),
          rotation: fc.integer({ min: 0, max: 180 }),
          shift: fc.double({ min: 0, max: 0.5, noNaN: true }).map(noNegZero),
          zoom: fc.double({ min: 0, max: 0.5, noNaN: true }).map(noNegZero),
          brightness: fc.double({ min: 0, max: 1, noNaN: true }).map(noNegZero),
          contrast: fc.double({ min: 0, max: 1, noNaN: true }).map(noNegZero),
        }),
      },
      { requiredKeys: ['kind', 'id'] },
    ),
  ),
  config: trainingConfigArb,
});
