// Status of both products: who Tether is signed in as, with what kind of credential, from where, and
// a "Check connection" button per product that proves the credential with a real call, and "Sign out".
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { HostInfo } from '../../../src-main/shared/bridge-schemas.ts';
import type { Bridge, ConnectionCheck } from '../../../src-main/shared/bridge.ts';
import type { Product, ProductStatus, StatusReport } from '../../../src-main/shared/status.ts';
import { call } from '../../bridge/bridge-client.ts';
import { useBridgeEvent } from '../../bridge/use-bridge-event.ts';
import { SignOut } from './sign-out.tsx';
import { PRODUCT_TITLE, TOKEN_TYPE_PHRASE, TOKEN_TYPE_WORDS, formatAgo, formatSite, formatSource, formatStoredAt } from './format.ts';
import { ScopeList } from './scope-list.tsx';

type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: string };

export function StatusPanel({ bridge }: { bridge: Bridge }) {
  const [report, setReport] = useState<Loaded<StatusReport>>({ state: 'loading' });
  const [refreshing, setRefreshing] = useState(false);

  // Keeps what is on screen while a refresh runs, so check results below stay put.
  const load = useCallback(async () => {
    setRefreshing(true);
    const answer = await call(bridge, 'status.get');
    setReport(answer.ok ? { state: 'ready', value: answer.value } : { state: 'error', error: answer.error });
    setRefreshing(false);
  }, [bridge]);

  useEffect(() => {
    void load();
  }, [load]);
  // A sign-in, a switch or a limit changed elsewhere (the tray, another window, the settings file).
  useBridgeEvent(bridge, ['status.changed'], () => void load());
  // A tool call moves "Last good call": at most one refresh per 2 s however busy the AI apps are.
  const soon = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(soon.current), []);
  useBridgeEvent(bridge, ['activity.added'], () => {
    soon.current ??= setTimeout(() => {
      soon.current = undefined;
      void load();
    }, 2000);
  });

  return (
    <section className="status-panel" aria-labelledby="status-heading" aria-busy={refreshing}>
      <div className="section-header">
        <h2 id="status-heading">Connections</h2>
        <button type="button" className="button-secondary" onClick={() => void load()} disabled={refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {report.state === 'loading' && <p className="muted">Loading…</p>}
      {report.state === 'error' && (
        <p className="error" role="alert">
          {report.error}
        </p>
      )}
      {report.state === 'ready' && (
        <>
          <ProductCard bridge={bridge} status={report.value.confluence} reload={load} />
          <ProductCard bridge={bridge} status={report.value.jira} reload={load} />
        </>
      )}
      <McpCard bridge={bridge} />
    </section>
  );
}

/** Where AI apps reach Tether, and how many are connected now. */
function McpCard({ bridge }: { bridge: Bridge }) {
  const [info, setInfo] = useState<HostInfo>();
  const load = useCallback(async () => {
    const answer = await call(bridge, 'host.info');
    if (answer.ok) setInfo(answer.value);
  }, [bridge]);
  useEffect(() => {
    void load();
  }, [load]);
  useBridgeEvent(bridge, ['status.changed', 'activity.added'], () => void load());
  const headingId = useId();
  if (!info) return null;
  const rows: [string, string][] = [
    ['Local socket', info.socketPath ?? 'not listening'],
    ...(info.httpUrl ? ([['HTTP', info.httpUrl]] as [string, string][]) : []),
    ['AI apps connected', String(info.sessions)],
  ];
  return (
    <article className="product-card" aria-labelledby={headingId}>
      <div className="product-header">
        <h3 id={headingId}>MCP server</h3>
        <span className={info.socketPath ? 'badge badge-ok' : 'badge badge-off'}>{info.socketPath ? 'Running' : 'Not running'}</span>
      </div>
      <dl className="details">
        {rows.map(([term, value]) => (
          <div key={term} className="details-row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

function ProductCard({ bridge, status, reload }: { bridge: Bridge; status: ProductStatus; reload: () => Promise<void> }) {
  const title = PRODUCT_TITLE[status.product];
  const headingId = useId();
  return (
    <article className="product-card" aria-labelledby={headingId}>
      <div className="product-header">
        <h3 id={headingId}>{title}</h3>
        <span className={status.authenticated ? 'badge badge-ok' : 'badge badge-off'}>{status.authenticated ? 'Connected' : 'Not connected'}</span>
      </div>
      {!status.sslVerify && (
        <p className="warning" role="alert">
          TLS certificate checks are turned off for {title}: anyone on the network between you and the site could read your data and your token.
        </p>
      )}
      {!status.authenticated && status.problem && <p className="problem">{status.problem}</p>}
      <Details status={status} />
      {status.authenticated && status.scopeReport && <ScopeList report={status.scopeReport} />}
      <CheckConnection bridge={bridge} product={status.product} title={title} checked={reload} />
      <SignOut bridge={bridge} status={status} onSignedOut={reload} />
    </article>
  );
}

function Details({ status }: { status: ProductStatus }) {
  const rows: [string, string][] = [];
  if (status.site) rows.push(['Site', formatSite(status.site)]);
  if (status.email) rows.push(['Email', status.email]);
  if (status.tokenType) rows.push(['Credential', TOKEN_TYPE_WORDS[status.tokenType]]);
  if (status.maskedToken) rows.push(['Token', status.maskedToken]);
  if (status.source) rows.push(['Source', formatSource(status.source, status.location)]);
  if (status.storedAt) rows.push(['Stored at', formatStoredAt(status.storedAt)]);
  if (status.cloudId) rows.push(['Cloud ID', status.cloudId]);
  if (status.expiresAt) rows.push(['Access until', `${formatStoredAt(status.expiresAt)} (renewed by Tether)`]);
  if (status.authenticated) rows.push(['Last good call', formatAgo(status.lastGoodCallAt)]);
  if (rows.length === 0) return null;
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div key={term} className="details-row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type CheckState = { state: 'idle' } | { state: 'checking' } | { state: 'done'; check: ConnectionCheck } | { state: 'error'; error: string };

/** `checked`: a check learns things status shows (last good call, which scopes work). */
function CheckConnection({ bridge, product, title, checked }: { bridge: Bridge; product: Product; title: string; checked: () => Promise<void> }) {
  const [check, setCheck] = useState<CheckState>({ state: 'idle' });
  const run = async () => {
    setCheck({ state: 'checking' });
    const answer = await call(bridge, 'status.check', product);
    setCheck(answer.ok ? { state: 'done', check: answer.value } : { state: 'error', error: answer.error });
    await checked();
  };
  return (
    <div className="check">
      <button type="button" onClick={() => void run()} disabled={check.state === 'checking'} aria-label={`Check connection to ${title}`}>
        {check.state === 'checking' ? 'Checking…' : 'Check connection'}
      </button>
      <p className="check-result" role="status" aria-live="polite">
        {check.state === 'done' && <CheckOutcome check={check.check} />}
        {check.state === 'error' && <span className="error">{check.error}</span>}
      </p>
    </div>
  );
}

function CheckOutcome({ check }: { check: ConnectionCheck }) {
  if (!check.ok) return <span className="error">{check.problem ?? 'The check failed.'}</span>;
  const who = check.account?.displayName ?? check.account?.email;
  const how = check.tokenType ? ` with ${TOKEN_TYPE_PHRASE[check.tokenType]}` : '';
  return <span className="ok">{who ? `Works: signed in as ${who}${how}.` : `Works${how}.`}</span>;
}
