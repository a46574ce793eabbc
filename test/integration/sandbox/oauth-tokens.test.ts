// The Cloud token endpoint: client authentication, single-use codes bound to client and redirect_uri,
// rotating refresh tokens with the reuse grace and family revocation, access-token expiry on the
// gateway, the counters and the admin surface under /__sandbox/oauth.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { bearer, get } from './harness.ts';
import { CALLBACK, cloudAuthorizeUrl, cloudLogin, cloudToken, consent, postToken, refresh } from './oauth-harness.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.oauth.reset());

const myself = (access: string) => get(`${sb.apiUrl}/ex/jira/${sb.cloudId}/rest/api/3/myself`, bearer(access));

async function freshCode(redirectUri = CALLBACK): Promise<string> {
  const back = await consent(cloudAuthorizeUrl(sb, { redirect_uri: redirectUri }));
  return back.searchParams.get('code')!;
}

const ACCESS_DENIED = { error: 'access_denied', error_description: 'Unauthorized' };
const BAD_CODE = { error: 'invalid_grant', error_description: 'Invalid authorization code' };
const BAD_REFRESH = { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' };
const ROTATED_OUT = { error: 'unauthorized_client', error_description: 'refresh_token is invalid' };

describe('client authentication', () => {
  it('a wrong client secret → 401 access_denied (and the code is not spent)', async () => {
    const code = await freshCode();
    const r = await cloudToken(sb, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, client_secret: 'wrong-client-secret' });
    expect(r.status).toBe(401);
    expect(r.body).toEqual(ACCESS_DENIED);
    const ok = await cloudToken(sb, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK });
    expect(ok.status).toBe(200);
  });

  it('an unknown client or a missing secret → 401 access_denied', async () => {
    const code = await freshCode();
    const url = `${sb.authUrl}/oauth/token`;
    const base = { grant_type: 'authorization_code', code, redirect_uri: CALLBACK };
    expect((await postToken(url, { ...base, client_id: 'nobody', client_secret: sb.seed.oauth.cloud.clientSecret })).body).toEqual(ACCESS_DENIED);
    expect((await postToken(url, { ...base, client_id: sb.seed.oauth.cloud.clientId })).status).toBe(401);
  });

  it('the refresh grant wants the secret too', async () => {
    const { refresh: rt } = await cloudLogin(sb);
    const r = await cloudToken(sb, { grant_type: 'refresh_token', refresh_token: rt, client_secret: 'nope' });
    expect(r.status).toBe(401);
    expect(r.body).toEqual(ACCESS_DENIED);
  });

  it('an unsupported grant type → 400 unsupported_grant_type; GET → 405', async () => {
    const r = await cloudToken(sb, { grant_type: 'client_credentials' });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('unsupported_grant_type');
    expect((await fetch(`${sb.authUrl}/oauth/token`)).status).toBe(405);
  });
});

describe('authorization codes', () => {
  it('are single use: the second exchange → 403 invalid_grant', async () => {
    const code = await freshCode();
    expect((await cloudToken(sb, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK })).status).toBe(200);
    const again = await cloudToken(sb, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK });
    expect(again.status).toBe(403);
    expect(again.body).toEqual(BAD_CODE);
  });

  it('unknown codes and a redirect_uri other than the authorize one → 403 invalid_grant', async () => {
    expect((await cloudToken(sb, { grant_type: 'authorization_code', code: 'made-up', redirect_uri: CALLBACK })).body).toEqual(BAD_CODE);
    const code = await freshCode();
    const other = await cloudToken(sb, { grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:8080/callback' });
    expect(other.status).toBe(403);
    expect(other.body).toEqual(BAD_CODE);
    const missing = await cloudToken(sb, { grant_type: 'authorization_code', code });
    expect(missing.status).toBe(403);
  });

  it('expire after codeLifetimeSeconds', async () => {
    const code = await freshCode();
    sb.oauth.advanceClock(301);
    const r = await cloudToken(sb, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK });
    expect(r.status).toBe(403);
    expect(r.body).toEqual(BAD_CODE);
  });
});

