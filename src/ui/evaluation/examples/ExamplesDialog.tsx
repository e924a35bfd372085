// placeholder: replaced by the examples branch
import { useEffect, useRef } from 'react';

export interface ExamplesDialogProps {
  runId: string;
  title: string;
  /** Dataset row indices, in order. */
  rows: Int32Array;
  /** n × k, same order. */
  probabilities: Float32Array;
  classNames: string[];
  /** Label per row. */
  actual: number[];
  onClose(): void;
}

/** Lists the rows behind a report figure (the examples branch shows the examples). */
export function ExamplesDialog({ title, rows, onClose }: ExamplesDialogProps) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="compare-overlay">
      <div
        className="compare-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2>{title}</h2>
        <p>
          {rows.length} rows: {Array.from(rows.subarray(0, 50)).join(', ')}
          {rows.length > 50 ? '…' : ''}
        </p>
        <button type="button" ref={close} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
