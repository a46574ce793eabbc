// tenant_info, and Confluence v2 cursor paging through ALL spaces — on the site and through the
// gateway — following `_links.next` the right way (and showing the naive way breaks).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { basic, expectConformance, get, OFF_SPEC, type Got } from './harness.ts';

const checker = await loadSpecChecker();

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});

interface SpacesPage {
  results: Array<{ id: string; key: string; name: string; type: string; status: string }>;
  _links: { next?: string; base: string };
}

function linkRels(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (header ?? '').matchAll(/<([^>]*)>\s*;\s*rel="([^"]+)"/g)) out[m[2]!] = m[1]!;
  return out;
}

/** Follows `_links.next` from a first URL; `origin` is what the relative link is appended to. */
async function collect(firstUrl: string, origin: string, auth: string): Promise<{ pages: Got[]; ids: string[] }> {
  const pages: Got[] = [];
  const ids: string[] = [];
  let url: string | undefined = firstUrl;
  while (url !== undefined) {
    const r = await get(url, auth);
    expect(r.status, url).toBe(200);
    pages.push(r);
    const body = r.body as SpacesPage;
    ids.push(...body.results.map((s) => s.id));
    const next = body._links.next;
    const rels = linkRels(r.headers.get('link'));
    if (next !== undefined) {
      expect(next).toMatch(/^\/wiki\/api\/v2\/spaces\?cursor=[A-Za-z0-9_-]+=*(&|$)/);
      expect(rels.next).toBe(next);
      expect(rels.base).toBe(body._links.base);
    } else {
      expect(r.headers.get('link')).toBeNull();
    }
    expect(pages.length).toBeLessThan(50);
    url = next === undefined ? undefined : `${origin}${next}`;
  }
  return { pages, ids };
}

