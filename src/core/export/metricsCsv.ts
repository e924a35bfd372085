/** A run's per-epoch metrics as CSV, for spreadsheets and plotting elsewhere. */
import type { EpochMetrics } from '../train/types';

const COLUMNS: { header: string; value: (m: EpochMetrics) => number | undefined }[] = [
  { header: 'epoch', value: (m) => m.epoch },
  { header: 'loss', value: (m) => m.loss },
  { header: 'val_loss', value: (m) => m.valLoss },
  { header: 'accuracy', value: (m) => m.accuracy },
  { header: 'val_accuracy', value: (m) => m.valAccuracy },
  { header: 'mae', value: (m) => m.mae },
  { header: 'val_mae', value: (m) => m.valMae },
  { header: 'duration_ms', value: (m) => m.durationMs },
];

/** CSV with one row per epoch; columns no epoch has (e.g. mae for classification) are left out. */
export function metricsCsv(epochs: readonly EpochMetrics[]): string {
  const used = COLUMNS.filter((c) => epochs.some((m) => c.value(m) !== undefined));
  const cell = (v: number | undefined) => (v === undefined ? '' : String(v));
  const lines = [used.map((c) => c.header).join(',')];
  for (const m of epochs) lines.push(used.map((c) => cell(c.value(m))).join(','));
  return `${lines.join('\n')}\n`;
}
