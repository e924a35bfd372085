import { useMemo, useState, type ReactNode } from 'react';
import { pageOf } from '../../../core/evaluation/examplePages';
import type { RunRecord } from '../../../core/runs/record';
import { loadDataset } from '../../../state/actions';
import { useAppStore } from '../../../state/store';
import { selectTrainingActive } from '../../../state/trainingSlice';
import type { ExampleData } from '../../../worker/evaluation/messages';
import { ExampleCard, type ExampleMedia } from './ExampleCard';
import { runDataState } from './runData';
import { useRunRecord } from './runLookup';
import { usePageExamples, type PageExamples } from './usePageExamples';
import { tryAvailability } from '../try/tryModelRef';
import { ModalDialog } from '../../forms/ModalDialog';
import './examples.css';

export const EXAMPLES_PER_PAGE = 24;

export interface ExamplesDialogProps {
  runId: string;
  title: string;
  /** Dataset row indices, in order: most confidently wrong first. */
  rows: Int32Array;
  /** rows.length × k probabilities, same order (regression: one predicted value per row). */
  probabilities: Float32Array;
  classNames: string[];
  /** The label of each row (class index, or the value for regression). */
  actual: number[];
  onClose(): void;
  /** Extra controls on each card (e.g. a saliency button), given the dataset row. */
  actions?: (row: number) => ReactNode;
}

function mediaOf(state: PageExamples, pageRows: Int32Array, i: number): ExampleMedia {
  // Until the new page's rows arrive, the previous page's are not shown on its cards.
  if (state.status !== 'ready' || state.rows !== pageRows) return { kind: 'none' };
  const ex: ExampleData = state.examples;
  if (ex.kind === 'images') {
    const pixels = ex.pixels[i];
    if (!pixels) return { kind: 'none' };
    return {
      kind: 'image',
      image: { width: ex.width, height: ex.height, channels: ex.channels, pixels },
    };
  }
  const values = ex.table.rows[i];
  if (!values) return { kind: 'none' };
  return { kind: 'values', columns: ex.table.columns, values, label: ex.table.rowLabels?.[i] };
}

/** Why the rows cannot be shown, and what to do: load a built-in set, or upload the file again. */
function DatasetMissing({ record, message }: { record: RunRecord | null; message?: string }) {
  const training = useAppStore(selectTrainingActive);
  if (!record) {
    return <p className="examples-note">This run is no longer stored: its rows cannot be shown.</p>;
  }
  const choice = record.datasetChoice;
  const name = record.dataset.name;
  return (
    <div className="examples-note" role="note">
      <p>
        {message ?? `The dataset of this run (${name}) is no longer loaded.`} The probabilities
        below are the run&apos;s own; the rows themselves need its data.
      </p>
      {choice.kind === 'upload' ? (
        <p>
          Upload {choice.name} again (
          {choice.format === 'csv' ? '“Upload CSV”' : '“Upload image folder” or “Upload zip”'}) to
          see its rows.
        </p>
      ) : (
        <button type="button" onClick={() => loadDataset(choice)} disabled={training}>
          Load {name}
        </button>
      )}
      {training && choice.kind !== 'upload' && (
        <p>Another dataset can be loaded once training has finished.</p>
      )}
    </div>
  );
}

/**
 * The examples behind a cell of the report: cards of images or original table rows, with
 * their class probabilities, a page at a time. Rows are read from the worker's dataset
 * when it is the run's; otherwise the dialog says so and offers to load it.
 */
export function ExamplesDialog({
  runId,
  title,
  rows,
  probabilities,
  classNames,
  actual,
  onClose,
  actions,
}: ExamplesDialogProps) {
  const record = useRunRecord(runId);
  const summary = useAppStore((s) => s.dataset);
  const loading = useAppStore((s) => s.datasetLoading);
  const dataState = record ? runDataState(record, summary, loading) : 'other';
  const [page, setPage] = useState(0);
  const p = pageOf(rows.length, EXAMPLES_PER_PAGE, page);
  const pageRows = useMemo(() => rows.subarray(p.start, p.end), [rows, p.start, p.end]);
  const fingerprint = record?.dataset.content ?? null;
  const examples = usePageExamples(pageRows, fingerprint, dataState === 'loaded');
  const k = classNames.length === 0 ? 1 : classNames.length;
  const notLoaded = dataState === 'other' || (examples.status === 'failed' && examples.notLoaded);
  // Saliency maps use the model "Try the model" uses: the run's final weights.
  const trainedHere = useAppStore((s) => s.run?.record.id === runId);
  const saliency = useMemo(
    () => (record ? tryAvailability(record, trainedHere) : undefined),
    [record, trainedHere],
  );

  return (
    <ModalDialog
      title={title}
      onClose={onClose}
      headerClassName="examples-header"
      headerControls={
        <>
          <span className="examples-range" aria-live="polite">
            {p.label}
          </span>
          <button type="button" onClick={() => setPage(p.page - 1)} disabled={p.page === 0}>
            Previous
          </button>
          <button
            type="button"
            onClick={() => setPage(p.page + 1)}
            disabled={p.page >= p.pages - 1}
          >
            Next
          </button>
        </>
      }
      data-testid="examples-dialog"
    >
      {notLoaded && (
        <DatasetMissing
          record={record}
          message={examples.status === 'failed' ? examples.message : undefined}
        />
      )}
      {dataState === 'loading' && <p className="examples-note">Loading the dataset…</p>}
      {examples.status === 'failed' && !examples.notLoaded && (
        <p role="alert">The rows could not be read: {examples.message}</p>
      )}
      <ul className="example-grid" aria-busy={examples.status === 'loading'}>
        {Array.from(pageRows, (row, i) => {
          const at = p.start + i;
          return (
            <ExampleCard
              key={`${at}:${row}`}
              row={row}
              media={mediaOf(examples, pageRows, i)}
              classNames={classNames}
              probabilities={probabilities.subarray(at * k, (at + 1) * k)}
              actual={actual[at] ?? NaN}
              actions={actions?.(row)}
              saliency={saliency}
            />
          );
        })}
      </ul>
    </ModalDialog>
  );
}
