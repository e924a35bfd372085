/**
 * Differential test of the kernel initializers: the exported PyTorch script's Model starts
 * its kernels from the same distributions as the app (TF.js CPU backend) for each
 * initializer, on Dense and Conv2D: the same std within 3% and the same bound (a truncated
 * normal's 2 std, a uniform's limit), biases zero.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../graph/build';
import { chainOf } from '../../graph/testGraphs';
import type { ModelGraph } from '../../graph/types';
import { KERNEL_INITIALIZER_NAMES, type KernelInitializerName } from '../../layers/initializers';
import { DEFAULT_TRAINING_CONFIG } from '../../train/types';
import { pytorchScript } from './pytorchScript';
import { bareTabularPreprocessing, runTorchHelper, useTorchScratchDir } from './testTorch';

type KernelStats = { std: number; maxAbs: number; biasMaxAbs: number };

const pre = bareTabularPreprocessing('init');
const dir = useTorchScratchDir('torch-init-');

/** A Dense of fan_in 400 and a Conv2D of fan_in 3·3·32 = 288, both with `init`. */
const graphs = (init: KernelInitializerName): ModelGraph[] => [
  chainOf([
    ['in', 'Input', { shape: [400] }],
    ['d', 'Dense', { units: 300, kernelInitializer: init }],
  ]),
  chainOf([
    ['in', 'Input', { shape: [5, 5, 32] }],
    ['c', 'Conv2D', { filters: 64, kernelInitializer: init }],
  ]),
];

/** The std and largest |value| of the app's initial kernel (the graph's last layer). */
function tfjsKernel(graph: ModelGraph): { std: number; maxAbs: number } {
  const model = buildModel(tf, graph, 1);
  const values = model.layers.at(-1)!.getWeights()[0]!.dataSync();
  model.dispose();
  let sum = 0;
  let sq = 0;
  let maxAbs = 0;
  for (const v of values) {
    sum += v;
    sq += v * v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const mean = sum / values.length;
  return { std: Math.sqrt(sq / values.length - mean * mean), maxAbs };
}

describe('PyTorch export initialises kernels as TF.js does', () => {
  it.each(KERNEL_INITIALIZER_NAMES)(
    '%s on Dense and Conv2D',
    (init) => {
      const cases = graphs(init).map((graph, i) => {
        const script = pytorchScript({
          graph,
          config: DEFAULT_TRAINING_CONFIG,
          preprocessing: pre,
        });
        if (!script.ok) throw new Error(script.message);
        const path = join(dir(), `${init}_${i}.py`);
        writeFileSync(path, script.code);
        return { path, graph, layer: graph.nodes.at(-1)!.id };
      });
      const torch = runTorchHelper<Record<string, Record<string, KernelStats>>>(
        'torch_init.py',
        cases.map((c) => c.path),
      );
      for (const c of cases) {
        const got = torch[c.path]![c.layer]!;
        const want = tfjsKernel(c.graph);
        const where = `${init} ${c.layer}`;
        expect(got.std / want.std, where).toBeGreaterThan(0.97);
        expect(got.std / want.std, where).toBeLessThan(1.03);
        // Both bounded alike: a normal without truncation would reach about 4.5 std here.
        expect(got.maxAbs / want.maxAbs, where).toBeGreaterThan(0.97);
        expect(got.maxAbs / want.maxAbs, where).toBeLessThan(1.03);
        expect(got.biasMaxAbs, where).toBe(0);
      }
    },
    60_000,
  );

  it('follows the definitions: heNormal is truncated at 2 std of √(2 / fan_in)', () => {
    const [dense] = graphs('heNormal');
    const sigma = Math.sqrt(2 / 400);
    const { std, maxAbs } = tfjsKernel(dense!);
    // A standard normal truncated at ±2 has std 0.8796.
    expect(std / sigma).toBeCloseTo(0.88, 2);
    expect(maxAbs).toBeLessThanOrEqual(2 * sigma * (1 + 1e-6));
    expect(tfjsKernel(graphs('heUniform')[0]!).maxAbs).toBeLessThanOrEqual(Math.sqrt(6 / 400));
  });
});
