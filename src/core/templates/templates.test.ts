import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../graph/analyze';
import { targetForDataset } from '../data/target';
import { dataKindsOf, pixelSide, type TemplateDataset } from './dataKind';
import { tabularUnits, TABULAR_DROPOUT } from './graphs';
import { TEMPLATE_IDS, TEMPLATES, templateFits } from './templates';

const classes = (k: number) => Array.from({ length: k }, (_, i) => `c${i}`);
const image = (shape: number[], k = 10): TemplateDataset => ({
  kind: 'image',
  task: k === 2 ? 'binary' : 'multiclass',
  featureShape: shape,
  classNames: classes(k),
});
const table = (d: number, task: TemplateDataset['task'], k = 0): TemplateDataset => ({
  kind: 'tabular',
  task,
  featureShape: [d],
  classNames: classes(k),
});

/** Datasets of every kind a template may claim: built-in, uploads, CSV tables, pixel tables. */
const DATASETS: Record<string, TemplateDataset> = {
  'Fashion-MNIST 28×28×1': image([28, 28, 1]),
  'upload 32×32 rgb, 2 classes': image([32, 32, 3], 2),
  'upload 64×64 rgb, 5 classes': image([64, 64, 3], 5),
  'upload 8×8 grayscale': image([8, 8, 1], 3),
  'upload 4×6 rgb': image([4, 6, 3], 2),
  'Fashion-MNIST CSV (784 pixels)': table(784, 'multiclass', 10),
  'digits CSV (64 pixels)': table(64, 'multiclass', 10),
  'wine (13 columns, 3 classes)': table(13, 'multiclass', 3),
  'breast cancer (30 columns, binary)': table(30, 'binary', 2),
  'regression table (8 columns)': table(8, 'regression'),
  'wide one-hot table (300 features)': table(300, 'binary', 2),
};

describe('template graphs', () => {
  for (const id of TEMPLATE_IDS) {
    for (const [name, ds] of Object.entries(DATASETS)) {
      if (!templateFits(id, dataKindsOf(ds))) continue;
      for (const scale of ['full', 'tiny'] as const) {
        it(`${id} passes shape inference on ${name} (${scale})`, () => {
          const graph = TEMPLATES[id].graph(ds, scale);
          const analysis = analyzeGraph(graph, targetForDataset(ds));
          expect(analysis.issues).toEqual([]);
          expect(analysis.valid).toBe(true);
        });
      }
    }
  }

  it('claims the datasets the gallery says: images and pixel tables for the CNNs, tables for the dense network', () => {
    const fitting = (id: (typeof TEMPLATE_IDS)[number]) =>
      Object.keys(DATASETS).filter((n) => templateFits(id, dataKindsOf(DATASETS[n]!)));
    expect(fitting('image')).toEqual(Object.keys(DATASETS).slice(0, 7));
    expect(fitting('quickstart')).toEqual(fitting('image'));
    expect(fitting('tabular')).toEqual(Object.keys(DATASETS).slice(5));
  });

  it('builds keras.io’s mnist_convnet on 28×28 images: 34,826 weights, as Keras counts them', () => {
    const graph = TEMPLATES.image.graph(DATASETS['Fashion-MNIST 28×28×1']!, 'full');
    expect(graph.nodes.map((n) => n.type)).toEqual([
      'Input',
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'MaxPooling2D',
      'Flatten',
      'Dropout',
      'Dense',
    ]);
    expect(graph.nodes.filter((n) => n.type === 'Conv2D').map((n) => n.params.filters)).toEqual([
      32, 64,
    ]);
    expect(analyzeGraph(graph, null).totalParams).toBe(34_826);
  });

  it('reshapes a table of pixels into its square image before the convolutions', () => {
    const graph = TEMPLATES.image.graph(DATASETS['Fashion-MNIST CSV (784 pixels)']!, 'full');
    expect(graph.nodes[1]).toMatchObject({ type: 'Reshape', params: { targetShape: [28, 28, 1] } });
    expect(analyzeGraph(graph, null).totalParams).toBe(34_826);
  });

  it('builds the Keras quickstart: 101,770 weights on 28×28 images', () => {
    const graph = TEMPLATES.quickstart.graph(DATASETS['Fashion-MNIST 28×28×1']!, 'full');
    expect(graph.nodes.map((n) => [n.type, n.params.units ?? n.params.rate ?? null])).toEqual([
      ['Input', null],
      ['Flatten', null],
      ['Dense', 128],
      ['Dropout', 0.2],
      ['Dense', 10],
    ]);
    expect(analyzeGraph(graph, null).totalParams).toBe(101_770);
  });

  it('sizes the tabular network to the table and its target', () => {
    const wine = TEMPLATES.tabular.graph(DATASETS['wine (13 columns, 3 classes)']!, 'full');
    const dense = wine.nodes.filter((n) => n.type === 'Dense');
    expect(dense.map((n) => [n.params.units, n.params.activation])).toEqual([
      [128, 'relu'],
      [128, 'relu'],
      [3, 'softmax'],
    ]);
    const bin = TEMPLATES.tabular.graph(DATASETS['breast cancer (30 columns, binary)']!, 'full');
    expect(bin.nodes.at(-1)!.params).toMatchObject({ units: 1, activation: 'sigmoid' });
    const reg = TEMPLATES.tabular.graph(DATASETS['regression table (8 columns)']!, 'full');
    expect(reg.nodes.at(-1)!.params).toMatchObject({ units: 1, activation: 'linear' });
    expect(tabularUnits([300])).toBe(256);
  });

  it('shrinks filters and units at CI scale (at most 8 filters, as the e2e budget asks)', () => {
    const cnn = TEMPLATES.image.graph(DATASETS['Fashion-MNIST 28×28×1']!, 'tiny');
    const filters = cnn.nodes.filter((n) => n.type === 'Conv2D').map((n) => n.params.filters);
    expect(filters).toEqual([4, 8]);
    const tab = TEMPLATES.tabular.graph(DATASETS['wine (13 columns, 3 classes)']!, 'tiny');
    expect(tab.nodes.find((n) => n.type === 'Dense')!.params.units).toBe(16);
  });
});

