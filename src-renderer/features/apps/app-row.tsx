// One AI app: its name and status, the one button that fits its state, what the last action did
// (with the next step the user takes), and its one-click link or command to copy.
import type { AppChange, AppInfo, AppStatus } from '../../../src-main/shared/bridge.ts';
import { CopyField } from '../../components/copy-field.tsx';

const STATUS: Record<AppStatus, string> = { 'not-installed': 'Not installed', 'not-added': 'Not added', added: 'Added', outdated: 'Outdated', broken: 'File has a problem' };
const DONE: Record<AppChange['change'], string> = { added: 'Added Tether to', updated: 'Updated Tether in', unchanged: 'Tether is already in', removed: 'Removed Tether from', absent: 'Tether was not in' };

export type RowResult = { ok: true; change: AppChange } | { ok: false; error: string };

export function AppRow({ app, busy, result, onAdd, onRemove }: { app: AppInfo; busy: boolean; result?: RowResult; onAdd: () => void; onRemove: () => void }) {
  const nameId = `app-${app.id}`;
  // One button per row: what the user most likely wants next in this state.
  const button =
    app.status === 'broken' ? null : app.status === 'added' ? (
      <button type="button" className="button-secondary" disabled={busy} aria-label={`Remove Tether from ${app.name}`} onClick={onRemove}>
        Remove
      </button>
    ) : app.status === 'outdated' ? (
      <button type="button" disabled={busy} aria-label={`Update Tether in ${app.name}`} onClick={onAdd}>
        Update
      </button>
    ) : (
      <button type="button" disabled={busy} onClick={onAdd}>
        Add to {app.name}
      </button>
    );
  return (
    <li className="app-row" aria-labelledby={nameId}>
      <div className="app-head">
        <span className="app-name">
          <span id={nameId}>{app.name}</span>
          <span className={app.status === 'added' ? 'badge badge-ok' : app.status === 'broken' || app.status === 'outdated' ? 'badge badge-write' : 'badge badge-off'}>{STATUS[app.status]}</span>
        </span>
        {button}
      </div>
      {/* The problem already starts with the file's path (and line:column). */}
      {app.problem ? <p className="error app-problem">{app.problem}</p> : <p className="app-path muted">{app.configPath}</p>}
      <div role="status" aria-live="polite" className="app-result">
        {result?.ok === true && (
          <p>
            <span className="ok">
              {DONE[result.change.change]} {app.name}.
            </span>{' '}
            {result.change.change !== 'unchanged' && result.change.change !== 'absent' && <span>Next: {result.change.nextStep}</span>}
            {result.change.backup && <span className="muted app-backup"> The previous file is kept as {result.change.backup}.</span>}
          </p>
        )}
        {result?.ok === false && <p className="error">{result.error}</p>}
      </div>
      {app.oneClick && app.oneClick.length > 0 && app.status !== 'added' && (
        <details className="app-oneclick">
          <summary>{app.oneClick[0]!.kind === 'link' ? 'One-click link' : 'Command to paste in a terminal'}</summary>
          {app.oneClick.map((route, index) => (
            <div key={index}>
              {route.note && <p className="muted">{route.note}</p>}
              <CopyField label={`${app.name} ${route.kind === 'link' ? 'link' : 'command'}`} text={route.text} />
            </div>
          ))}
        </details>
      )}
    </li>
  );
}
