/**
 * The preprocessing.json of a model: how raw rows become model inputs. It is built from
 * what a run actually fitted (never fitted a second time) so the exported file cannot
 * disagree with the features the model was trained on.
 */
import type { FittedPipeline } from '../data/pipeline/spec';
import type { Standardization } from '../data/standardize';
import type { Dataset, DatasetSummary } from '../data/types';
import type { PreprocessingInfo } from './modelFiles';

type Described = Pick<
  Dataset,
  'name' | 'kind' | 'task' | 'featureShape' | 'featureNames' | 'classNames'
>;

function describeDataset(ds: Described, inputScale: number): PreprocessingInfo {
  return {
    format: 'train-smarter-preprocessing',
    version: 1,
    datasetName: ds.name,
    kind: ds.kind,
    task: ds.task,
    featureShape: [...ds.featureShape],
    featureNames: [...ds.featureNames],
    classNames: [...ds.classNames],
    inputScale,
    standardization: null,
  };
}

/**
 * The preprocessing of a prepared run: the raw dataset's own input scale, the
 * standardisation fitted on its training split (null when none was), and an uploaded
 * CSV's fitted pipeline (null for other datasets).
 */
export function runPreprocessing(
  raw: Dataset,
  standardization: Standardization | null,
  fittedPipeline: FittedPipeline | null,
): PreprocessingInfo {
  return {
    ...describeDataset(raw, raw.xScale),
    standardization: standardization
      ? { mean: [...standardization.mean], std: [...standardization.std] }
      : null,
    fittedPipeline,
  };
}

/**
 * The preprocessing of a loaded dataset no run has fitted yet: its real input scale and
 * no statistics (the generated script fits them itself).
 */
export function preprocessingFromSummary(summary: DatasetSummary): PreprocessingInfo {
  return describeDataset(summary, summary.inputScale);
}
