// Confluence v2 spaces and pages, on the site and through the gateway: reads in every body format,
// the page tree, versions (old bodies kept), create/update/409/trash/purge/drafts, cursor paging to
// the end, the seed's large page, and the admin reset.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { call, collectPages, expectConformance, OFF_SPEC, targets, V2_ERROR, type Target } from './harness.ts';

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

interface PageBody {
  id: string;
  status: string;
  title: string;
  spaceId: string;
  parentId?: string;
  parentType?: string;
  position: number;
  authorId: string;
  version: { number: number; message: string; createdAt: string; authorId: string };
  body: Record<string, { representation: string; value: string }>;
  labels?: { results: Array<{ name: string }> };
  _links: { webui: string; tinyui: string; base?: string };
}

describe('spaces', () => {
  beforeEach(() => sb.reset());

  it.each(['site', 'gateway'] as const)('GET /spaces/{id} and /spaces?keys= (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const r = await call(t, 'GET', `/wiki/api/v2/spaces/${ids().engSpaceId}?description-format=plain&include-icon=true`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: ids().engSpaceId, key: 'ENG', name: 'Engineering', homepageId: ids().homePageId, _links: { base: `${sb.siteUrl}/wiki` } });
    const missing = await call(t, 'GET', '/wiki/api/v2/spaces/42');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(V2_ERROR(404));
    const bad = await call(t, 'GET', '/wiki/api/v2/spaces/eng', { headers: OFF_SPEC });
    expect(bad.status).toBe(400);
  });

  it('POST /spaces creates a space with a homepage; a taken key is refused', async () => {
    const r = await call(site, 'POST', '/wiki/api/v2/spaces', { json: { key: 'NEWS', name: 'Newsroom', description: { value: 'Company news', representation: 'plain' } } });
    expect(r.status).toBe(201);
    const space = r.body as { id: string; key: string; homepageId: string; authorId: string; description: unknown };
    expect(space).toMatchObject({ key: 'NEWS', authorId: sb.seed.alice.accountId, description: { plain: { value: 'Company news', representation: 'plain' } } });
    const home = await call(site, 'GET', `/wiki/api/v2/pages/${space.homepageId}`);
    expect(home.status).toBe(200);
    expect(home.body).toMatchObject({ spaceId: space.id, title: 'Newsroom' });
    const again = await call(gateway, 'POST', '/wiki/api/v2/spaces', { json: { key: 'NEWS', name: 'Other' } });
    expect(again.status).toBe(400);
    expect(again.body).toEqual(V2_ERROR(400, "A space with key 'NEWS' already exists."));
  });

  it('GET /spaces/{id}/pages: depth=root, all pages paged to the end, title filter', async () => {
    const root = await call(site, 'GET', `/wiki/api/v2/spaces/${ids().engSpaceId}/pages?depth=root`);
    expect((root.body as { results: PageBody[] }).results.map((p) => p.title)).toEqual(['Engineering Home', 'Team Directory']);
    for (const t of [site, gateway]) {
      const { items, pages } = await collectPages<PageBody>(t, `/wiki/api/v2/spaces/${ids().engSpaceId}/pages?limit=4&sort=title`);
      expect(items).toHaveLength(19);
      expect(pages).toBe(5);
      expect(items.map((p) => p.title)).toEqual([...items.map((p) => p.title)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
      expect(new Set(items.map((p) => p.id)).size).toBe(19);
    }
    const byTitle = await call(site, 'GET', `/wiki/api/v2/spaces/${ids().engSpaceId}/pages?title=${encodeURIComponent('Release Checklist')}&body-format=storage`);
    const [only] = (byTitle.body as { results: PageBody[] }).results;
    expect(only).toMatchObject({ id: ids().pages.releaseChecklist, body: { storage: { representation: 'storage' } } });
    const trashed = await call(site, 'GET', `/wiki/api/v2/spaces/${ids().engSpaceId}/pages?status=trashed`);
    expect((trashed.body as { results: PageBody[] }).results.map((p) => p.id)).toEqual([ids().trashedPageId]);
  });
});

describe('GET /pages and /pages/{id}', () => {
  beforeEach(() => sb.reset());

  it('lists pages by id and space, pages through every page of the site', async () => {
    const r = await call(gateway, 'GET', `/wiki/api/v2/pages?id=${ids().homePageId},${ids().largePageId}&body-format=atlas_doc_format`);
    const results = (r.body as { results: PageBody[] }).results;
    expect(results.map((p) => p.id)).toEqual([ids().homePageId, ids().largePageId].sort((a, b) => Number(a) - Number(b)));
    expect(typeof results[0]!.body.atlas_doc_format!.value).toBe('string');
    const { items } = await collectPages<PageBody>(site, '/wiki/api/v2/pages?limit=250');
    const { items: paged, pages } = await collectPages<PageBody>(gateway, '/wiki/api/v2/pages?limit=7');
    expect(paged.map((p) => p.id)).toEqual(items.map((p) => p.id));
    expect(pages).toBe(Math.ceil(items.length / 7));
    // 30 homepages + 18 more ENG pages + 4 OPS pages; the draft and the trashed page are not listed
    expect(items).toHaveLength(52);
    const ops = await call(site, 'GET', `/wiki/api/v2/pages?space-id=${ids().opsSpaceId}&sort=-modified-date`);
    expect((ops.body as { results: PageBody[] }).results.map((p) => p.title)).toEqual([
      'Monitoring Dashboards',
      'Postmortem Template',
      'Incident Response',
      'On-call Handbook',
      'Operations Home',
    ]);
  });

  it.each(['site', 'gateway'] as const)('returns a page in every body format (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const base = `/wiki/api/v2/pages/${ids().pages.releaseProcess}`;
    const plain = await call(t, 'GET', base);
    expect(plain.status).toBe(200);
    const page = plain.body as PageBody;
    expect(page).toMatchObject({
      id: ids().pages.releaseProcess,
      status: 'current',
      title: 'Release Process',
      spaceId: ids().engSpaceId,
      parentId: ids().homePageId,
      parentType: 'page',
      body: {},
      version: { number: 2, message: 'Rollback section', authorId: sb.seed.bob.accountId },
      _links: { webui: `/spaces/ENG/pages/${ids().pages.releaseProcess}/Release+Process`, base: `${sb.siteUrl}/wiki` },
    });
    expect(page._links.tinyui).toMatch(/^\/x\/[A-Za-z0-9_-]+$/);
    for (const format of ['storage', 'atlas_doc_format', 'view', 'export_view', 'styled_view', 'editor']) {
      const r = await call(t, 'GET', `${base}?body-format=${format}`);
      expect(r.status, format).toBe(200);
      const b = (r.body as PageBody).body[format]!;
      expect(b.representation).toBe(format);
      expect(b.value.length).toBeGreaterThan(20);
    }
    const adf = JSON.parse(((await call(t, 'GET', `${base}?body-format=atlas_doc_format`)).body as PageBody).body.atlas_doc_format!.value) as {
      type: string;
      content: Array<{ type: string; attrs?: { level?: number } }>;
    };
    expect(adf.type).toBe('doc');
    expect(adf.content.map((n) => n.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
    const view = ((await call(t, 'GET', `${base}?body-format=view`)).body as PageBody).body.view!.value;
    expect(view).toContain('<h2');
    expect(view).toContain('Every release can be rolled back within ten minutes');
  });

  it('old versions keep their full body; include-labels and include-versions', async () => {
    const id = ids().pages.releaseChecklist;
    const v1 = await call(site, 'GET', `/wiki/api/v2/pages/${id}?version=1&body-format=storage`);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ status: 'historical', version: { number: 1 } });
    expect((v1.body as PageBody).body.storage!.value).not.toContain('Run the smoke tests');
    const v3 = await call(site, 'GET', `/wiki/api/v2/pages/${id}?body-format=storage&include-labels=true&include-versions=true`);
    const cur = v3.body as PageBody & { versions: { results: Array<{ number: number }> } };
    expect(cur.version.number).toBe(3);
    expect(cur.body.storage!.value).toContain('Announce the release');
    expect(cur.labels!.results.map((l) => l.name)).toEqual(['release', 'checklist']);
    expect(cur.versions.results.map((v) => v.number)).toEqual([3, 2, 1]);
    expect((await call(site, 'GET', `/wiki/api/v2/pages/${id}?version=9`)).status).toBe(404);
  });

  it('the large page: ~200 KB of storage with every kind of macro; ADF is a JSON string', async () => {
    const r = await call(gateway, 'GET', `/wiki/api/v2/pages/${ids().largePageId}?body-format=storage`);
    const storage = (r.body as PageBody).body.storage!.value;
    const size = Buffer.byteLength(storage);
    expect(size).toBeGreaterThan(150_000);
    expect(size).toBeLessThan(250_000);
    for (const needle of [
      'ac:name="code"',
      'ac:name="language">python<',
      'ac:name="language">typescript<',
      'ac:name="language">sql<',
      '<![CDATA[',
      'ac:name="info"',
      'ac:name="note"',
      'ac:name="warning"',
      'ac:name="status"',
      `ri:account-id="${sb.seed.bob.accountId}"`,
      '<ri:page ri:space-key="ENG"',
      '<ri:attachment ri:filename="architecture-diagram.png"',
      '<ac:layout>',
      'ac:name="jira"',
      'ac:name="toc"',
      'ac:name="expand"',
      '<ac:task-list>',
      '<table',
    ]) {
      expect(storage, needle).toContain(needle);
    }
    const adfReply = await call(site, 'GET', `/wiki/api/v2/pages/${ids().largePageId}?body-format=atlas_doc_format`);
    const adfValue = (adfReply.body as PageBody).body.atlas_doc_format!.value;
    expect(typeof adfValue).toBe('string');
    const adf = JSON.stringify(JSON.parse(adfValue));
    for (const type of ['"codeBlock"', '"panel"', '"extension"', '"mention"', '"status"', '"layoutSection"', '"taskList"', '"mediaSingle"', '"expand"', '"table"']) {
      expect(adf, type).toContain(type);
    }
    const view = ((await call(site, 'GET', `/wiki/api/v2/pages/${ids().largePageId}?body-format=view`)).body as PageBody).body.view!.value;
    expect(view).toContain('Bob Example');
    expect(view).toContain(`/wiki/download/attachments/${ids().largePageId}/architecture-diagram.png?version=1`);
  });

  it('answers 404 for unknown, trashed (unless status=trashed) and draft (unless asked) pages', async () => {
    expect((await call(site, 'GET', '/wiki/api/v2/pages/999999')).body).toEqual(V2_ERROR(404));
    expect((await call(site, 'GET', `/wiki/api/v2/pages/${ids().trashedPageId}`)).status).toBe(404);
    const trashed = await call(site, 'GET', `/wiki/api/v2/pages/${ids().trashedPageId}?status=trashed`);
    expect(trashed.body).toMatchObject({ status: 'trashed', title: 'Deprecated Build Notes' });
    expect((await call(site, 'GET', `/wiki/api/v2/pages/${ids().draftPageId}`)).status).toBe(404);
    expect((await call(site, 'GET', `/wiki/api/v2/pages/${ids().draftPageId}?get-draft=true`)).body).toMatchObject({ status: 'draft', title: 'Q3 Roadmap' });
  });
});

