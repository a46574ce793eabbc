// `tether auth --oauth`: sign in through the browser with an OAuth 2.0 (3LO) app. The client id
// and secret come from the options, the environment (Tether's or mcp-atlassian's names) or stdin;
// the tokens land in the keychain and are refreshed for the user from then on.
import { authServerUrl, oauthAppFromEnv } from '../../core/auth/oauth/oauth-config.ts';
import { grantOf, runOAuthFlow } from '../../core/auth/oauth/oauth-flow.ts';
import { requestedScopes } from '../../core/auth/oauth/oauth-scopes.ts';
import type { AccessibleResource } from '../../core/auth/oauth/token-endpoint.ts';
import { gatewayUrl } from '../../core/config/env.ts';
import type { Engine } from '../../core/host/engine.ts';
import type { Product } from '../../shared/status.ts';
import { parseSite } from '../../core/auth/site-url.ts';
import { registerSecret } from '../../core/log/redact.ts';
import { UsageError } from '../cli-error.ts';
import { readStdin } from '../read-stdin.ts';

export interface OAuthOptions {
  clientId?: string | undefined;
  clientSecretStdin?: boolean | undefined;
  port?: string | undefined;
  noBrowser?: boolean | undefined;
  site?: string | undefined;
  products: Product[];
  writes?: boolean | undefined;
  store?: 'keychain' | 'file' | undefined;
}

function pickSite(sites: AccessibleResource[], wanted: string | undefined): AccessibleResource | undefined {
  if (!wanted) return undefined;
  const w = wanted.toLowerCase().replace(/\/+$/, '');
  return sites.find((s) => s.id === wanted || s.name.toLowerCase() === w || s.url.toLowerCase() === w || new URL(s.url).hostname.split('.')[0] === w);
}

export async function oauthLogin(engine: Engine, options: OAuthOptions): Promise<number> {
  const app = oauthAppFromEnv(engine.env);
  const clientId = options.clientId ?? app.clientId;
  if (!clientId) throw new UsageError('Give the client id of your OAuth 2.0 (3LO) app with --client-id (or ATLASSIAN_OAUTH_CLIENT_ID); create the app at https://developer.atlassian.com/console/myapps/.');
  const clientSecret = options.clientSecretStdin ? (await readStdin()).trim() : app.clientSecret;
  if (!clientSecret) throw new UsageError('Give the client secret on standard input with --client-secret-stdin (or in ATLASSIAN_OAUTH_CLIENT_SECRET).');
  // Before anything can fail: no error or log line may carry it.
  registerSecret(clientSecret);
  const port = options.port !== undefined ? Number(options.port) : 8080;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port is "${options.port}": give a port number such as 8080.`);
  const writes = options.writes ?? engine.settings.writesEnabled ?? false;
  // A Server/Data Center URL has its own OAuth 2.0 provider (with PKCE) and its own scopes.
  const dataCenter = options.site && /^https?:\/\//.test(options.site) && !parseSite(options.site).cloudByHost ? parseSite(options.site).baseUrl : undefined;
  if (dataCenter && options.products.length !== 1) throw new UsageError('A Server/Data Center URL serves one product: add --product confluence or --product jira.');
  const scopes = requestedScopes(app.scope, options.products, writes, dataCenter !== undefined);

  const result = await runOAuthFlow({
    clientId,
    clientSecret,
    scopes,
    authUrl: authServerUrl(engine.env),
    gatewayUrl: gatewayUrl(engine.env),
    port,
    redirectUri: app.redirectUri,
    products: options.products,
    dataCenterUrl: dataCenter,
    // How long the browser has (mcp-atlassian waits 5 minutes too); TETHER_OAUTH_TIMEOUT_SECONDS changes it.
    timeoutMs: Number(engine.env.TETHER_OAUTH_TIMEOUT_SECONDS ?? 300) * 1000,
    async present(url, notes) {
      if (notes.portTaken !== undefined) {
        process.stderr.write(`tether: port ${notes.portTaken} is in use, so Tether listens on ${notes.redirectUri} instead: add that redirect URI to your app in the developer console (or free port ${notes.portTaken}).\n`);
      }
      if (options.noBrowser) {
        process.stdout.write(`Open this address in your browser to connect Tether:\n${url}\n`);
        return;
      }
      process.stderr.write('tether: opening your browser to connect Tether (waiting up to 5 minutes)…\n');
      try {
        const { default: open } = await import('open');
        await open(url);
      } catch {
        process.stdout.write(`Your browser could not be opened; open this address yourself:\n${url}\n`);
      }
    },
    async chooseSite(sites) {
      const chosen = pickSite(sites, options.site ?? app.cloudId);
      if (chosen) return chosen;
      if (!process.stdin.isTTY) {
        throw new UsageError(`This sign-in reaches several sites (${sites.map((s) => `${s.name}: ${s.url}`).join(', ')}): choose one with --site <name, URL or cloudId>.`);
      }
      const { select } = await import('@inquirer/prompts');
      return select({ message: 'Which site should Tether use?', choices: sites.map((s) => ({ name: `${s.name} (${s.url})`, value: s })) });
    },
  });
  const grant = grantOf(result, { clientId, clientSecret }, scopes);
  if (!result.tokens.refreshToken) process.stderr.write('tether: warning: no refresh token came back (offline_access was not granted), so you will have to sign in again in an hour.\n');
  const saved = await engine.saveOAuth({
    products: options.products,
    siteUrl: result.site.url,
    ...(result.site.id ? { cloudId: result.site.id } : {}),
    grant,
    ...(options.store ? { store: options.store } : {}),
  });
  const names = options.products.map((p) => (p === 'jira' ? 'Jira' : 'Confluence')).join(' and ');
  process.stdout.write(`Connected to ${names} on ${result.site.name} (${result.site.url}) with OAuth${result.site.id ? `; cloudId ${result.site.id}` : ''}.\nScopes: ${grant.scope.join(' ')}\nSaved in the ${saved.location}; Tether refreshes the tokens by itself.\n`);
  return 0;
}
