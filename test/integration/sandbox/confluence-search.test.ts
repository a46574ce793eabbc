// CQL search (v1): a table of queries and the ids they must find, Confluence's 400 for syntax
// errors, result shapes with highlighted excerpts, paging through `_links.next` (relative to
// `_links.base`, i.e. …/wiki), user search and user lookup — on the site and through the gateway.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { call, expectConformance, targets, type Target } from './harness.ts';

const checker = await loadSpecChecker();

let sb: Sandbox;
let site: Target;
let gateway: Target;
beforeAll(async () => {
  sb = await startSandbox();
  [site, gateway] = targets(sb) as [Target, Target];
});
afterAll(async () => {
  await sb.close();
});

const ids = () => sb.seed.confluence;

interface SearchBody {
  results: Array<{
    content?: { id: string; type: string; status: string; title: string; space?: { key: string }; _links: Record<string, string> };
    user?: { accountId: string; displayName: string };
    title: string;
    excerpt: string;
    url: string;
    entityType: string;
    lastModified: string;
    friendlyLastModified?: string;
    resultGlobalContainer?: { title: string; displayUrl: string };
    resultParentContainer?: { title: string; displayUrl: string };
  }>;
  start: number;
  limit: number;
  size: number;
  totalSize: number;
  cqlQuery: string;
  _links: { base: string; context: string; next?: string; self: string };
}

function searchPath(cql: string, extra = ''): string {
  return `/wiki/rest/api/search?cql=${encodeURIComponent(cql)}${extra}`;
}

async function found(t: Target, cql: string): Promise<string[]> {
  const r = await call(t, 'GET', searchPath(cql, '&limit=100'));
  expect(r.status, cql).toBe(200);
  return (r.body as SearchBody).results.map((x) => x.content!.id);
}

