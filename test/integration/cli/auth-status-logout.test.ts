// `tether auth`, `status`, `logout` as a user runs them: separate processes, the real keychain
// (GNOME Keyring over D-Bus, read back with secret-tool), the sandbox standing in for Atlassian.
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { newProfile, repoRoot, runTether, type RunResult, type TetherProfile } from '../../helpers/run-tether.ts';
import { secretToolSearch } from '../../helpers/secret-tool.ts';
import { startTlsProxy } from '../../helpers/tls-proxy.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';

let sandbox: Sandbox;
const outputs: RunResult[] = [];

async function tether(profile: TetherProfile, args: string[], options: { input?: string; env?: Record<string, string | undefined> } = {}) {
  const result = await runTether(args, { env: profile.env({ TETHER_ATLASSIAN_API_URL: sandbox.apiUrl, ...options.env }), ...(options.input !== undefined ? { input: options.input } : {}) });
  outputs.push(result);
  return result;
}

const masked = (token: string) => `${token.slice(0, 4)}...${token.slice(-4)}`;

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterAll(async () => {
  // Every request the engine made must be one Atlassian documents, answered as documented.
  const checker = await loadSpecChecker();
  if (checker.available) {
    const result = checker.check(sandbox.exchanges);
    expect(result.violations).toEqual([]);
    expect(result.checked).toBeGreaterThan(0);
  }
  // No output of any run ever shows a whole token.
  const tokens = sandbox.seed.users.flatMap((u) => [u.classicToken, u.scopedToken, u.dc.pat]);
  for (const { stdout, stderr } of outputs) for (const token of tokens) expect(stdout + stderr).not.toContain(token);
  await sandbox.close();
});

