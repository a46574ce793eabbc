// The question before "Allow changes" turns on: what AI apps will be able to do, in plain words.
// A native modal <dialog>: it traps focus, and Escape cancels.
import { useEffect, useRef } from 'react';

export function ConfirmWritesDialog({ open, onConfirm, onCancel }: { open: boolean; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-writes-title" aria-describedby="confirm-writes-text" onCancel={onCancel}>
      <h2 id="confirm-writes-title">Allow changes?</h2>
      <div id="confirm-writes-text">
        <p>AI apps connected to Tether will be able to change Confluence and Jira as you:</p>
        <ul>
          <li>Confluence: create, edit, move and delete pages and folders; add comments, labels and attachments.</li>
          <li>Jira: create, edit, transition and delete issues; add comments, worklogs, links and watchers; manage sprints.</li>
        </ul>
        <p>You can turn off any single tool below, and turn changes off again at any time.</p>
      </div>
      <div className="dialog-buttons">
        <button type="button" className="button-secondary" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" onClick={onConfirm}>
          Yes, allow changes
        </button>
      </div>
    </dialog>
  );
}
