// The auth matrix of reference/atlassian.md, every cell: site / gateway / Data Center ×
// classic token / scoped token / PAT / password / nothing / Bearer.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { basic, bearer, expectConformance, get, OFF_SPEC } from './harness.ts';

const checker = await loadSpecChecker();

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});

type Cred = 'classic' | 'scoped' | 'pat' | 'password' | 'none' | 'bearer-classic' | 'bearer-scoped' | 'wrong-token';

function authHeader(cred: Cred): string | undefined {
  const a = sb.seed.alice;
  switch (cred) {
    case 'classic':
      return basic(a.email, a.classicToken);
    case 'scoped':
      return basic(a.email, a.scopedToken);
    case 'pat': // a Data Center PAT, sent as Bearer
      return bearer(a.dc.pat);
    case 'password':
      return basic(a.dc.username, a.dc.password);
    case 'none':
      return undefined;
    case 'bearer-classic':
      return bearer(a.classicToken);
    case 'bearer-scoped':
      return bearer(a.scopedToken);
    case 'wrong-token':
      return basic(a.email, `${a.classicToken.slice(0, -8)}00000000`);
  }
}

const ALL: Cred[] = ['classic', 'scoped', 'pat', 'password', 'none', 'bearer-classic', 'bearer-scoped', 'wrong-token'];

// ------------------------------------------------------------------------------------------ site

const SITE_ENDPOINTS = [
  { path: '/wiki/rest/api/user/current', unauthorized: 'confluence-v1' },
  { path: '/wiki/api/v2/spaces', unauthorized: 'confluence-v2' },
  { path: '/rest/api/3/myself', unauthorized: 'jira' },
  { path: '/rest/api/2/myself', unauthorized: 'jira' },
] as const;

function expectErrorShape(style: string, status: number, body: unknown): void {
  if (style === 'confluence-v2') {
    expect(body).toEqual({
      errors: [{ status, code: status === 401 ? 'UNAUTHORIZED' : expect.any(String), title: expect.any(String), detail: null }],
    });
  } else if (style === 'confluence-v1') {
    expect(body).toMatchObject({ statusCode: status, message: expect.any(String), data: { successful: false } });
  } else if (style === 'jira') {
    expect(body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
  } else {
    expect(body).toEqual({ code: status, message: expect.any(String) });
  }
}

describe('site listener (Cloud site URL): only Basic email:classicToken', () => {
  for (const ep of SITE_ENDPOINTS) {
    for (const cred of ALL) {
      const expected = cred === 'classic' ? 200 : 401;
      it(`${cred} → ${expected} on ${ep.path}`, async () => {
        const r = await get(`${sb.siteUrl}${ep.path}`, authHeader(cred));
        expect(r.status).toBe(expected);
        expect(r.headers.get('content-type')).toBe('application/json;charset=UTF-8');
        expect(r.headers.get('x-arequestid')).toMatch(/^[0-9a-f]{32}$/);
        if (expected === 401) expectErrorShape(ep.unauthorized, 401, r.body);
      });
    }
  }

  it('Confluence v2 401 body is exactly Atlassian’s', async () => {
    const r = await get(`${sb.siteUrl}/wiki/api/v2/spaces`, authHeader('scoped'));
    expect(r.body).toEqual({ errors: [{ status: 401, code: 'UNAUTHORIZED', title: 'Unauthorized', detail: null }] });
  });

  it('answers who is calling: Confluence v1 user/current and Jira myself shapes', async () => {
    const a = sb.seed.alice;
    const wiki = await get(`${sb.siteUrl}/wiki/rest/api/user/current`, authHeader('classic'));
    expect(wiki.body).toMatchObject({
      type: 'known',
      accountId: a.accountId,
      accountType: 'atlassian',
      email: a.email,
      publicName: 'Alice Example',
      displayName: 'Alice Example',
      profilePicture: { path: expect.any(String), width: 48, height: 48, isDefault: false },
      _links: { base: `${sb.siteUrl}/wiki`, context: '/wiki' },
    });
    const jira = await get(`${sb.siteUrl}/rest/api/3/myself`, authHeader('classic'));
    expect(jira.body).toMatchObject({
      self: `${sb.siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(a.accountId)}`,
      accountId: a.accountId,
      accountType: 'atlassian',
      emailAddress: a.email,
      displayName: 'Alice Example',
      active: true,
      timeZone: a.timeZone,
      locale: 'en_US',
      avatarUrls: { '48x48': expect.stringMatching(/^https:\/\//) },
    });
    expect(a.accountId).toMatch(/^712020:[0-9a-f-]{36}$/);
  });

  it('knows bob too (email match is case-insensitive)', async () => {
    const b = sb.seed.bob;
    const r = await get(`${sb.siteUrl}/rest/api/3/myself`, basic(b.email.toUpperCase(), b.classicToken));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accountId: b.accountId, displayName: 'Bob Example' });
  });

  it('a token of another user does not work', async () => {
    const r = await get(`${sb.siteUrl}/rest/api/3/myself`, basic(sb.seed.bob.email, sb.seed.alice.classicToken));
    expect(r.status).toBe(401);
  });

  it('unknown paths are 404 in the product’s style', async () => {
    const auth = authHeader('classic');
    const v2 = await get(`${sb.siteUrl}/wiki/api/v2/nothing-here`, auth, OFF_SPEC);
    expect(v2.status).toBe(404);
    expectErrorShape('confluence-v2', 404, v2.body);
    const v1 = await get(`${sb.siteUrl}/wiki/rest/api/nothing-here`, auth, OFF_SPEC);
    expect(v1.status).toBe(404);
    expectErrorShape('confluence-v1', 404, v1.body);
    const jira = await get(`${sb.siteUrl}/rest/api/3/nothing-here`, auth, OFF_SPEC);
    expect(jira.status).toBe(404);
    expectErrorShape('jira', 404, jira.body);
  });
});

// ------------------------------------------------------------------------------------------ gateway

describe('api listener (api.atlassian.com gateway): only Basic email:scopedToken', () => {
  const gatewayPaths = () => [
    `/ex/confluence/${sb.cloudId}/wiki/rest/api/user/current`,
    `/ex/confluence/${sb.cloudId}/wiki/api/v2/spaces`,
    `/ex/jira/${sb.cloudId}/rest/api/3/myself`,
    `/ex/jira/${sb.cloudId}/rest/api/2/myself`,
  ];
  for (const cred of ALL) {
    const expected = cred === 'scoped' ? 200 : 401;
    it(`${cred} → ${expected}`, async () => {
      for (const p of gatewayPaths()) {
        const r = await get(`${sb.apiUrl}${p}`, authHeader(cred));
        expect(r.status, p).toBe(expected);
        if (expected === 401) expect(r.body).toEqual({ code: 401, message: 'Unauthorized' });
      }
    });
  }

  it('unknown cloudId → 404 in the gateway’s style, whatever the credential', async () => {
    for (const cred of ['scoped', 'classic', 'none'] as const) {
      const r = await get(`${sb.apiUrl}/ex/jira/00000000-0000-4000-8000-000000000000/rest/api/3/myself`, authHeader(cred));
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ code: 404, message: 'Not Found' });
    }
  });

  it('paths outside /ex/{product}/{cloudId} are a gateway 404', async () => {
    const r = await get(`${sb.apiUrl}/rest/api/3/myself`, authHeader('scoped'), OFF_SPEC);
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ code: 404, message: 'Not Found' });
  });

  it('Jira self links point at the gateway; Confluence _links.base stays the site', async () => {
    const a = sb.seed.alice;
    const jira = await get(`${sb.apiUrl}/ex/jira/${sb.cloudId}/rest/api/3/myself`, authHeader('scoped'));
    expect((jira.body as { self: string }).self).toBe(
      `${sb.apiUrl}/ex/jira/${sb.cloudId}/rest/api/3/user?accountId=${encodeURIComponent(a.accountId)}`,
    );
    const wiki = await get(`${sb.apiUrl}/ex/confluence/${sb.cloudId}/wiki/rest/api/user/current`, authHeader('scoped'));
    expect(wiki.body).toMatchObject({ accountId: a.accountId, _links: { base: `${sb.siteUrl}/wiki` } });
  });
});

