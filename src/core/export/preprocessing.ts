/**
 * The preprocessing.json of a model: how raw rows become model inputs. It is built from
 * what a run actually fitted (never fitted a second time) so the exported file cannot
 * disagree with the features the model was trained on.
 */
import type { FittedPipeline } from '../data/pipeline/spec';
import type { Standardization } from '../data/standardize';
import type { Dataset, DatasetSummary } from '../data/types';
import type { RunDecision } from '../runs/record';
import { preprocessingFile, type ModelFile, type PreprocessingInfo } from './modelFiles';

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

/**
 * The preprocessing with a binary run's decision (positive class and threshold chosen on
 * validation), which preprocessing.json and the generated scripts predict with.
 */
export function withDecision(
  info: PreprocessingInfo,
  decision: RunDecision | null | undefined,
): PreprocessingInfo {
  if (!decision || info.task !== 'binary') return info;
  const { positive, threshold } = decision;
  return {
    ...info,
    decision: { positive, positiveClass: info.classNames[positive] ?? String(positive), threshold },
  };
}

/** Model files whose preprocessing.json carries the run's decision (others unchanged). */
export function filesWithDecision(
  files: readonly ModelFile[],
  decision: RunDecision | null | undefined,
): ModelFile[] {
  if (!decision) return [...files];
  return files.map((f) => {
    if (f.name !== 'preprocessing.json') return f;
    const info = JSON.parse(new TextDecoder().decode(f.data)) as PreprocessingInfo;
    return preprocessingFile(withDecision(info, decision));
  });
}
