// Activity: the last tool calls AI apps made through Tether (never their arguments). Updates when
// the host says a call happened; a slow refresh covers an adapter without pushes.
import { useCallback, useEffect, useState } from 'react';
import type { ActivityEntry, Bridge } from '../../../src-main/shared/bridge.ts';
import { call } from '../../bridge/bridge-client.ts';
import { useBridgeEvent } from '../../bridge/use-bridge-event.ts';

const OUTCOME: Record<ActivityEntry['outcome'], string> = { ok: 'OK', refused: 'Refused', failed: 'Failed' };

export function ActivityPanel({ bridge }: { bridge: Bridge }) {
  const [entries, setEntries] = useState<ActivityEntry[]>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    const answer = await call(bridge, 'activity.recent');
    if (answer.ok) setEntries(answer.value);
    setError(answer.ok ? undefined : answer.error);
  }, [bridge]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), bridge.subscribe ? 30_000 : 3000);
    return () => clearInterval(timer);
  }, [load, bridge]);
  useBridgeEvent(bridge, ['activity.added'], () => void load());

  return (
    <section aria-labelledby="activity-heading">
      <div className="section-header">
        <h2 id="activity-heading">Recent activity</h2>
        <button type="button" className="button-secondary" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {entries?.length === 0 && <p className="muted">No tool calls yet.</p>}
      {entries && entries.length > 0 && (
        <table className="activity">
          <caption className="visually-hidden">Tool calls, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Client</th>
              <th scope="col">Tool</th>
              <th scope="col">Outcome</th>
              <th scope="col">ms</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td>{new Date(entry.at).toLocaleTimeString()}</td>
                <td>{entry.client}</td>
                <td className="activity-tool">{entry.tool}</td>
                <td className={entry.outcome === 'ok' ? 'ok' : 'error'}>{OUTCOME[entry.outcome]}</td>
                <td>{entry.ms}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
