// The MCP OAuth proxy against the sandbox as Atlassian: the MCP SDK's own OAuth client discovers
// Tether, registers, authorizes with PKCE through the sandbox's consent page, calls tools as the
// account it approved with, and refreshes; bad codes, verifiers, clients and tokens are refused.
import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport, UnauthorizedError, type OAuthClientProvider } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../src-main/core/host/engine.ts';
import { serveMcpOverHttp, type HttpEndpoint } from '../../../src-main/core/host/http-transport.ts';
import { oauthProxyFromEnv } from '../../../src-main/core/host/oauth-proxy/proxy-config.ts';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { CALLBACK, cloudAuthorizeUrl, cloudToken, consent, pkce } from '../sandbox/oauth-harness.ts';

const TTL_SECONDS = 2;
// The MCP client's own redirect URI: nothing listens there; the "browser" stops at it and reads the code.
const CLIENT_REDIRECT = 'http://localhost:7777/callback';
let sandbox: Sandbox;
let endpoint: HttpEndpoint;
let base: string;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A browser following Tether's authorize URL: Tether → Atlassian's consent page → Tether's callback → the client's redirect URI. */
async function browse(authorizeUrl: string, account: 'alice' | 'bob'): Promise<URL> {
  const toAtlassian = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(toAtlassian.status, await toAtlassian.clone().text()).toBe(302);
  const atlassianUrl = toAtlassian.headers.get('location')!;
  expect(atlassianUrl.startsWith(sandbox.authUrl)).toBe(true);
  const toTether = await consent(atlassianUrl, 'approve', account);
  expect(`${toTether.origin}${toTether.pathname}`).toBe(`${base}/oauth/callback`);
  const toClient = await fetch(toTether, { redirect: 'manual' });
  expect(toClient.status, await toClient.clone().text()).toBe(302);
  return new URL(toClient.headers.get('location')!);
}

/** The in-memory OAuthClientProvider an MCP app would implement with its own storage and browser. */
class TestProvider implements OAuthClientProvider {
  info: Parameters<NonNullable<OAuthClientProvider['saveClientInformation']>>[0] | undefined;
  saved: Parameters<OAuthClientProvider['saveTokens']>[0] | undefined;
  verifier = '';
  discovery: Parameters<NonNullable<OAuthClientProvider['saveDiscoveryState']>>[0] | undefined;
  sentState = '';
  callback: URL | undefined;
  constructor(private readonly account: 'alice' | 'bob') {}
  get redirectUrl() {
    return CLIENT_REDIRECT;
  }
  get clientMetadata() {
    return { client_name: 'oauth-proxy-test', redirect_uris: [CLIENT_REDIRECT], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  state() {
    return (this.sentState = `state-${this.account}-${Math.random().toString(36).slice(2)}`);
  }
  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: NonNullable<TestProvider['info']>) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: NonNullable<TestProvider['saved']>) {
    this.saved = tokens;
  }
  async redirectToAuthorization(url: URL) {
    this.callback = await browse(url.toString(), this.account);
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
  saveDiscoveryState(state: NonNullable<TestProvider['discovery']>) {
    this.discovery = state;
  }
  discoveryState() {
    return this.discovery;
  }
}

/** Connects the SDK's client the way an app does: a 401, the browser dance, finishAuth, connect again. */
async function connectAs(account: 'alice' | 'bob'): Promise<{ client: Client; provider: TestProvider }> {
  const provider = new TestProvider(account);
  const url = new URL(`${base}/mcp`);
  const first = new StreamableHTTPClientTransport(url, { authProvider: provider });
  await expect(new Client({ name: 'oauth-proxy-test', version: '1.0.0' }).connect(first)).rejects.toBeInstanceOf(UnauthorizedError);
  expect(provider.callback?.searchParams.get('state')).toBe(provider.sentState);
  await first.finishAuth(provider.callback!.searchParams.get('code')!);
  const client = new Client({ name: 'oauth-proxy-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(url, { authProvider: provider }));
  return { client, provider };
}

async function whoAmI(client: Client): Promise<string> {
  const result = await client.callTool({ name: 'confluence_get_current_user', arguments: {} });
  expect(result.isError, JSON.stringify(result.content)).not.toBe(true);
  return JSON.parse((result.content as { text: string }[])[0]!.text).email as string;
}

const post = (pathname: string, body: Record<string, string>) =>
  fetch(`${base}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });

async function register(redirectUris = [CLIENT_REDIRECT]): Promise<Response> {
  return fetch(`${base}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_name: 'raw', redirect_uris: redirectUris, token_endpoint_auth_method: 'none' }) });
}

