// Issue links, remote links, attachments, watchers and users on the Cloud site and the gateway:
// link directions as Jira names them, the XSRF header attachments need, the 303 to the bytes,
// accountId-based user search and assignable users.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { call, OFF_SPEC } from './harness.ts';
import { expectJiraConformance, jiraTargets, send, type JiraTarget } from './jira-harness.ts';

const checker = await loadSpecChecker();

let sb: Sandbox;
let site: JiraTarget;
let gateway: JiraTarget;
let bobSite: JiraTarget;
beforeAll(async () => {
  sb = await startSandbox();
  [site, gateway] = jiraTargets(sb);
  [bobSite] = jiraTargets(sb, 'bob');
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

const ids = () => sb.seed.jira;
type LinkEntry = { id: string; type: { name: string }; outwardIssue?: { key: string }; inwardIssue?: { key: string } };

async function links(t: JiraTarget, key: string): Promise<LinkEntry[]> {
  return ((await send(t, 'GET', `/rest/api/3/issue/${key}?fields=issuelinks`)).body as { fields: { issuelinks: LinkEntry[] } }).fields.issuelinks;
}

describe('issue links', () => {
  it('link types', async () => {
    const r = await send(site, 'GET', '/rest/api/3/issueLinkType');
    expect((r.body as { issueLinkTypes: Array<{ name: string; inward: string; outward: string }> }).issueLinkTypes.map((t) => [t.name, t.inward, t.outward])).toEqual([
      ['Blocks', 'is blocked by', 'blocks'],
      ['Cloners', 'is cloned by', 'clones'],
      ['Duplicate', 'is duplicated by', 'duplicates'],
      ['Relates', 'relates to', 'relates to'],
    ]);
    expect((await send(gateway, 'GET', `/rest/api/3/issueLinkType/${ids().linkTypes.blocks}`)).body).toMatchObject({ name: 'Blocks' });
  });

  it.each(['site', 'gateway'] as const)('create (inwardIssue blocks outwardIssue), read, delete (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const a = ids().keys.latencyBug;
    const b = ids().keys.cartStory;
    const r = await send(t, 'POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: a }, outwardIssue: { key: b } });
    expect(r.status).toBe(201);
    expect(r.bytes.length).toBe(0);
    const location = r.headers.get('location')!;
    expect(location.startsWith(`${t.root}/rest/api/3/issueLink/`)).toBe(true);
    const linkId = location.split('/').pop()!;
    // A blocks B: A shows B on its outward side, B shows A on its inward side
    expect((await links(t, a)).find((l) => l.id === linkId)).toMatchObject({ type: { name: 'Blocks' }, outwardIssue: { key: b } });
    expect((await links(t, b)).find((l) => l.id === linkId)).toMatchObject({ type: { name: 'Blocks' }, inwardIssue: { key: a } });
    const one = await send(t, 'GET', `/rest/api/3/issueLink/${linkId}`);
    expect(one.body).toMatchObject({ id: linkId, inwardIssue: { key: a }, outwardIssue: { key: b }, type: { outward: 'blocks' } });
    // the same link again is not duplicated
    await send(t, 'POST', '/rest/api/3/issueLink', { type: { name: 'Blocks' }, inwardIssue: { key: a }, outwardIssue: { key: b } });
    expect((await links(t, a)).filter((l) => l.type.name === 'Blocks')).toHaveLength(1);
    expect((await send(t, 'DELETE', `/rest/api/3/issueLink/${linkId}`)).status).toBe(204);
    expect((await links(t, b)).find((l) => l.id === linkId)).toBeUndefined();
    expect((await send(t, 'GET', `/rest/api/3/issueLink/${linkId}`)).status).toBe(404);
  });

  it('refusals: unknown type, unknown or hidden issue; a comment comes along', async () => {
    const unknownType = await send(site, 'POST', '/rest/api/3/issueLink', { type: { name: 'Follows' }, inwardIssue: { key: 'ENG-5' }, outwardIssue: { key: 'ENG-6' } });
    expect(unknownType.status).toBe(404);
    expect(unknownType.body).toEqual({ errorMessages: ["No issue link type with name 'Follows' found."], errors: {} });
    expect((await send(site, 'POST', '/rest/api/3/issueLink', { type: { name: 'Relates' }, inwardIssue: { key: 'ENG-5' }, outwardIssue: { key: 'ENG-999' } })).status).toBe(404);
    expect((await send(bobSite, 'POST', '/rest/api/3/issueLink', { type: { name: 'Relates' }, inwardIssue: { key: 'ENG-5' }, outwardIssue: { key: ids().keys.penTest } })).status).toBe(404);
    const withComment = await send(site, 'POST', '/rest/api/3/issueLink', {
      type: { id: ids().linkTypes.relates },
      inwardIssue: { key: ids().keys.refundBug },
      outwardIssue: { id: ids().issueIds.loginBug },
      comment: { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Same currency bug family.' }] }] } },
    });
    expect(withComment.status).toBe(201);
    const comments = await send(site, 'GET', `/rest/api/3/issue/${ids().keys.refundBug}/comment`);
    expect(JSON.stringify(comments.body)).toContain('Same currency bug family.');
  });

  it('links through the edit screen (update.issuelinks add)', async () => {
    const r = await send(site, 'PUT', `/rest/api/3/issue/${ids().keys.a11yStory}`, { update: { issuelinks: [{ add: { type: { name: 'Relates' }, outwardIssue: { key: ids().keys.cartStory } } }] } });
    expect(r.status).toBe(204);
    expect((await links(site, ids().keys.a11yStory)).map((l) => [l.type.name, l.outwardIssue?.key])).toEqual([['Relates', ids().keys.cartStory]]);
  });
});

describe('remote links', () => {
  it.each(['site', 'gateway'] as const)('list, create (201), update by globalId (200), get, delete (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const key = ids().keys.webhookBug;
    const list = await send(t, 'GET', `/rest/api/3/issue/${key}/remotelink`);
    expect(list.body).toEqual([
      {
        id: ids().remoteLinkId,
        self: `${t.root}/rest/api/3/issue/${key}/remotelink/${ids().remoteLinkId}`,
        globalId: 'github=acme/payments/pull/482',
        application: { type: 'com.github', name: 'GitHub' },
        relationship: 'mentioned in',
        object: { url: 'https://github.com/acme/payments/pull/482', title: 'PR #482: claim webhook events before inserting', summary: 'Fixes ENG-4', status: { resolved: false } },
      },
    ]);
    const body = { globalId: 'confluence=runbook', relationship: 'Wiki Page', object: { url: `${sb.siteUrl}/wiki/spaces/ENG/pages/1`, title: 'Webhook runbook' } };
    const created = await send(t, 'POST', `/rest/api/3/issue/${key}/remotelink`, body);
    expect(created.status).toBe(201);
    const id = (created.body as { id: number }).id;
    expect(created.body).toEqual({ id, self: `${t.root}/rest/api/3/issue/${key}/remotelink/${id}` });
    const updated = await send(t, 'POST', `/rest/api/3/issue/${key}/remotelink`, { ...body, object: { ...body.object, title: 'Webhook runbook (v2)' } });
    expect(updated.status).toBe(200);
    expect((updated.body as { id: number }).id).toBe(id);
    expect((await send(t, 'GET', `/rest/api/3/issue/${key}/remotelink/${id}`)).body).toMatchObject({ object: { title: 'Webhook runbook (v2)' } });
    expect((await send(t, 'GET', `/rest/api/3/issue/${key}/remotelink?globalId=confluence%3Drunbook`)).body).toMatchObject({ id });
    expect((await send(t, 'DELETE', `/rest/api/3/issue/${key}/remotelink/${id}`)).status).toBe(204);
    // deliberately invalid: the document requires object.url
    const missing = await send(t, 'POST', `/rest/api/3/issue/${key}/remotelink`, { object: { title: 'no url' } }, OFF_SPEC);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ errors: { url: expect.any(String) } });
  });
});

