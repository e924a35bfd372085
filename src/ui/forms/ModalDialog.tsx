import { useId, type ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';

export interface ModalDialogProps {
  /** The dialog's heading, which also names it for assistive technology. */
  title: string;
  onClose: () => void;
  /** Classes added after `modal-dialog` (e.g. a wider layout). */
  className?: string;
  /** The header row's class, which the feature's stylesheet lays out. */
  headerClassName?: string;
  /** Controls shown between the heading and the Close button. */
  headerControls?: ReactNode;
  'data-testid'?: string;
  children: ReactNode;
}

/**
 * A modal dialog over the workspace: a header of its title and a Close button, then its
 * content, with the keyboard contract of useModalDialog (focus, Tab cycling, Escape).
 */
export function ModalDialog({
  title,
  onClose,
  className,
  headerClassName,
  headerControls,
  'data-testid': testId,
  children,
}: ModalDialogProps) {
  const titleId = useId();
  const { ref, onKeyDown } = useModalDialog(onClose);
  return (
    <div className="modal-overlay">
      <div
        ref={ref}
        className={className ? `modal-dialog ${className}` : 'modal-dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <div className={headerClassName}>
          <h2 id={titleId}>{title}</h2>
          {headerControls}
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
