/** Per-layer statistics of one epoch, measured on the run's fixed probe batch. */

/**
 * Equal-width buckets over [left, right]: bucket i spans
 * left + i·w … left + (i+1)·w with w = (right − left) / counts.length.
 */
export interface Histogram {
  left: number;
  right: number;
  counts: number[];
}

/** One layer with trainable weights (Dense, Conv2D, BatchNormalization...). */
export interface LayerStat {
  /** The layer's name: the graph node's id. */
  layer: string;
  /** The layer's kernel (or its first weight when it has none). */
  weights: Histogram;
  /** The layer's outputs on the probe batch. */
  activations: Histogram;
  /** RMS of the loss gradient over the layer's trainable weights: norm / √params. */
  gradRms: number;
  /** ReLU layers only: the share of units that output zero for ≥ 99% of the probe batch. */
  deadFraction?: number;
  /** Units (the output's last axis). */
  units: number;
}

export interface LayerStatsEpoch {
  /** 1-based epoch the statistics were taken after. */
  epoch: number;
  /** In the model's layer order. */
  layers: LayerStat[];
}

/** Rows in the probe batch (or every training row when there are fewer). */
export const PROBE_ROWS = 256;
/** Buckets per histogram (TensorBoard's default). */
export const HISTOGRAM_BUCKETS = 30;
/** A unit is dead when it outputs zero for at least this share of the probe batch. */
export const DEAD_UNIT_ZERO_SHARE = 0.99;