describe('attachments', () => {
  function form(name: string, type: string, content: string): FormData {
    const fd = new FormData();
    fd.append('file', new Blob([content], { type }), name);
    return fd;
  }

  it.each(['site', 'gateway'] as const)('upload needs X-Atlassian-Token: no-check; metadata; the content answers 303 then the bytes (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const key = ids().keys.refundBug;
    const refused = await call(t, 'POST', `/rest/api/3/issue/${key}/attachments`, { body: form('notes.txt', 'text/plain', 'hello') });
    expect(refused.status).toBe(403);
    expect(refused.body).toBe('XSRF check failed');
    const fd = form('notes.txt', 'text/plain', 'Grüße from the refund queue\n');
    fd.append('file', new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }), 'tiny.png');
    const up = await call(t, 'POST', `/rest/api/3/issue/${key}/attachments`, { body: fd, headers: { 'X-Atlassian-Token': 'no-check' } });
    expect(up.status).toBe(200);
    const [txt, png] = up.body as Array<{ id: string; filename: string; size: number; mimeType: string; content: string; thumbnail?: string; author: { accountId: string } }>;
    expect(txt).toMatchObject({ filename: 'notes.txt', size: Buffer.byteLength('Grüße from the refund queue\n'), mimeType: 'text/plain', author: { accountId: sb.seed.alice.accountId } });
    expect(txt!.content).toBe(`${t.root}/rest/api/3/attachment/content/${txt!.id}`);
    expect(txt!.thumbnail).toBeUndefined();
    expect(png!.thumbnail).toBe(`${t.root}/rest/api/3/attachment/thumbnail/${png!.id}`);

    const meta = await send(t, 'GET', `/rest/api/3/attachment/${txt!.id}`);
    expect(meta.body).toMatchObject({ id: Number(txt!.id), filename: 'notes.txt', properties: {} });
    const redirect = await call(t, 'GET', `/rest/api/3/attachment/content/${txt!.id}`, { redirect: 'manual' });
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe(`${t.root}/rest/api/3/attachment/content/${txt!.id}?redirect=false`);
    const followed = await call(t, 'GET', `/rest/api/3/attachment/content/${txt!.id}`);
    expect(followed.status).toBe(200);
    expect(followed.bytes.toString('utf8')).toBe('Grüße from the refund queue\n');
    expect(followed.headers.get('content-type')).toBe('text/plain');
  });

  it('seeded files download byte for byte; hidden or unknown ones are 404; delete', async () => {
    const png = await call(site, 'GET', `/rest/api/3/attachment/content/${ids().attachments.png}?redirect=false`);
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.headers.get('content-disposition')).toContain(ids().attachmentNames.png);
    expect((await send(site, 'GET', '/rest/api/3/attachment/99999')).status).toBe(404);
    const byBob = await send(bobSite, 'DELETE', `/rest/api/3/attachment/${ids().attachments.log}`);
    expect(byBob.status).toBe(403);
    expect((await send(site, 'DELETE', `/rest/api/3/attachment/${ids().attachments.log}`)).status).toBe(204);
    expect((await send(site, 'GET', `/rest/api/3/attachment/${ids().attachments.log}`)).status).toBe(404);
  });
});

