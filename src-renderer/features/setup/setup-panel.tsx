// Setup: sign in with an API token (Cloud) or a personal access token (Server/Data Center), or with
// an OAuth 2.0 app (oauth-setup.tsx). The host checks a token with a real call before storing it in
// the keychain; the token never comes back.
import { useId, useState, type FormEvent } from 'react';
import type { Bridge, LoginOutcome, TokenLogin } from '../../../src-main/shared/bridge.ts';
import type { Product } from '../../../src-main/shared/status.ts';
import { call } from '../../bridge/bridge-client.ts';
import { OAuthSetup } from './oauth-setup.tsx';

type State = { state: 'idle' } | { state: 'working' } | { state: 'done'; outcome: LoginOutcome } | { state: 'error'; error: string };

export function SetupPanel({ bridge, onConnected }: { bridge: Bridge; onConnected?: () => void }) {
  const id = useId();
  const [site, setSite] = useState('');
  const [email, setEmail] = useState('');
  const [token, setToken] = useState('');
  const [kind, setKind] = useState<TokenLogin['kind']>('api_token');
  const [products, setProducts] = useState<Product[]>(['confluence', 'jira']);
  const [state, setState] = useState<State>({ state: 'idle' });
  const [method, setMethod] = useState<'token' | 'oauth'>('token');

  const toggle = (product: Product, on: boolean) => setProducts((now) => (on ? [...new Set([...now, product])] : now.filter((p) => p !== product)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ state: 'working' });
    const answer = await call(bridge, 'auth.loginToken', { site, token, kind, products, ...(email.trim() ? { email } : {}) });
    if (answer.ok) {
      setToken('');
      setState({ state: 'done', outcome: answer.value });
      onConnected?.();
    } else setState({ state: 'error', error: answer.error });
  };

  const who = state.state === 'done' ? (state.outcome.account.displayName ?? state.outcome.account.email ?? 'your account') : '';
  return (
    <section aria-labelledby="setup-heading">
      <h2 id="setup-heading">Connect Confluence and Jira</h2>
      <fieldset className="method">
        <legend>Sign in with</legend>
        <label>
          <input type="radio" name="method" checked={method === 'token'} onChange={() => setMethod('token')} /> A token
        </label>
        <label>
          <input type="radio" name="method" checked={method === 'oauth'} onChange={() => setMethod('oauth')} /> OAuth (browser)
        </label>
      </fieldset>
      {method === 'oauth' && <OAuthSetup bridge={bridge} {...(onConnected ? { onConnected } : {})} />}
      {method === 'token' && (
        <>
          <form className="setup-form" onSubmit={(event) => void submit(event)}>
            <label htmlFor={`${id}-site`}>Site address</label>
            <input id={`${id}-site`} type="url" required placeholder="https://your-team.atlassian.net" value={site} onChange={(e) => setSite(e.target.value)} autoComplete="url" />
            <fieldset className="kind">
              <legend>Token kind</legend>
              <label>
                <input type="radio" name="kind" checked={kind === 'api_token'} onChange={() => setKind('api_token')} /> API token (Cloud)
              </label>
              <label>
                <input type="radio" name="kind" checked={kind === 'pat'} onChange={() => setKind('pat')} /> Personal access token (Data Center)
              </label>
            </fieldset>
            <label htmlFor={`${id}-email`}>Email{kind === 'pat' ? ' (not needed)' : ''}</label>
            <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" disabled={kind === 'pat'} />
            <label htmlFor={`${id}-token`}>{kind === 'pat' ? 'Personal access token' : 'API token'}</label>
            <input id={`${id}-token`} type="password" required value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} />
            <fieldset className="products">
              <legend>Products</legend>
              {(['confluence', 'jira'] as const).map((product) => (
                <label key={product}>
                  <input type="checkbox" checked={products.includes(product)} onChange={(e) => toggle(product, e.target.checked)} /> {product === 'jira' ? 'Jira' : 'Confluence'}
                </label>
              ))}
            </fieldset>
            <button type="submit" disabled={state.state === 'working' || products.length === 0}>
              {state.state === 'working' ? 'Connecting…' : 'Connect'}
            </button>
          </form>
          <p className="setup-result" role="status" aria-live="polite">
            {state.state === 'done' && <span className="ok">Connected as {who}{state.outcome.account.email && state.outcome.account.email !== who ? ` (${state.outcome.account.email})` : ''}.</span>}
            {state.state === 'error' && <span className="error">{state.error}</span>}
          </p>
        </>
      )}
    </section>
  );
}
