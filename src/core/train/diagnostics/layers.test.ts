import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_CONFIG } from '../settings';
import type { LayerStat, LayerStatsEpoch } from '../layerStats/types';
import { diagnose } from './diagnose';
import { detectDeadUnits, detectGradients } from './layers';
import { applyRemedy, REMEDY_IDS } from './remedies';
import { defaultGraph } from '../../graph/presets';
import type { ModelGraph } from '../../graph/types';
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
    expect(f?.evidence).toEqual({
      chart: 'layers',
      epochs: [1],
      values: [0.6],
      layers: ['dense_1'],
    });
    expect(f?.remedies.map((r) => r.id)).toEqual(['leaky-relu', 'lr-divide-10', 'he-init']);
    expect(f?.remedies.map((r) => r.label)).toEqual([
      'LeakyReLU',
      'Learning rate ÷ 10',
      'He initialisation',
    ]);
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

  it('needs consecutive epochs: two kept epochs of a thinned record are not a streak', () => {
    const thinned = grads([
      [1e-4, 1],
      [1e-4, 1],
    ]).map((s, i) => ({ ...s, epoch: 1 + 2 * i }));
    expect(detectGradients(input(thinned))).toEqual([]);
    const [f] = detectGradients(input([...thinned, { ...thinned[1]!, epoch: 4 }]));
    expect(f?.evidence.epochs).toEqual([3, 4]);
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

describe('the dead-units remedies', () => {
  const ctx = (layers?: string[]) => ({
    graph: defaultGraph(),
    config: DEFAULT_TRAINING_CONFIG,
    datasetChoice: { kind: 'bundled', id: 'x' } as never,
    target: null,
    ...(layers ? { layers } : {}),
  });
  const edited = (id: string, layers?: string[]) => {
    const plan = applyRemedy(id, ctx(layers));
    if (plan.kind !== 'edit') throw new Error(JSON.stringify(plan));
    return plan;
  };
  const params = (g: ModelGraph, id: string) => g.nodes.find((n) => n.id === id)?.params;

  it('LeakyReLU: the named ReLU layers turn linear, each followed by a LeakyReLU', () => {
    const plan = edited('leaky-relu', ['dense_1']);
    expect(plan.change).toBe('ReLU of dense_1 replaced by a LeakyReLU layer (slope 0.3) after it');
    expect(params(plan.graph, 'dense_1')?.activation).toBe('linear');
    expect(params(plan.graph, 'dense_2')?.activation).toBe('relu');
    expect(plan.graph.edges.filter((e) => e.source === 'leakyrelu_1').map((e) => e.target)).toEqual(
      ['dense_2'],
    );
    expect(plan.config).toBe(DEFAULT_TRAINING_CONFIG);
    // A second time there is no ReLU left in dense_1 to replace.
    expect(applyRemedy('leaky-relu', { ...ctx(['dense_1']), graph: plan.graph })).toEqual({
      kind: 'refused',
      reason: 'dense_1 has no ReLU activation to replace.',
    });
  });

  it('He initialisation: heNormal kernels on the named layers only', () => {
    const plan = edited('he-init', ['dense_2']);
    expect(plan.change).toBe('He-normal initialisation on dense_2');
    expect(params(plan.graph, 'dense_2')?.kernelInitializer).toBe('heNormal');
    expect(params(plan.graph, 'dense_1')?.kernelInitializer).toBeUndefined();
    const again = applyRemedy('he-init', { ...ctx(['dense_2']), graph: plan.graph });
    expect(again.kind).toBe('refused');
  });

  it('without named layers, acts on every hidden ReLU layer', () => {
    const hidden = defaultGraph()
      .nodes.filter((n) => n.params.activation === 'relu')
      .map((n) => n.id);
    expect(hidden.length).toBeGreaterThan(1);
    expect(edited('leaky-relu').change).toBe(
      `ReLU of ${hidden.join(', ')} replaced by a LeakyReLU layer (slope 0.3) after it`,
    );
    expect(edited('he-init').change).toBe(`He-normal initialisation on ${hidden.join(', ')}`);
  });

  it('the finding names exactly the layers its remedies change', () => {
    const stats = [{ epoch: 3, layers: [layer('dense_1', 1, 0.1), layer('dense_2', 1, 0.8)] }];
    const [f] = detectDeadUnits(input(stats));
    const plan = edited('leaky-relu', f!.evidence.layers);
    expect(params(plan.graph, 'dense_2')?.activation).toBe('linear');
    expect(params(plan.graph, 'dense_1')?.activation).toBe('relu');
  });
});
