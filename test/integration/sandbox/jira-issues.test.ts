// Jira issues on the Cloud site and through the gateway: get with fields/expand, ADF (v3) and
// wiki markup (v2), create with required-field errors, bulk create, edit with fields and update
// operations, assign, delete, change history (paged and bulk), permissions.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { adf, expectJiraConformance, JIRA_ERROR, jiraTargets, send, type JiraTarget } from './jira-harness.ts';

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
type Issue = { id: string; key: string; self: string; fields: Record<string, unknown>; [k: string]: unknown };

describe('reading an issue', () => {
  it.each(['site', 'gateway'] as const)('ENG webhook bug with all fields (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const r = await send(t, 'GET', `/rest/api/3/issue/${ids().keys.webhookBug}`);
    expect(r.status).toBe(200);
    const issue = r.body as Issue;
    expect(issue).toMatchObject({ id: ids().issueIds.webhookBug, key: 'ENG-4', self: `${t.root}/rest/api/3/issue/${ids().issueIds.webhookBug}` });
    const f = issue.fields;
    expect(f).toMatchObject({
      summary: 'Payment webhook retries drop events',
      issuetype: { name: 'Bug', subtask: false, hierarchyLevel: 0 },
      project: { key: 'ENG', name: 'Engineering' },
      status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
      priority: { name: 'High' },
      assignee: { accountId: sb.seed.alice.accountId, displayName: 'Alice Example' },
      reporter: { accountId: sb.seed.bob.accountId },
      labels: ['payments', 'customer'],
      parent: { key: ids().keys.checkoutEpic, fields: { issuetype: { name: 'Epic' } } },
      customfield_10011: 5,
      customfield_10012: { value: 'Payments', id: ids().team.options.payments },
      resolution: null,
    });
    expect((f.customfield_10010 as Array<{ id: number; state: string }>).map((s) => [s.id, s.state])).toEqual([
      [ids().sprints.closed2, 'closed'],
      [ids().sprints.active, 'active'],
    ]);
    expect(f.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    // rich text is ADF on v3: a mention, a code block, a table and a panel in the description
    const description = JSON.stringify(f.description);
    for (const node of ['"mention"', '"codeBlock"', '"table"', '"panel"', '"heading"']) expect(description).toContain(node);
    expect((f.subtasks as Issue[]).map((s) => s.key)).toEqual([ids().keys.webhookSub1, ids().keys.webhookSub2]);
    const links = f.issuelinks as Array<{ type: { name: string }; outwardIssue?: { key: string }; inwardIssue?: { key: string } }>;
    expect(links.map((l) => [l.type.name, l.outwardIssue?.key ?? null, l.inwardIssue?.key ?? null])).toEqual([
      ['Duplicate', null, ids().keys.duplicateBug],
      ['Relates', ids().keys.latencyBug, null],
      ['Relates', null, ids().keys.incident],
    ]);
    expect((f.comment as { total: number }).total).toBe(4);
    expect((f.attachment as Array<{ filename: string }>).map((a) => a.filename)).toEqual(['retry-timeline.png', 'webhook-errors.log']);
    expect(f.timetracking).toMatchObject({ originalEstimate: '3d', timeSpent: '3h 30m', timeSpentSeconds: 12_600 });
    expect(f.watches).toMatchObject({ watchCount: 2 });
  });

  it('fields= filters (ids, *navigable, exclusions); expand adds names, schema, renderedFields, transitions, changelog, editmeta', async () => {
    const few = await send(site, 'GET', `/rest/api/3/issue/${ids().keys.cartStory}?fields=summary,status&expand=names,schema`);
    const issue = few.body as Issue;
    expect(Object.keys(issue.fields).sort()).toEqual(['status', 'summary']);
    expect(issue.names).toEqual({ summary: 'Summary', status: 'Status' });
    expect(issue.schema).toMatchObject({ summary: { type: 'string', system: 'summary' } });

    const nav = await send(site, 'GET', `/rest/api/3/issue/${ids().keys.cartStory}?fields=*navigable,-description`);
    const navFields = Object.keys((nav.body as Issue).fields);
    expect(navFields).not.toContain('comment');
    expect(navFields).not.toContain('description');
    expect(navFields).toContain('customfield_10017');

    const full = await send(gateway, 'GET', `/rest/api/3/issue/${ids().keys.webhookBug}?expand=renderedFields,transitions,changelog,editmeta`);
    const body = full.body as Issue & {
      renderedFields: Record<string, unknown>;
      transitions: Array<{ name: string }>;
      changelog: { total: number; histories: Array<{ items: Array<{ field: string }> }> };
      editmeta: { fields: Record<string, { required: boolean }> };
    };
    expect(body.renderedFields.description).toContain('<h2>What happens</h2>');
    expect(body.renderedFields.description).toContain('class="user-hover"');
    expect(body.renderedFields.created).toMatch(/^\d{2}\/\w{3}\/\d{2} \d{1,2}:\d{2} (AM|PM)$/);
    expect(body.transitions.map((t) => t.name)).toEqual(['Stop Progress', 'Submit for Review']);
    expect(body.changelog.total).toBe(5);
    expect(body.changelog.histories.map((h) => h.items[0]!.field)).toEqual(['status', 'priority', 'assignee', 'Sprint', 'labels']);
    expect(body.editmeta.fields.summary!.required).toBe(true);
    expect(body.editmeta.fields.customfield_10012!.required).toBe(true);
  });

  it('REST v2 sends the same issue with wiki markup', async () => {
    const r = await send(site, 'GET', `/rest/api/2/issue/${ids().keys.webhookBug}?fields=description,comment,environment`);
    const f = (r.body as Issue).fields;
    const description = f.description as string;
    expect(description).toContain('h2. What happens');
    expect(description).toContain(`[~accountid:${sb.seed.bob.accountId}]`);
    expect(description).toContain('{code:json}');
    expect(description).toContain('||Region||Dropped events||Window||');
    expect(description).toContain('{panel:bgColor=#fffae6}');
    expect(description).toContain('# Send a payment_intent.succeeded webhook');
    expect(f.environment).toBe('Production, eu-west-1 and us-east-1\npayments-webhooks 2026.10.2');
    const comments = (f.comment as { comments: Array<{ body: string }> }).comments;
    expect(comments[1]!.body).toContain('{code:typescript}');
    expect((r.body as Issue).self).toBe(`${sb.siteUrl}/rest/api/2/issue/${ids().issueIds.webhookBug}`);
  });

  it('a missing issue and a hidden one answer the same 404', async () => {
    const missing = await send(site, 'GET', '/rest/api/3/issue/ENG-999');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    expect((await send(site, 'GET', `/rest/api/3/issue/${ids().keys.penTest}`)).status).toBe(200);
    const hidden = await send(bobSite, 'GET', `/rest/api/3/issue/${ids().keys.penTest}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect((await send(site, 'GET', `/rest/api/3/issue/${ids().keys.webhookBug.toLowerCase()}`)).status).toBe(200);
  });
});

describe('creating issues', () => {
  it.each(['site', 'gateway'] as const)('a story under an epic, with ADF, labels and custom fields (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const r = await send(t, 'POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'ENG' },
        issuetype: { name: 'Story' },
        summary: 'Export receipts as PDF',
        description: adf('Customers ask for PDF receipts.'),
        labels: ['receipts'],
        priority: { id: '2' },
        customfield_10011: 3,
        customfield_10012: { value: 'Payments' },
        customfield_10010: ids().sprints.active,
        parent: { key: ids().keys.checkoutEpic },
        components: [{ name: 'Frontend' }],
      },
    });
    expect(r.status).toBe(201);
    const created = r.body as { id: string; key: string; self: string };
    expect(created.key).toBe('ENG-31');
    expect(created.self).toBe(`${t.root}/rest/api/3/issue/${created.id}`);
    const got = (await send(t, 'GET', `/rest/api/3/issue/${created.key}`)).body as Issue;
    expect(got.fields).toMatchObject({
      summary: 'Export receipts as PDF',
      status: { name: 'To Do' },
      priority: { name: 'High' },
      reporter: { accountId: sb.seed.alice.accountId },
      creator: { accountId: sb.seed.alice.accountId },
      assignee: null,
      parent: { key: ids().keys.checkoutEpic },
      customfield_10011: 3,
      customfield_10012: { value: 'Payments' },
      components: [{ name: 'Frontend' }],
      description: adf('Customers ask for PDF receipts.'),
    });
    expect((got.fields.customfield_10010 as Array<{ id: number }>).map((s) => s.id)).toEqual([ids().sprints.active]);
  });

  it('required fields, unknown fields and wrong body formats name the field', async () => {
    const missingAll = await send(site, 'POST', '/rest/api/3/issue', { fields: {} });
    expect(missingAll.status).toBe(400);
    expect(missingAll.body).toEqual({ errorMessages: [], errors: { project: 'Specify a valid project ID or key', issuetype: 'Specify an issue type' } });

    const noSummary = await send(site, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'ENG' }, issuetype: { name: 'Bug' } } });
    expect(noSummary.body).toEqual({ errorMessages: [], errors: { summary: 'You must specify a summary of the issue.', customfield_10012: 'Team is required.' } });

    const unknown = await send(site, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'ENG' }, issuetype: { name: 'Task' }, summary: 'x', customfield_99999: 1, environment: 'prod' } });
    expect(unknown.body).toEqual({
      errorMessages: [],
      errors: {
        customfield_99999: "Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown.",
        environment: "Field 'environment' cannot be set. It is not on the appropriate screen, or unknown.",
      },
    });

    const wikiOnV3 = await send(site, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'ENG' }, issuetype: { name: 'Task' }, summary: 'x', description: 'plain string' } });
    expect(wikiOnV3.body).toEqual({ errorMessages: [], errors: { description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' } });

    const subtask = await send(site, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'ENG' }, issuetype: { name: 'Subtask' }, summary: 'x' } });
    expect(subtask.body).toEqual({ errorMessages: [], errors: { parent: 'Issue type is a sub-task but parent issue key or id not specified.' } });

    const badValues = await send(site, 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'ENG' }, issuetype: { name: 'Task' }, summary: 'x', assignee: { accountId: '712020:nobody' }, labels: ['two words'], customfield_10012: { value: 'Legacy' }, customfield_10010: ids().sprints.closed1 },
    });
    expect(badValues.body).toEqual({
      errorMessages: [],
      errors: {
        assignee: "User '712020:nobody' does not exist.",
        labels: "The label 'two words' contains spaces which is invalid.",
        customfield_10012: "Option value 'Legacy' is not valid",
        customfield_10010: 'Issue can be assigned only active or future sprints.',
      },
    });

    const hiddenProject = await send(bobSite, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SEC' }, issuetype: { name: 'Task' }, summary: 'x' } });
    expect(hiddenProject.body).toEqual({ errorMessages: [], errors: { project: 'Specify a valid project ID or key' } });
  });

  it('a sub-task joins its parent and the parent sprint; v2 takes wiki markup', async () => {
    const r = await send(site, 'POST', '/rest/api/2/issue', {
      fields: {
        project: { key: 'ENG' },
        issuetype: { id: '10004' },
        summary: 'Alert on dead-letter growth',
        parent: { key: ids().keys.webhookBug },
        description: `h3. Why\nThe queue grew *silently*. Ask [~accountid:${sb.seed.bob.accountId}].\n* one\n* two`,
      },
    });
    expect(r.status).toBe(201);
    const key = (r.body as { key: string }).key;
    const v3 = (await send(site, 'GET', `/rest/api/3/issue/${key}?fields=parent,description,customfield_10010`)).body as Issue;
    expect(v3.fields.parent).toMatchObject({ key: ids().keys.webhookBug });
    expect((v3.fields.customfield_10010 as Array<{ id: number }>).map((s) => s.id)).toEqual([ids().sprints.active]);
    expect(v3.fields.description).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Why' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'The queue grew ' },
            { type: 'text', text: 'silently', marks: [{ type: 'strong' }] },
            { type: 'text', text: '. Ask ' },
            { type: 'mention', attrs: { id: sb.seed.bob.accountId, text: '@Bob Example', accessLevel: '' } },
            { type: 'text', text: '.' },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] },
          ],
        },
      ],
    });
    const parent = (await send(site, 'GET', `/rest/api/3/issue/${ids().keys.webhookBug}?fields=subtasks`)).body as Issue;
    expect((parent.fields.subtasks as Issue[]).map((s) => s.key)).toContain(key);
  });

  it('bulk create reports each failure by position', async () => {
    const r = await send(gateway, 'POST', '/rest/api/3/issue/bulk', {
      issueUpdates: [
        { fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Rotate the VPN certificates' } },
        { fields: { project: { key: 'OPS' }, issuetype: { name: 'Incident' }, summary: 'No team given' } },
        { fields: { project: { key: 'OPS' }, issuetype: { name: 'Incident' }, summary: 'Queue backlog', customfield_10012: { id: ids().team.options.sre } } },
      ],
    });
    expect(r.status).toBe(201);
    const body = r.body as { issues: Array<{ key: string }>; errors: unknown[] };
    expect(body.issues.map((i) => i.key)).toEqual(['OPS-9', 'OPS-10']);
    expect(body.errors).toEqual([{ status: 400, elementErrors: { errorMessages: [], errors: { customfield_10012: 'Team is required.' } }, failedElementNumber: 1 }]);
    const allBad = await send(site, 'POST', '/rest/api/3/issue/bulk', { issueUpdates: [{ fields: {} }] });
    expect(allBad.status).toBe(400);
  });
});

describe('editing, assigning, deleting', () => {
  it.each(['site', 'gateway'] as const)('fields and update operations; 204; the history records each change (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const key = ids().keys.cartStory;
    const r = await send(t, 'PUT', `/rest/api/3/issue/${key}`, {
      fields: { summary: 'Show saved cards and wallets at checkout', customfield_10011: 5 },
      update: {
        labels: [{ add: 'wallets' }, { add: 'checkout' }],
        components: [{ remove: { name: 'Frontend' } }, { add: { name: 'API' } }],
        fixVersions: [{ set: [{ name: '2.1' }] }],
        comment: [{ add: { body: adf('Wallets are in scope now.') } }],
      },
    });
    expect(r.status).toBe(204);
    expect(r.bytes.length).toBe(0);
    const got = (await send(t, 'GET', `/rest/api/3/issue/${key}?fields=summary,labels,components,fixVersions,customfield_10011,comment`)).body as Issue;
    expect(got.fields).toMatchObject({
      summary: 'Show saved cards and wallets at checkout',
      labels: ['wallets', 'checkout'],
      components: [{ name: 'API' }],
      fixVersions: [{ name: '2.1' }],
      customfield_10011: 5,
    });
    const comments = (got.fields.comment as { comments: Array<{ body: unknown }> }).comments;
    expect(comments[comments.length - 1]!.body).toEqual(adf('Wallets are in scope now.'));
    const log = await send(t, 'GET', `/rest/api/3/issue/${key}/changelog`);
    const last = (log.body as { values: Array<{ author: { accountId: string }; items: Array<{ field: string; fromString?: string; toString?: string }> }> }).values.at(-1)!;
    expect(last.author.accountId).toBe(sb.seed.alice.accountId);
    expect(last.items.map((i) => i.field)).toEqual(['summary', 'Story Points', 'labels', 'Component', 'Component', 'Fix Version', 'Fix Version']);
    expect(last.items[0]).toMatchObject({ fromString: 'Show saved cards at checkout', toString: 'Show saved cards and wallets at checkout' });
  });

  it('edit refusals: not on the screen, both fields and update, required emptied, returnIssue', async () => {
    const key = ids().keys.latencyBug;
    const r = await send(site, 'PUT', `/rest/api/3/issue/${key}`, { fields: { status: { name: 'Done' }, labels: ['x'], customfield_10012: null }, update: { labels: [{ add: 'y' }] } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      errorMessages: [],
      errors: {
        status: "Field 'status' cannot be set. It is not on the appropriate screen, or unknown.",
        labels: "Field 'labels' cannot be set in both 'fields' and 'update'.",
        customfield_10012: 'Team is required.',
      },
    });
    const returned = await send(site, 'PUT', `/rest/api/3/issue/${key}?returnIssue=true`, { fields: { duedate: '2026-12-01' } });
    expect(returned.status).toBe(200);
    expect((returned.body as Issue).fields.duedate).toBe('2026-12-01');
  });

  it('epic link on Cloud is the parent field; moving to another epic is recorded', async () => {
    const key = ids().keys.searchStory;
    expect((await send(site, 'PUT', `/rest/api/3/issue/${key}`, { fields: { parent: { key: ids().keys.observabilityEpic } } })).status).toBe(204);
    const got = (await send(site, 'GET', `/rest/api/3/issue/${key}?fields=parent`)).body as Issue;
    expect(got.fields.parent).toMatchObject({ key: ids().keys.observabilityEpic });
    const notEpic = await send(site, 'PUT', `/rest/api/3/issue/${key}`, { fields: { parent: { key: ids().keys.cartStory } } });
    expect(notEpic.body).toEqual(JIRA_ERROR([], { parent: 'Given parent work item does not belong to appropriate hierarchy.' }));
    const search = await send(site, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(`parent = ${ids().keys.observabilityEpic}`)}&fields=summary`);
    expect((search.body as { issues: Issue[] }).issues.map((i) => i.key)).toContain(key);
  });

  it('assign: a user, nobody, automatic; an unknown user is a 400 naming the assignee', async () => {
    const key = ids().keys.addressStory;
    expect((await send(site, 'PUT', `/rest/api/3/issue/${key}/assignee`, { accountId: sb.seed.bob.accountId })).status).toBe(204);
    expect(((await send(site, 'GET', `/rest/api/3/issue/${key}?fields=assignee`)).body as Issue).fields.assignee).toMatchObject({ accountId: sb.seed.bob.accountId });
    expect((await send(gateway, 'PUT', `/rest/api/3/issue/${key}/assignee`, { accountId: '-1' })).status).toBe(204);
    expect(((await send(site, 'GET', `/rest/api/3/issue/${key}?fields=assignee`)).body as Issue).fields.assignee).toBeNull();
    const unknown = await send(site, 'PUT', `/rest/api/3/issue/${key}/assignee`, { accountId: '712020:ghost' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ errorMessages: [], errors: { assignee: "User '712020:ghost' does not exist." } });
    const history = (await send(site, 'GET', `/rest/api/3/issue/${key}/changelog`)).body as { values: Array<{ items: Array<{ field: string; from?: string; to?: string }> }> };
    expect(history.values.map((h) => h.items[0])).toEqual([
      { field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', fromString: '', to: sb.seed.bob.accountId, toString: 'Bob Example' },
      { field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: sb.seed.bob.accountId, fromString: 'Bob Example', toString: '' },
    ]);
  });

  it('delete: administrators only; sub-tasks need deleteSubtasks=true; then the issue is gone', async () => {
    const key = ids().keys.migrationStory;
    const byBob = await send(bobSite, 'DELETE', `/rest/api/3/issue/${key}`);
    expect(byBob.status).toBe(403);
    expect(byBob.body).toEqual({ errorMessages: ['You do not have permission to delete issues in this project.'], errors: {} });
    const withSubtasks = await send(site, 'DELETE', `/rest/api/3/issue/${key}`);
    expect(withSubtasks.status).toBe(400);
    expect((withSubtasks.body as { errorMessages: string[] }).errorMessages[0]).toContain('subtasks');
    expect((await send(site, 'DELETE', `/rest/api/3/issue/${key}?deleteSubtasks=true`)).status).toBe(204);
    for (const k of [key, ids().keys.migrationSub1, ids().keys.migrationSub2]) expect((await send(site, 'GET', `/rest/api/3/issue/${k}`)).status).toBe(404);
    // its link to the search story went with it
    const search = (await send(site, 'GET', `/rest/api/3/issue/${ids().keys.searchStory}?fields=issuelinks`)).body as Issue;
    expect(search.fields.issuelinks).toEqual([]);
    expect((await send(site, 'DELETE', `/rest/api/3/issue/${ids().keys.docsTask}`)).status).toBe(204);
  });

  it('reset() restores deleted and edited issues with the same ids', async () => {
    await send(site, 'DELETE', `/rest/api/3/issue/${ids().keys.docsTask}`);
    sb.reset();
    const again = await send(site, 'GET', `/rest/api/3/issue/${ids().keys.docsTask}?fields=summary`);
    expect(again.body).toMatchObject({ id: ids().issueIds.docsTask, fields: { summary: 'Document the release train' } });
  });
});

describe('change history', () => {
  it('paged per issue with startAt/maxResults, nextPage and isLast', async () => {
    const first = await send(site, 'GET', `/rest/api/3/issue/${ids().keys.webhookBug}/changelog?maxResults=2`);
    const page = first.body as { startAt: number; maxResults: number; total: number; isLast: boolean; nextPage?: string; values: unknown[] };
    expect(page).toMatchObject({ startAt: 0, maxResults: 2, total: 5, isLast: false });
    expect(page.values).toHaveLength(2);
    expect(page.nextPage).toBe(`${sb.siteUrl}/rest/api/3/issue/ENG-4/changelog?maxResults=2&startAt=2`);
    const last = await send(gateway, 'GET', `/rest/api/3/issue/${ids().keys.webhookBug}/changelog?startAt=4&maxResults=2`);
    expect(last.body).toMatchObject({ startAt: 4, isLast: true, values: [{ items: [{ field: 'labels', fromString: 'payments', toString: 'customer payments' }] }] });
    expect((last.body as Record<string, unknown>).nextPage).toBeUndefined();
  });

  it('bulk fetch: many issues, field filter, nextPageToken paging', async () => {
    const keys = [ids().keys.webhookBug, ids().keys.couponStory, ids().keys.cartStory];
    const seen: Array<[string, string]> = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await send(site, 'POST', '/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: keys, maxResults: 3, ...(token ? { nextPageToken: token } : {}) });
      expect(r.status).toBe(200);
      const body = r.body as { issueChangeLogs: Array<{ issueId: string; changeHistories: Array<{ id: string }> }>; nextPageToken?: string };
      for (const l of body.issueChangeLogs) for (const h of l.changeHistories) seen.push([l.issueId, h.id]);
      token = body.nextPageToken;
      pages += 1;
    } while (token !== undefined && pages < 10);
    // webhook: 5, coupon (Done): 3, cart (In Review): 2
    expect(seen).toHaveLength(10);
    expect(pages).toBe(4);
    const statusOnly = await send(gateway, 'POST', '/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: [ids().keys.webhookBug], fieldIds: ['priority'] });
    const logs = (statusOnly.body as { issueChangeLogs: Array<{ changeHistories: Array<{ items: Array<{ fieldId: string }> }> }> }).issueChangeLogs;
    expect(logs[0]!.changeHistories.flatMap((h) => h.items.map((i) => i.fieldId))).toEqual(['priority']);
    const badToken = await send(site, 'POST', '/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: keys, nextPageToken: 'nope' });
    expect(badToken.status).toBe(400);
  });
});

it('every exchange of this file conforms to jira-v3.json', () => {
  expectJiraConformance(checker, sb.exchanges);
});