describe('data kinds', () => {
  it('reads a square feature count of at least 8×8 as a table of pixels', () => {
    expect(pixelSide([784])).toBe(28);
    expect(pixelSide([64])).toBe(8);
    expect(pixelSide([49])).toBeNull();
    expect(pixelSide([30])).toBeNull();
    expect(pixelSide([28, 28, 1])).toBeNull();
    expect(dataKindsOf({ kind: 'tabular', featureShape: [784] })).toEqual(['pixels', 'tabular']);
    expect(dataKindsOf({ kind: 'points2d', featureShape: [2] })).toEqual(['points2d']);
  });
});

describe('the Keras code beside each template', () => {
  it('follows the template’s own layers and settings', () => {
    const q = TEMPLATES.quickstart;
    expect(q.python).toContain('Dense(128, activation="relu")');
    expect(q.python).toContain('Dropout(0.2)');
    expect(q.python).toContain(`batch_size=${q.settings.batchSize}, epochs=${q.settings.epochs}`);
    const c = TEMPLATES.image;
    expect(c.python).toContain('Conv2D(32, kernel_size=(3, 3)');
    expect(c.python).toContain('Conv2D(64, kernel_size=(3, 3)');
    expect(c.python).toContain('Dropout(0.5)');
    expect(c.python).toContain(`batch_size=${c.settings.batchSize}, epochs=${c.settings.epochs}`);
    const t = TEMPLATES.tabular;
    expect(t.python).toContain(`Dense(${tabularUnits([13])}, activation="relu")`);
    expect(t.python).toContain(`Dropout(${TABULAR_DROPOUT})`);
    expect(t.python).toContain(`patience=${t.settings.earlyStoppingPatience}`);
    expect(t.python).toContain(`batch_size=${t.settings.batchSize}, epochs=${t.settings.epochs}`);
    expect(t.python).toContain(`Adam(${t.settings.learningRate === 0.001 ? '1e-3' : '?'})`);
  });
});