describe('refresh tokens rotate', () => {
  it('each refresh answers a new access and refresh token; the new pair works', async () => {
    const first = await cloudLogin(sb);
    const r = await refresh(sb, first.refresh);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      access_token: expect.any(String),
      expires_in: 3600,
      token_type: 'Bearer',
      refresh_token: expect.any(String),
      scope: expect.stringContaining('offline_access'),
    });
    expect(r.body.refresh_token).not.toBe(first.refresh);
    expect(r.body.access_token).not.toBe(first.access);
    expect((await myself(r.body.access_token as string)).status).toBe(200);
    // The previous access token lives until it expires.
    expect((await myself(first.access)).status).toBe(200);
    const r2 = await refresh(sb, r.body.refresh_token as string);
    expect(r2.status).toBe(200);
    expect(sb.oauth.counters).toMatchObject({
      tokenRequests: { authorization_code: 1, refresh_token: 2, other: 0 },
      refreshes: 2,
      graceReuses: 0,
      revokedFamilies: 0,
    });
  });

  it('a rotated-out token within the grace gets a normal answer', async () => {
    const first = await cloudLogin(sb);
    const second = await refresh(sb, first.refresh);
    sb.oauth.advanceClock(599);
    const reuse = await refresh(sb, first.refresh);
    expect(reuse.status).toBe(200);
    expect(reuse.body.refresh_token).toEqual(expect.any(String));
    expect((await myself(reuse.body.access_token as string)).status).toBe(200);
    // The token the racing process got is still good within its own grace.
    expect((await refresh(sb, second.body.refresh_token as string)).status).toBe(200);
    expect(sb.oauth.counters).toMatchObject({ refreshes: 3, graceReuses: 2, revokedFamilies: 0 });
  });

  it('a rotated-out token after the grace → 403 unauthorized_client and the whole family is revoked', async () => {
    const first = await cloudLogin(sb);
    const second = await refresh(sb, first.refresh);
    const newest = { refresh: second.body.refresh_token as string, access: second.body.access_token as string };
    expect((await myself(newest.access)).status).toBe(200);

    sb.oauth.advanceClock(601);
    const late = await refresh(sb, first.refresh);
    expect(late.status).toBe(403);
    expect(late.body).toEqual(ROTATED_OUT);
    expect(sb.oauth.counters.revokedFamilies).toBe(1);

    // Even the newest refresh token is dead now, and so are the family's access tokens.
    const after = await refresh(sb, newest.refresh);
    expect(after.status).toBe(403);
    expect(after.body).toEqual(BAD_REFRESH);
    expect((await myself(newest.access)).status).toBe(401);
    expect((await myself(first.access)).status).toBe(401);
    expect((await get(`${sb.apiUrl}/oauth/token/accessible-resources`, bearer(newest.access))).status).toBe(401);

    // Consenting again starts a new, healthy family.
    const again = await cloudLogin(sb);
    expect((await myself(again.access)).status).toBe(200);
    expect((await refresh(sb, again.refresh)).status).toBe(200);
  });

  it('the grace is configurable: 0 means a rotated-out token is never accepted', async () => {
    sb.oauth.configure({ refreshReuseGraceSeconds: 0 });
    const first = await cloudLogin(sb);
    expect((await refresh(sb, first.refresh)).status).toBe(200);
    expect((await refresh(sb, first.refresh)).body).toEqual(ROTATED_OUT);
  });

  it('unknown or missing refresh tokens → 403 invalid_grant', async () => {
    expect((await refresh(sb, 'made-up')).body).toEqual(BAD_REFRESH);
    expect((await cloudToken(sb, { grant_type: 'refresh_token' })).status).toBe(403);
  });

  it('refresh tokens die after 90 idle days', async () => {
    const { refresh: rt } = await cloudLogin(sb);
    sb.oauth.advanceClock(91 * 86_400);
    expect((await refresh(sb, rt)).body).toEqual(BAD_REFRESH);
  });
});

