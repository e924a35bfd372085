/** Gathers what the code generators need from the store (and the worker's fitted state). */
import { useAppStore } from '../../state/store';
import type { PreprocessingInfo } from '../../core/export/modelFiles';
import { preprocessingFromSummary } from '../../core/export/preprocessing';
import type { CodegenInput } from '../../core/export/codegen/common';
import { requestModelFiles } from './modelRequests';

/**
 * The generator input: the editor's graph and settings, with the fitted preprocessing of
 * the last trained run when its graph is the one in the editor.
 */
export async function codegenInput(): Promise<CodegenInput | string> {
  const s = useAppStore.getState();
  // Until a run of this graph has fitted statistics, the loaded dataset's own preprocessing.
  let preprocessing = s.dataset ? preprocessingFromSummary(s.dataset) : null;
  if (s.run && s.run.epochs.length > 0 && s.run.graph === s.graph) {
    const files = await requestModelFiles();
    const pre = files.ok ? files.value.find((f) => f.name === 'preprocessing.json') : undefined;
    if (pre) preprocessing = JSON.parse(new TextDecoder().decode(pre.data)) as PreprocessingInfo;
  }
  if (!preprocessing) return 'Wait for the dataset to load first.';
  return { graph: s.graph, config: s.config, preprocessing };
}
