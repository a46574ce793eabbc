// Cloud OAuth 2.0 (3LO) end to end, driven like a browser: authorize → consent form → 302 with code
// and state → token → accessible-resources → the gateway with Bearer. Also what the authorize
// endpoint refuses (HTML page for an untrusted client or redirect_uri, error redirect otherwise) and
// the coarse scope check of the gateway.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { basic, bearer, expectConformance, get } from './harness.ts';
import { adf, send } from './jira-harness.ts';
import { CALLBACK, cloudAuthorizeUrl, cloudLogin, cloudToken, consent, openAuthorize, parseConsent, SCOPES } from './oauth-harness.ts';

const checker = await loadSpecChecker();

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.oauth.reset();
  sb.reset();
});

const gateway = (product: 'jira' | 'confluence', cloudId = sb.cloudId) => `${sb.apiUrl}/ex/${product}/${cloudId}`;

describe('the full flow', () => {
  it('authorize → consent → code + state → tokens → accessible-resources → gateway as alice', async () => {
    const state = 'st-8c1f0a';
    const authorizeUrl = cloudAuthorizeUrl(sb, { state });
    expect(new URL(authorizeUrl).origin).toBe(sb.authUrl);

    const page = await openAuthorize(authorizeUrl);
    expect(page.status).toBe(200);
    expect(page.contentType).toBe('text/html;charset=UTF-8');
    const form = parseConsent(page.html, authorizeUrl);
    expect(form.html).toContain('Tether (sandbox)');
    expect(form.html).toMatch(/<button id="approve"[^>]*>Approve<\/button>/);
    expect(form.html).toMatch(/<button id="deny"[^>]*>Deny<\/button>/);
    expect(form.accounts).toEqual(['alice', 'bob']);
    expect(form.fields.account).toBe('alice');
    expect(form.scopes).toEqual(SCOPES.split(' '));

    const back = await consent(authorizeUrl);
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get('state')).toBe(state);
    const code = back.searchParams.get('code')!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    const tok = await cloudToken(sb, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK });
    expect(tok.status).toBe(200);
    expect(tok.headers.get('content-type')).toMatch(/^application\/json/);
    expect(tok.body).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
      expires_in: 3600,
      token_type: 'Bearer',
      refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
      scope: SCOPES,
    });
    const access = tok.body.access_token as string;

    const res = await get(`${sb.apiUrl}/oauth/token/accessible-resources`, bearer(access));
    expect(res.status).toBe(200);
    const scopesWithoutOffline = SCOPES.split(' ').filter((s) => s !== 'offline_access');
    expect(res.body).toEqual([
      { id: sb.cloudId, name: 'acme', url: sb.siteUrl, scopes: scopesWithoutOffline, avatarUrl: expect.stringMatching(/^https:\/\//) },
      {
        id: sb.seed.oauth.secondSite.cloudId,
        name: 'acme-labs',
        url: 'https://acme-labs.atlassian.net',
        scopes: scopesWithoutOffline,
        avatarUrl: expect.stringMatching(/^https:\/\//),
      },
    ]);
    const cloudId = (res.body as Array<{ id: string }>)[0]!.id;

    sb.exchanges.length = 0;
    const me = await get(`${gateway('jira', cloudId)}/rest/api/3/myself`, bearer(access));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ accountId: sb.seed.alice.accountId, emailAddress: sb.seed.alice.email });
    const wiki = await get(`${gateway('confluence', cloudId)}/wiki/api/v2/spaces?limit=5`, bearer(access));
    expect(wiki.status).toBe(200);
    const user = await get(`${gateway('confluence', cloudId)}/wiki/rest/api/user/current`, bearer(access));
    expect(user.body).toMatchObject({ accountId: sb.seed.alice.accountId });
    expectConformance(checker, sb.exchanges);
  });

  it('the same token endpoint takes a form-encoded body', async () => {
    const back = await consent(cloudAuthorizeUrl(sb));
    const tok = await cloudToken(sb, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: CALLBACK }, 'form');
    expect(tok.status).toBe(200);
    expect(tok.body.token_type).toBe('Bearer');
  });

  it('bob can be chosen on the consent page, or preselected by the test', async () => {
    const asBob = await consent(cloudAuthorizeUrl(sb), 'approve', 'bob');
    const t1 = await cloudToken(sb, { grant_type: 'authorization_code', code: asBob.searchParams.get('code')!, redirect_uri: CALLBACK });
    const me1 = await get(`${gateway('jira')}/rest/api/3/myself`, bearer(t1.body.access_token as string));
    expect(me1.body).toMatchObject({ accountId: sb.seed.bob.accountId });

    sb.oauth.configure({ approvingUser: 'bob' });
    const page = parseConsent((await openAuthorize(cloudAuthorizeUrl(sb))).html, sb.authUrl);
    expect(page.fields.account).toBe('bob');
    const t2 = await cloudLogin(sb);
    const me2 = await get(`${gateway('jira')}/rest/api/3/myself`, bearer(t2.access));
    expect(me2.body).toMatchObject({ accountId: sb.seed.bob.accountId });
  });

  it('no offline_access → no refresh_token', async () => {
    const back = await consent(cloudAuthorizeUrl(sb, { scope: 'read:jira-work' }));
    const tok = await cloudToken(sb, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: CALLBACK });
    expect(tok.status).toBe(200);
    expect(tok.body).not.toHaveProperty('refresh_token');
    expect(tok.body.scope).toBe('read:jira-work');
  });

  it('Deny → error=access_denied with the same state, and no code', async () => {
    const back = await consent(cloudAuthorizeUrl(sb, { state: 'keep-me' }), 'deny');
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('error_description')).toBeTruthy();
    expect(back.searchParams.get('state')).toBe('keep-me');
    expect(back.searchParams.has('code')).toBe(false);
    expect(sb.oauth.counters).toMatchObject({ authorizeRequests: 1, approvals: 0, denials: 1 });
  });

  it('a consent form can be answered once', async () => {
    const url = cloudAuthorizeUrl(sb);
    const form = parseConsent((await openAuthorize(url)).html, url);
    const post = () =>
      fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...form.fields, decision: 'approve' }).toString(),
        redirect: 'manual',
      });
    expect((await post()).status).toBe(302);
    const again = await post();
    expect(again.status).toBe(400);
    expect(again.headers.get('location')).toBeNull();
  });
});

