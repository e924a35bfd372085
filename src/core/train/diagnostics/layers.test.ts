import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_CONFIG } from '../settings';
import type { LayerStat, LayerStatsEpoch } from '../layerStats/types';
import { diagnose } from './diagnose';
import { detectDeadUnits, detectGradients } from './layers';
import { applyRemedy, REMEDY_IDS } from './remedies';
import { defaultGraph } from '../../graph/presets';
import type { DiagnosisInput } from './types';

const flat = { left: 0, right: 1, counts: [1] };
const layer = (name: string, gradRms: number, deadFraction?: number): LayerStat => ({
  layer: name,
  weights: flat,
  activations: flat,
  gradRms,
  units: 10,
  ...(deadFraction === undefined ? {} : { deadFraction }),
});
/** Epochs with the first and last layers' RMS gradients. */
const grads = (pairs: [number, number][]): LayerStatsEpoch[] =>
  pairs.map(([first, last], i) => ({
    epoch: i + 1,
    layers: [layer('dense_1', first), layer('dense_2', 1), layer('dense_3', last)],
  }));
const input = (layerStats: LayerStatsEpoch[]): DiagnosisInput => ({
  task: 'multiclass',
  loss: 'categoricalCrossentropy',
  history: [],
  layerStats,
});

describe('detectDeadUnits', () => {
  it('fires when more than half of a layer’s units are dead in the latest epoch', () => {
    const stats = [{ epoch: 1, layers: [layer('dense_1', 1, 0.6), layer('dense_2', 1, 0.1)] }];
    const [f] = detectDeadUnits(input(stats));
    expect(f?.kind).toBe('dead-units');
    expect(f?.explanation).toContain('dense_1 (60% of 10)');
    expect(f?.explanation).not.toContain('dense_2');
    expect(f?.remedies.map((r) => r.id)).toEqual(['lr-divide-10']);
  });

  it('is quiet at exactly half, and when an earlier epoch was bad but the latest is not', () => {
    expect(detectDeadUnits(input([{ epoch: 1, layers: [layer('d', 1, 0.5)] }]))).toEqual([]);
    const recovered = [
      { epoch: 1, layers: [layer('d', 1, 0.9)] },
      { epoch: 2, layers: [layer('d', 1, 0.2)] },
    ];
    expect(detectDeadUnits(input(recovered))).toEqual([]);
  });
});

describe('detectGradients', () => {
  it('finds vanishing gradients at a ratio ≤ 1e-3 for 2 consecutive epochs', () => {
    const [f, ...rest] = detectGradients(
      input(
        grads([
          [1e-4, 1],
          [1, 1],
          [1e-3, 1],
          [5e-4, 1],
        ]),
      ),
    );
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('vanishing-gradients');
    expect(f?.evidence.epochs).toEqual([3, 4]);
    expect(f?.remedies.map((r) => r.id)).toEqual([
      'add-batchnorm',
      'clip-gradients',
      'lr-divide-10',
    ]);
  });

  it('finds exploding gradients at a ratio ≥ 1e3 for 2 epochs, and not for one', () => {
    expect(
      detectGradients(
        input(
          grads([
            [1e3, 1],
            [2e3, 1],
          ]),
        ),
      )[0]?.kind,
    ).toBe('exploding-gradients');
    expect(
      detectGradients(
        input(
          grads([
            [1e3, 1],
            [1, 1],
            [1e4, 1],
          ]),
        ),
      ),
    ).toEqual([]);
    expect(
      detectGradients(
        input(
          grads([
            [999, 1],
            [999, 1],
          ]),
        ),
      ),
    ).toEqual([]);
  });

  it('ignores epochs without usable gradients and single-layer models', () => {
    expect(
      detectGradients(
        input(
          grads([
            [0, 1],
            [0, 1],
          ]),
        ),
      ),
    ).toEqual([]);
    const single = [1, 2].map((epoch) => ({ epoch, layers: [layer('d', 1e-9)] }));
    expect(detectGradients(input(single))).toEqual([]);
  });

  it('reaches the panel through diagnose', () => {
    const kinds = diagnose(
      input(
        grads([
          [1e-5, 1],
          [1e-5, 1],
        ]),
      ),
    ).map((f) => f.kind);
    expect(kinds).toContain('vanishing-gradients');
  });
});

describe('the add-batchnorm remedy', () => {
  const ctx = {
    graph: defaultGraph(),
    config: DEFAULT_TRAINING_CONFIG,
    datasetChoice: { kind: 'bundled', id: 'x' } as never,
    target: null,
  };

  it('is known, and adds BatchNormalization after each hidden layer once', () => {
    for (const id of ['add-batchnorm', 'clip-gradients', 'lr-divide-10'])
      expect(REMEDY_IDS).toContain(id);
    const plan = applyRemedy('add-batchnorm', ctx);
    if (plan.kind !== 'edit') throw new Error(JSON.stringify(plan));
    const added = plan.graph.nodes.length - ctx.graph.nodes.length;
    expect(added).toBeGreaterThan(0);
    expect(plan.graph.nodes.filter((n) => n.type === 'BatchNormalization')).toHaveLength(added);
    expect(applyRemedy('add-batchnorm', { ...ctx, graph: plan.graph }).kind).toBe('refused');
  });
});
