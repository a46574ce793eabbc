// The Setup view's OAuth sign-in, run in the host as `tether auth --oauth` runs it: the callback
// server listens here, the window only opens the address and polls. One sign-in at a time; the
// client secret and the tokens stay in this process (and then the keychain).
import type { BridgeResult, OAuthPlanInput, OAuthStartInput, OAuthStarted, OAuthStatus } from '../../../shared/bridge.ts';
import { authServerUrl, oauthAppFromEnv } from '../../auth/oauth/oauth-config.ts';
import { grantOf, runOAuthFlow } from '../../auth/oauth/oauth-flow.ts';
import { requestedScopes } from '../../auth/oauth/oauth-scopes.ts';
import type { AccessibleResource } from '../../auth/oauth/token-endpoint.ts';
import { gatewayUrl } from '../../config/env.ts';
import { redact, registerSecret } from '../../log/redact.ts';
import type { Engine } from '../engine.ts';
import { oneSentence } from './one-sentence.ts';

export type OAuthEngine = Pick<Engine, 'env' | 'saveOAuth'>;

export interface OAuthOptions {
  /** Opens an address in the user's browser (the tray app: shell.openExternal); absent over HTTP. */
  openExternal?: (url: string) => Promise<void>;
}

const DEFAULT_PORT = 8080;
const names = (products: string[]) => products.map((p) => (p === 'jira' ? 'Jira' : 'Confluence')).join(' and ');

export function createOAuthHandlers(engine: OAuthEngine, toolsChanged: () => Promise<void>, options: OAuthOptions = {}) {
  let status: OAuthStatus = { state: 'idle' };
  let pick: ((cloudId: string) => boolean) | undefined;
  const app = () => oauthAppFromEnv(engine.env);
  const scopesFor = (input: OAuthPlanInput) => requestedScopes(app().scope, input.products, input.writes);
  const redirectFor = (input: OAuthPlanInput) => app().redirectUri ?? `http://127.0.0.1:${input.port ?? DEFAULT_PORT}/callback`;

  const chooseSite = (sites: AccessibleResource[]) =>
    new Promise<AccessibleResource>((resolve) => {
      const wanted = app().cloudId;
      const preset = sites.find((s) => s.id === wanted);
      if (preset) return resolve(preset);
      status = { state: 'choose-site', sites: sites.map(({ id, name, url }) => ({ id, name, url })) };
      pick = (cloudId) => {
        const site = sites.find((s) => s.id === cloudId);
        if (site) resolve(site);
        return site !== undefined;
      };
    });

  const start = async (input: OAuthStartInput): Promise<OAuthStarted> => {
    if (status.state === 'waiting' || status.state === 'choose-site') throw new Error('A sign-in is already under way: finish it in the browser, or wait for it to time out.');
    // Registered before anything can fail, so no message or log line can carry it.
    registerSecret(input.clientSecret);
    const scopes = scopesFor(input);
    status = { state: 'waiting' };
    let presented: (started: OAuthStarted) => void = () => {};
    const shown = new Promise<OAuthStarted>((resolve) => (presented = resolve));
    const flow = runOAuthFlow({
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      scopes,
      authUrl: authServerUrl(engine.env),
      gatewayUrl: gatewayUrl(engine.env),
      port: input.port ?? DEFAULT_PORT,
      redirectUri: app().redirectUri,
      products: input.products,
      timeoutMs: Number(engine.env.TETHER_OAUTH_TIMEOUT_SECONDS ?? 300) * 1000,
      present: (url, notes) => presented({ authorizeUrl: url, redirectUri: notes.redirectUri, ...(notes.portTaken !== undefined ? { portTaken: notes.portTaken } : {}) }),
      chooseSite,
    });
    // The flow goes on after this call answers; its end is read through auth.oauthStatus.
    const finished = flow.then(async (result) => {
      await engine.saveOAuth({
        products: input.products,
        siteUrl: result.site.url,
        ...(result.site.id ? { cloudId: result.site.id } : {}),
        grant: grantOf(result, { clientId: input.clientId, clientSecret: input.clientSecret }, scopes),
      });
      await toolsChanged();
      status = { state: 'connected', message: `Connected to ${names(input.products)} on ${result.site.name} (${result.site.url}).` };
    });
    finished.catch((error: unknown) => (status = { state: 'failed', message: redact(oneSentence(error, 'The sign-in failed.')) })).finally(() => (pick = undefined));
    // A flow that fails before it has an address (the port, say) fails this call.
    return Promise.race([shown, flow.then(() => shown)]);
  };

  return {
    'auth.oauthPlan': async (input: OAuthPlanInput) => ({ scopes: scopesFor(input), redirectUri: redirectFor(input) }),
    'auth.oauthStart': start,
    'auth.oauthStatus': async () => status,
    'auth.oauthChooseSite': async (cloudId: string) => {
      if (status.state !== 'choose-site' || !pick) throw new Error('No sign-in is waiting for a site to be chosen.');
      if (!pick(cloudId)) throw new Error('That site is not one this sign-in reaches.');
      status = { state: 'waiting' };
      return status;
    },
    'shell.openExternal': async (url: string): Promise<BridgeResult<'shell.openExternal'>> => {
      // Only the authorization server's own pages: the window cannot make the host open anything else.
      const target = URL.canParse(url) ? new URL(url) : undefined;
      const server = new URL(authServerUrl(engine.env));
      if (!target || !/^https?:$/.test(target.protocol) || target.origin !== server.origin) throw new Error('Tether only opens the Atlassian sign-in page.');
      if (!options.openExternal) return { opened: false };
      await options.openExternal(target.href);
      return { opened: true };
    },
  };
}
