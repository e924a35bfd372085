import type { Dataset, DatasetSummary } from './types';

/** What the main thread needs of a dataset: counts and, for 2-D point sets, the points. */
export function summarizeDataset(ds: Dataset): DatasetSummary {
  const summary: DatasetSummary = {
    name: ds.name,
    kind: ds.kind,
    task: ds.task,
    featureShape: [...ds.featureShape],
    n: ds.n,
    classNames: [...ds.classNames],
    classCounts: classCounts(ds),
    featureNames: [...ds.featureNames],
    inputScale: ds.xScale,
  };
  if (ds.kind === 'points2d') {
    const x: number[] = [];
    const y: number[] = [];
    const label: number[] = [];
    for (let i = 0; i < ds.n; i++) {
      x.push(ds.x[2 * i]! * ds.xScale);
      y.push(ds.x[2 * i + 1]! * ds.xScale);
      label.push(ds.y[i]!);
    }
    summary.points = { x, y, label };
  }
  return summary;
}

/** Rows per class in label-index order; empty for regression. */
export function classCounts(ds: Pick<Dataset, 'y' | 'classNames' | 'task'>): number[] {
  if (ds.task === 'regression') return [];
  const counts = new Array<number>(ds.classNames.length).fill(0);
  for (const label of ds.y) {
    const k = Math.round(label);
    if (k >= 0 && k < counts.length) counts[k]! += 1;
  }
  return counts;
}
