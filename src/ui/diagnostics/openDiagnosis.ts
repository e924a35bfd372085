/** Shows a run's findings in the diagnostics panel and moves the focus there. */
import { useAppStore } from '../../state/store';
import { bringPanelIntoView } from '../runs/chosenRun';

export const DIAGNOSTICS_HEADING_ID = 'diagnostics-heading';

/** Shows this run's diagnosis (null: the latest run's) and brings the panel into view. */
export function openDiagnosis(runId: string | null): void {
  useAppStore.getState().showDiagnosis(runId);
  bringPanelIntoView(DIAGNOSTICS_HEADING_ID);
}
