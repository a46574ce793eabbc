// Transitions, comments and worklogs on the Cloud site and the gateway: the workflow To Do → In
// Progress → In Review → Done (+ Reopen), resolutions, 400 for a transition the status does not
// offer; comments in ADF (mentions, code, tables, panels) and wiki markup, paging and permissions;
// worklogs with estimate adjustment.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { adf, expectJiraConformance, jiraTargets, send, type JiraTarget } from './jira-harness.ts';

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
type Transition = { id: string; name: string; to: { name: string }; fields?: Record<string, { required: boolean; allowedValues: Array<{ name: string }> }> };
type Fields = Record<string, unknown> & { status: { name: string }; resolution: { name: string } | null; resolutiondate: string | null };

async function fields(t: JiraTarget, key: string): Promise<Fields> {
  return ((await send(t, 'GET', `/rest/api/3/issue/${key}?fields=status,resolution,resolutiondate,comment`)).body as { fields: Fields }).fields;
}

describe('transitions', () => {
  it.each(['site', 'gateway'] as const)('walks the whole workflow, Done sets a resolution, Reopen clears it (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const key = ids().keys.addressStory;
    const start = await send(t, 'GET', `/rest/api/3/issue/${key}/transitions`);
    expect((start.body as { transitions: Transition[] }).transitions.map((x) => [x.id, x.name, x.to.name])).toEqual([['11', 'Start Progress', 'In Progress']]);
    for (const [id, status] of [
      [ids().transitions.start, 'In Progress'],
      [ids().transitions.review, 'In Review'],
      [ids().transitions.done, 'Done'],
    ] as const) {
      const r = await send(t, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id } });
      expect(r.status).toBe(204);
      expect((await fields(t, key)).status.name).toBe(status);
    }
    const done = await fields(t, key);
    expect(done.resolution).toMatchObject({ name: 'Done' });
    expect(done.resolutiondate).not.toBeNull();
    const fromDone = await send(t, 'GET', `/rest/api/3/issue/${key}/transitions`);
    expect((fromDone.body as { transitions: Transition[] }).transitions.map((x) => x.name)).toEqual(['Reopen']);
    expect((await send(t, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: ids().transitions.reopen } })).status).toBe(204);
    const reopened = await fields(t, key);
    expect(reopened).toMatchObject({ status: { name: 'To Do' }, resolution: null, resolutiondate: null });
    const history = await send(t, 'GET', `/rest/api/3/issue/${key}/changelog`);
    const items = (history.body as { values: Array<{ items: Array<{ field: string; toString?: string }> }> }).values.flatMap((h) => h.items.map((i) => `${i.field}:${i.toString ?? ''}`));
    expect(items).toEqual(['status:In Progress', 'status:In Review', 'status:Done', 'resolution:Done', 'status:To Do', 'resolution:']);
  });

  it('the Done screen takes a resolution and a comment; other fields are refused', async () => {
    const key = ids().keys.cartStory; // In Review
    const withFields = await send(site, 'GET', `/rest/api/3/issue/${key}/transitions?expand=transitions.fields`);
    const done = (withFields.body as { transitions: Transition[] }).transitions.find((x) => x.name === 'Done')!;
    expect(done.fields!.resolution!.allowedValues.map((r) => r.name)).toEqual(['Done', "Won't Do", 'Duplicate', 'Cannot Reproduce']);
    const refused = await send(site, 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '51' }, fields: { summary: 'x' } });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ errorMessages: [], errors: { summary: "Field 'summary' cannot be set. It is not on the appropriate screen, or unknown." } });
    const r = await send(site, 'POST', `/rest/api/3/issue/${key}/transitions`, {
      transition: { id: '51' },
      fields: { resolution: { name: "Won't Do" } },
      update: { comment: [{ add: { body: adf('Dropped from the release.') } }] },
    });
    expect(r.status).toBe(204);
    const after = await fields(site, key);
    expect(after.resolution).toMatchObject({ name: "Won't Do" });
    const comments = (after.comment as { comments: Array<{ body: unknown }> }).comments;
    expect(comments.at(-1)!.body).toEqual(adf('Dropped from the release.'));
  });

  it('a transition the status does not offer is a 400 in Jira’s words; a missing one too', async () => {
    const r = await send(gateway, 'POST', `/rest/api/3/issue/${ids().keys.addressStory}/transitions`, { transition: { id: ids().transitions.done } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errorMessages: ["Transition id '51' is not valid for this issue."], errors: {} });
    const none = await send(site, 'POST', `/rest/api/3/issue/${ids().keys.addressStory}/transitions`, { fields: {} });
    expect(none.status).toBe(400);
    expect((await send(site, 'POST', '/rest/api/3/issue/ENG-999/transitions', { transition: { id: '11' } })).status).toBe(404);
  });

  it('JQL sees the new status at once', async () => {
    await send(site, 'POST', `/rest/api/3/issue/${ids().keys.alertStory}/transitions`, { transition: { id: '11' } });
    const r = await send(site, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(`key = ${ids().keys.alertStory} AND status = "In Progress"`)}`);
    expect((r.body as { issues: unknown[] }).issues).toHaveLength(1);
  });
});

describe('comments', () => {
  type Comment = { id: string; body: unknown; author: { accountId: string }; updateAuthor: { accountId: string }; created: string; updated: string; renderedBody?: string; jsdPublic?: boolean };

  it.each(['site', 'gateway'] as const)('list, paged and ordered; the seeded bodies use mentions, code, tables and panels (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const first = await send(t, 'GET', `/rest/api/3/issue/${ids().keys.webhookBug}/comment?maxResults=2`);
    const page = first.body as { startAt: number; maxResults: number; total: number; comments: Comment[] };
    expect(page).toMatchObject({ startAt: 0, maxResults: 2, total: 4 });
    expect(page.comments.map((c) => c.id)).toEqual([ids().comments.mention, ids().comments.code]);
    expect(JSON.stringify(page.comments[0]!.body)).toContain(`"id":"${sb.seed.alice.accountId}"`);
    expect(JSON.stringify(page.comments[1]!.body)).toContain('"codeBlock"');
    const newest = await send(t, 'GET', `/rest/api/3/issue/${ids().keys.webhookBug}/comment?orderBy=-created&maxResults=2&expand=renderedBody`);
    const nb = (newest.body as { comments: Comment[] }).comments;
    expect(nb.map((c) => c.id)).toEqual([ids().comments.panel, ids().comments.table]);
    expect(nb[0]!.renderedBody).toContain('class="panel"');
    expect(nb[1]!.renderedBody).toContain('<table');
  });

  it('add, read, edit; v2 speaks wiki markup for the same comment', async () => {
    const key = ids().keys.refundBug;
    const body = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'mention', attrs: { id: sb.seed.bob.accountId, text: '@Bob Example' } }, { type: 'text', text: ' the template uses ' }, { type: 'text', text: 'order.currency', marks: [{ type: 'code' }] }] },
      ],
    };
    const added = await send(site, 'POST', `/rest/api/3/issue/${key}/comment`, { body });
    expect(added.status).toBe(201);
    const c = added.body as Comment;
    expect(c).toMatchObject({ body, author: { accountId: sb.seed.alice.accountId }, jsdPublic: true });
    expect(c.created).toBe(c.updated);
    const v2 = await send(site, 'GET', `/rest/api/2/issue/${key}/comment/${c.id}`);
    expect((v2.body as Comment).body).toBe(`[~accountid:${sb.seed.bob.accountId}] the template uses {{order.currency}}`);
    const edited = await send(gateway, 'PUT', `/rest/api/3/issue/${key}/comment/${c.id}`, { body: adf('Fixed in the template.') });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: c.id, body: adf('Fixed in the template.'), updateAuthor: { accountId: sb.seed.alice.accountId } });
    const viaV2 = await send(site, 'PUT', `/rest/api/2/issue/${key}/comment/${c.id}`, { body: 'Now *really* fixed.' });
    expect((viaV2.body as Comment).body).toBe('Now *really* fixed.');
    const v3 = await send(site, 'GET', `/rest/api/3/issue/${key}/comment/${c.id}`);
    expect((v3.body as Comment).body).toEqual({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Now ' }, { type: 'text', text: 'really', marks: [{ type: 'strong' }] }, { type: 'text', text: ' fixed.' }] }] });
  });

  it('refusals: empty body, a string on v3, someone else’s comment, an unknown comment', async () => {
    const key = ids().keys.refundBug;
    expect((await send(site, 'POST', `/rest/api/3/issue/${key}/comment`, { body: adf('   ') })).body).toEqual({ errorMessages: [], errors: { comment: 'Comment body can not be empty!' } });
    expect((await send(site, 'POST', `/rest/api/3/issue/${key}/comment`, { body: 'a string' })).body).toEqual({
      errorMessages: [],
      errors: { comment: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' },
    });
    // bob is not an ENG administrator: alice's comment is not his to edit
    const notHis = await send(bobSite, 'PUT', `/rest/api/3/issue/${ids().keys.webhookBug}/comment/${ids().comments.code}`, { body: adf('hijack') });
    expect(notHis.status).toBe(403);
    // his own he may edit, and alice (the project lead) may edit his
    expect((await send(bobSite, 'PUT', `/rest/api/3/issue/${ids().keys.webhookBug}/comment/${ids().comments.mention}`, { body: adf('ok') })).status).toBe(200);
    expect((await send(site, 'PUT', `/rest/api/3/issue/${ids().keys.webhookBug}/comment/${ids().comments.table}`, { body: adf('ok') })).status).toBe(200);
    expect((await send(site, 'GET', `/rest/api/3/issue/${key}/comment/99999`)).status).toBe(404);
    // a comment id of another issue is not found on this one
    expect((await send(site, 'GET', `/rest/api/3/issue/${key}/comment/${ids().comments.code}`)).status).toBe(404);
    expect((await send(site, 'DELETE', `/rest/api/3/issue/${ids().keys.loginBug}/comment/${ids().comments.login[0]}`)).status).toBe(204);
  });
});

describe('worklogs', () => {
  type Worklog = { id: string; timeSpent: string; timeSpentSeconds: number; started: string; comment?: unknown; author: { accountId: string } };

  it.each(['site', 'gateway'] as const)('list and add; auto adjusts the remaining estimate (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const key = ids().keys.webhookBug;
    const list = await send(t, 'GET', `/rest/api/3/issue/${key}/worklog`);
    const wl = list.body as { total: number; worklogs: Worklog[] };
    expect(wl.total).toBe(2);
    expect(wl.worklogs.map((w) => [w.id, w.timeSpent])).toEqual([
      [ids().worklogs[0], '2h'],
      [ids().worklogs[1], '1h 30m'],
    ]);
    const added = await send(t, 'POST', `/rest/api/3/issue/${key}/worklog`, { timeSpent: '1d 2h', started: '2026-11-20T09:00:00.000+0000', comment: adf('Load test of the fix.') });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ timeSpent: '1d 2h', timeSpentSeconds: 36_000, started: '2026-11-20T09:00:00.000+0000', comment: adf('Load test of the fix.'), author: { accountId: sb.seed.alice.accountId } });
    const tt = ((await send(t, 'GET', `/rest/api/3/issue/${key}?fields=timetracking,timespent`)).body as { fields: { timetracking: Record<string, unknown>; timespent: number } }).fields;
    expect(tt.timespent).toBe(12_600 + 36_000);
    expect(tt.timetracking).toMatchObject({ originalEstimate: '3d', remainingEstimate: '1d 2h 30m', timeSpent: '1d 5h 30m' });
  });

  it('estimate options, filters and refusals', async () => {
    const key = ids().keys.checkoutTask;
    const newEst = await send(site, 'POST', `/rest/api/3/issue/${key}/worklog?adjustEstimate=new&newEstimate=4h`, { timeSpentSeconds: 1800 });
    expect(newEst.status).toBe(201);
    expect(((await send(site, 'GET', `/rest/api/3/issue/${key}?fields=timeestimate`)).body as { fields: { timeestimate: number } }).fields.timeestimate).toBe(14_400);
    const after = await send(site, 'GET', `/rest/api/3/issue/${key}/worklog?startedAfter=${Date.now() - 60_000}`);
    expect((after.body as { worklogs: Worklog[] }).worklogs).toHaveLength(1);
    expect((await send(site, 'POST', `/rest/api/3/issue/${key}/worklog`, { comment: adf('no time') })).body).toEqual({ errorMessages: [], errors: { timeLogged: 'You must indicate the time spent working.' } });
    expect((await send(site, 'POST', `/rest/api/3/issue/${key}/worklog`, { timeSpent: 'a while' })).body).toEqual({ errorMessages: [], errors: { timeLogged: 'Invalid time duration entered.' } });
    const one = await send(site, 'GET', `/rest/api/3/issue/${ids().keys.webhookBug}/worklog/${ids().worklogs[1]}`);
    expect(one.body).toMatchObject({ id: ids().worklogs[1], author: { accountId: sb.seed.bob.accountId } });
  });
});

it('every exchange of this file conforms to jira-v3.json', () => {
  expectJiraConformance(checker, sb.exchanges);
});
