/** Adapting a graph to a dataset: the input shape and the output head. */
import { getLayer } from '../layers/registry';
import { analyzeGraph } from './analyze';
import { addNodeAfter, insertBefore, newNodeId, updateParams } from './ops';
import { formatExampleShape } from './shape';
import { adjacency, nodeLabel } from './topology';
import type { ModelGraph, TargetSpec } from './types';

function activationFor(target: TargetSpec, units: number): string {
  if (target.task === 'regression') return 'linear';
  return target.task === 'binary' && units === 1 ? 'sigmoid' : 'softmax';
}

function sameInts(a: unknown, b: readonly number[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Makes the graph fit a dataset: Input shape := featureShape, and an output head giving
 * the target shape (the last Dense resized, or a Dense head appended, with Flatten where
 * an image would otherwise reach it). `changes` says what was done, one sentence each.
 */
export function fitGraphToDataset(
  graph: ModelGraph,
  featureShape: number[],
  target: TargetSpec,
): { graph: ModelGraph; changes: string[] } {
  const changes: string[] = [];
  let g = graph;
  for (const input of g.nodes.filter((n) => n.type === 'Input')) {
    const old = input.params['shape'];
    if (sameInts(old, featureShape)) continue;
    g = updateParams(g, input.id, { shape: [...featureShape] });
    const from = Array.isArray(old) ? formatExampleShape(old) : '(?)';
    changes.push(`Input shape ${from} → ${formatExampleShape(featureShape)}`);
  }

  const units = target.shape[target.shape.length - 1];
  const analysis = analyzeGraph(g, null);
  const sink = g.nodes.find((n) => n.id === analysis.sinkId);
  if (!sink || typeof units !== 'number') return { graph: g, changes };
  const activation = activationFor(target, units);
  const rank = (id: string | undefined) => (id ? analysis.info[id]?.shape?.length : undefined);
  const adj = adjacency(g);
  const single = (ids: string[] | undefined) => (ids?.length === 1 ? ids[0] : undefined);

  if (sink.type !== 'Dense') {
    let anchor = sink.id;
    if ((rank(sink.id) ?? 0) > 2) {
      const flattenId = newNodeId(g, 'Flatten');
      g = addNodeAfter(g, 'Flatten', sink.id);
      changes.push(
        `Added ${nodeLabel({ id: flattenId, type: 'Flatten' })} after ${nodeLabel(sink)}`,
      );
      anchor = flattenId;
    }
    const denseId = newNodeId(g, 'Dense');
    g = addNodeAfter(g, 'Dense', anchor);
    g = updateParams(g, denseId, { units, activation });
    const dense = nodeLabel({ id: denseId, type: 'Dense' });
    changes.push(
      `Added ${dense} (${units} unit${units === 1 ? '' : 's'}, ${activation}) as the output layer`,
    );
    return { graph: g, changes };
  }

  // An image reaching the last Dense: flatten it as early as the layers before allow, so
  // Input → Dense → Dense becomes Input → Flatten → Dense → Dense, not a Dense per pixel.
  let before = sink.id;
  let source = single(adj.incoming.get(before));
  if ((rank(source) ?? 0) > 2) {
    for (;;) {
      const prev = g.nodes.find((n) => n.id === source);
      const prevSource = single(adj.incoming.get(source ?? ''));
      const prevShape = prevSource ? analysis.info[prevSource]?.shape : null;
      const spec = prev ? getLayer(prev.type) : undefined;
      if (!prev || !spec || !prevShape || prevShape.length <= 2) break;
      if ((adj.outgoing.get(prev.id) ?? []).length !== 1) break;
      if (!spec.inferShape([[null, 1]], prev.params).ok) break;
      before = prev.id;
      source = prevSource;
    }
    if (source) {
      const flattenId = newNodeId(g, 'Flatten');
      g = insertBefore(g, 'Flatten', source, before);
      const beforeNode = g.nodes.find((n) => n.id === before)!;
      changes.push(
        `Added ${nodeLabel({ id: flattenId, type: 'Flatten' })} before ${nodeLabel(beforeNode)}`,
      );
    }
  }
  const oldUnits = sink.params['units'];
  if (oldUnits !== units) {
    g = updateParams(g, sink.id, { units });
    changes.push(`${nodeLabel(sink)} units ${String(oldUnits)} → ${units}`);
  }
  const oldActivation = sink.params['activation'];
  if (oldActivation !== activation) {
    g = updateParams(g, sink.id, { activation });
    changes.push(`${nodeLabel(sink)} activation ${String(oldActivation)} → ${activation}`);
  }
  return { graph: g, changes };
}
