// A scoped API token created with too few scopes: Tether still recognises it, says which of the scopes
// it recommends the token has (one harmless read each, never a write), names a missing scope when a
// call fails for want of one, and keeps "last good call" from what Atlassian answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCredential } from '../../../src-main/core/auth/detect-credential.ts';
import { parseSite } from '../../../src-main/core/auth/site-url.ts';
import { AtlassianError } from '../../../src-main/core/atlassian/http/atlassian-error.ts';
import { Engine } from '../../../src-main/core/host/engine.ts';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { NARROW_TOKEN_SCOPES } from '../../../src-main/sandbox/seed.ts';
import { newProfile, runTether, type TetherProfile } from '../../helpers/run-tether.ts';

let sandbox: Sandbox;
let profile: TetherProfile;
beforeAll(async () => {
  sandbox = await startSandbox();
  profile = await newProfile();
});
afterAll(async () => {
  await sandbox?.close();
});

/** Both products signed in from the environment with alice's narrow scoped token. */
const narrowEnv = () =>
  profile.env({
    CONFLUENCE_URL: sandbox.siteUrl,
    CONFLUENCE_EMAIL: sandbox.seed.alice.email,
    CONFLUENCE_API_TOKEN: sandbox.seed.alice.narrowScopedToken,
    JIRA_URL: sandbox.siteUrl,
    JIRA_USERNAME: sandbox.seed.alice.email,
    JIRA_API_TOKEN: sandbox.seed.alice.narrowScopedToken,
    TETHER_ATLASSIAN_API_URL: sandbox.apiUrl,
    TETHER_RATE_LIMIT_PER_MINUTE: '0',
  });

const states = (findings: { scope: string; state: string }[]) => Object.fromEntries(findings.map((f) => [f.scope, f.state]));

describe('a scoped token with too few scopes', () => {
  it('is still detected as a scoped token when it cannot read the profile (Jira without read:jira-user)', async () => {
    expect(NARROW_TOKEN_SCOPES).not.toContain('read:jira-user');
    const detected = await detectCredential({
      product: 'jira',
      site: parseSite(sandbox.siteUrl),
      kind: 'api_token',
      email: sandbox.seed.alice.email,
      secret: sandbox.seed.alice.narrowScopedToken,
      sslVerify: true,
      gatewayUrl: sandbox.apiUrl,
    });
    expect(detected.connection.tokenType).toBe('scoped');
    expect(detected.account).toEqual({});
  });

  it('a check tells, per recommended scope, which ones work; writes are never tried', async () => {
    const engine = await Engine.open({ env: narrowEnv() });
    const confluence = await engine.verify('confluence');
    expect(confluence.ok).toBe(true);
    expect(confluence.tokenType).toBe('scoped');
    expect(confluence.scopes?.basis).toBe('probed');
    expect(states(confluence.scopes!.findings)).toMatchObject({
      'read:space:confluence': 'works',
      'read:page:confluence': 'works',
      'search:confluence': 'works',
      'read:comment:confluence': 'missing',
      'read:attachment:confluence': 'missing',
      'read:hierarchical-content:confluence': 'missing',
      'read:content.metadata:confluence': 'missing',
      'read:folder:confluence': 'missing',
      'read:user:confluence': 'missing',
      'read:content-details:confluence': 'missing',
      // Needed only to add labels, with write:label: never tried.
      'read:label:confluence': 'unchecked',
      'write:page:confluence': 'unchecked',
    });
    expect(confluence.scopes!.findings.filter((f) => f.access === 'write').every((f) => f.state === 'unchecked')).toBe(true);
    const jira = await engine.verify('jira');
    expect(states(jira.scopes!.findings)).toEqual({ 'read:jira-work': 'works', 'read:jira-user': 'missing', 'write:jira-work': 'unchecked' });
    // Nothing but reads reached the site while checking (users-bulk is a POST that only reads).
    expect(sandbox.exchanges.filter((e) => e.method !== 'GET' && e.path.includes('/ex/')).map((e) => e.path.replace(/^\/ex\/confluence\/[^/]+/, ''))).toEqual(['/wiki/api/v2/users-bulk']);
    // Status shows the report from then on.
    expect((await engine.status()).confluence.scopeReport?.findings).toEqual(confluence.scopes!.findings);
  });

  it('a call refused for a missing scope says so, instead of "sign in again"', async () => {
    const engine = await Engine.open({ env: narrowEnv() });
    const http = await engine.http('confluence');
    const refusal = await http.get('/wiki/api/v2/footer-comments').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AtlassianError);
    expect((refusal as AtlassianError).kind).toBe('scope');
    expect((refusal as AtlassianError).message).toMatch(/lacks a scope/);
    expect((refusal as AtlassianError).message).not.toMatch(/sign in again/);
  });

  it('`tether status --check` lists the missing scopes and what to do', async () => {
    const result = await runTether(['status', '--check', '--product', 'confluence'], { env: narrowEnv() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/MISSING {2}read:comment:confluence/);
    expect(result.stdout).toMatch(/works {4}read:page:confluence/);
    expect(result.stdout).toMatch(/To fix: {3}create a new scoped token .* with .*read:hierarchical-content:confluence.*, then `tether auth`/);
    expect(result.stdout).not.toContain(sandbox.seed.alice.narrowScopedToken);
  });
});

describe('last good call', () => {
  it('is empty until Atlassian answers with success, then moves with every good answer', async () => {
    const engine = await Engine.open({ env: narrowEnv() });
    expect((await engine.status()).confluence.lastGoodCallAt).toBeNull();
    const http = await engine.http('confluence');
    await http.get('/wiki/api/v2/footer-comments').catch(() => undefined);
    expect((await engine.status()).confluence.lastGoodCallAt).toBeNull();
    const before = Date.now();
    await http.get('/wiki/api/v2/pages', { limit: 1 });
    const at = Date.parse((await engine.status()).confluence.lastGoodCallAt ?? '');
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect((await engine.status()).jira.lastGoodCallAt).toBeNull();
  });
});
