/** Shows a run's report in the evaluation panel and moves the focus there. */
import { useAppStore } from '../../state/store';
import { bringPanelIntoView } from '../runs/chosenRun';

export const EVALUATION_HEADING_ID = 'evaluation-heading';

/** Shows this run's report (null: the latest run's) and brings the panel into view. */
export function openReport(runId: string | null): void {
  useAppStore.getState().showReport(runId);
  bringPanelIntoView(EVALUATION_HEADING_ID);
}