describe('authorize refuses', () => {
  it('an unknown client_id with an HTML page, never a redirect', async () => {
    const r = await openAuthorize(cloudAuthorizeUrl(sb, { client_id: 'not-a-client' }));
    expect(r.status).toBe(400);
    expect(r.location).toBeNull();
    expect(r.contentType).toMatch(/^text\/html/);
    expect(r.html).toContain('Invalid client');
  });

  it('a redirect_uri that is not registered exactly (HTML page, no redirect)', async () => {
    for (const uri of ['http://127.0.0.1:8080/callback/', 'http://127.0.0.1:8081/callback', 'http://evil.example/callback', undefined]) {
      const r = await openAuthorize(cloudAuthorizeUrl(sb, { redirect_uri: uri }));
      expect(r.status, String(uri)).toBe(400);
      expect(r.location).toBeNull();
      expect(r.html).toContain('Invalid redirect_uri');
    }
  });

  it('a redirect_uri registered by a test is accepted (in process and over HTTP)', async () => {
    const uri = 'http://127.0.0.1:49152/oauth/callback';
    expect((await openAuthorize(cloudAuthorizeUrl(sb, { redirect_uri: uri }))).status).toBe(400);
    sb.oauth.registerRedirectUri(uri);
    const back = await consent(cloudAuthorizeUrl(sb, { redirect_uri: uri, state: 's1' }));
    expect(back.toString()).toMatch(/^http:\/\/127\.0\.0\.1:49152\/oauth\/callback\?code=[^&]+&state=s1$/);

    const other = 'http://localhost:49153/cb';
    const admin = await fetch(`${sb.siteUrl}/__sandbox/oauth/redirect-uris`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uri: other }),
    });
    expect(admin.status).toBe(201);
    expect(((await admin.json()) as { redirectUris: string[] }).redirectUris).toContain(other);
    expect((await openAuthorize(cloudAuthorizeUrl(sb, { redirect_uri: other }))).status).toBe(200);
  });

  it('other problems go back to the redirect_uri as error + state', async () => {
    const cases: Array<[Record<string, string | undefined>, string]> = [
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ response_type: undefined }, 'unsupported_response_type'],
      [{ audience: undefined }, 'invalid_request'],
      [{ audience: 'example.com' }, 'invalid_request'],
      [{ scope: undefined }, 'invalid_scope'],
      [{ scope: 'read:jira-work bogus' }, 'invalid_scope'],
    ];
    for (const [params, error] of cases) {
      const r = await openAuthorize(cloudAuthorizeUrl(sb, { ...params, state: 'abc' }));
      expect(r.status, JSON.stringify(params)).toBe(302);
      const loc = new URL(r.location!);
      expect(`${loc.origin}${loc.pathname}`).toBe(CALLBACK);
      expect(loc.searchParams.get('error')).toBe(error);
      expect(loc.searchParams.get('state')).toBe('abc');
    }
  });

  it('granular scopes are fine', async () => {
    const r = await openAuthorize(cloudAuthorizeUrl(sb, { scope: 'read:page:confluence write:page:confluence read:sprint:jira-software offline_access' }));
    expect(r.status).toBe(200);
  });
});

