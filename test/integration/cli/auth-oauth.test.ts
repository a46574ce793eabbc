// `tether auth --oauth` end to end against the sandbox's authorization server: the command prints
// the sign-in address (--no-browser), a "browser" follows it through the consent page to
// Tether's callback server, and the grant lands in the real keychain. Then the grant is used and
// refreshed — by four `tether mcp` processes at once, with exactly one refresh.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { startTetherMcp } from '../../helpers/mcp-client.ts';
import { freePort } from '../../helpers/free-port.ts';
import { newProfile, runTether, tetherBin, type TetherProfile } from '../../helpers/run-tether.ts';
import { secretToolSearch } from '../../helpers/secret-tool.ts';
import { cloudLogin, consent } from '../sandbox/oauth-harness.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});


interface Running {
  child: ChildProcessWithoutNullStreams;
  /** The sign-in address, once printed. */
  url: Promise<string>;
  done: Promise<{ code: number; stdout: string; stderr: string }>;
}

function startOAuth(profile: TetherProfile, args: string[], env: Record<string, string> = {}, app: { clientId: string; clientSecret: string } = sandbox.seed.oauth.cloud): Running {
  const child = spawn(process.execPath, [tetherBin, 'auth', '--oauth', '--no-browser', '--client-id', app.clientId, '--client-secret-stdin', ...args], {
    env: profile.env({ TETHER_ATLASSIAN_AUTH_URL: sandbox.authUrl, TETHER_ATLASSIAN_API_URL: sandbox.apiUrl, ...env }),
  });
  child.stdin.end(app.clientSecret);
  let stdout = '';
  let stderr = '';
  let gotUrl: (url: string) => void;
  const url = new Promise<string>((resolve) => (gotUrl = resolve));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    const found = /https?:\/\/\S+\/authorize\?\S+/.exec(stdout);
    if (found) gotUrl(found[0]);
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
  return { child, url, done };
}

/** Follows the consent page's redirect into Tether's callback server, as the browser would. */
async function browse(authorizeUrl: string, decision: 'approve' | 'deny' = 'approve'): Promise<{ status: number; page: string }> {
  const callback = await consent(authorizeUrl, decision);
  const response = await fetch(callback);
  return { status: response.status, page: await response.text() };
}