describe('access tokens expire', () => {
  it('after accessTokenLifetimeSeconds the gateway answers 401; a refresh brings a working one', async () => {
    sb.oauth.configure({ accessTokenLifetimeSeconds: 120 });
    const t = await cloudLogin(sb);
    expect((await myself(t.access)).status).toBe(200);
    sb.oauth.advanceClock(119);
    expect((await myself(t.access)).status).toBe(200);
    sb.oauth.advanceClock(2);
    const expired = await myself(t.access);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ code: 401, message: 'Unauthorized' });
    const r = await refresh(sb, t.refresh);
    expect(r.body.expires_in).toBe(120);
    expect((await myself(r.body.access_token as string)).status).toBe(200);
  });

  it('in real time too (a 1-second lifetime set through the options)', async () => {
    const short = await startSandbox({ oauth: { accessTokenLifetimeSeconds: 1 } });
    try {
      const t = await cloudLogin(short);
      const url = `${short.apiUrl}/ex/confluence/${short.cloudId}/wiki/api/v2/spaces`;
      expect((await get(url, bearer(t.access))).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      const r = await get(url, bearer(t.access));
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ code: 401, message: 'Unauthorized' });
    } finally {
      await short.close();
    }
  });
});

describe('admin surface /__sandbox/oauth', () => {
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${sb.apiUrl}/__sandbox/oauth${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('settings, counters, clock and reset over HTTP', async () => {
    const info = (await (await admin('GET', '')).json()) as Record<string, unknown>;
    expect(info).toMatchObject({
      authUrl: sb.authUrl,
      settings: { accessTokenLifetimeSeconds: 3600, refreshReuseGraceSeconds: 600, codeLifetimeSeconds: 300, approvingUser: 'alice' },
      counters: { refreshes: 0 },
      redirectUris: { cloud: ['http://127.0.0.1:8080/callback', 'http://localhost:8080/callback'] },
    });

    const set = await admin('POST', '/settings', { accessTokenLifetimeSeconds: 60, refreshReuseGraceSeconds: 5, approvingUser: 'bob' });
    expect(set.status).toBe(200);
    expect(sb.oauth.settings()).toMatchObject({ accessTokenLifetimeSeconds: 60, refreshReuseGraceSeconds: 5, approvingUser: 'bob' });
    expect((await admin('POST', '/settings', { approvingUser: 'carol' })).status).toBe(400);
    expect((await admin('POST', '/settings', { accessTokenLifetimeSeconds: -1 })).status).toBe(400);
    expect((await admin('POST', '/settings', { nonsense: 1 })).status).toBe(400);

    const t = await cloudLogin(sb);
    expect((await myself(t.access)).body).toMatchObject({ accountId: sb.seed.bob.accountId });
    await refresh(sb, t.refresh);
    const counters = (await (await admin('GET', '/counters')).json()) as Record<string, unknown>;
    expect(counters).toMatchObject({ approvals: 1, tokenRequests: { authorization_code: 1, refresh_token: 1, other: 0 }, refreshes: 1, revokedFamilies: 0 });

    expect((await admin('POST', '/clock', { advanceSeconds: 61 })).status).toBe(204);
    expect((await myself(t.access)).status).toBe(401);

    expect((await admin('POST', '/reset')).status).toBe(204);
    expect(sb.oauth.settings().accessTokenLifetimeSeconds).toBe(3600);
    expect(sb.oauth.counters.refreshes).toBe(0);
    expect((await refresh(sb, t.refresh)).status).toBe(403); // grants forgotten
  });

  it('admin requests are not recorded; token requests are (on the auth listener)', async () => {
    sb.exchanges.length = 0;
    await admin('GET', '/counters');
    await cloudLogin(sb);
    expect(sb.exchanges.map((e) => `${e.listener} ${e.method} ${e.path} ${e.status}`)).toEqual([
      'auth GET /authorize 200',
      'auth POST /authorize/consent 302',
      'auth POST /oauth/token 200',
    ]);
  });
});