describe('OAuth access tokens and the auth matrix', () => {
  it('work on the gateway only: the site and Data Center answer 401', async () => {
    const { access } = await cloudLogin(sb);
    expect((await get(`${sb.siteUrl}/rest/api/3/myself`, bearer(access))).status).toBe(401);
    expect((await get(`${sb.siteUrl}/wiki/api/v2/spaces`, bearer(access))).status).toBe(401);
    expect((await get(`${sb.dcUrl}/jira/rest/api/2/myself`, bearer(access))).status).toBe(401);
    expect((await get(`${gateway('jira')}/rest/api/3/myself`, bearer(access))).status).toBe(200);
  });

  it('the other credentials keep their places', async () => {
    const a = sb.seed.alice;
    expect((await get(`${gateway('jira')}/rest/api/3/myself`, basic(a.email, a.scopedToken))).status).toBe(200);
    expect((await get(`${gateway('jira')}/rest/api/3/myself`, basic(a.email, a.classicToken))).status).toBe(401);
    expect((await get(`${sb.siteUrl}/rest/api/3/myself`, basic(a.email, a.classicToken))).status).toBe(200);
    expect((await get(`${sb.dcUrl}/jira/rest/api/2/myself`, bearer(a.dc.pat))).status).toBe(200);
    expect((await get(`${gateway('jira')}/rest/api/3/myself`, bearer('not-a-token'))).body).toEqual({ code: 401, message: 'Unauthorized' });
  });

  it('accessible-resources wants a live OAuth access token', async () => {
    const a = sb.seed.alice;
    for (const auth of [undefined, bearer('nope'), basic(a.email, a.scopedToken), bearer(a.dc.pat)]) {
      const r = await get(`${sb.apiUrl}/oauth/token/accessible-resources`, auth);
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ code: 401, message: 'Unauthorized' });
    }
  });

  it('the second site is listed but not served', async () => {
    const { access } = await cloudLogin(sb);
    const r = await get(`${gateway('jira', sb.seed.oauth.secondSite.cloudId)}/rest/api/3/myself`, bearer(access));
    expect(r.status).toBe(404);
  });
});

describe('scopes (coarse)', () => {
  it('a read-only Jira token reads and searches but cannot write', async () => {
    const { access } = await cloudLogin(sb, 'read:jira-work read:jira-user');
    const t = { name: 'gateway' as const, root: gateway('jira'), auth: bearer(access) };
    const key = sb.seed.jira.keys.webhookBug;
    expect((await send(t, 'GET', `/rest/api/3/issue/${key}`)).status).toBe(200);
    expect((await send(t, 'POST', '/rest/api/3/search/jql', { jql: 'project = ENG', maxResults: 1 })).status).toBe(200);
    const w = await send(t, 'POST', `/rest/api/3/issue/${key}/comment`, { body: adf('hello') });
    expect(w.status).toBe(401);
    expect(w.body).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
    expect(w.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
  });

  it('write:jira-work opens the writes', async () => {
    const { access } = await cloudLogin(sb);
    const t = { name: 'gateway' as const, root: gateway('jira'), auth: bearer(access) };
    sb.exchanges.length = 0;
    const w = await send(t, 'POST', `/rest/api/3/issue/${sb.seed.jira.keys.webhookBug}/comment`, { body: adf('hello') });
    expect(w.status).toBe(201);
    expect(w.body).toMatchObject({ author: { accountId: sb.seed.alice.accountId } });
    expectConformance(checker, sb.exchanges);
  });

  it('a token without any scope of a product gets 401 there', async () => {
    const { access } = await cloudLogin(sb, 'read:space:confluence');
    expect((await get(`${gateway('jira')}/rest/api/3/myself`, bearer(access))).body).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
    expect((await get(`${gateway('confluence')}/wiki/api/v2/spaces`, bearer(access))).status).toBe(200);
    const jiraOnly = await cloudLogin(sb, 'read:jira-work');
    expect((await get(`${gateway('confluence')}/wiki/api/v2/spaces`, bearer(jiraOnly.access))).status).toBe(401);
  });
});
