import { describe, expect, it } from 'vitest';
import { fitGraphToDataset } from '../graph/edit';
import { updateParams } from '../graph/ops';
import { defaultGraph, presetGraph } from '../graph/presets';
import { targetForDataset } from '../data/target';
import type { ModelGraph } from '../graph/types';
import {
  defaultOrigin,
  isUnedited,
  originAfterFit,
  presetOrigin,
  proposalKey,
  proposeTemplate,
  sameModel,
  templateOrigin,
  type GraphOrigin,
} from './proposal';
import { TEMPLATES } from './templates';

const classes = (k: number) => Array.from({ length: k }, (_, i) => `c${i}`);
const fashion = {
  name: 'Fashion-MNIST (3,000 images)',
  kind: 'image' as const,
  task: 'multiclass' as const,
  featureShape: [28, 28, 1],
  classNames: classes(10),
};
const wine = {
  name: 'Wine',
  kind: 'tabular' as const,
  task: 'multiclass' as const,
  featureShape: [13],
  classNames: classes(3),
};
const pixelsCsv = { ...wine, name: 'train.csv', featureShape: [784], classNames: classes(10) };
const circles = {
  name: 'Circles',
  kind: 'points2d' as const,
  task: 'binary' as const,
  featureShape: [2],
  classNames: classes(2),
};
type Ds = typeof fashion | typeof wine | typeof circles;

/** What the app does when a dataset loads: fit the graph, the origin following an unedited one. */
function loadInto(graph: ModelGraph, origin: GraphOrigin | null, ds: Ds) {
  const fitted = fitGraphToDataset(graph, ds.featureShape, targetForDataset(ds)).graph;
  return { graph: fitted, origin: originAfterFit(origin, graph, fitted) };
}

const propose = (graph: ModelGraph, origin: GraphOrigin | null, ds: Ds | null, dismissed = null) =>
  proposeTemplate({ dataset: ds, graph, origin, dismissedFor: dismissed });

describe('the model proposal', () => {
  it('proposes the CNN for images and the dense network for tables on a fresh workspace', () => {
    for (const [ds, expected] of [
      [fashion, 'image'],
      [wine, 'tabular'],
      [pixelsCsv, 'tabular'],
    ] as const) {
      const { graph, origin } = loadInto(defaultGraph(), defaultOrigin(), ds);
      expect(propose(graph, origin, ds)).toBe(expected);
    }
  });

  it('proposes nothing for 2-D points, nor before a dataset has loaded', () => {
    const { graph, origin } = loadInto(defaultGraph(), defaultOrigin(), circles);
    expect(propose(graph, origin, circles)).toBeNull();
    expect(propose(defaultGraph(), defaultOrigin(), null)).toBeNull();
  });

  it('never replaces a graph the user has edited', () => {
    const loaded = loadInto(defaultGraph(), defaultOrigin(), fashion);
    const edited = updateParams(loaded.graph, 'dense_1', { units: 32 });
    expect(propose(edited, loaded.origin, fashion)).toBeNull();
    // Edited on one dataset, then another loaded: fitting does not make it the app's again.
    const later = loadInto(edited, loaded.origin, wine);
    expect(isUnedited(later.graph, later.origin)).toBe(false);
    expect(propose(later.graph, later.origin, wine)).toBeNull();
    // A graph that came from the user (a project, a run): no origin, no proposal.
    expect(propose(loaded.graph, null, fashion)).toBeNull();
  });

  it('treats moving a layer as layout, not an edit', () => {
    const loaded = loadInto(defaultGraph(), defaultOrigin(), wine);
    const moved: ModelGraph = {
      ...loaded.graph,
      nodes: loaded.graph.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: 7 } })),
    };
    expect(sameModel(moved, loaded.graph)).toBe(true);
    expect(propose(moved, loaded.origin, wine)).toBe('tabular');
  });

  it('leaves an unedited template that fits the data, and proposes for one that does not', () => {
    const cnn = TEMPLATES.image.graph(fashion, 'full');
    expect(propose(cnn, templateOrigin('image', cnn, null), fashion)).toBeNull();
    const quick = TEMPLATES.quickstart.graph(fashion, 'full');
    expect(propose(quick, templateOrigin('quickstart', quick, null), fashion)).toBeNull();
    // The tabular template, then images loaded: its unedited graph makes way for the CNN.
    const tab = TEMPLATES.tabular.graph(wine, 'full');
    const onImages = loadInto(tab, templateOrigin('tabular', tab, null), fashion);
    expect(propose(onImages.graph, onImages.origin, fashion)).toBe('image');
  });

  it('follows the "Model template" presets: the quickstart MLP fits images, the default does not', () => {
    const mlp = fitGraphToDataset(presetGraph('mlp'), [28, 28, 1], targetForDataset(fashion)).graph;
    expect(propose(mlp, presetOrigin('mlp', mlp), fashion)).toBeNull();
    const onWine = loadInto(mlp, presetOrigin('mlp', mlp), wine);
    expect(propose(onWine.graph, onWine.origin, wine)).toBe('tabular');
  });

  it('stays hidden for the dataset it was dismissed for, and comes back for another', () => {
    const loaded = loadInto(defaultGraph(), defaultOrigin(), fashion);
    const key = proposalKey(fashion);
    expect(proposeTemplate({ dataset: fashion, ...loaded, dismissedFor: key })).toBeNull();
    const onWine = loadInto(loaded.graph, loaded.origin, wine);
    expect(proposeTemplate({ dataset: wine, ...onWine, dismissedFor: key })).toBe('tabular');
  });
});
