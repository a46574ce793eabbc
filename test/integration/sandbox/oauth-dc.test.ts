// Data Center OAuth 2.0 with PKCE: {base}/rest/oauth2/latest/authorize (code_challenge with S256
// required) and /token (code_verifier checked, client secret required), for Jira DC and Confluence DC.
// A DC access token then works as Bearer on its own product, next to the PATs.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { basic, bearer, get } from './harness.ts';
import { CALLBACK, consent, openAuthorize, pkce, postToken } from './oauth-harness.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.oauth.reset());

type Product = 'jira' | 'confluence';

function authorizeUrl(product: Product, params: Record<string, string | undefined>): string {
  const url = new URL(`${sb.dcUrl}/${product}/rest/oauth2/latest/authorize`);
  const all: Record<string, string | undefined> = {
    client_id: sb.seed.oauth.dc.clientId,
    redirect_uri: CALLBACK,
    response_type: 'code',
    scope: 'READ WRITE',
    state: 'dc-state',
    code_challenge_method: 'S256',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

function token(product: Product, params: Record<string, string>, as: 'json' | 'form' = 'form') {
  const c = sb.seed.oauth.dc;
  return postToken(`${sb.dcUrl}/${product}/rest/oauth2/latest/token`, { client_id: c.clientId, client_secret: c.clientSecret, ...params }, as);
}

async function codeFor(product: Product, challenge: string): Promise<string> {
  const back = await consent(authorizeUrl(product, { code_challenge: challenge }));
  expect(back.searchParams.get('state')).toBe('dc-state');
  return back.searchParams.get('code')!;
}

const whoAmI: Record<Product, string> = { jira: '/jira/rest/api/2/myself', confluence: '/confluence/rest/api/user/current' };

describe('PKCE success', () => {
  for (const product of ['jira', 'confluence'] as const) {
    it(`${product}: authorize with S256 → consent → token with the verifier → Bearer on ${product} DC`, async () => {
      const { verifier, challenge } = pkce();
      const code = await codeFor(product, challenge);
      const r = await token(product, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toEqual({
        access_token: expect.any(String),
        expires_in: 3600,
        token_type: 'bearer',
        refresh_token: expect.any(String),
        scope: 'READ WRITE',
      });
      const me = await get(`${sb.dcUrl}${whoAmI[product]}`, bearer(r.body.access_token as string));
      expect(me.status).toBe(200);
      if (product === 'jira') {
        expect(me.body).toMatchObject({ name: 'alice' });
        expect(me.headers.get('x-ausername')).toBe('alice');
      } else expect(me.body).toMatchObject({ username: 'alice' });

      // Only on the product whose provider issued it, and never on Cloud.
      const other: Product = product === 'jira' ? 'confluence' : 'jira';
      expect((await get(`${sb.dcUrl}${whoAmI[other]}`, bearer(r.body.access_token as string))).status).toBe(401);
      expect((await get(`${sb.apiUrl}/ex/jira/${sb.cloudId}/rest/api/3/myself`, bearer(r.body.access_token as string))).status).toBe(401);
    });
  }

  it('parameters in the query string (as DC documents) and bob as the approver', async () => {
    sb.oauth.configure({ approvingUser: 'bob' });
    const { verifier, challenge } = pkce();
    const code = await codeFor('jira', challenge);
    const c = sb.seed.oauth.dc;
    const q = new URLSearchParams({ client_id: c.clientId, client_secret: c.clientSecret, code, grant_type: 'authorization_code', redirect_uri: CALLBACK, code_verifier: verifier });
    const res = await fetch(`${sb.dcUrl}/jira/rest/oauth2/latest/token?${q}`, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string };
    const me = await get(`${sb.dcUrl}/jira/rest/api/2/myself`, bearer(body.access_token));
    expect(me.headers.get('x-ausername')).toBe('bob');
  });

  it('refresh rotates; the old refresh token is dead at once', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor('jira', challenge);
    const first = await token('jira', { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier });
    const r = await token('jira', { grant_type: 'refresh_token', refresh_token: first.body.refresh_token as string });
    expect(r.status).toBe(200);
    expect(r.body.refresh_token).not.toBe(first.body.refresh_token);
    expect((await get(`${sb.dcUrl}/jira/rest/api/2/myself`, bearer(r.body.access_token as string))).status).toBe(200);
    const again = await token('jira', { grant_type: 'refresh_token', refresh_token: first.body.refresh_token as string });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: 'invalid_grant' });
    // A Jira refresh token means nothing to Confluence's provider.
    expect((await token('confluence', { grant_type: 'refresh_token', refresh_token: r.body.refresh_token as string })).status).toBe(400);
    expect(sb.oauth.counters).toMatchObject({ dcTokenRequests: { authorization_code: 1, refresh_token: 3, other: 0 }, dcRefreshes: 1 });
  });

  it('the DC access token expires like the Cloud one', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor('confluence', challenge);
    const t = await token('confluence', { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier });
    sb.oauth.advanceClock(3601);
    expect((await get(`${sb.dcUrl}/confluence/rest/api/user/current`, bearer(t.body.access_token as string))).status).toBe(401);
  });

  it('PATs and passwords still work on DC', async () => {
    const a = sb.seed.alice;
    expect((await get(`${sb.dcUrl}/jira/rest/api/2/myself`, bearer(a.dc.pat))).status).toBe(200);
    expect((await get(`${sb.dcUrl}/jira/rest/api/2/myself`, basic(a.dc.username, a.dc.password))).status).toBe(200);
  });
});

