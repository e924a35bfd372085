/**
 * Panels that show one run — the latest, or one chosen from the runs list (evaluation,
 * diagnostics): which run that is, their header, and bringing the panel into view.
 */
import type { ReactNode } from 'react';
import type { RunRecord } from '../../core/runs/record';
import { useAppStore } from '../../state/store';
import './runs.css';

/** The run a panel shows: the chosen one, else the latest (the live run, else the newest). */
export function useChosenRun(chosenId: string | null): {
  record: RunRecord | null;
  chosen: boolean;
} {
  const live = useAppStore((s) => s.run?.record ?? null);
  const runs = useAppStore((s) => s.runs);
  if (chosenId !== null) {
    const chosen = live?.id === chosenId ? live : runs.find((r) => r.id === chosenId);
    if (chosen) return { record: chosen, chosen: true };
  }
  return { record: live ?? runs[0] ?? null, chosen: false };
}

/** Scrolls a panel's heading into view and focuses it, after React has rendered the change. */
export function bringPanelIntoView(headingId: string): void {
  requestAnimationFrame(() => {
    const heading = document.getElementById(headingId);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  });
}

/** A run panel's heading, the run it shows (`runTestId`) and the way back to the latest run. */
export function ChosenRunHeader(props: {
  headingId: string;
  title: string;
  record: RunRecord | null;
  chosen: boolean;
  runTestId: string;
  backLabel: string;
  onBack: () => void;
  children?: ReactNode;
}) {
  const { record, chosen } = props;
  return (
    <div className="run-panel-header">
      <h2 id={props.headingId} tabIndex={-1}>
        {props.title}
      </h2>
      {record && (
        <span className="run-panel-run" data-testid={props.runTestId} data-run-id={record.id}>
          {record.name}
          {chosen ? '' : ' (latest run)'}
        </span>
      )}
      {chosen && (
        <button type="button" onClick={props.onBack}>
          {props.backLabel}
        </button>
      )}
      {props.children}
    </div>
  );
}
