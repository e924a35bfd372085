/**
 * A rough estimate of the memory a training step needs, so that an obviously too large
 * model is refused with a reason instead of crashing the tab.
 */
import type { OptimizerName } from '../train/types';
import { exampleSize } from './shape';
import { trainableParams } from './summary';
import type { GraphAnalysis, ModelGraph } from './types';

/** Above this a browser tab is likely to run out of memory (or GPU textures). */
export const MEMORY_LIMIT_BYTES = 1.5 * 1024 ** 3;

const FLOAT_BYTES = 4;

/** Extra float32 values the optimizer keeps per trainable weight. */
export const OPTIMIZER_SLOTS: Record<OptimizerName, number> = {
  sgd: 0,
  momentum: 1,
  adam: 2,
  // 2 if centered; our RMSprop is not.
  rmsprop: 1,
  adagrad: 1,
};

export interface MemoryEstimate {
  weightsBytes: number;
  optimizerBytes: number;
  /** Every layer's output for a batch, kept for the backward pass, plus its gradient. */
  activationBytes: number;
  totalBytes: number;
}

/** Bytes of weights, optimizer state and activations for one training step (float32). */
export function estimateTrainingMemory(
  graph: ModelGraph,
  analysis: GraphAnalysis,
  optimizer: OptimizerName,
  batchSize: number,
): MemoryEstimate {
  const weightsBytes = analysis.totalParams * FLOAT_BYTES;
  const optimizerBytes =
    trainableParams(graph, analysis) * OPTIMIZER_SLOTS[optimizer] * FLOAT_BYTES;
  let elements = 0;
  for (const node of graph.nodes) {
    const shape = analysis.info[node.id]?.shape;
    elements += shape ? (exampleSize(shape) ?? 0) : 0;
  }
  const activationBytes = elements * batchSize * 2 * FLOAT_BYTES;
  return {
    weightsBytes,
    optimizerBytes,
    activationBytes,
    totalBytes: weightsBytes + optimizerBytes + activationBytes,
  };
}

/** "1.9 GB", "512 MB", "12 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Null when training fits in memory; otherwise why not and what to change. */
export function checkMemory(
  graph: ModelGraph,
  analysis: GraphAnalysis,
  optimizer: OptimizerName,
  batchSize: number,
): string | null {
  const estimate = estimateTrainingMemory(graph, analysis, optimizer, batchSize);
  if (estimate.totalBytes <= MEMORY_LIMIT_BYTES) return null;
  const needs = `Training this model needs about ${formatBytes(estimate.totalBytes)} of memory, more than the ${formatBytes(MEMORY_LIMIT_BYTES)} a browser tab can safely use.`;
  const fixed = estimate.weightsBytes + estimate.optimizerBytes;
  const perExample = estimate.activationBytes / Math.max(1, batchSize);
  const maxBatch = perExample > 0 ? Math.floor((MEMORY_LIMIT_BYTES - fixed) / perExample) : 0;
  if (maxBatch >= 1) {
    const suggestion = 2 ** Math.floor(Math.log2(maxBatch));
    return `${needs} Use a smaller batch size (${suggestion} fits), or fewer units or filters.`;
  }
  const biggest = Object.values(analysis.info).reduce((a, b) => (b.params > a.params ? b : a), {
    params: 0,
    label: '',
    shape: null,
  });
  const where =
    biggest.params > 0
      ? ` in ${biggest.label} (${biggest.params.toLocaleString('en-US')} weights)`
      : '';
  return `${needs} Use fewer units or filters${where}, or shrink its input with pooling or larger strides.`;
}
