/** Gathers what the code generators need from the store (and the worker's fitted state). */
import { useAppStore } from '../../state/store';
import type { PreprocessingInfo } from '../../core/export/modelFiles';
import type { CodegenInput } from '../../core/export/codegen/common';
import { requestModelFiles } from './modelRequests';

/** Preprocessing of the loaded dataset, without fitted statistics (the script fits them). */
function preprocessingFromSummary(): PreprocessingInfo | null {
  const ds = useAppStore.getState().dataset;
  if (!ds) return null;
  return {
    format: 'train-smarter-preprocessing',
    version: 1,
    datasetName: ds.name,
    kind: ds.kind,
    task: ds.task,
    featureShape: [...ds.featureShape],
    featureNames: [...ds.featureNames],
    classNames: [...ds.classNames],
    inputScale: ds.kind === 'image' ? 1 / 255 : 1,
    standardization: null,
  };
}

/**
 * The generator input: the editor's graph and settings, with the fitted preprocessing of
 * the last trained run when its graph is the one in the editor.
 */
export async function codegenInput(): Promise<CodegenInput | string> {
  const s = useAppStore.getState();
  let preprocessing = preprocessingFromSummary();
  if (s.run && s.run.record.epochs.length > 0 && s.run.record.graph === s.graph) {
    const files = await requestModelFiles();
    const pre = files.ok ? files.value.find((f) => f.name === 'preprocessing.json') : undefined;
    if (pre) preprocessing = JSON.parse(new TextDecoder().decode(pre.data)) as PreprocessingInfo;
  }
  if (!preprocessing) return 'Wait for the dataset to load first.';
  return { graph: s.graph, config: s.config, preprocessing };
}
