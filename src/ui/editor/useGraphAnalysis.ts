import { useMemo } from 'react';
import type { GraphAnalysis } from '../../core/graph/types';
import { useAppStore } from '../../state/store';
import { analysisFor } from './analysisCache';

/**
 * Shapes, parameter counts and issues of the current graph, checked against the output
 * the loaded dataset needs (no target while no dataset is loaded).
 */
export function useGraphAnalysis(): GraphAnalysis {
  const graph = useAppStore((s) => s.graph);
  const dataset = useAppStore((s) => s.dataset);
  return useMemo(() => analysisFor(graph, dataset), [graph, dataset]);
}
