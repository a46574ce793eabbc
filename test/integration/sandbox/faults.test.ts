// Fault injection: latency, error statuses, 429 with rate-limit headers, `times`, the admin HTTP
// surface under /__sandbox/, and the exchange log.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Exchange, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { basic, expectConformance, get } from './harness.ts';

const checker = await loadSpecChecker();

let sb: Sandbox;
/** Every exchange of this file (the tests clear sb.exchanges on the way). */
const seen: Exchange[] = [];
beforeAll(async () => {
  sb = await startSandbox();
  sb.onExchange((e) => seen.push(e));
});
afterEach(() => {
  sb.faults.clear();
});
afterAll(async () => {
  await sb.close();
});

const siteAuth = () => basic(sb.seed.alice.email, sb.seed.alice.classicToken);
const gatewayAuth = () => basic(sb.seed.alice.email, sb.seed.alice.scopedToken);

async function admin(base: string, method: string, path: string, body?: unknown): Promise<Response> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  return fetch(`${base}/__sandbox/${path}`, init);
}

describe('fault rules (in-process API)', () => {
  it('adds latency, then answers normally', async () => {
    sb.faults.add({ path: '/rest/api/3/myself', latencyMs: 150, times: 1 });
    const t0 = performance.now();
    const r = await get(`${sb.siteUrl}/rest/api/3/myself`, siteAuth());
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(r.status).toBe(200);
  });

  it('answers a 500 in the style of the path, before routing and auth', async () => {
    sb.faults.add({ listener: 'site', path: '/wiki/api/v2/spaces', status: 500 });
    const r = await get(`${sb.siteUrl}/wiki/api/v2/spaces`); // no credential: the fault comes first
    expect(r.status).toBe(500);
    expect(r.body).toEqual({
      errors: [{ status: 500, code: 'INTERNAL_SERVER_ERROR', title: 'Internal Server Error', detail: null }],
    });
    const jira = await get(`${sb.siteUrl}/rest/api/3/myself`, siteAuth());
    expect(jira.status).toBe(200); // other paths untouched
  });

  it('a 429 gets Retry-After and the rate-limit headers, and `times` is honoured', async () => {
    sb.faults.add({ path: '/rest/api/3/myself', status: 429, times: 2 });
    for (let i = 0; i < 2; i++) {
      const before = Date.now();
      const r = await get(`${sb.siteUrl}/rest/api/3/myself`, siteAuth());
      expect(r.status).toBe(429);
      expect(r.body).toEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });
      expect(r.headers.get('retry-after')).toBe('1');
      expect(r.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
      expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
      const reset = r.headers.get('x-ratelimit-reset')!;
      expect(reset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(Date.parse(reset)).toBeGreaterThanOrEqual(before);
      expect(r.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    }
    const third = await get(`${sb.siteUrl}/rest/api/3/myself`, siteAuth());
    expect(third.status).toBe(200);
  });

  it('explicit headers and body replace the defaults', async () => {
    sb.faults.add({ path: '/wiki/rest/api/user/current', status: 429, headers: { 'Retry-After': '0' }, body: { message: 'slow down' } });
    const r = await get(`${sb.siteUrl}/wiki/rest/api/user/current`, siteAuth());
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('0');
    expect(r.headers.get('x-ratelimit-limit')).toBeNull();
    expect(r.body).toEqual({ message: 'slow down' });
  });

  it('headers without a status are added to the real answer', async () => {
    sb.faults.add({ path: '/rest/api/3/myself', headers: { 'X-RateLimit-NearLimit': 'true' }, times: 1 });
    const r = await get(`${sb.siteUrl}/rest/api/3/myself`, siteAuth());
    expect(r.status).toBe(200);
    expect(r.headers.get('x-ratelimit-nearlimit')).toBe('true');
  });

  it('matches by RegExp, method and listener', async () => {
    sb.faults.add({ listener: 'api', method: 'GET', path: /\/rest\/api\/\d\/myself$/, status: 503 });
    const gw = await get(`${sb.apiUrl}/ex/jira/${sb.cloudId}/rest/api/3/myself`, gatewayAuth());
    expect(gw.status).toBe(503);
    expect(gw.headers.get('retry-after')).toBe('1');
    const site = await get(`${sb.siteUrl}/rest/api/3/myself`, siteAuth());
    expect(site.status).toBe(200); // other listener
  });

  it('clear() removes every rule', async () => {
    sb.faults.add({ path: '/', status: 500 });
    sb.faults.clear();
    expect((await get(`${sb.siteUrl}/rest/api/3/myself`, siteAuth())).status).toBe(200);
  });
});

describe('admin HTTP surface /__sandbox/', () => {
  it('POST /__sandbox/faults works from another process (pathRegex, times) and DELETE clears', async () => {
    const created = await admin(sb.dcUrl, 'POST', 'faults', { pathRegex: '^/ex/jira/', status: 500, times: 1 });
    expect(created.status).toBe(201);
    const r1 = await get(`${sb.apiUrl}/ex/jira/${sb.cloudId}/rest/api/3/myself`, gatewayAuth());
    expect(r1.status).toBe(500);
    expect(r1.body).toEqual({ errorMessages: ['Internal server error'], errors: {} });
    const r2 = await get(`${sb.apiUrl}/ex/jira/${sb.cloudId}/rest/api/3/myself`, gatewayAuth());
    expect(r2.status).toBe(200);

    expect((await admin(sb.siteUrl, 'POST', 'faults', { path: '/rest/', status: 429 })).status).toBe(201);
    expect((await get(`${sb.siteUrl}/rest/api/3/myself`, siteAuth())).status).toBe(429);
    expect((await admin(sb.apiUrl, 'DELETE', 'faults')).status).toBe(204);
    expect((await get(`${sb.siteUrl}/rest/api/3/myself`, siteAuth())).status).toBe(200);
  });

  it('POST /__sandbox/faults with latency only', async () => {
    expect((await admin(sb.siteUrl, 'POST', 'faults', { path: '/_edge/', latencyMs: 120, times: 1 })).status).toBe(201);
    const t0 = performance.now();
    expect((await get(`${sb.siteUrl}/_edge/tenant_info`)).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110);
  });

  it('refuses a malformed rule', async () => {
    const r = await admin(sb.siteUrl, 'POST', 'faults', { status: 500 });
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ error: expect.stringContaining('path') });
  });

  it('GET /__sandbox/exchanges lists exchanges (admin requests are not recorded)', async () => {
    expect((await admin(sb.siteUrl, 'DELETE', 'exchanges')).status).toBe(204);
    expect(sb.exchanges).toHaveLength(0);
    await fetch(`${sb.siteUrl}/rest/api/3/myself?expand=groups`, {
      headers: { authorization: siteAuth(), 'x-test': 'yes' },
    });
    const list = (await (await admin(sb.apiUrl, 'GET', 'exchanges')).json()) as Exchange[];
    expect(list).toHaveLength(1);
    const e = list[0]!;
    expect(e).toMatchObject({
      listener: 'site',
      method: 'GET',
      path: '/rest/api/3/myself',
      query: { expand: 'groups' },
      status: 200,
      responseHeaders: { 'content-type': 'application/json;charset=UTF-8' },
      responseBody: { accountId: sb.seed.alice.accountId },
    });
    expect(e.requestHeaders['x-test']).toBe('yes');
    expect((e.responseBody as { groups: { items: unknown[] } }).groups.items.length).toBeGreaterThan(0);
    expect(sb.exchanges).toEqual(list);
  });

  it('GET /__sandbox/info tells the URLs and cloudId without secrets', async () => {
    const info = (await (await admin(sb.siteUrl, 'GET', 'info')).json()) as Record<string, string>;
    expect(info).toEqual({ siteUrl: sb.siteUrl, apiUrl: sb.apiUrl, dcUrl: sb.dcUrl, cloudId: sb.cloudId });
  });
});

describe('exchange log', () => {
  it('records request bodies and repeated query parameters; onExchange can unsubscribe', async () => {
    const mine: Exchange[] = [];
    const off = sb.onExchange((e) => mine.push(e));
    await fetch(`${sb.siteUrl}/wiki/api/v2/spaces?keys=ENG&keys=DOCS`, { headers: { authorization: siteAuth() } });
    off();
    await fetch(`${sb.siteUrl}/wiki/api/v2/spaces`, { headers: { authorization: siteAuth() } });
    expect(mine).toHaveLength(1);
    expect(mine[0]!.query).toEqual({ keys: ['ENG', 'DOCS'] });
    expect((mine[0]!.responseBody as { results: unknown[] }).results).toHaveLength(2);
  });
});

it('every exchange of this file conforms to Atlassian’s OpenAPI specs', () => {
  if (!checker.available) return; // spec-check already printed why, once, to stderr
  expectConformance(checker, seen);
});
