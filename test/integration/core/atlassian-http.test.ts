// The HTTP layer against the sandbox: Retry-After honoured for idempotent requests, never a blind
// repeat of a POST on 5xx, paging that stays on the gateway, custom headers, errors mapped once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../src-main/core/auth/connection.ts';
import { AtlassianHttp } from '../../../src-main/core/atlassian/http/atlassian-http.ts';
import { RateLimiter } from '../../../src-main/core/atlassian/http/rate-limiter.ts';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => sandbox.faults.clear());

function client(kind: 'classic' | 'scoped', options: { perMinute?: number; headers?: Record<string, string> } = {}) {
  const alice = sandbox.seed.alice;
  const connection: Connection =
    kind === 'classic'
      ? { product: 'confluence', apiBaseUrl: sandbox.siteUrl, siteUrl: sandbox.siteUrl, tokenType: 'classic', email: alice.email, secret: alice.classicToken, sslVerify: true }
      : { product: 'confluence', apiBaseUrl: `${sandbox.apiUrl}/ex/confluence/${sandbox.cloudId}`, siteUrl: sandbox.siteUrl, tokenType: 'scoped', email: alice.email, secret: alice.scopedToken, sslVerify: true, cloudId: sandbox.cloudId };
  return new AtlassianHttp(connection, { ratePerMinute: 0, timeoutMs: 10_000, maxRetries: 3, customHeaders: options.headers ?? {} }, new RateLimiter({ perMinute: options.perMinute ?? 0 }));
}

describe('AtlassianHttp', () => {
  it.each(['classic', 'scoped'] as const)('follows _links.next to the end with a %s token, staying on its base URL', async (kind) => {
    const http = client(kind);
    const before = sandbox.exchanges.length;
    const { results, next } = await http.collect<{ id: string }>('/wiki/api/v2/spaces', { limit: 7 }, 1000);
    expect(results.length).toBe(sandbox.seed.spaces.length);
    expect(new Set(results.map((s) => s.id)).size).toBe(results.length);
    expect(next).toBeUndefined();
    const used = sandbox.exchanges.slice(before);
    expect(used.every((e) => e.listener === (kind === 'classic' ? 'site' : 'api') && e.status === 200)).toBe(true);
  });

  it('waits as Retry-After asks, then succeeds (GET)', async () => {
    sandbox.faults.add({ path: '/wiki/api/v2/spaces', status: 429, headers: { 'Retry-After': '1' }, times: 1 });
    const started = Date.now();
    const page = await client('classic').get<{ results: unknown[] }>('/wiki/api/v2/spaces', { limit: 1 });
    expect(page.results).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('gives up after the retries with a sentence, not a stack', async () => {
    sandbox.faults.add({ path: '/wiki/api/v2/spaces', status: 429, headers: { 'Retry-After': '0' } });
    await expect(client('classic').get('/wiki/api/v2/spaces')).rejects.toThrow(/is rate limiting requests; it asks to wait 0 s: try again in a moment/);
  });

  it('never repeats a POST after a 503', async () => {
    sandbox.faults.add({ method: 'POST', path: '/wiki/api/v2/spaces', status: 503 });
    const before = sandbox.exchanges.length;
    await expect(client('classic').request({ method: 'POST', path: '/wiki/api/v2/spaces', json: { key: 'X', name: 'X' } })).rejects.toThrow(/HTTP 503/);
    expect(sandbox.exchanges.slice(before).filter((e) => e.method === 'POST')).toHaveLength(1);
  });

  it('sends custom headers and maps 404 once', async () => {
    const http = client('classic', { headers: { 'X-Team': 'docs' } });
    await expect(http.get('/wiki/api/v2/spaces/99999999')).rejects.toMatchObject({ kind: 'not_found' });
    expect(sandbox.exchanges.at(-1)!.requestHeaders['x-team']).toBe('docs');
  });

  it('spends one shared budget', async () => {
    const limiter = new RateLimiter({ perMinute: 3, maxQueue: 0 });
    const alice = sandbox.seed.alice;
    const connection: Connection = { product: 'confluence', apiBaseUrl: sandbox.siteUrl, siteUrl: sandbox.siteUrl, tokenType: 'classic', email: alice.email, secret: alice.classicToken, sslVerify: true };
    const a = new AtlassianHttp(connection, { ratePerMinute: 3, timeoutMs: 10_000, maxRetries: 0, customHeaders: {} }, limiter);
    const b = new AtlassianHttp(connection, { ratePerMinute: 3, timeoutMs: 10_000, maxRetries: 0, customHeaders: {} }, limiter);
    await a.get('/wiki/api/v2/spaces', { limit: 1 });
    await b.get('/wiki/api/v2/spaces', { limit: 1 });
    await a.get('/wiki/api/v2/spaces', { limit: 1 });
    await expect(b.get('/wiki/api/v2/spaces', { limit: 1 })).rejects.toThrow(/request budget \(3 requests a minute\) is used up/);
  });
});