describe('PKCE failure', () => {
  it('a wrong or missing code_verifier → 400 invalid_grant, and the code is spent', async () => {
    const { challenge } = pkce();
    const code = await codeFor('jira', challenge);
    const wrong = await token('jira', { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: 'invalid_grant', error_description: 'PKCE verification failed' });

    const { verifier, challenge: c2 } = pkce();
    const code2 = await codeFor('jira', c2);
    const missing = await token('jira', { grant_type: 'authorization_code', code: code2, redirect_uri: CALLBACK });
    expect(missing.status).toBe(400);
    const late = await token('jira', { grant_type: 'authorization_code', code: code2, redirect_uri: CALLBACK, code_verifier: verifier });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('authorize without code_challenge, or with method plain → error redirect, no consent page', async () => {
    for (const params of [{ code_challenge: undefined }, { code_challenge: pkce().challenge, code_challenge_method: 'plain' }, { code_challenge: pkce().challenge, code_challenge_method: undefined }]) {
      const r = await openAuthorize(authorizeUrl('jira', params));
      expect(r.status, JSON.stringify(params)).toBe(302);
      const loc = new URL(r.location!);
      expect(loc.searchParams.get('error')).toBe('invalid_request');
      expect(loc.searchParams.get('state')).toBe('dc-state');
    }
  });

  it('unknown client, unregistered redirect_uri → HTML error page; bad scope → invalid_scope', async () => {
    const { challenge } = pkce();
    const badClient = await openAuthorize(authorizeUrl('jira', { code_challenge: challenge, client_id: sb.seed.oauth.cloud.clientId }));
    expect(badClient.status).toBe(400);
    expect(badClient.location).toBeNull();
    const badUri = await openAuthorize(authorizeUrl('confluence', { code_challenge: challenge, redirect_uri: 'http://127.0.0.1:9/cb' }));
    expect(badUri.status).toBe(400);
    expect(badUri.location).toBeNull();
    const badScope = await openAuthorize(authorizeUrl('jira', { code_challenge: challenge, scope: 'read:jira-work' }));
    expect(new URL(badScope.location!).searchParams.get('error')).toBe('invalid_scope');
  });

  it('a wrong client secret → 401 invalid_client', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor('jira', challenge);
    const r = await token('jira', { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier, client_secret: 'x' });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
  });

  it('a Jira code cannot be redeemed at Confluence', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor('jira', challenge);
    const r = await token('confluence', { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier });
    expect(r.status).toBe(400);
  });
});