/** A code by hand (register, authorize with PKCE), for the tests that misuse it. */
async function rawCode(): Promise<{ clientId: string; code: string; verifier: string }> {
  const clientId = ((await (await register()).json()) as { client_id: string }).client_id;
  const { verifier, challenge } = pkce();
  const url = new URL(`${base}/authorize`);
  url.search = new URLSearchParams({ client_id: clientId, redirect_uri: CLIENT_REDIRECT, response_type: 'code', code_challenge: challenge, code_challenge_method: 'S256', state: 'raw' }).toString();
  const back = await browse(url.toString(), 'alice');
  return { clientId, code: back.searchParams.get('code')!, verifier };
}

const redeem = (raw: { clientId: string; code: string; verifier: string }) =>
  post('/token', { grant_type: 'authorization_code', client_id: raw.clientId, code: raw.code, code_verifier: raw.verifier, redirect_uri: CLIENT_REDIRECT });

const mcpInit = (headers: Record<string, string>) =>
  fetch(`${base}/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }),
  });

/** A Tether endpoint with the proxy on at a fresh port (`base` then names it). */
async function startProxy(extra: Record<string, string> = {}, multiUser = false): Promise<HttpEndpoint> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  sandbox.oauth.registerRedirectUri(`${base}/oauth/callback`, 'cloud');
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'tether-oauth-proxy-'));
  // The host itself is signed in as alice with an API token: that must never serve a proxy request.
  const env = {
    TETHER_CONFIG_DIR: configDir,
    TETHER_RATE_LIMIT_PER_MINUTE: '0',
    CONFLUENCE_URL: sandbox.siteUrl,
    CONFLUENCE_EMAIL: sandbox.seed.alice.email,
    CONFLUENCE_API_TOKEN: sandbox.seed.alice.classicToken,
    TETHER_ATLASSIAN_API_URL: sandbox.apiUrl,
    TETHER_ATLASSIAN_AUTH_URL: sandbox.authUrl,
    ATLASSIAN_OAUTH_PROXY_ENABLE: 'true',
    PUBLIC_BASE_URL: base,
    ATLASSIAN_OAUTH_ALLOWED_CLIENT_REDIRECT_URIS: 'http://localhost:*/callback',
    ATLASSIAN_OAUTH_CLIENT_ID: sandbox.seed.oauth.cloud.clientId,
    ATLASSIAN_OAUTH_CLIENT_SECRET: sandbox.seed.oauth.cloud.clientSecret,
    TETHER_OAUTH_PROXY_TOKEN_TTL_SECONDS: String(TTL_SECONDS),
    ...extra,
  };
  const engine = await Engine.open({ env });
  return serveMcpOverHttp({ engine, version: 'test', port, token: '', multiUser, oauthProxy: oauthProxyFromEnv(env, false) });
}

beforeAll(async () => {
  sandbox = await startSandbox();
  endpoint = await startProxy();
});
afterAll(async () => {
  await endpoint?.close();
  await sandbox?.close();
});

describe('MCP OAuth proxy', () => {
  it('tells an unauthenticated client where to find the authorization server', async () => {
    const refused = await mcpInit({});
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain(`resource_metadata="${base}/.well-known/oauth-protected-resource"`);
    const resource = (await (await fetch(`${base}/.well-known/oauth-protected-resource`)).json()) as Record<string, unknown>;
    expect(resource.authorization_servers).toEqual([base]);
    const server = (await (await fetch(`${base}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
    expect(server).toMatchObject({
      issuer: base,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      registration_endpoint: `${base}/register`,
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      response_types_supported: ['code'],
      token_endpoint_auth_methods_supported: ['none'],
    });
  });

  it("serves the SDK's OAuth client as the account it approved with, and refreshes", async () => {
    const { client, provider } = await connectAs('bob');
    try {
      expect(await whoAmI(client)).toBe(sandbox.seed.bob.email);
      const before = provider.saved!;
      expect(before.refresh_token).toBeTruthy();
      await sleep(TTL_SECONDS * 1000 + 300);
      // The access token has expired: the SDK refreshes on the 401 and the call goes through.
      expect(await whoAmI(client)).toBe(sandbox.seed.bob.email);
      expect(provider.saved!.access_token).not.toBe(before.access_token);
      expect(provider.saved!.refresh_token).not.toBe(before.refresh_token);
      // Rotation: the refresh token already used works no more.
      const reused = await post('/token', { grant_type: 'refresh_token', client_id: provider.info!.client_id, refresh_token: before.refresh_token! });
      expect(reused.status).toBe(400);
      expect(((await reused.json()) as { error: string }).error).toBe('invalid_grant');
    } finally {
      await client.close();
    }
  });

  it('refreshes the Atlassian grant behind a token when it is due (with rotation), keeping one engine for the grant', async () => {
    // Atlassian tokens living 30 s are always within Tether's one-minute margin: each call refreshes.
    sandbox.oauth.configure({ accessTokenLifetimeSeconds: 30 });
    const opened = endpoint.userEngines!.opened;
    const { client } = await connectAs('alice');
    try {
      const before = sandbox.oauth.counters.refreshes;
      expect(await whoAmI(client)).toBe(sandbox.seed.alice.email);
      expect(await whoAmI(client)).toBe(sandbox.seed.alice.email);
      expect(sandbox.oauth.counters.refreshes).toBeGreaterThanOrEqual(before + 2);
      // Each refresh used the newest refresh token: none came back rotated out.
      expect(sandbox.oauth.counters.graceReuses).toBe(0);
      // A new Atlassian access token is no new user: the grant's engine (its budget, its caches) stays.
      expect(endpoint.userEngines!.opened).toBe(opened + 1);
    } finally {
      sandbox.oauth.configure({ accessTokenLifetimeSeconds: 3600 });
      await client.close();
    }
  });

  it("keeps a 2025-era session working after the Atlassian token it started with has expired", async () => {
    // The session's server (and engine) is made once, at initialize; later calls must use the grant's current token.
    sandbox.oauth.configure({ accessTokenLifetimeSeconds: 30 });
    try {
      const { access_token } = (await (await redeem(await rawCode())).json()) as { access_token: string };
      const opened = await mcpInit({ authorization: `Bearer ${access_token}` });
      expect(opened.status).toBe(200);
      await opened.text();
      const session = opened.headers.get('mcp-session-id')!;
      const inSession = (body: object) =>
        fetch(`${base}/mcp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${access_token}`, 'mcp-session-id': session, 'mcp-protocol-version': '2025-06-18' },
          body: JSON.stringify(body),
        });
      expect((await inSession({ jsonrpc: '2.0', method: 'notifications/initialized' })).status).toBe(202);
      // Every Atlassian access token issued so far is now past its lifetime.
      sandbox.oauth.advanceClock(120);
      const answer = await inSession({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'confluence_get_current_user', arguments: {} } });
      expect(answer.status).toBe(200);
      const text = await answer.text();
      expect(text).toContain(sandbox.seed.alice.email);
      expect(text).not.toContain('"isError":true');
    } finally {
      sandbox.oauth.configure({ accessTokenLifetimeSeconds: 3600 });
    }
  });

  it('keeps two users apart: each token serves only its own account', async () => {
    const [alice, bob] = await Promise.all([connectAs('alice'), connectAs('bob')]);
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => whoAmI(i % 2 ? bob.client : alice.client)));
      answers.forEach((email, i) => expect(email).toBe(i % 2 ? sandbox.seed.bob.email : sandbox.seed.alice.email));
      expect(alice.provider.info!.client_id).not.toBe(bob.provider.info!.client_id);
    } finally {
      await Promise.all([alice.client.close(), bob.client.close()]);
    }
  });

  it('refuses a redirect URI outside the allow-list at registration', async () => {
    const refused = await register(['https://evil.example/callback']);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe('invalid_redirect_uri');
  });

  it('refuses an unknown client at /authorize and /token', async () => {
    const { challenge } = pkce();
    const page = await fetch(`${base}/authorize?client_id=nobody&redirect_uri=${encodeURIComponent(CLIENT_REDIRECT)}&response_type=code&code_challenge=${challenge}&code_challenge_method=S256`, { redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
    const token = await post('/token', { grant_type: 'authorization_code', client_id: 'nobody', code: 'x', code_verifier: 'y'.repeat(43), redirect_uri: CLIENT_REDIRECT });
    expect(token.status).toBe(401);
    expect(((await token.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('refuses an authorize request without PKCE, back at the client', async () => {
    const clientId = ((await (await register()).json()) as { client_id: string }).client_id;
    const answer = await fetch(`${base}/authorize?client_id=${clientId}&redirect_uri=${encodeURIComponent(CLIENT_REDIRECT)}&response_type=code&state=s1`, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const back = new URL(answer.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('state')).toBe('s1');
  });

  it('refuses a reused code, and revokes what the first use got (its engine included)', async () => {
    const raw = await rawCode();
    const first = await redeem(raw);
    expect(first.status).toBe(200);
    const { access_token } = (await first.json()) as { access_token: string };
    const served = await mcpInit({ authorization: `Bearer ${access_token}` });
    expect(served.status).toBe(200);
    await served.text();
    const kept = endpoint.userEngines!.size;
    const again = await redeem(raw);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe('invalid_grant');
    expect(endpoint.userEngines!.size).toBe(kept - 1);
    expect((await mcpInit({ authorization: `Bearer ${access_token}` })).status).toBe(401);
  });

  it('refuses a wrong PKCE verifier', async () => {
    const raw = await rawCode();
    const wrong = await redeem({ ...raw, verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('refuses an expired access token with invalid_token', async () => {
    const answer = await redeem(await rawCode());
    const { access_token } = (await answer.json()) as { access_token: string };
    const served = await mcpInit({ authorization: `Bearer ${access_token}` });
    expect(served.status).toBe(200);
    await served.text();
    await sleep(TTL_SECONDS * 1000 + 300);
    const expired = await mcpInit({ authorization: `Bearer ${access_token}` });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/error="invalid_token".*resource_metadata=/);
  });

  it('still refuses a foreign Host (DNS rebinding)', async () => {
    const port = new URL(base).port;
    const refused = await new Promise<number>((resolve, reject) => {
      const req = net.connect(Number(port), '127.0.0.1', () => req.write(`GET /.well-known/oauth-authorization-server HTTP/1.1\r\nHost: evil.example:${port}\r\nConnection: close\r\n\r\n`));
      let text = '';
      req.on('data', (chunk) => (text += chunk.toString()));
      req.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1])));
      req.on('error', reject);
    });
    expect(refused).toBe(403);
  });
});

describe('MCP OAuth proxy with its consent page, beside multi-user header mode', () => {
  let second: HttpEndpoint;
  beforeAll(async () => {
    second = await startProxy({ ATLASSIAN_OAUTH_REQUIRE_CONSENT: 'true' }, true);
  });
  afterAll(() => second.close());

  async function consentPageFor(state: string): Promise<string> {
    const clientId = ((await (await register()).json()) as { client_id: string }).client_id;
    const url = `${base}/authorize?client_id=${clientId}&redirect_uri=${encodeURIComponent(CLIENT_REDIRECT)}&response_type=code&code_challenge=${pkce().challenge}&code_challenge_method=S256&state=${state}`;
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<b>raw</b>');
    return /name="request" value="([^"]+)"/.exec(html)![1]!;
  }

  const answer = (request: string, decision: string) =>
    fetch(`${base}/authorize`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base }, body: new URLSearchParams({ request, decision }).toString() });

  it("names the client first, then sends the browser to Atlassian on Continue", async () => {
    const approved = await answer(await consentPageFor('c1'), 'approve');
    expect(approved.status).toBe(302);
    const toTether = await consent(approved.headers.get('location')!, 'approve', 'bob');
    const back = new URL((await fetch(toTether, { redirect: 'manual' })).headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('c1');
    expect(back.searchParams.get('code')).toBeTruthy();
  });

  it('sends access_denied back to the client on Cancel', async () => {
    const denied = await answer(await consentPageFor('c2'), 'deny');
    const back = new URL(denied.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(CLIENT_REDIRECT);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('c2');
  });

  it('still serves a request that brings its own Atlassian token and cloud id', async () => {
    const back = await consent(cloudAuthorizeUrl(sandbox), 'approve', 'alice');
    const { body } = await cloudToken(sandbox, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: CALLBACK });
    const served = await mcpInit({ authorization: `Bearer ${body.access_token as string}`, 'x-atlassian-cloud-id': sandbox.cloudId });
    expect(served.status).toBe(200);
    await served.text();
    expect((await mcpInit({})).status).toBe(401);
  });
});
