/** Gathers what the code generators need from the store. */
import { useAppStore } from '../../state/store';
import { preprocessingFromSummary, withDecision } from '../../core/export/preprocessing';
import type { CodegenInput } from '../../core/export/codegen/common';

/**
 * The generator input: the editor's graph and settings, with the preprocessing the last
 * run fitted (kept with its record, with its binary decision) when its graph is the one in
 * the editor; until then, the loaded dataset's own preprocessing, without fitted statistics.
 */
export function codegenInput(): CodegenInput | string {
  const s = useAppStore.getState();
  const record = s.run?.record;
  const kept =
    record && record.epochs.length > 0 && record.graph === s.graph ? record.preprocessing : null;
  const fitted = kept ? withDecision(kept, record?.decision) : null;
  const preprocessing = fitted ?? (s.dataset ? preprocessingFromSummary(s.dataset) : null);
  if (!preprocessing) return 'Wait for the dataset to load first.';
  return { graph: s.graph, config: s.config, preprocessing };
}
