import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  isOpen: boolean;
  title: string;
  /** What the dialog holds, between its title and its actions */
  children: ReactNode;
  actions: ReactNode;
  /** Escape pressed: the dialog closes only when this sets `isOpen` to false. */
  onCancel: () => void;
  className?: string;
}

/** A modal dialog with a title and actions, shown while `isOpen`. */
export function Dialog({ isOpen, title, children, actions, onCancel, className }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <dialog
      ref={dialogRef}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}