describe('CQL', () => {
  // [cql, expected ids in order (ORDER BY given) or as a set (no ORDER BY)]
  const table = (): Array<[string, string[]]> => {
    const p = ids().pages;
    const bob = sb.seed.bob.accountId;
    return [
      ['type = page AND space = OPS ORDER BY title', [p.incidents, p.dashboards, p.oncall, p.opsHome, p.postmortem]],
      ['label = runbook ORDER BY title', [p.cacheFlush, p.dbFailover, p.incidents, p.legacyQueue]],
      ['label = runbook and space = "ENG" order by title asc', [p.cacheFlush, p.dbFailover, p.legacyQueue]],
      ['space in (OPS, ENG) AND title ~ "runbook" ORDER BY title', [p.cacheFlush, p.dbFailover, p.legacyQueue, ids().attachments.text]],
      ['title = "Release Checklist"', [p.releaseChecklist]],
      [`ancestor = ${p.onboarding} ORDER BY title`, [p.codingStandards, p.devSetup, p.linuxSetup, p.macSetup]],
      [`parent = ${p.onboarding} ORDER BY title`, [p.codingStandards, p.devSetup]],
      [`id = ${ids().largePageId}`, [ids().largePageId]],
      ['type = folder ORDER BY title', [ids().nestedFolderId, ids().folderId]],
      ['type = attachment AND space = ENG ORDER BY title', [ids().attachments.png, ids().attachments.pdf, ids().attachments.csv, ids().attachments.text]],
      [`type = comment AND creator = "${bob}" ORDER BY created`, [ids().footerCommentId, ids().footerReplyIds[1], ids().largePageFooterCommentId, ids().inlineReplyId]],
      ['creator = currentUser() AND type = page AND space = OPS ORDER BY title', [p.incidents, p.postmortem]],
      ['lastmodified > "2026-01-01" AND type = page ORDER BY lastmodified DESC', [ids().largePageId, p.retro, p.dashboards, p.releaseChecklist, p.planning]],
      ['space = ENG AND type = page AND created >= "2026/01/01" ORDER BY created', [p.planning, p.retro]],
      ['text ~ "rollback" AND type = page', [p.releaseProcess]],
      ['text ~ rollback', [p.releaseProcess, ids().secondFooterCommentId]],
      ['text ~ "\\"mesh sidecar\\""', [ids().inlineReplyId]],
      ['(label = release OR label = oncall) AND NOT title ~ checklist ORDER BY title', [p.hotfix, p.dashboards, p.oncall, p.releaseProcess]],
      ['space = ENG AND type = page AND title ~ "setup*" ORDER BY title', [p.devSetup, p.linuxSetup, p.macSetup]],
      [`type in (page, folder) AND ancestor = ${ids().folderId} ORDER BY title`, [p.cacheFlush, p.dbFailover, ids().nestedFolderId, p.legacyQueue]],
      ['type = page AND status = trashed', [ids().trashedPageId]],
      ['space = ENG AND type = page AND label = "meeting-notes" AND label != planning ORDER BY title DESC', [p.retro, p.planning]],
      [`space = ENG AND type = page AND contributor = "${bob}" AND NOT creator = "${bob}" ORDER BY title`, [p.releaseProcess]],
      ['type = page AND space not in (ENG, OPS, DOCS, HR, MKT, SALES, SEC, DESIGN, QA, SUP, FIN, LEGAL, IT, PM, DATA, MOB, WEB, API, INFRA, PLAT, GROWTH, RES, TRAIN, PARTN, ONB, ARCH)', sb.seed.spaces.filter((s) => s.type === 'personal').map((s) => s.homepageId)],
    ];
  };

  it.each(['site', 'gateway'] as const)('finds what each query means (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    for (const [cql, expected] of table()) {
      const got = await found(t, cql);
      if (/order by/i.test(cql)) expect(got, cql).toEqual(expected);
      else expect([...got].sort(), cql).toEqual([...expected].sort());
    }
  });

  it('ranks title matches first and highlights the matched words', async () => {
    const r = await call(site, 'GET', searchPath('siteSearch ~ "failover"'));
    const body = r.body as SearchBody;
    expect(body.results[0]!.content!.id).toBe(ids().pages.dbFailover);
    expect(body.results.map((x) => x.content!.id)).toContain(ids().largePageId);
    const hl = await call(gateway, 'GET', searchPath('text ~ "smoke tests" AND type = page'));
    const [hit] = (hl.body as SearchBody).results;
    expect(hit!.content!.id).toBe(ids().pages.releaseChecklist);
    expect(hit!.excerpt).toContain('Run the @@@hl@@@smoke@@@endhl@@@ @@@hl@@@tests@@@endhl@@@ against staging');
    const plain = await call(site, 'GET', searchPath('text ~ "smoke tests" AND type = page', '&excerpt=none'));
    expect((plain.body as SearchBody).results[0]!.excerpt).toBe('');
  });

  it('answers the v1 search result shape', async () => {
    const r = await call(site, 'GET', searchPath('title = "Release Checklist"'));
    expect(r.status).toBe(200);
    const body = r.body as SearchBody;
    expect(body).toMatchObject({ start: 0, limit: 25, size: 1, totalSize: 1, cqlQuery: 'title = "Release Checklist"', _links: { base: `${sb.siteUrl}/wiki`, context: '/wiki' } });
    expect(body._links.next).toBeUndefined();
    const [res] = body.results;
    const webui = `/spaces/ENG/pages/${ids().pages.releaseChecklist}/Release+Checklist`;
    expect(res).toMatchObject({
      content: { id: ids().pages.releaseChecklist, type: 'page', status: 'current', title: 'Release Checklist', space: { key: 'ENG' }, _links: { webui } },
      title: 'Release Checklist',
      url: webui,
      entityType: 'content',
      resultGlobalContainer: { title: 'Engineering', displayUrl: '/spaces/ENG' },
      lastModified: '2026-01-15T08:00:00.000Z',
      friendlyLastModified: 'Jan 15, 2026',
    });
    expect(res!.excerpt).toContain('Before the release');
    const att = await call(site, 'GET', searchPath(`type = attachment AND id = ${ids().attachments.csv}`));
    expect((att.body as SearchBody).results[0]).toMatchObject({
      content: { type: 'attachment', title: 'release-metrics.csv' },
      resultParentContainer: { title: 'Release Checklist' },
    });
  });

  it.each(['site', 'gateway'] as const)('pages with _links.next (relative to _links.base) and with start (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const cql = 'space = ENG AND type = page ORDER BY title';
    const seen: string[] = [];
    let path: string | undefined = searchPath(cql, '&limit=5');
    let rounds = 0;
    while (path !== undefined) {
      const r = await call(t, 'GET', path);
      expect(r.status).toBe(200);
      const body = r.body as SearchBody;
      expect(body.totalSize).toBe(19);
      seen.push(...body.results.map((x) => x.content!.id));
      const next = body._links.next;
      if (next !== undefined) {
        expect(next).toMatch(/^\/rest\/api\/search\?next=true&cursor=[^&]+&limit=5&start=\d+&cql=/);
        path = `/wiki${next}`;
      } else path = undefined;
      rounds += 1;
      expect(rounds).toBeLessThan(10);
    }
    expect(rounds).toBe(4);
    expect(new Set(seen).size).toBe(19);
    const withStart = await call(t, 'GET', searchPath(cql, '&limit=5&start=5'));
    expect((withStart.body as SearchBody).results.map((x) => x.content!.id)).toEqual(seen.slice(5, 10));
  });

  it('new content is found at once; now() offsets work', async () => {
    const made = await call(site, 'POST', '/wiki/api/v2/pages', { json: { spaceId: ids().opsSpaceId, title: 'Pager Escalation', body: { representation: 'storage', value: '<p>Escalate after fifteen minutes.</p>' } } });
    const id = (made.body as { id: string }).id;
    expect(await found(gateway, 'lastmodified > now("-15m") AND type = page')).toEqual([id]);
    expect(await found(site, 'lastmodified >= startOfDay("-1d") AND type = page AND space = OPS')).toEqual([id]);
    expect(await found(site, 'text ~ fifteen')).toEqual([id]);
    expect(await found(site, 'created < startOfDay("-3650d")')).toEqual([]);
    sb.reset();
  });

  it.each([
    'type = ',
    'type = page AND',
    '(space = ENG',
    'title ~ "unterminated',
    'space = ENG ORDER title',
    'nonsense = 1',
    'type == page',
    'type = page ORDER BY',
    'lastmodified > "yesterday"',
  ])('refuses %j with Confluence’s 400', async (cql) => {
    const r = await call(site, 'GET', searchPath(cql));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      statusCode: 400,
      data: { authorized: false, valid: true, allowedInReadOnlyMode: true, errors: [], successful: false },
      message: `Could not parse cql : ${cql}`,
      reason: 'Bad Request',
    });
  });
});