describe('/_edge/tenant_info', () => {
  it('answers the cloudId without any credential', async () => {
    const r = await get(`${sb.siteUrl}/_edge/tenant_info`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ cloudId: sb.cloudId });
    expect(sb.cloudId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('ignores a bad credential', async () => {
    const r = await get(`${sb.siteUrl}/_edge/tenant_info`, basic('nobody@example.com', 'nope'));
    expect(r.status).toBe(200);
  });

  it('the cloudId it tells is the one the gateway accepts', async () => {
    const { cloudId } = (await get(`${sb.siteUrl}/_edge/tenant_info`)).body as { cloudId: string };
    const a = sb.seed.alice;
    const r = await get(`${sb.apiUrl}/ex/jira/${cloudId}/rest/api/3/myself`, basic(a.email, a.scopedToken));
    expect(r.status).toBe(200);
  });
});

describe('GET /wiki/api/v2/spaces cursor paging', () => {
  const siteAuth = () => basic(sb.seed.alice.email, sb.seed.alice.classicToken);
  const gatewayAuth = () => basic(sb.seed.alice.email, sb.seed.alice.scopedToken);

  it('pages through all spaces on the site with the default limit (25)', async () => {
    const { pages, ids } = await collect(`${sb.siteUrl}/wiki/api/v2/spaces`, sb.siteUrl, siteAuth());
    expect(pages).toHaveLength(2);
    expect((pages[0]!.body as SpacesPage).results).toHaveLength(25);
    expect(ids).toEqual(sb.seed.spaces.map((s) => s.id));
    expect(new Set(ids).size).toBe(30);
    expect([...ids].sort((x, y) => Number(x) - Number(y))).toEqual(ids);
    expect((pages[0]!.body as SpacesPage)._links.base).toBe(`${sb.siteUrl}/wiki`);
  });

  it('keeps the other query parameters in the next link (limit=7 → 5 pages)', async () => {
    const { pages, ids } = await collect(`${sb.siteUrl}/wiki/api/v2/spaces?limit=7`, sb.siteUrl, siteAuth());
    expect(pages.map((p) => (p.body as SpacesPage).results.length)).toEqual([7, 7, 7, 7, 2]);
    expect((pages[0]!.body as SpacesPage)._links.next).toMatch(/&limit=7$/);
    expect(ids).toHaveLength(30);
  });

  it('pages through all spaces through the gateway: the next link still starts with /wiki/', async () => {
    const gatewayRoot = `${sb.apiUrl}/ex/confluence/${sb.cloudId}`;
    const { pages, ids } = await collect(`${gatewayRoot}/wiki/api/v2/spaces?limit=10`, gatewayRoot, gatewayAuth());
    expect(pages).toHaveLength(3);
    expect(ids).toEqual(sb.seed.spaces.map((s) => s.id));
    // _links.base is the site, not the gateway
    expect((pages[0]!.body as SpacesPage)._links.base).toBe(`${sb.siteUrl}/wiki`);
  });

  it('documents the quirk: naive joins of the next link break through the gateway', async () => {
    const gatewayWiki = `${sb.apiUrl}/ex/confluence/${sb.cloudId}/wiki`;
    const first = await get(`${gatewayWiki}/api/v2/spaces?limit=5`, gatewayAuth());
    const next = (first.body as SpacesPage)._links.next!;
    expect(next.startsWith('/wiki/')).toBe(true);

    // 1) base URL ending in /wiki + next → /wiki/wiki/… → 404
    const doubled = `${gatewayWiki}${next}`;
    expect(doubled).toContain('/wiki/wiki/');
    const r1 = await get(doubled, gatewayAuth(), OFF_SPEC);
    expect(r1.status).toBe(404);

    // 2) new URL(next, gateway) drops the /ex/confluence/{cloudId} prefix → leaves the product → 404
    const resolved = new URL(next, gatewayWiki).toString();
    expect(resolved).not.toContain('/ex/confluence/');
    const r2 = await get(resolved, gatewayAuth(), OFF_SPEC);
    expect(r2.status).toBe(404);

    // 3) _links.base + next goes to the site, where a scoped token is refused
    const viaBase = `${sb.siteUrl}${next}`;
    const r3 = await get(viaBase, gatewayAuth());
    expect(r3.status).toBe(401);

    // the right join: gateway root (…/ex/confluence/{cloudId}) + next
    const ok = await get(`${sb.apiUrl}/ex/confluence/${sb.cloudId}${next}`, gatewayAuth());
    expect(ok.status).toBe(200);
    expect((ok.body as SpacesPage).results[0]!.id).toBe(sb.seed.spaces[5]!.id);
  });

  it('filters and sorts (status, type, keys, sort=-name)', async () => {
    const archived = await get(`${sb.siteUrl}/wiki/api/v2/spaces?status=archived`, siteAuth());
    expect((archived.body as SpacesPage).results.map((s) => s.key).sort()).toEqual(['BRAND', 'EVENTS']);
    const personal = await get(`${sb.siteUrl}/wiki/api/v2/spaces?type=personal`, siteAuth());
    expect((personal.body as SpacesPage).results).toHaveLength(2);
    const keys = await get(`${sb.siteUrl}/wiki/api/v2/spaces?keys=ENG,DOCS&description-format=plain`, siteAuth());
    expect((keys.body as SpacesPage).results.map((s) => s.key)).toEqual(['ENG', 'DOCS']);
    expect((keys.body as { results: Array<{ description: unknown }> }).results[0]!.description).toEqual({
      plain: { value: 'Engineering space of Acme.', representation: 'plain' },
    });
    const { ids } = await collect(`${sb.siteUrl}/wiki/api/v2/spaces?sort=-name&limit=12`, sb.siteUrl, siteAuth());
    const byName = [...sb.seed.spaces].sort((a, b) => b.name.toLowerCase().localeCompare(a.name.toLowerCase())).map((s) => s.id);
    expect(ids).toEqual(byName);
  });

  it('rejects a bad cursor and a bad limit with v2 error bodies', async () => {
    const badCursor = await get(`${sb.siteUrl}/wiki/api/v2/spaces?cursor=not-a-cursor`, siteAuth());
    expect(badCursor.status).toBe(400);
    expect(badCursor.body).toEqual({
      errors: [
        {
          status: 400,
          code: 'INVALID_REQUEST_PARAMETER',
          title: "Provided value for 'cursor' is not the correct type. Expected type is Cursor.",
          detail: expect.stringContaining('cursor was not valid'),
        },
      ],
    });
    for (const limit of ['0', '251', 'ten']) {
      // out of the documented range: the spec checker would (rightly) flag the request itself
      const r = await get(`${sb.siteUrl}/wiki/api/v2/spaces?limit=${limit}`, siteAuth(), OFF_SPEC);
      expect(r.status, limit).toBe(400);
      expect((r.body as { errors: Array<{ status: number }> }).errors[0]!.status).toBe(400);
    }
  });
});

it('every exchange of this file conforms to Atlassian’s OpenAPI specs', () => {
  if (!checker.available) return; // spec-check already printed why, once, to stderr
  expectConformance(checker, sb.exchanges);
  expect(checker.check(sb.exchanges).notCovered).toContain('GET /_edge/tenant_info');
});
