// Jira Data Center at `${dcUrl}/jira` with a personal access token: REST v2 only (wiki markup,
// users by username/key, Epic Link and Epic Name, Greenhopper sprint strings), the classic
// startAt/total search, createmeta `values`, custom field options, watchers by username, the
// /secure/attachment servlet and the agile API. The same store backs Cloud and DC, so a write on
// one is visible on the other. No OpenAPI document covers Data Center (all "not covered").

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { bearer, call } from './harness.ts';
import { dcTarget, expectJiraConformance, jiraTargets, send, type JiraTarget } from './jira-harness.ts';

const checker = await loadSpecChecker();

let sb: Sandbox;
let dc: JiraTarget;
let bobDc: JiraTarget;
let cloud: JiraTarget;
beforeAll(async () => {
  sb = await startSandbox();
  dc = dcTarget(sb);
  bobDc = dcTarget(sb, 'bob');
  [cloud] = jiraTargets(sb);
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

const ids = () => sb.seed.jira;
const base = () => `${sb.dcUrl}/jira`;
type Issue = { id: string; key: string; self: string; fields: Record<string, unknown>; changelog?: { histories: Array<{ items: Array<Record<string, unknown>> }> } };

describe('reading', () => {
  it('an issue in the Data Center representation', async () => {
    const r = await send(dc, 'GET', `/rest/api/2/issue/${ids().keys.webhookBug}?expand=changelog`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-ausername')).toBe('alice');
    const issue = r.body as Issue;
    expect(issue.self).toBe(`${base()}/rest/api/2/issue/${ids().issueIds.webhookBug}`);
    const f = issue.fields;
    expect(f.assignee).toEqual({
      self: `${base()}/rest/api/2/user?username=alice`,
      name: 'alice',
      key: sb.seed.alice.dc.jiraKey,
      emailAddress: 'alice@example.com',
      avatarUrls: expect.any(Object),
      displayName: 'Alice Example',
      active: true,
      timeZone: 'Europe/Berlin',
    });
    expect(f.description).toContain('[~bob]');
    expect(f.customfield_10013).toBe(ids().keys.checkoutEpic); // Epic Link
    expect(f.parent).toBeUndefined(); // on DC an epic is not a parent
    const sprints = f.customfield_10010 as string[];
    expect(sprints).toHaveLength(2);
    expect(sprints[1]).toMatch(/^com\.atlassian\.greenhopper\.service\.sprint\.Sprint@[0-9a-f]+\[id=3,rapidViewId=1,state=ACTIVE,name=ENG Sprint 3,/);
    expect(f.issuetype).not.toHaveProperty('hierarchyLevel');
    const assigneeChange = issue.changelog!.histories.flatMap((h) => h.items).find((i) => i.field === 'assignee')!;
    expect(assigneeChange).toEqual({ field: 'assignee', fieldtype: 'jira', from: 'bob', fromString: 'Bob Example', to: 'alice', toString: 'Alice Example' });
    const epic = await send(dc, 'GET', `/rest/api/2/issue/${ids().keys.checkoutEpic}?fields=customfield_10014`);
    expect((epic.body as Issue).fields.customfield_10014).toBe('Checkout revamp');
  });

  it('only v2 exists, and Cloud-only resources do not', async () => {
    for (const path of [`/rest/api/3/issue/${ids().keys.webhookBug}`, '/rest/api/2/search/jql?jql=project%3DENG', `/rest/api/2/issue/${ids().keys.webhookBug}/changelog`]) {
      const r = await send(dc, 'GET', path);
      expect(r.status, path).toBe(404);
      expect(r.body).toEqual({ errorMessages: [`null for uri: ${base()}${path.split('?')[0]}`], errors: {} });
    }
    // `search` reads as a project key there
    expect((await send(dc, 'GET', '/rest/api/2/project/search')).body).toEqual({ errorMessages: ["No project could be found with key 'search'."], errors: {} });
  });

  it('a bad PAT is a 401 with Seraph headers', async () => {
    const r = await call({ name: 'site', root: base(), auth: bearer('not-a-token') }, 'GET', '/rest/api/2/issue/ENG-1');
    expect(r.status).toBe(401);
    expect(r.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    expect(r.body).toEqual({ errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} });
  });
});

describe('search', () => {
  it('GET and POST /search with startAt, maxResults and total', async () => {
    const seen = new Set<string>();
    for (let startAt = 0; startAt < ids().dataIssueCount; startAt += 200) {
      const r =
        startAt % 400 === 0
          ? await send(dc, 'GET', `/rest/api/2/search?jql=${encodeURIComponent('project = DATA ORDER BY key ASC')}&startAt=${startAt}&maxResults=200&fields=summary`)
          : await send(dc, 'POST', '/rest/api/2/search', { jql: 'project = DATA ORDER BY key ASC', startAt, maxResults: 200, fields: ['summary'] });
      const body = r.body as { startAt: number; maxResults: number; total: number; issues: Issue[] };
      expect(body).toMatchObject({ startAt, maxResults: 200, total: ids().dataIssueCount });
      for (const i of body.issues) seen.add(i.key);
    }
    expect(seen.size).toBe(ids().dataIssueCount);
    const navigable = await send(dc, 'GET', `/rest/api/2/search?jql=${encodeURIComponent(`key = ${ids().keys.loginBug}`)}`);
    const fields = Object.keys((navigable.body as { issues: Issue[] }).issues[0]!.fields);
    expect(fields).toContain('summary');
    expect(fields).not.toContain('comment');
    const mine = await send(bobDc, 'POST', '/rest/api/2/search', { jql: 'assignee = currentUser() AND project = OPS ORDER BY key ASC', fields: ['summary'] });
    expect((mine.body as { issues: Issue[] }).issues.map((i) => i.key)).toEqual(['OPS-2', 'OPS-3', 'OPS-5']);
    const byName = await send(dc, 'POST', '/rest/api/2/search', { jql: 'assignee = bob AND "Epic Link" = ENG-3', fields: ['summary'] });
    expect((byName.body as { total: number }).total).toBe(2);
    const bad = await send(dc, 'GET', `/rest/api/2/search?jql=${encodeURIComponent('project = ENG AND')}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ errorMessages: ['Error in the JQL Query: Expecting a field name at the end of the query.'], errors: {} });
  });
});

describe('writing', () => {
  it('create an epic (Epic Name required) and a story linked to it (Epic Link); wiki markup in, ADF on Cloud', async () => {
    const noName = await send(dc, 'POST', '/rest/api/2/issue', { fields: { project: { key: 'ENG' }, issuetype: { name: 'Epic' }, summary: 'Wallets' } });
    expect(noName.body).toEqual({ errorMessages: [], errors: { customfield_10014: 'Epic Name is required.' } });
    const epic = await send(dc, 'POST', '/rest/api/2/issue', { fields: { project: { key: 'ENG' }, issuetype: { name: 'Epic' }, summary: 'Wallets', customfield_10014: 'Wallets' } });
    expect(epic.status).toBe(201);
    const epicKey = (epic.body as { key: string }).key;
    expect((epic.body as { self: string }).self.startsWith(`${base()}/rest/api/2/issue/`)).toBe(true);
    const story = await send(dc, 'POST', '/rest/api/2/issue', {
      fields: {
        project: { key: 'ENG' },
        issuetype: { name: 'Story' },
        summary: 'Apple Pay',
        description: 'Ask [~bob] about the *merchant id*.',
        assignee: { name: 'bob' },
        customfield_10013: epicKey,
      },
    });
    expect(story.status).toBe(201);
    const key = (story.body as { key: string }).key;
    const onCloud = (await send(cloud, 'GET', `/rest/api/3/issue/${key}?fields=parent,description,assignee`)).body as Issue;
    expect(onCloud.fields.parent).toMatchObject({ key: epicKey });
    expect(onCloud.fields.assignee).toMatchObject({ accountId: sb.seed.bob.accountId });
    expect(JSON.stringify(onCloud.fields.description)).toContain(`"id":"${sb.seed.bob.accountId}"`);
    expect((await send(dc, 'POST', '/rest/api/2/issue', { fields: { project: { key: 'ENG' }, issuetype: { name: 'Story' }, summary: 'x', parent: { key: epicKey } } })).status).toBe(400);
    const unknownUser = await send(dc, 'POST', '/rest/api/2/issue', { fields: { project: { key: 'ENG' }, issuetype: { name: 'Task' }, summary: 'x', assignee: { name: 'carol' } } });
    expect(unknownUser.body).toEqual({ errorMessages: [], errors: { assignee: "User 'carol' does not exist." } });
  });

  it('assign by username; watchers by username; comments in wiki markup', async () => {
    const key = ids().keys.addressStory;
    expect((await send(dc, 'PUT', `/rest/api/2/issue/${key}/assignee`, { name: 'bob' })).status).toBe(204);
    expect((await send(dc, 'PUT', `/rest/api/2/issue/${key}/assignee`, { name: 'nobody-here' })).status).toBe(400);
    expect(((await send(dc, 'GET', `/rest/api/2/issue/${key}?fields=assignee`)).body as Issue).fields.assignee).toMatchObject({ name: 'bob' });
    expect((await send(dc, 'POST', `/rest/api/2/issue/${key}/watchers`, 'alice')).status).toBe(204);
    const watchers = await send(dc, 'GET', `/rest/api/2/issue/${key}/watchers`);
    expect((watchers.body as { watchers: Array<{ name: string }> }).watchers.map((w) => w.name)).toContain('alice');
    expect((await send(dc, 'DELETE', `/rest/api/2/issue/${key}/watchers?username=alice`)).status).toBe(204);
    const c = await send(dc, 'POST', `/rest/api/2/issue/${key}/comment`, { body: 'h3. Note\n[~bob] please check {{address.zip}}' });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ body: 'h3. Note\n\n[~bob] please check {{address.zip}}', author: { name: 'alice' } });
    expect(c.body).not.toHaveProperty('jsdPublic');
  });

  it('transitions and the changelog in usernames', async () => {
    const key = ids().keys.alertStory;
    const list = await send(dc, 'GET', `/rest/api/2/issue/${key}/transitions`);
    expect((list.body as { transitions: Array<{ name: string }> }).transitions.map((t) => t.name)).toEqual(['Start Progress']);
    expect((await send(dc, 'POST', `/rest/api/2/issue/${key}/transitions`, { transition: { id: '11' } })).status).toBe(204);
    expect((await send(dc, 'POST', `/rest/api/2/issue/${key}/transitions`, { transition: { id: '11' } })).body).toEqual({ errorMessages: ["Transition id '11' is not valid for this issue."], errors: {} });
  });

  it('attachments: upload, then the bytes from /secure/attachment', async () => {
    const fd = new FormData();
    fd.append('file', new Blob(['dc bytes\n'], { type: 'text/plain' }), 'dc notes.txt');
    const up = await call(dc, 'POST', `/rest/api/2/issue/${ids().keys.refundBug}/attachments`, { body: fd, headers: { 'X-Atlassian-Token': 'no-check' } });
    expect(up.status).toBe(200);
    const [att] = up.body as Array<{ id: string; content: string; author: { name: string } }>;
    expect(att!.author.name).toBe('alice');
    expect(att!.content).toBe(`${base()}/secure/attachment/${att!.id}/dc%20notes.txt`);
    const bytes = await call(dc, 'GET', att!.content.slice(base().length));
    expect(bytes.bytes.toString()).toBe('dc bytes\n');
  });
});

describe('metadata and users', () => {
  it('createmeta pages carry `values`; custom field options; the field list has Epic Link', async () => {
    const types = await send(dc, 'GET', '/rest/api/2/issue/createmeta/ENG/issuetypes');
    expect(types.body).toMatchObject({ startAt: 0, total: 5, isLast: true });
    expect((types.body as { values: Array<{ name: string }> }).values.map((v) => v.name)).toEqual(['Epic', 'Story', 'Task', 'Bug', 'Subtask']);
    const epicFields = await send(dc, 'GET', '/rest/api/2/issue/createmeta/ENG/issuetypes/10000');
    const values = (epicFields.body as { values: Array<{ fieldId: string; required: boolean }> }).values;
    expect(values.filter((v) => v.required).map((v) => v.fieldId)).toEqual(['summary', 'issuetype', 'project', 'reporter', 'customfield_10014']);
    const story = await send(dc, 'GET', '/rest/api/2/issue/createmeta/ENG/issuetypes/10001');
    expect((story.body as { values: Array<{ fieldId: string }> }).values.map((v) => v.fieldId)).toContain('customfield_10013');
    const options = await send(dc, 'GET', '/rest/api/2/customFields/10012/options?maxResults=2');
    expect(options.body).toEqual({ maxResults: 2, startAt: 0, total: 6, isLast: false, values: [{ id: 10020, value: 'Platform', disabled: false }, { id: 10021, value: 'Payments', disabled: false }] });
    const fields = await send(dc, 'GET', '/rest/api/2/field');
    const list = fields.body as Array<{ id: string; key?: string }>;
    expect(list.map((f) => f.id)).toContain('customfield_10013');
    expect(list[0]).not.toHaveProperty('key');
  });

  it('users by username, search, assignable; myself; serverInfo says Server', async () => {
    expect((await send(dc, 'GET', '/rest/api/2/user?username=bob')).body).toMatchObject({ name: 'bob', key: sb.seed.bob.dc.jiraKey, deleted: false });
    expect((await send(dc, 'GET', `/rest/api/2/user?key=${sb.seed.bob.dc.jiraKey}`)).body).toMatchObject({ name: 'bob' });
    expect((await send(dc, 'GET', '/rest/api/2/user?username=carol')).body).toEqual({ errorMessages: ["The user named 'carol' does not exist"], errors: {} });
    expect(((await send(dc, 'GET', '/rest/api/2/user/search?username=ali')).body as Array<{ name: string }>).map((u) => u.name)).toEqual(['alice']);
    expect((await send(dc, 'GET', '/rest/api/2/user/search?query=ali')).status).toBe(400);
    const assignable = await send(bobDc, 'GET', '/rest/api/2/user/assignable/search?project=ENG&username=b');
    expect((assignable.body as Array<{ name: string }>).map((u) => u.name)).toEqual(['bob']);
    expect((await send(bobDc, 'GET', '/rest/api/2/user/assignable/search?project=SEC')).status).toBe(404);
    expect((await send(bobDc, 'GET', '/rest/api/2/myself')).body).toMatchObject({ name: 'bob' });
    expect((await send(dc, 'GET', '/rest/api/2/serverInfo')).body).toMatchObject({ deploymentType: 'Server', versionNumbers: [9, 12, 15] });
  });

  it('projects: the full list (no /project/search on DC) and one project', async () => {
    const list = await send(bobDc, 'GET', '/rest/api/2/project');
    expect((list.body as Array<{ key: string; projectKeys: string[] }>).map((p) => p.key)).toEqual(['ENG', 'OPS', 'DATA']);
    expect((await send(dc, 'GET', '/rest/api/2/project/SEC')).body).toMatchObject({ key: 'SEC', projectKeys: ['SEC'], archived: false });
  });
});

describe('agile on Data Center', () => {
  it('boards, sprints and sprint issues', async () => {
    const boards = await send(dc, 'GET', '/rest/agile/1.0/board');
    expect((boards.body as { values: Array<{ self: string }> }).values[0]!.self).toBe(`${base()}/rest/agile/1.0/board/1`);
    const sprints = await send(dc, 'GET', `/rest/agile/1.0/board/${ids().boards.eng}/sprint?state=active`);
    expect((sprints.body as { values: Array<{ id: number }> }).values.map((s) => s.id)).toEqual([ids().sprints.active]);
    const issues = await send(dc, 'GET', `/rest/agile/1.0/sprint/${ids().sprints.active}/issue?fields=summary,assignee&maxResults=3`);
    const page = issues.body as { total: number; issues: Array<{ fields: { assignee: { name: string } | null } }> };
    expect(page.total).toBe(13);
    expect(page.issues[0]!.fields.assignee).toMatchObject({ name: 'alice' });
    expect((await send(dc, 'POST', '/rest/agile/1.0/sprint', { name: 'DC sprint', originBoardId: ids().boards.eng })).status).toBe(201);
  });
});

it('Data Center exchanges are not covered by jira-v3.json; the Cloud ones of this file conform', () => {
  expectJiraConformance(checker, sb.exchanges, { allowUnchecked: true });
  expect(checker.check(sb.exchanges.filter((e) => e.listener === 'dc')).checked).toBe(0);
});
