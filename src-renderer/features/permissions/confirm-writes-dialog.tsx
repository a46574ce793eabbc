// The question before "Allow changes" turns on: what AI apps will be able to do, in plain words.
// The shared ConfirmDialog: modal, focus kept inside, Escape cancels.
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';

export function ConfirmWritesDialog({ open, onConfirm, onCancel }: { open: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog open={open} title="Allow changes?" confirmLabel="Yes, allow changes" onConfirm={onConfirm} onCancel={onCancel}>
      <p>AI apps connected to Tether will be able to change Confluence and Jira as you:</p>
      <ul>
        <li>Confluence: create, edit, move and delete pages and folders; add comments, labels and attachments.</li>
        <li>Jira: create, edit, transition and delete issues; add comments, worklogs, links and watchers; manage sprints.</li>
      </ul>
      <p>You can turn off any single tool below, and turn changes off again at any time.</p>
    </ConfirmDialog>
  );
}