// ------------------------------------------------------------------------------------------ Data Center

describe('dc listener (Data Center): Bearer PAT or Basic username:password', () => {
  const expectedFor = (cred: Cred): number => (cred === 'pat' || cred === 'password' ? 200 : 401);
  for (const cred of ALL) {
    const expected = expectedFor(cred);
    it(`${cred} → ${expected}`, async () => {
      const wiki = await get(`${sb.dcUrl}/confluence/rest/api/user/current`, authHeader(cred));
      expect(wiki.status).toBe(expected);
      const jira = await get(`${sb.dcUrl}/jira/rest/api/2/myself`, authHeader(cred));
      expect(jira.status).toBe(expected);
      if (expected === 401) {
        expectErrorShape('confluence-v1', 401, wiki.body);
        expectErrorShape('jira', 401, jira.body);
        expect(jira.headers.get('x-ausername')).toBe('anonymous');
      } else {
        expect(jira.headers.get('x-ausername')).toBe('alice');
      }
    });
  }

  it('wrong password → 401', async () => {
    const r = await get(`${sb.dcUrl}/jira/rest/api/2/myself`, basic('alice', 'not-the-password'));
    expect(r.status).toBe(401);
  });

  it('answers the Data Center shapes', async () => {
    const a = sb.seed.alice;
    const wiki = await get(`${sb.dcUrl}/confluence/rest/api/user/current`, bearer(a.dc.pat));
    expect(wiki.body).toMatchObject({
      type: 'known',
      username: 'alice',
      userKey: a.dc.confluenceUserKey,
      displayName: 'Alice Example',
      profilePicture: { path: expect.any(String), width: 48, height: 48, isDefault: true },
    });
    const jira = await get(`${sb.dcUrl}/jira/rest/api/2/myself`, bearer(a.dc.pat));
    expect(jira.body).toMatchObject({
      self: `${sb.dcUrl}/jira/rest/api/2/user?username=alice`,
      name: 'alice',
      key: a.dc.jiraKey,
      emailAddress: a.email,
      displayName: 'Alice Example',
      active: true,
      timeZone: a.timeZone,
    });
    expect(a.dc.pat).toMatch(/^[A-Za-z0-9+/]{44}$/);
  });
});

describe('tokens look like Atlassian’s', () => {
  it('classic and scoped tokens have the ATATT3xFfGF0…=XXXXXXXX form and differ', () => {
    for (const u of sb.seed.users) {
      for (const t of [u.classicToken, u.scopedToken]) expect(t).toMatch(/^ATATT3xFfGF0[A-Za-z0-9_-]{150}=[0-9A-F]{8}$/);
      expect(u.classicToken).not.toBe(u.scopedToken);
    }
  });
});

it('every exchange of this file conforms to Atlassian’s OpenAPI specs', () => {
  if (!checker.available) return; // spec-check already printed why, once, to stderr
  expectConformance(checker, sb.exchanges);
  const { notCovered } = checker.check(sb.exchanges);
  expect(notCovered).toContain('GET /jira/rest/api/2/myself');
  expect(notCovered).toContain('GET /rest/api/2/myself');
});
