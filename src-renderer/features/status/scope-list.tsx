// The scopes Tether recommends for a scoped API token or an OAuth app, against what works: a token
// created with too few scopes fails call by call, and this is where the user sees which to add.
import type { ScopeFinding, ScopeReport } from '../../../src-main/shared/status.ts';
import { formatStoredAt } from './format.ts';

const STATE_WORDS: Record<ScopeFinding['state'], string> = { works: 'works', granted: 'granted', missing: 'missing', unchecked: 'not tried' };

export function ScopeList({ report }: { report: ScopeReport }) {
  const reads = report.findings.filter((f) => f.access === 'read');
  const writes = report.findings.filter((f) => f.access === 'write');
  const missing = report.findings.filter((f) => f.state === 'missing');
  return (
    // A plain block, not a landmark: each product card has one, and landmarks must be told apart.
    <div className="scopes">
      <h4>Scopes</h4>
      <p className="muted">{summary(report, missing.length)}</p>
      <ScopeGroup label="For reading" findings={reads} />
      <ScopeGroup label="For changes (needed only when changes are allowed)" findings={writes} />
    </div>
  );
}

function summary(report: ScopeReport, missing: number): string {
  if (report.basis === 'recommended') return 'Tick these when you create the token. "Check connection" tries each read scope once to show which ones the token has.';
  if (report.basis === 'granted') return missing ? `The app was granted all but ${missing} of the scopes Tether asks for: sign in again to grant them.` : 'The app was granted every scope Tether asks for.';
  const when = report.checkedAt ? ` (checked ${formatStoredAt(report.checkedAt)})` : '';
  return missing ? `The token lacks ${missing} scope${missing === 1 ? '' : 's'} Tether uses${when}: create a new token with them ticked, then set it up again.` : `Every read scope Tether uses works${when}.`;
}

function ScopeGroup({ label, findings }: { label: string; findings: ScopeFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <>
      <p className="scope-group">{label}</p>
      <ul className="scope-list">
        {findings.map((f) => (
          <li key={f.scope} className={`scope scope-${f.state}`}>
            <code>{f.scope}</code> <span className="scope-state">{STATE_WORDS[f.state]}</span>
            {f.note && <span className="muted"> — {f.note}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