describe('signing in with OAuth', () => {
  it('goes from the printed address through consent to a stored, refreshable grant, and status shows it', async () => {
    const profile = await newProfile();
    const port = await freePort();
    sandbox.oauth.registerRedirectUri(`http://127.0.0.1:${port}/callback`, 'cloud');
    const run = startOAuth(profile, ['--port', String(port), '--site', sandbox.cloudId, '--writes']);
    const url = new URL(await run.url);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ audience: 'api.atlassian.com', response_type: 'code', prompt: 'consent', redirect_uri: `http://127.0.0.1:${port}/callback` });
    expect(url.searchParams.get('scope')).toMatch(/\boffline_access\b/);
    expect(url.searchParams.get('scope')).toMatch(/\bwrite:jira-work\b/);
    // A callback carrying somebody else's state is refused, and the sign-in keeps waiting.
    const foreign = await fetch(`http://127.0.0.1:${port}/callback?code=stolen&state=not-ours`);
    expect(foreign.status).toBe(400);
    const page = await browse(url.toString());
    expect(page.page).toContain('Tether is connected');
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`cloudId ${sandbox.cloudId}`);
    for (const secret of [sandbox.seed.oauth.cloud.clientSecret]) expect(result.stdout + result.stderr).not.toContain(secret);

    const status = await runTether(['status', '--json'], { env: profile.env() });
    expect(status.code, status.stderr).toBe(0);
    const report = JSON.parse(status.stdout);
    expect(report.jira).toMatchObject({ authenticated: true, tokenType: 'oauth', cloudId: sandbox.cloudId, source: 'keychain' });
    expect(report.jira.scopes).toEqual(expect.arrayContaining(['read:jira-work', 'write:jira-work']));
    expect(Date.parse(report.jira.expiresAt)).toBeGreaterThan(Date.now());
    expect(status.stdout).not.toContain(sandbox.seed.oauth.cloud.clientSecret);

    const mcp = await startTetherMcp(profile.env({ TETHER_ATLASSIAN_API_URL: sandbox.apiUrl, TETHER_RATE_LIMIT_PER_MINUTE: '0' }));
    try {
      const issue = await mcp.call('jira_get_issue', { issue_key: sandbox.seed.jira.keys.webhookBug, fields: 'summary' });
      expect(issue.isError, issue.text).toBe(false);
      const spaces = await mcp.call('confluence_get_space', { space_key: 'ENG' });
      expect(spaces.isError, spaces.text).toBe(false);
    } finally {
      await mcp.close();
    }
  });

  it('says so when access is declined, and stores nothing', async () => {
    const profile = await newProfile();
    const port = await freePort();
    sandbox.oauth.registerRedirectUri(`http://127.0.0.1:${port}/callback`, 'cloud');
    const run = startOAuth(profile, ['--port', String(port), '--site', sandbox.cloudId]);
    await browse(await run.url, 'deny');
    const result = await run.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Access was declined in the browser, so nothing was saved/);
    expect(JSON.parse((await runTether(['status', '--json'], { env: profile.env() })).stdout).jira.authenticated).toBe(false);
  });

  it('says the client secret is wrong when the token endpoint refuses it', async () => {
    const profile = await newProfile();
    const port = await freePort();
    sandbox.oauth.registerRedirectUri(`http://127.0.0.1:${port}/callback`, 'cloud');
    const run = startOAuth(profile, ['--port', String(port), '--site', sandbox.cloudId], {}, { clientId: sandbox.seed.oauth.cloud.clientId, clientSecret: 'not-the-secret' });
    await browse(await run.url);
    const { code, stderr } = await run.done;
    expect(code).toBe(1);
    expect(stderr).toMatch(/the client secret is wrong/);
  });

  it('uses another port when the wanted one is taken, and says which redirect URI to register', async () => {
    const profile = await newProfile();
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
    try {
      const run = startOAuth(profile, ['--port', String(port), '--site', sandbox.cloudId], { TETHER_OAUTH_TIMEOUT_SECONDS: '1' });
      const result = await run.done;
      expect(result.stderr).toMatch(new RegExp(`port ${port} is in use, so Tether listens on http://127\\.0\\.0\\.1:\\d+/callback instead: add that redirect URI to your app`));
      // Nobody came back within the (shortened) wait: the timeout is said in plain words.
      expect(result.stderr).toMatch(/No answer came back from the browser within/);
      expect(result.code).toBe(1);
    } finally {
      blocker.close();
    }
  });
});