describe('the page tree', () => {
  beforeEach(() => sb.reset());

  it('children (pages only) and direct-children (pages and folders) in child position', async () => {
    const kids = await call(site, 'GET', `/wiki/api/v2/pages/${ids().homePageId}/children`);
    expect((kids.body as { results: Array<{ title: string; childPosition: number }> }).results.map((c) => c.title)).toEqual([
      'Architecture Overview',
      'Onboarding Guide',
      'Release Process',
      'Meeting Notes',
    ]);
    const direct = await collectPages<{ title: string; type: string; childPosition: number }>(gateway, `/wiki/api/v2/pages/${ids().homePageId}/direct-children?limit=2`);
    expect(direct.items.map((c) => `${c.type}:${c.title}`)).toEqual([
      'page:Architecture Overview',
      'page:Onboarding Guide',
      'page:Release Process',
      'folder:Runbooks',
      'page:Meeting Notes',
    ]);
    expect(direct.pages).toBe(3);
    const byTitle = await call(site, 'GET', `/wiki/api/v2/pages/${ids().homePageId}/direct-children?sort=-title`);
    expect((byTitle.body as { results: Array<{ title: string }> }).results[0]!.title).toBe('Runbooks');
  });

  it('ancestors top-down, descendants by depth', async () => {
    const anc = await call(gateway, 'GET', `/wiki/api/v2/pages/${ids().pages.macSetup}/ancestors`);
    expect((anc.body as { results: unknown[] }).results).toEqual([
      { id: ids().homePageId, type: 'page' },
      { id: ids().pages.onboarding, type: 'page' },
      { id: ids().pages.devSetup, type: 'page' },
    ]);
    const nearest = await call(site, 'GET', `/wiki/api/v2/pages/${ids().pages.macSetup}/ancestors?limit=1`);
    expect((nearest.body as { results: Array<{ id: string }> }).results).toEqual([{ id: ids().pages.devSetup, type: 'page' }]);
    const inFolder = await call(site, 'GET', `/wiki/api/v2/pages/${ids().pages.legacyQueue}/ancestors`);
    expect((inFolder.body as { results: Array<{ type: string }> }).results.map((a) => a.type)).toEqual(['page', 'folder', 'folder']);

    const d1 = await call(site, 'GET', `/wiki/api/v2/pages/${ids().pages.onboarding}/descendants?depth=1`);
    expect((d1.body as { results: Array<{ title: string; depth: number }> }).results.map((d) => `${d.depth}:${d.title}`)).toEqual([
      '1:Development Environment Setup',
      '1:Coding Standards',
    ]);
    const all = await collectPages<{ title: string; depth: number; parentId: string }>(site, `/wiki/api/v2/pages/${ids().homePageId}/descendants?depth=5&limit=5`);
    expect(all.items).toHaveLength(19);
    expect(all.items.filter((d) => d.depth === 1)).toHaveLength(5);
    expect(all.items.map((d) => d.depth)).toEqual([...all.items.map((d) => d.depth)].sort((a, b) => a - b));
  });

  it('versions list (newest first, bodies on request) and one version', async () => {
    const id = ids().pages.releaseChecklist;
    const { items } = await collectPages<{ number: number; page: { id: string; body?: { storage: { value: string } } } }>(
      gateway,
      `/wiki/api/v2/pages/${id}/versions?limit=2&body-format=storage`,
    );
    expect(items.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(items[2]!.page.body!.storage.value).toContain('Tag the release commit');
    const asc = await call(site, 'GET', `/wiki/api/v2/pages/${id}/versions?sort=modified-date`);
    expect((asc.body as { results: Array<{ number: number }> }).results.map((v) => v.number)).toEqual([1, 2, 3]);
    const one = await call(site, 'GET', `/wiki/api/v2/pages/${id}/versions/2`);
    expect(one.body).toMatchObject({ number: 2, message: 'Smoke tests', prevVersion: 1, nextVersion: 3, authorId: sb.seed.alice.accountId });
  });

  it('labels of a page, paged', async () => {
    const { items, pages } = await collectPages<{ name: string; prefix: string; id: string }>(site, `/wiki/api/v2/pages/${ids().largePageId}/labels?limit=1`);
    expect(items.map((l) => l.name).sort()).toEqual(['architecture', 'reference']);
    expect(pages).toBe(2);
    expect(items.every((l) => l.prefix === 'global' && /^\d+$/.test(l.id))).toBe(true);
  });
});

describe('writes', () => {
  beforeEach(() => sb.reset());

  const storage = (text: string) => ({ representation: 'storage', value: `<p>${text}</p>` });

  it('POST /pages under the homepage by default, under a parent, at the root; authorId is the caller', async () => {
    const r = await call(site, 'POST', '/wiki/api/v2/pages', { json: { spaceId: ids().engSpaceId, status: 'current', title: 'Incident 42', body: storage('What happened') } });
    expect(r.status).toBe(200);
    const created = r.body as PageBody;
    expect(created).toMatchObject({ title: 'Incident 42', parentId: ids().homePageId, authorId: sb.seed.alice.accountId, version: { number: 1 }, body: { storage: { value: '<p>What happened</p>' } } });
    expect(new Date(created.version.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const bob = { ...gateway, auth: `Basic ${Buffer.from(`${sb.seed.bob.email}:${sb.seed.bob.scopedToken}`).toString('base64')}` };
    const child = await call(bob, 'POST', '/wiki/api/v2/pages', { json: { spaceId: ids().engSpaceId, title: 'Timeline', parentId: created.id, body: { representation: 'wiki', value: 'h2. Timeline\n\n* 10:00 alert\n* 10:05 *ack*' } } });
    expect(child.status).toBe(200);
    expect(child.body).toMatchObject({ parentId: created.id, authorId: sb.seed.bob.accountId });
    expect((child.body as PageBody).body.storage!.value).toBe('<h2>Timeline</h2><ul><li>10:00 alert</li><li>10:05 <strong>ack</strong></li></ul>');

    const adf = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello', marks: [{ type: 'strong' }] }] }] };
    const root = await call(site, 'POST', '/wiki/api/v2/pages?root-level=true', { json: { spaceId: ids().engSpaceId, title: 'Root page', body: { representation: 'atlas_doc_format', value: JSON.stringify(adf) } } });
    expect(root.status).toBe(200);
    expect((root.body as PageBody).parentId).toBeUndefined();
    expect((root.body as PageBody).body.storage!.value).toBe('<p><strong>Hello</strong></p>');
    const kids = await call(site, 'GET', `/wiki/api/v2/pages/${created.id}/children`);
    expect((kids.body as { results: Array<{ id: string }> }).results.map((c) => c.id)).toEqual([(child.body as PageBody).id]);
  });

  it('POST /pages refusals: duplicate title, unknown space or parent, bad storage', async () => {
    const dup = await call(site, 'POST', '/wiki/api/v2/pages', { json: { spaceId: ids().engSpaceId, title: 'Release Process', body: storage('x') } });
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({
      errors: [{ status: 400, code: 'BAD_REQUEST', title: 'A page with this title already exists: A page already exists with the same TITLE in this space', detail: null }],
    });
    // the same title in another space is fine
    expect((await call(site, 'POST', '/wiki/api/v2/pages', { json: { spaceId: ids().opsSpaceId, title: 'Release Process', body: storage('x') } })).status).toBe(200);
    expect((await call(site, 'POST', '/wiki/api/v2/pages', { json: { spaceId: '123', title: 'X', body: storage('x') } })).status).toBe(404);
    const noParent = await call(site, 'POST', '/wiki/api/v2/pages', { json: { spaceId: ids().engSpaceId, title: 'X', parentId: '77777', body: storage('x') } });
    expect(noParent.status).toBe(404);
    const broken = await call(site, 'POST', '/wiki/api/v2/pages', { json: { spaceId: ids().engSpaceId, title: 'Broken', body: { representation: 'storage', value: '<p><strong>x</p>' } } });
    expect(broken.status).toBe(400);
    expect((broken.body as { errors: Array<{ title: string }> }).errors[0]!.title).toMatch(/^Error parsing xhtml: Unexpected close tag <\/p>; expected <\/strong>\./);
  });

  it('PUT /pages/{id}: version must be current+1 (409 otherwise); the old body stays readable', async () => {
    const id = ids().pages.hotfix;
    const before = (await call(site, 'GET', `/wiki/api/v2/pages/${id}?body-format=storage`)).body as PageBody;
    const update = (number: number, text: string) => ({
      id,
      status: 'current',
      title: 'Hotfix Procedure',
      body: storage(text),
      version: { number, message: `edit ${number}` },
    });
    const stale = await call(gateway, 'PUT', `/wiki/api/v2/pages/${id}`, { json: update(1, 'stale') });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      errors: [{ status: 409, code: 'CONFLICT', title: 'Version must be incremented on update. Current version is: 1', detail: null }],
    });
    const skip = await call(site, 'PUT', `/wiki/api/v2/pages/${id}`, { json: update(3, 'skipping') });
    expect(skip.status).toBe(409);
    const ok = await call(site, 'PUT', `/wiki/api/v2/pages/${id}`, { json: update(2, 'Second version') });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: { number: 2, message: 'edit 2', authorId: sb.seed.alice.accountId }, body: { storage: { value: '<p>Second version</p>' } } });
    const old = await call(gateway, 'GET', `/wiki/api/v2/pages/${id}?version=1&body-format=storage`);
    expect((old.body as PageBody).body.storage!.value).toBe(before.body.storage!.value);
    const again = await call(site, 'PUT', `/wiki/api/v2/pages/${id}`, { json: update(2, 'again') });
    expect(again.body).toEqual(V2_ERROR(409, 'Version must be incremented on update. Current version is: 2'));
  });

  it('PUT /pages/{id}: rename, move under another parent (cycles refused), duplicate titles refused', async () => {
    const id = ids().pages.onboarding;
    const move = await call(site, 'PUT', `/wiki/api/v2/pages/${id}`, {
      json: { id, status: 'current', title: 'Onboarding', parentId: ids().pages.meetingNotes, body: storage('moved'), version: { number: 2 } },
    });
    expect(move.status).toBe(200);
    expect(move.body).toMatchObject({ title: 'Onboarding', parentId: ids().pages.meetingNotes });
    const cycle = await call(site, 'PUT', `/wiki/api/v2/pages/${id}`, {
      json: { id, status: 'current', title: 'Onboarding', parentId: ids().pages.macSetup, body: storage('x'), version: { number: 3 } },
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body).toEqual(V2_ERROR(400, 'Cannot add an existing ancestor as a child!'));
    const dup = await call(site, 'PUT', `/wiki/api/v2/pages/${id}`, {
      json: { id, status: 'current', title: 'Data Model', body: storage('x'), version: { number: 3 } },
    });
    expect(dup.status).toBe(400);
  });

  it('DELETE: trash moves children up; trashed pages 404 unless asked; purge only from the trash', async () => {
    const id = ids().pages.devSetup;
    expect((await call(site, 'DELETE', `/wiki/api/v2/pages/${id}?purge=true`)).status).toBe(400);
    const del = await call(gateway, 'DELETE', `/wiki/api/v2/pages/${id}`);
    expect(del.status).toBe(204);
    expect(del.body).toBeUndefined();
    expect((await call(site, 'GET', `/wiki/api/v2/pages/${id}`)).status).toBe(404);
    expect((await call(site, 'GET', `/wiki/api/v2/pages/${id}?status=trashed`)).body).toMatchObject({ status: 'trashed' });
    const kids = await call(site, 'GET', `/wiki/api/v2/pages/${ids().pages.onboarding}/children`);
    expect((kids.body as { results: Array<{ title: string }> }).results.map((c) => c.title)).toEqual(['macOS Setup Notes', 'Linux Setup Notes', 'Coding Standards']);
    expect((await call(site, 'GET', `/wiki/api/v2/pages/${ids().pages.macSetup}`)).body).toMatchObject({ parentId: ids().pages.onboarding });
    expect((await call(site, 'DELETE', `/wiki/api/v2/pages/${id}`)).status).toBe(404);
    expect((await call(site, 'DELETE', `/wiki/api/v2/pages/${id}?purge=true`)).status).toBe(204);
    expect((await call(site, 'GET', `/wiki/api/v2/pages/${id}?status=trashed`)).status).toBe(404);
    // the title is free again once the page is in the trash
    const reuse = await call(site, 'POST', '/wiki/api/v2/pages', { json: { spaceId: ids().engSpaceId, title: 'Deprecated Build Notes', body: storage('new') } });
    expect(reuse.status).toBe(200);
  });

  it('drafts: created without a title, deleted with draft=true, published by PUT', async () => {
    const d = await call(site, 'POST', '/wiki/api/v2/pages', { json: { spaceId: ids().engSpaceId, status: 'draft', body: storage('idea') } });
    expect(d.status).toBe(200);
    const draft = d.body as PageBody;
    expect(draft.status).toBe('draft');
    expect((await call(site, 'DELETE', `/wiki/api/v2/pages/${draft.id}?draft=true`)).status).toBe(204);
    const publish = await call(site, 'PUT', `/wiki/api/v2/pages/${ids().draftPageId}`, {
      json: { id: ids().draftPageId, status: 'current', title: 'Q3 Roadmap', body: storage('Themes: reliability.'), version: { number: 1 } },
    });
    expect(publish.status).toBe(200);
    expect(publish.body).toMatchObject({ status: 'current', version: { number: 1 } });
    expect((await call(site, 'GET', `/wiki/api/v2/pages/${ids().draftPageId}`)).status).toBe(200);
  });

  it('POST /__sandbox/reset restores the seed', async () => {
    await call(site, 'DELETE', `/wiki/api/v2/pages/${ids().largePageId}`);
    expect((await call(site, 'GET', `/wiki/api/v2/pages/${ids().largePageId}`)).status).toBe(404);
    const res = await fetch(`${sb.siteUrl}/__sandbox/reset`, { method: 'POST' });
    expect(res.status).toBe(204);
    expect((await call(site, 'GET', `/wiki/api/v2/pages/${ids().largePageId}`)).status).toBe(200);
  });
});

it('every exchange of this file conforms to Atlassian’s OpenAPI specs', () => {
  if (!checker.available) return; // spec-check already printed why, once, to stderr
  expectConformance(checker, sb.exchanges);
});