describe('users', () => {
  it.each(['site', 'gateway'] as const)('GET /search/user with user and user.fullname (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const ali = await call(t, 'GET', `/wiki/rest/api/search/user?cql=${encodeURIComponent('user.fullname ~ "ali"')}`);
    expect(ali.status).toBe(200);
    const body = ali.body as SearchBody;
    expect(body.results.map((x) => x.user!.accountId)).toEqual([sb.seed.alice.accountId]);
    expect(body.results[0]).toMatchObject({ title: 'Alice Example', entityType: 'user', url: `/people/${sb.seed.alice.accountId}`, user: { displayName: 'Alice Example' } });
    const both = await call(t, 'GET', `/wiki/rest/api/search/user?cql=${encodeURIComponent('user ~ "example"')}`);
    expect((both.body as SearchBody).totalSize).toBe(2);
    const byId = await call(t, 'GET', `/wiki/rest/api/search/user?cql=${encodeURIComponent(`user.accountid = "${sb.seed.bob.accountId}"`)}`);
    expect((byId.body as SearchBody).results.map((x) => x.user!.displayName)).toEqual(['Bob Example']);
    const bad = await call(t, 'GET', `/wiki/rest/api/search/user?cql=${encodeURIComponent('user.fullname ~')}`);
    expect(bad.status).toBe(400);
  });

  it('GET /user?accountId= and /user/current', async () => {
    const bob = await call(gateway, 'GET', `/wiki/rest/api/user?accountId=${encodeURIComponent(sb.seed.bob.accountId)}`);
    expect(bob.status).toBe(200);
    expect(bob.body).toMatchObject({ type: 'known', accountId: sb.seed.bob.accountId, displayName: 'Bob Example', accountType: 'atlassian' });
    expect((await call(site, 'GET', '/wiki/rest/api/user?accountId=712020:nobody')).status).toBe(404);
    expect((await call(site, 'GET', '/wiki/rest/api/user/current')).body).toMatchObject({ accountId: sb.seed.alice.accountId });
  });
});

it('every exchange of this file conforms to Atlassian’s OpenAPI specs', () => {
  if (!checker.available) return;
  expectConformance(checker, sb.exchanges);
});
