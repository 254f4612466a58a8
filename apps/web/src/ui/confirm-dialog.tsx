import type { ReactNode } from 'react';
import { Dialog } from './dialog.tsx';

interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  isPending: boolean;
  /** How the confirming button looks: red for what cannot be undone (the default), else the primary colour. */
  tone?: 'danger' | 'primary';
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question before a destructive or weighty action; Escape or Cancel closes it. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { isOpen, title, children, confirmLabel, pendingLabel, isPending, error, onConfirm, onCancel } =
    props;
  const { tone = 'danger' } = props;

  return (
    <Dialog
      isOpen={isOpen}
      title={title}
      onCancel={() => {
        if (!isPending) onCancel();
      }}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel} disabled={isPending} autoFocus>
            Cancel
          </button>
          <button type="button" className={`button button-${tone}`} onClick={onConfirm} disabled={isPending}>
            {isPending ? pendingLabel : confirmLabel}
          </button>
        </>
      }
    >
      <div className="dialog-body">{children}</div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
