import { useState } from 'react';
import { useAppStore } from '../../../state/store';
import { useRunRecord } from '../examples/runLookup';
import { TryModelPanel } from './TryModelPanel';
import { tryAvailability } from './tryModelRef';

/**
 * The button "Try the model" of a run, and the panel it opens. Disabled, with the reason
 * beside it, for a run without a model to try (no epoch yet, no weights kept).
 */
export function TryModelButton({ runId }: { runId: string }) {
  const record = useRunRecord(runId);
  const trainedHere = useAppStore((s) => s.run?.record.id === runId);
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const availability = tryAvailability(record, trainedHere);
  return (
    <span className="try-model-button">
      <button type="button" disabled={!availability.ok} onClick={() => setOpen(true)}>
        Try the model
      </button>
      {!availability.ok && <span className="try-hint">{availability.reason}</span>}
      {open && availability.ok && (
        <TryModelPanel record={record} modelRef={availability.ref} onClose={() => setOpen(false)} />
      )}
    </span>
  );
}
