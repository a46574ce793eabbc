// Confluence v2 footer and inline comments: root lists, replies, single comments in several body
// formats, creation (replies, inline anchors that must exist on the page), on the site and the gateway.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { call, collectPages, expectConformance, targets, V2_ERROR, type Target } from './harness.ts';

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
beforeEach(() => sb.reset());

const ids = () => sb.seed.confluence;

interface CommentBody {
  id: string;
  status: string;
  title: string;
  pageId?: string;
  parentCommentId?: string;
  version: { number: number; authorId: string; createdAt: string };
  body: Record<string, { representation: string; value: string }>;
  resolutionStatus?: string;
  properties?: { inlineMarkerRef?: string; inlineOriginalSelection?: string };
  _links: { webui: string; base?: string };
}

describe('reading comments', () => {
  it.each(['site', 'gateway'] as const)('footer comments of a page: roots only, replies under /children (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const { items, pages } = await collectPages<CommentBody>(t, `/wiki/api/v2/pages/${ids().pages.releaseProcess}/footer-comments?body-format=storage&limit=1`);
    expect(pages).toBe(2);
    expect(items.map((c) => c.id)).toEqual([ids().footerCommentId, ids().secondFooterCommentId]);
    expect(items[0]).toMatchObject({
      status: 'current',
      title: 'Re: Release Process',
      pageId: ids().pages.releaseProcess,
      version: { number: 1, authorId: sb.seed.bob.accountId },
      body: { storage: { representation: 'storage', value: '<p>Should we freeze merges on Monday instead of Tuesday?</p>' } },
    });
    expect(items[0]!._links.webui).toBe(`/spaces/ENG/pages/${ids().pages.releaseProcess}/Release+Process?focusedCommentId=${ids().footerCommentId}#comment-${ids().footerCommentId}`);
    const replies = await call(t, 'GET', `/wiki/api/v2/footer-comments/${ids().footerCommentId}/children?body-format=storage`);
    expect(replies.status).toBe(200);
    const r = (replies.body as { results: CommentBody[] }).results;
    expect(r.map((c) => c.id)).toEqual(ids().footerReplyIds);
    expect(r[0]).toMatchObject({ parentCommentId: ids().footerCommentId, version: { authorId: sb.seed.alice.accountId } });
    const newestFirst = await call(t, 'GET', `/wiki/api/v2/pages/${ids().pages.releaseProcess}/footer-comments?sort=-created-date`);
    expect((newestFirst.body as { results: CommentBody[] }).results.map((c) => c.id)).toEqual([ids().secondFooterCommentId, ids().footerCommentId]);
  });

  it('one footer comment in storage, view and ADF; a reply names its parent', async () => {
    const one = await call(site, 'GET', `/wiki/api/v2/footer-comments/${ids().footerReplyIds[0]}?body-format=storage`);
    expect(one.body).toMatchObject({
      id: ids().footerReplyIds[0],
      pageId: ids().pages.releaseProcess,
      parentCommentId: ids().footerCommentId,
      body: { storage: { value: '<p>Tuesday works better for the Sydney office.</p>' } },
      _links: { base: `${sb.siteUrl}/wiki` },
    });
    const view = await call(gateway, 'GET', `/wiki/api/v2/footer-comments/${ids().footerCommentId}?body-format=view`);
    expect((view.body as CommentBody).body.view!.value).toBe('<p>Should we freeze merges on Monday instead of Tuesday?</p>');
    const adf = await call(site, 'GET', `/wiki/api/v2/footer-comments/${ids().footerCommentId}?body-format=atlas_doc_format`);
    expect(JSON.parse((adf.body as CommentBody).body.atlas_doc_format!.value)).toEqual({
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Should we freeze merges on Monday instead of Tuesday?' }] }],
    });
    expect((await call(site, 'GET', `/wiki/api/v2/footer-comments/${ids().inlineCommentId}`)).status).toBe(404);
    expect((await call(site, 'GET', '/wiki/api/v2/footer-comments/99999999')).body).toEqual(V2_ERROR(404));
  });

  it('inline comments: anchor properties, resolution filter, replies', async () => {
    const open = await call(site, 'GET', `/wiki/api/v2/pages/${ids().largePageId}/inline-comments?body-format=storage`);
    const [ic] = (open.body as { results: CommentBody[] }).results;
    expect(ic).toMatchObject({
      id: ids().inlineCommentId,
      resolutionStatus: 'open',
      properties: { inlineOriginalSelection: ids().inlineSelection, inlineMarkerRef: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    const storage = (await call(site, 'GET', `/wiki/api/v2/pages/${ids().largePageId}?body-format=storage`)).body as { body: { storage: { value: string } } };
    expect(storage.body.storage.value).toContain(`<ac:inline-comment-marker ac:ref="${ic!.properties!.inlineMarkerRef}">${ids().inlineSelection}</ac:inline-comment-marker>`);

    const resolved = await call(gateway, 'GET', `/wiki/api/v2/pages/${ids().pages.releaseChecklist}/inline-comments?resolution-status=resolved`);
    expect((resolved.body as { results: CommentBody[] }).results.map((c) => c.id)).toEqual([ids().resolvedInlineCommentId]);
    const none = await call(gateway, 'GET', `/wiki/api/v2/pages/${ids().pages.releaseChecklist}/inline-comments?resolution-status=open`);
    expect((none.body as { results: CommentBody[] }).results).toEqual([]);

    const single = await call(site, 'GET', `/wiki/api/v2/inline-comments/${ids().resolvedInlineCommentId}`);
    expect(single.body).toMatchObject({ resolutionStatus: 'resolved', resolutionLastModifierId: sb.seed.bob.accountId, properties: { inlineOriginalSelection: 'Tag the release commit' } });
    const replies = await call(site, 'GET', `/wiki/api/v2/inline-comments/${ids().inlineCommentId}/children`);
    expect((replies.body as { results: CommentBody[] }).results.map((c) => c.id)).toEqual([ids().inlineReplyId]);
  });
});

describe('creating comments', () => {
  const storage = (text: string) => ({ representation: 'storage', value: `<p>${text}</p>` });

  it.each(['site', 'gateway'] as const)('footer comment and a reply (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const created = await call(t, 'POST', '/wiki/api/v2/footer-comments', { json: { pageId: ids().pages.hotfix, body: storage('Who approves on weekends?') } });
    expect(created.status).toBe(201);
    const c = created.body as CommentBody;
    expect(c).toMatchObject({ pageId: ids().pages.hotfix, title: 'Re: Hotfix Procedure', version: { number: 1, authorId: sb.seed.alice.accountId } });
    expect(created.headers.get('location')).toBe(`${sb.siteUrl}/wiki/api/v2/footer-comments/${c.id}`);
    const reply = await call(t, 'POST', '/wiki/api/v2/footer-comments', { json: { parentCommentId: c.id, body: { representation: 'wiki', value: 'The *on-call* lead.' } } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ parentCommentId: c.id, pageId: ids().pages.hotfix, body: { storage: { value: '<p>The <strong>on-call</strong> lead.</p>' } } });
    const roots = await call(t, 'GET', `/wiki/api/v2/pages/${ids().pages.hotfix}/footer-comments`);
    expect((roots.body as { results: CommentBody[] }).results.map((x) => x.id)).toEqual([c.id]);
  });

  it('footer comment refusals: no target, both targets, unknown page, empty body', async () => {
    expect((await call(site, 'POST', '/wiki/api/v2/footer-comments', { json: { body: storage('x') } })).status).toBe(400);
    expect((await call(site, 'POST', '/wiki/api/v2/footer-comments', { json: { pageId: ids().pages.hotfix, parentCommentId: ids().footerCommentId, body: storage('x') } })).status).toBe(400);
    expect((await call(site, 'POST', '/wiki/api/v2/footer-comments', { json: { pageId: '31337', body: storage('x') } })).status).toBe(404);
    expect((await call(site, 'POST', '/wiki/api/v2/footer-comments', { json: { pageId: ids().pages.hotfix, body: { representation: 'storage', value: '' } } })).status).toBe(400);
  });

  it('inline comment: the selection must be on the page; the page gets a marker', async () => {
    const selection = 'A hotfix skips the train';
    const created = await call(gateway, 'POST', '/wiki/api/v2/inline-comments', {
      json: {
        pageId: ids().pages.hotfix,
        body: storage('Not if the release is frozen.'),
        inlineCommentProperties: { textSelection: selection, textSelectionMatchCount: 1, textSelectionMatchIndex: 0 },
      },
    });
    expect(created.status).toBe(201);
    const c = created.body as CommentBody;
    expect(c).toMatchObject({ resolutionStatus: 'open', properties: { inlineOriginalSelection: selection } });
    const page = await call(site, 'GET', `/wiki/api/v2/pages/${ids().pages.hotfix}?body-format=storage`);
    expect((page.body as { body: { storage: { value: string } }; version: { number: number } }).body.storage.value).toContain(
      `<ac:inline-comment-marker ac:ref="${c.properties!.inlineMarkerRef}">${selection}</ac:inline-comment-marker>`,
    );
    expect((page.body as { version: { number: number } }).version.number).toBe(1);

    const missing = await call(site, 'POST', '/wiki/api/v2/inline-comments', {
      json: { pageId: ids().pages.hotfix, body: storage('?'), inlineCommentProperties: { textSelection: 'not on this page', textSelectionMatchCount: 1, textSelectionMatchIndex: 0 } },
    });
    expect(missing.status).toBe(400);
    expect((missing.body as { errors: Array<{ title: string }> }).errors[0]!.title).toMatch(/text selection was not found/);
    const badIndex = await call(site, 'POST', '/wiki/api/v2/inline-comments', {
      json: { pageId: ids().pages.hotfix, body: storage('?'), inlineCommentProperties: { textSelection: 'review', textSelectionMatchCount: 1, textSelectionMatchIndex: 1 } },
    });
    expect(badIndex.status).toBe(400);
    const noProps = await call(site, 'POST', '/wiki/api/v2/inline-comments', { json: { pageId: ids().pages.hotfix, body: storage('?') } });
    expect(noProps.status).toBe(400);
    const reply = await call(site, 'POST', '/wiki/api/v2/inline-comments', { json: { parentCommentId: c.id, body: storage('Agreed.') } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ parentCommentId: c.id, properties: { inlineMarkerRef: c.properties!.inlineMarkerRef } });
  });

  it('the second of two matches can be chosen', async () => {
    const created = await call(site, 'POST', '/wiki/api/v2/inline-comments', {
      json: {
        pageId: ids().pages.releaseProcess,
        body: storage('Which release?'),
        inlineCommentProperties: { textSelection: 'release', textSelectionMatchCount: 2, textSelectionMatchIndex: 1 },
      },
    });
    expect(created.status).toBe(201);
    const ref = (created.body as CommentBody).properties!.inlineMarkerRef!;
    const page = await call(site, 'GET', `/wiki/api/v2/pages/${ids().pages.releaseProcess}?body-format=storage`);
    const value = (page.body as { body: { storage: { value: string } } }).body.storage.value;
    expect(value).toContain(`Every <ac:inline-comment-marker ac:ref="${ref}">release</ac:inline-comment-marker> can be rolled back`);
  });
});

it('every exchange of this file conforms to Atlassian’s OpenAPI specs', () => {
  if (!checker.available) return;
  expectConformance(checker, sb.exchanges);
});
