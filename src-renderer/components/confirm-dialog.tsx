// A yes/no question in a native modal <dialog>: the page behind is inert, Escape cancels, and Tab /
// Shift+Tab wrap inside it (Chromium would otherwise let focus leave for the browser's own UI).
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}

export function ConfirmDialog({ open, title, confirmLabel, onConfirm, onCancel, children }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const trap = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
    const edge = event.shiftKey ? buttons[0] : buttons.at(-1);
    if (document.activeElement !== edge) return;
    event.preventDefault();
    (event.shiftKey ? buttons.at(-1) : buttons[0])?.focus();
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-describedby={textId} onCancel={onCancel} onKeyDown={trap}>
      <h2 id={titleId}>{title}</h2>
      <div id={textId}>{children}</div>
      <div className="dialog-buttons">
        {/* Cancel first and focused: Enter on an unread question changes nothing. */}
        <button type="button" className="button-secondary" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
