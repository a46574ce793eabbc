// Setup with an OAuth 2.0 (3LO) app: the steps in Atlassian's developer console (scopes and callback
// URL, each with Copy), then client ID and secret and "Connect". The host runs the sign-in; this view
// opens the address and polls until it is connected or failed. The secret is sent once, never shown back.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Bridge, OAuthPlan, OAuthStatus } from '../../../src-main/shared/bridge.ts';
import type { Product } from '../../../src-main/shared/status.ts';
import { call } from '../../bridge/bridge-client.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { SiteChoice } from './site-choice.tsx';

const CONSOLE = 'https://developer.atlassian.com/console/myapps/';

/** The tray app opens the browser itself; the HTTP window opens a tab. */
async function openSignIn(bridge: Bridge, url: string) {
  const answer = await call(bridge, 'shell.openExternal', url);
  if (!answer.ok || !answer.value.opened) window.open(url, '_blank', 'noopener');
}

export function OAuthSetup({ bridge, onConnected }: { bridge: Bridge; onConnected?: () => void }) {
  const id = useId();
  const [products, setProducts] = useState<Product[]>(['confluence', 'jira']);
  const [writes, setWrites] = useState(false);
  const [port, setPort] = useState('');
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [plan, setPlan] = useState<OAuthPlan>();
  const [address, setAddress] = useState<string>();
  const [note, setNote] = useState<string>();
  const [status, setStatus] = useState<OAuthStatus>({ state: 'idle' });
  const [error, setError] = useState<string>();

  const portNumber = port.trim() ? Number(port) : undefined;
  const portOk = portNumber === undefined || (Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65535);
  useEffect(() => {
    if (!products.length || !portOk) return;
    void call(bridge, 'auth.oauthPlan', { products, writes, ...(portNumber ? { port: portNumber } : {}) }).then((a) => (a.ok ? setPlan(a.value) : setError(a.error)));
  }, [bridge, products, writes, portNumber, portOk]);

  // Polls while the host waits for the browser or for a site; stops at connected or failed.
  const running = status.state === 'waiting' || status.state === 'choose-site';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      void call(bridge, 'auth.oauthStatus').then((a) => {
        if (!a.ok) return setError(a.error);
        setStatus(a.value);
        if (a.value.state === 'connected') onConnected?.();
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [bridge, running, onConnected]);

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setNote(undefined);
    const answer = await call(bridge, 'auth.oauthStart', { clientId, clientSecret: secret, products, writes, ...(portNumber ? { port: portNumber } : {}) });
    if (!answer.ok) return setError(answer.error);
    setSecret('');
    setAddress(answer.value.authorizeUrl);
    if (answer.value.portTaken !== undefined) setNote(`Port ${answer.value.portTaken} is in use, so Tether listens on ${answer.value.redirectUri}: add that callback URL to your app too.`);
    setStatus({ state: 'waiting' });
    await openSignIn(bridge, answer.value.authorizeUrl);
  };

  const choose = async (cloudId: string) => {
    const answer = await call(bridge, 'auth.oauthChooseSite', cloudId);
    if (answer.ok) setStatus(answer.value);
    else setError(answer.error);
  };

  const toggle = (product: Product, on: boolean) => setProducts((now) => (on ? [...new Set([...now, product])] : now.filter((p) => p !== product)));
  return (
    <form className="setup-form" aria-labelledby={`${id}-heading`} onSubmit={(event) => void connect(event)}>
      <h3 id={`${id}-heading`}>Sign in with an OAuth 2.0 app</h3>
      <fieldset className="products">
        <legend>Products</legend>
        {(['confluence', 'jira'] as const).map((product) => (
          <label key={product}>
            <input type="checkbox" checked={products.includes(product)} onChange={(e) => toggle(product, e.target.checked)} /> {product === 'jira' ? 'Jira' : 'Confluence'}
          </label>
        ))}
        <label>
          <input type="checkbox" checked={writes} onChange={(e) => setWrites(e.target.checked)} /> Ask for write access too
        </label>
      </fieldset>
      <ol className="oauth-steps">
        <li>
          Create an OAuth 2.0 integration in{' '}
          <a href={CONSOLE} target="_blank" rel="noreferrer">
            Atlassian&apos;s developer console
          </a>
          .
        </li>
        <li>
          Under Permissions, add exactly these scopes:
          {plan && <CopyField label="Scopes" text={plan.scopes.join(' ')} />}
        </li>
        <li>
          Under Authorization, set this callback URL:
          {plan && <CopyField label="Callback URL" text={plan.redirectUri} />}
        </li>
        <li>Under Settings, copy the client ID and secret here.</li>
      </ol>
      <label htmlFor={`${id}-client`}>Client ID</label>
      <input id={`${id}-client`} type="text" required value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" spellCheck={false} />
      <label htmlFor={`${id}-secret`}>Client secret</label>
      <input id={`${id}-secret`} type="password" required value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" spellCheck={false} />
      <label htmlFor={`${id}-port`}>Callback port (optional, 8080 if empty)</label>
      <input id={`${id}-port`} type="number" min={1} max={65535} inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} aria-invalid={!portOk} />
      <button type="submit" disabled={running || products.length === 0 || !portOk}>
        {running ? 'Waiting for the browser…' : 'Connect'}
      </button>
      {note && <p className="muted">{note}</p>}
      {status.state === 'choose-site' && status.sites && <SiteChoice sites={status.sites} onChoose={(cloudId) => void choose(cloudId)} />}
      <p className="setup-result" role="status" aria-live="polite">
        {status.state === 'waiting' && (
          <span>
            Approve Tether in the browser.{' '}
            {address && (
              <a href={address} target="_blank" rel="noreferrer">
                Open the sign-in page again
              </a>
            )}
          </span>
        )}
        {status.state === 'connected' && <span className="ok">{status.message ?? 'Connected.'}</span>}
        {status.state === 'failed' && <span className="error">{status.message ?? 'The sign-in failed.'}</span>}
        {error && <span className="error">{error}</span>}
      </p>
    </form>
  );
}
