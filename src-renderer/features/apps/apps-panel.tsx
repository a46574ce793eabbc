// "Connect to AI apps": every AI app Tether can add itself to, with its status and one button. The
// host edits the app's file (merged, a backup kept); the entry holds no secret, only the command
// that starts `tether mcp`.
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, Bridge } from '../../../src-main/shared/bridge.ts';
import { call } from '../../bridge/bridge-client.ts';
import { AppRow, type RowResult } from './app-row.tsx';

export function AppsPanel({ bridge }: { bridge: Bridge }) {
  const [apps, setApps] = useState<AppInfo[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [results, setResults] = useState<Record<string, RowResult>>({});

  const load = useCallback(async () => {
    const answer = await call(bridge, 'apps.list');
    if (answer.ok) setApps(answer.value);
    setError(answer.ok ? undefined : answer.error);
  }, [bridge]);

  useEffect(() => void load(), [load]);

  const act = async (id: string, channel: 'apps.add' | 'apps.remove') => {
    setBusy(id);
    const answer = await call(bridge, channel, id);
    setResults((now) => ({ ...now, [id]: answer.ok ? { ok: true, change: answer.value } : { ok: false, error: answer.error } }));
    // The row's status and button follow the file as it is now.
    await load();
    setBusy(undefined);
  };

  // Installed apps first: those are the ones the user is here for.
  const sorted = apps && [...apps].sort((a, b) => Number(b.installed) - Number(a.installed));
  return (
    <section aria-labelledby="apps-heading">
      <div className="section-header">
        <h2 id="apps-heading">Connect to AI apps</h2>
        <button type="button" className="button-secondary" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      <p className="muted apps-intro">Tether adds one entry to the app's settings file, keeping the rest of the file as it is. No password or token goes in it.</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {sorted && (
        <ul className="app-list">
          {sorted.map((app) => (
            <AppRow
              key={app.id}
              app={app}
              busy={busy !== undefined}
              {...(results[app.id] ? { result: results[app.id] } : {})}
              onAdd={() => void act(app.id, 'apps.add')}
              onRemove={() => void act(app.id, 'apps.remove')}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