describe('a classic API token', () => {
  let profile: TetherProfile;
  beforeAll(async () => {
    profile = await newProfile();
  });

  it('is detected, verified and saved in the real keychain', async () => {
    const alice = sandbox.seed.alice;
    const result = await tether(profile, ['auth', '--site', sandbox.siteUrl, '--email', alice.email, '--token-stdin'], { input: `${alice.classicToken}\n` });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Signed in to Confluence and Jira');
    expect(result.stdout).toContain('as Alice Example <alice@example.com>');
    expect(result.stdout).toContain('classic API token');
    expect(result.stdout).toContain(masked(alice.classicToken));

    const items = secretToolSearch(profile.keychainService);
    expect(items.map((i) => i.label).sort()).toEqual([
      `keyring:confluence:alice@example.com@${sandbox.siteUrl}@${profile.keychainService}`,
      `keyring:jira:alice@example.com@${sandbox.siteUrl}@${profile.keychainService}`,
    ]);
    expect(items.every((i) => i.secret === alice.classicToken)).toBe(true);

    // The settings file holds the index only, never the secret, 0600 in a 0700 folder.
    const settingsText = await readFile(path.join(profile.configDir, 'settings.json'), 'utf8');
    expect(settingsText).not.toContain(alice.classicToken);
    expect((await stat(path.join(profile.configDir, 'settings.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(profile.configDir)).mode & 0o777).toBe(0o700);
  });

  it('shows in status, masked, with where and when', async () => {
    const alice = sandbox.seed.alice;
    const json = await tether(profile, ['status', '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    for (const product of ['confluence', 'jira']) {
      expect(report[product]).toMatchObject({ authenticated: true, source: 'keychain', site: sandbox.siteUrl, email: alice.email, tokenType: 'classic', maskedToken: masked(alice.classicToken), cloudId: sandbox.cloudId });
      expect(Date.parse(report[product].storedAt)).toBeGreaterThan(Date.now() - 60_000);
    }
    const human = await tether(profile, ['status']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Confluence\n {2}Status: {3}authenticated \(keychain\)/);
    expect(human.stdout).toContain(`Token:    ${masked(alice.classicToken)} (classic API token)`);
    expect(human.stdout).toContain('Where:    keychain (Secret Service)');
  });

  it('is overridden by environment variables (ctk and mcp-atlassian names)', async () => {
    const bob = sandbox.seed.bob;
    const result = await tether(profile, ['status', '--json', '--check'], {
      env: { CONFLUENCE_DOMAIN: sandbox.siteUrl, CONFLUENCE_EMAIL: bob.email, CONFLUENCE_API_TOKEN: bob.classicToken },
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.confluence).toMatchObject({ authenticated: true, source: 'env', email: bob.email, tokenType: 'classic', maskedToken: masked(bob.classicToken), storedAt: null });
    expect(report.confluence.location).toContain('CONFLUENCE_API_TOKEN');
    expect(report.jira).toMatchObject({ source: 'keychain', email: sandbox.seed.alice.email });
  });

  it('is removed by logout, which says what it removed', async () => {
    const result = await tether(profile, ['logout']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Removed the Confluence credential of alice@example.com for ${sandbox.siteUrl} from the keychain (Secret Service).`);
    expect(result.stdout).toContain('Removed the Jira credential');
    expect(secretToolSearch(profile.keychainService)).toEqual([]);
    const status = await tether(profile, ['status', '--json']);
    expect(status.code).toBe(1);
    expect(JSON.parse(status.stdout).confluence).toMatchObject({ authenticated: false, source: null });
    expect((await tether(profile, ['logout'])).stdout).toContain('No stored credentials to remove.');
  });
});

describe('a scoped API token', () => {
  it('is detected as scoped and used through the gateway', async () => {
    const profile = await newProfile();
    const alice = sandbox.seed.alice;
    const before = sandbox.exchanges.length;
    const auth = await tether(profile, ['auth', '--site', sandbox.siteUrl, '--email', alice.email, '--token-stdin', '--product', 'confluence'], { input: alice.scopedToken });
    expect(auth.code).toBe(0);
    expect(auth.stdout).toContain('scoped API token (sent through the api.atlassian.com gateway)');
    const probe = sandbox.exchanges.slice(before).map((e) => `${e.listener} ${e.path} ${e.status}`);
    expect(probe).toEqual([
      'site /_edge/tenant_info 200',
      'site /wiki/rest/api/user/current 401',
      `api /ex/confluence/${sandbox.cloudId}/wiki/rest/api/user/current 200`,
    ]);

    const status = await tether(profile, ['status', '--check']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('(scoped API token (via api.atlassian.com))');
    expect(status.stdout).toContain(`via ${sandbox.apiUrl}/ex/confluence/${sandbox.cloudId}`);
    expect(JSON.parse((await tether(profile, ['status', '--json'])).stdout).confluence.tokenType).toBe('scoped');
    await tether(profile, ['logout']);
  });

  it('from the environment, is detected by --check', async () => {
    const profile = await newProfile();
    const bob = sandbox.seed.bob;
    const result = await tether(profile, ['status', '--json', '--check', '--product', 'jira'], { env: { JIRA_URL: sandbox.siteUrl, JIRA_USERNAME: bob.email, JIRA_API_TOKEN: bob.scopedToken } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).jira).toMatchObject({ source: 'env', tokenType: 'scoped', authenticated: true });
  });
});

describe('a Data Center personal access token', () => {
  it('is sent as Bearer to the server and stored', async () => {
    const profile = await newProfile();
    const alice = sandbox.seed.alice;
    const result = await tether(profile, ['auth', '--site', `${sandbox.dcUrl}/jira`, '--pat-stdin', '--product', 'jira'], { input: alice.dc.pat });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('personal access token');
    const last = sandbox.exchanges.at(-1)!;
    expect(last).toMatchObject({ listener: 'dc', path: '/jira/rest/api/2/myself', status: 200 });
    expect(last.requestHeaders.authorization).toMatch(/^Bearer /);
    const report = JSON.parse((await tether(profile, ['status', '--json'])).stdout);
    expect(report.jira).toMatchObject({ tokenType: 'pat', site: `${sandbox.dcUrl}/jira`, authenticated: true });
    expect(report.confluence.authenticated).toBe(false);
    await tether(profile, ['logout']);
  });

  it('needs --product, since a Data Center URL serves one product', async () => {
    const profile = await newProfile();
    const result = await tether(profile, ['auth', '--site', `${sandbox.dcUrl}/jira`, '--pat-stdin'], { input: sandbox.seed.alice.dc.pat });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('add --product confluence or --product jira');
  });
});

describe('bad input: one sentence, nothing half-saved', () => {
  async function expectNothingSaved(profile: TetherProfile) {
    expect(secretToolSearch(profile.keychainService)).toEqual([]);
    expect(await readdir(profile.configDir)).toEqual([]);
  }

  it.each([
    ['a wrong token', ['--site', 'SITE', '--email', 'alice@example.com'], 'ATATT3xFfGF0-not-a-real-token', /did not accept this API token for alice@example.com: check that the email/],
    ['a token pasted with a space inside', ['--site', 'SITE', '--email', 'alice@example.com'], 'ATATT3xFfGF0 abc', /space or line break inside it/],
    ['an empty token', ['--site', 'SITE', '--email', 'alice@example.com'], '\n', /token is empty/],
    ['a malformed URL', ['--site', 'https://[oops', '--email', 'alice@example.com'], 'x', /is not a site name or URL/],
    ['plain http to a remote host', ['--site', 'http://acme.example.com', '--email', 'alice@example.com'], 'x', /plain http/],
    ['an unknown site', ['--site', 'https://no-such-site.invalid', '--email', 'alice@example.com'], 'ATATT3xFfGF0abc', /could not be found: check the spelling/],
    ['a site that refuses connections', ['--site', 'http://127.0.0.1:9', '--email', 'alice@example.com'], 'ATATT3xFfGF0abc', /Could not reach 127\.0\.0\.1:9/],
    ['a missing email', ['--site', 'SITE'], 'ATATT3xFfGF0abc', /needs --email/],
  ])('%s', async (_name, args, input, message) => {
    const profile = await newProfile();
    const result = await tether(profile, ['auth', ...args.map((a) => (a === 'SITE' ? sandbox.siteUrl : a)), '--token-stdin'], { input });
    expect(result.code).toBeGreaterThan(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain('    at '); // no stack trace
    await expectNothingSaved(profile);
  });

  it('Atlassian rate limiting during sign-in', async () => {
    const profile = await newProfile();
    sandbox.faults.add({ listener: 'site', path: '/wiki/rest/api/user/current', status: 429, times: 1 });
    const alice = sandbox.seed.alice;
    const result = await tether(profile, ['auth', '--site', sandbox.siteUrl, '--email', alice.email, '--token-stdin'], { input: alice.classicToken });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is rate limiting requests; it asks to wait 1 s: try again in a moment/);
    await expectNothingSaved(profile);
  });

  it('no Secret Service: refuses, and points to the file store', async () => {
    const profile = await newProfile();
    const alice = sandbox.seed.alice;
    const result = await tether(profile, ['auth', '--site', sandbox.siteUrl, '--email', alice.email, '--token-stdin'], { input: alice.classicToken, env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No keychain \(Secret Service\) is running .* `--store file`/);
    await expectNothingSaved(profile);
  });

  it('a certificate that cannot be verified: refused, unless the user turns verification off', async () => {
    const proxy = await startTlsProxy(sandbox.siteUrl);
    try {
      const profile = await newProfile();
      const alice = sandbox.seed.alice;
      const args = ['auth', '--site', proxy.url, '--email', alice.email, '--token-stdin', '--product', 'confluence'];
      const refused = await tether(profile, args, { input: alice.classicToken });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/The secure connection to 127\.0\.0\.1:\d+ could not be verified \(DEPTH_ZERO_SELF_SIGNED_CERT\): if your company uses its own certificates/);
      await expectNothingSaved(profile);

      const allowed = await tether(profile, [...args, '--no-ssl-verify'], { input: alice.classicToken });
      expect(allowed.code).toBe(0);
      expect(allowed.stderr).toContain('TLS certificate verification is OFF');
      const status = await tether(profile, ['status', '--check', '--product', 'confluence']);
      expect(status.code).toBe(0);
      expect(status.stdout).toContain('WARNING:  TLS certificate verification is OFF for this site');
      expect(status.stdout).toContain('Check:    OK');
      expect(JSON.parse((await tether(profile, ['status', '--json'])).stdout).confluence.sslVerify).toBe(false);
      await tether(profile, ['logout']);

      // mcp-atlassian's switch, from the environment.
      const fromEnv = await tether(await newProfile(), ['status', '--json', '--check', '--product', 'confluence'], {
        env: { CONFLUENCE_URL: proxy.url, CONFLUENCE_USERNAME: alice.email, CONFLUENCE_API_TOKEN: alice.classicToken, CONFLUENCE_SSL_VERIFY: 'false' },
      });
      expect(JSON.parse(fromEnv.stdout).confluence).toMatchObject({ authenticated: true, sslVerify: false, tokenType: 'classic' });
    } finally {
      await proxy.close();
    }
  });

  it('a locked keychain: says to unlock it', async () => {
    // A D-Bus session of its own whose GNOME Keyring is locked (and has no prompt to ask with).
    const profile = await newProfile();
    const alice = sandbox.seed.alice;
    const keyringHome = await mkdtemp(path.join(os.tmpdir(), 'tether-locked-'));
    // Nothing of the test session's own keyring may leak in: its control socket (GNOME_KEYRING_CONTROL,
    // under the cache folder) would let the second daemon reach, and disturb, the first one.
    const env = profile.env({
      TETHER_ATLASSIAN_API_URL: sandbox.apiUrl,
      XDG_DATA_HOME: keyringHome,
      XDG_CACHE_HOME: path.join(keyringHome, 'cache'),
      XDG_RUNTIME_DIR: undefined,
      GNOME_KEYRING_CONTROL: undefined,
      SSH_AUTH_SOCK: undefined,
      DISPLAY: undefined,
      WAYLAND_DISPLAY: undefined,
    });
    const child = await runTether(['auth', '--site', sandbox.siteUrl, '--email', alice.email, '--token-stdin'], { env, input: alice.classicToken, wrapper: ['dbus-run-session', '--', path.join(repoRoot, 'test/helpers/locked-keyring.sh')] });
    outputs.push(child);
    // The D-Bus daemon and keyring add their own chatter on stderr; Tether's line is the one that counts.
    const stderr = child.stderr.split('\n').filter((line) => line.startsWith('tether:')).join('\n');
    expect(child.code).toBe(1);
    expect(stderr).toBe('tether: The keychain is locked: unlock it (log in to your desktop session, or unlock the "login" keyring) and try again.');
    expect(await readdir(profile.configDir)).toEqual([]);
  });

  it('the file store, when chosen, is a 0600 file and status says so', async () => {
    const profile = await newProfile();
    const alice = sandbox.seed.alice;
    const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    const result = await tether(profile, ['auth', '--site', sandbox.siteUrl, '--email', alice.email, '--token-stdin', '--store', 'file'], { input: alice.classicToken, env });
    expect(result.code).toBe(0);
    const file = path.join(profile.configDir, 'credentials.json');
    expect(result.stdout).toContain(`Saved in: ${file}`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).secrets).toMatchObject({ [`confluence:alice@example.com@${sandbox.siteUrl}`]: alice.classicToken });
    const report = JSON.parse((await tether(profile, ['status', '--json'], { env })).stdout);
    expect(report.confluence).toMatchObject({ source: 'file', location: file, authenticated: true });
    await tether(profile, ['logout'], { env });
    expect(JSON.parse(await readFile(file, 'utf8')).secrets).toEqual({});
  });

  it('a corrupt settings file is reported with its path, moved aside, and never replaced silently', async () => {
    const profile = await newProfile();
    const settings = path.join(profile.configDir, 'settings.json');
    await writeFile(settings, '{"version": 1, "credentials": ');
    const result = await tether(profile, ['status']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The settings file ${settings} could not be read (not valid JSON`);
    const files = await readdir(profile.configDir);
    expect(files.some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('an unknown command or option gets a usage sentence and exit code 2', async () => {
    const profile = await newProfile();
    const unknown = await tether(profile, ['sync']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"sync" is not a tether command');
    const option = await tether(profile, ['status', '--jsn']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/Unknown option '--jsn'/);
  });
});