describe('watchers and users', () => {
  it.each(['site', 'gateway'] as const)('watchers: list, add by accountId (or yourself), remove (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const key = ids().keys.a11yStory;
    const before = await send(t, 'GET', `/rest/api/3/issue/${key}/watchers`);
    expect(before.body).toMatchObject({ watchCount: 1, isWatching: false, watchers: [{ accountId: sb.seed.bob.accountId }] });
    expect((await send(t, 'POST', `/rest/api/3/issue/${key}/watchers`, sb.seed.alice.accountId)).status).toBe(204);
    const after = await send(t, 'GET', `/rest/api/3/issue/${key}/watchers`);
    expect(after.body).toMatchObject({ watchCount: 2, isWatching: true });
    expect((await send(t, 'DELETE', `/rest/api/3/issue/${key}/watchers?accountId=${encodeURIComponent(sb.seed.alice.accountId)}`)).status).toBe(204);
    // without a body the caller watches (the document marks the body required; Jira does not)
    const self = await call(t, 'POST', `/rest/api/3/issue/${key}/watchers`, { headers: { 'content-type': 'application/json', ...OFF_SPEC } });
    expect(self.status).toBe(204);
    expect((await send(t, 'GET', `/rest/api/3/issue/${key}/watchers`)).body).toMatchObject({ isWatching: true });
    const unknown = await send(t, 'POST', `/rest/api/3/issue/${key}/watchers`, '712020:ghost');
    expect(unknown.status).toBe(404);
    const removeOther = await send(bobSite, 'DELETE', `/rest/api/3/issue/${key}/watchers?accountId=${encodeURIComponent(sb.seed.alice.accountId)}`);
    expect(removeOther.status).toBe(403);
  });

  it('users: by accountId, search, assignable for a project or an issue', async () => {
    const u = await send(site, 'GET', `/rest/api/3/user?accountId=${encodeURIComponent(sb.seed.bob.accountId)}&expand=groups`);
    expect(u.body).toMatchObject({ accountId: sb.seed.bob.accountId, displayName: 'Bob Example', accountType: 'atlassian', active: true, groups: { size: 3 } });
    expect((await send(site, 'GET', '/rest/api/3/user?accountId=712020%3Aghost')).status).toBe(404);
    expect((await send(site, 'GET', '/rest/api/3/user', undefined, OFF_SPEC)).status).toBe(400);
    const found = await send(gateway, 'GET', '/rest/api/3/user/search?query=bob');
    expect((found.body as Array<{ accountId: string }>).map((x) => x.accountId)).toEqual([sb.seed.bob.accountId]);
    const byMail = await send(gateway, 'GET', '/rest/api/3/user/search?query=alice%40example.com');
    expect((byMail.body as Array<{ displayName: string }>).map((x) => x.displayName)).toEqual(['Alice Example']);
    expect((await send(site, 'GET', '/rest/api/3/user/search')).status).toBe(400);
    const eng = await send(site, 'GET', '/rest/api/3/user/assignable/search?project=ENG');
    expect((eng.body as unknown[]).length).toBe(2);
    const sec = await send(site, 'GET', `/rest/api/3/user/assignable/search?issueKey=${ids().keys.penTest}`);
    expect((sec.body as Array<{ displayName: string }>).map((x) => x.displayName)).toEqual(['Alice Example']);
    const q = await send(site, 'GET', '/rest/api/3/user/assignable/search?project=ENG&query=ali');
    expect((q.body as Array<{ displayName: string }>).map((x) => x.displayName)).toEqual(['Alice Example']);
    expect((await send(site, 'GET', '/rest/api/3/user/assignable/search?query=a')).status).toBe(400);
  });
});

it('every exchange of this file conforms to jira-v3.json', () => {
  expectJiraConformance(checker, sb.exchanges);
});
