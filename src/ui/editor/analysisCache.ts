import type { GraphAnalysis, ModelGraph } from '../../core/graph/types';
import type { DatasetSummary } from '../../core/data/types';
import { analyzeGraph } from '../../core/graph/analyze';
import { targetForDataset } from '../../core/data/target';

let last: { graph: ModelGraph; dataset: DatasetSummary | null; analysis: GraphAnalysis } | null =
  null;

/**
 * The analysis of the store's graph against the loaded dataset. Canvas, inspector,
 * summary and the Train button all ask for it after every edit; a one-entry cache keyed
 * on object identity (the store replaces, never mutates) makes that one analysis.
 */
export function analysisFor(graph: ModelGraph, dataset: DatasetSummary | null): GraphAnalysis {
  if (last && last.graph === graph && last.dataset === dataset) return last.analysis;
  const analysis = analyzeGraph(graph, dataset ? targetForDataset(dataset) : null);
  last = { graph, dataset, analysis };
  return analysis;
}