describe('refreshing', () => {
  it('four processes × 25 concurrent calls across an expiry: exactly one refresh, no family revoked', async () => {
    const profile = await newProfile();
    const port = await freePort();
    sandbox.oauth.registerRedirectUri(`http://127.0.0.1:${port}/callback`, 'cloud');
    // The first access token is already due (less than Tether's one-minute margin); the next lasts an hour.
    sandbox.oauth.configure({ accessTokenLifetimeSeconds: 30 });
    const run = startOAuth(profile, ['--port', String(port), '--site', sandbox.cloudId, '--product', 'jira']);
    await browse(await run.url);
    expect((await run.done).code).toBe(0);
    sandbox.oauth.configure({ accessTokenLifetimeSeconds: 3600 });

    const before = { refreshes: sandbox.oauth.counters.refreshes, refreshRequests: sandbox.oauth.counters.tokenRequests.refresh_token, revoked: sandbox.oauth.counters.revokedFamilies };
    const clients = await Promise.all([1, 2, 3, 4].map(() => startTetherMcp(profile.env({ TETHER_ATLASSIAN_API_URL: sandbox.apiUrl, TETHER_RATE_LIMIT_PER_MINUTE: '0' }))));
    try {
      const results = await Promise.all(
        clients.flatMap((client) => Array.from({ length: 25 }, () => client.call('jira_get_issue', { issue_key: sandbox.seed.jira.keys.webhookBug, fields: 'summary' }))),
      );
      const failed = results.filter((r) => r.isError);
      expect(failed.map((r) => r.text)).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
    const counts = {
      refreshRequests: sandbox.oauth.counters.tokenRequests.refresh_token - before.refreshRequests,
      refreshes: sandbox.oauth.counters.refreshes - before.refreshes,
      revokedFamilies: sandbox.oauth.counters.revokedFamilies - before.revoked,
    };
    console.log(`4 processes × 25 calls across an expiry: ${counts.refreshRequests} refresh request(s) at the token endpoint, ${counts.revokedFamilies} token families revoked`);
    expect(counts).toEqual({ refreshRequests: 1, refreshes: 1, revokedFamilies: 0 });
  });

  it('when the grant is revoked, tools and status say to sign in again', async () => {
    const profile = await newProfile();
    const port = await freePort();
    sandbox.oauth.registerRedirectUri(`http://127.0.0.1:${port}/callback`, 'cloud');
    sandbox.oauth.configure({ accessTokenLifetimeSeconds: 30 });
    const run = startOAuth(profile, ['--port', String(port), '--site', sandbox.cloudId, '--product', 'jira']);
    await browse(await run.url);
    expect((await run.done).code).toBe(0);
    sandbox.oauth.configure({ accessTokenLifetimeSeconds: 3600 });

    // Someone else spends the stored refresh token, then reuses it after the grace: Atlassian revokes the family.
    const stored = secretToolSearch(profile.keychainService).find((item) => item.secret.includes('refreshToken'));
    const grant = JSON.parse(stored!.secret) as { refreshToken: string };
    const refresh = () =>
      fetch(`${sandbox.authUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'refresh_token', client_id: sandbox.seed.oauth.cloud.clientId, client_secret: sandbox.seed.oauth.cloud.clientSecret, refresh_token: grant.refreshToken }),
      });
    expect((await refresh()).status).toBe(200);
    sandbox.oauth.advanceClock(3600);
    expect((await refresh()).status).toBe(403);

    const mcp = await startTetherMcp(profile.env({ TETHER_ATLASSIAN_API_URL: sandbox.apiUrl, TETHER_RATE_LIMIT_PER_MINUTE: '0' }));
    try {
      const result = await mcp.call('jira_get_issue', { issue_key: sandbox.seed.jira.keys.webhookBug });
      expect(result).toMatchObject({ isError: true, text: expect.stringMatching(/Your Atlassian sign-in has expired or was revoked .*sign in again with `tether auth --oauth`/) });
    } finally {
      await mcp.close();
    }
    const status = await runTether(['status', '--json'], { env: profile.env() });
    expect(JSON.parse(status.stdout).jira).toMatchObject({ authenticated: false, problem: expect.stringMatching(/sign in again with `tether auth --oauth`/) });
  });

  it('uses a token the user brings (ATLASSIAN_OAUTH_ACCESS_TOKEN + ATLASSIAN_OAUTH_CLOUD_ID) as it is', async () => {
    const profile = await newProfile();
    const tokens = await cloudLogin(sandbox);
    const env = { ATLASSIAN_OAUTH_ACCESS_TOKEN: tokens.access, ATLASSIAN_OAUTH_CLOUD_ID: sandbox.cloudId, TETHER_ATLASSIAN_API_URL: sandbox.apiUrl, TETHER_RATE_LIMIT_PER_MINUTE: '0' };
    const status = JSON.parse((await runTether(['status', '--json'], { env: profile.env(env) })).stdout);
    expect(status.jira).toMatchObject({ authenticated: true, source: 'env', tokenType: 'oauth', cloudId: sandbox.cloudId });
    const mcp = await startTetherMcp(profile.env(env));
    try {
      const result = await mcp.call('jira_get_issue', { issue_key: sandbox.seed.jira.keys.webhookBug, fields: 'summary' });
      expect(result.isError, result.text).toBe(false);
      expect(mcp.stderr()).not.toContain(tokens.access);
    } finally {
      await mcp.close();
    }
  });

  it('signs in to Jira Data Center through its own OAuth 2.0 provider with PKCE', async () => {
    const profile = await newProfile();
    const port = await freePort();
    sandbox.oauth.registerRedirectUri(`http://127.0.0.1:${port}/callback`, 'dc');
    const run = startOAuth(profile, ['--port', String(port), '--site', `${sandbox.dcUrl}/jira`, '--product', 'jira'], {}, sandbox.seed.oauth.dc);
    const url = await run.url;
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
    await browse(url);
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    const mcp = await startTetherMcp(profile.env({ TETHER_RATE_LIMIT_PER_MINUTE: '0' }));
    try {
      const issue = await mcp.call('jira_get_issue', { issue_key: sandbox.seed.jira.keys.webhookBug, fields: 'summary,description' });
      expect(issue.isError, issue.text).toBe(false);
      expect(JSON.parse(issue.text).summary).toBe('Payment webhook retries drop events');
    } finally {
      await mcp.close();
    }
  });
});
