// Jira Software's agile API on the Cloud site and the gateway: boards (paged), board issues and
// backlog, sprints by state, sprint issues, creating, starting and closing sprints, moving issues.
// The agile API is not in jira-v3.json: its exchanges are "not covered" by the check, the rest is
// checked as usual.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
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
const A = '/rest/agile/1.0';
type Sprint = { id: number; self: string; state: string; name: string; startDate?: string; endDate?: string; completeDate?: string; originBoardId: number; goal: string };
type IssuePage = { startAt: number; maxResults: number; total: number; issues: Array<{ key: string; self: string; fields: Record<string, unknown> }> };

describe('boards', () => {
  it.each(['site', 'gateway'] as const)('paged list with project locations; filters; one board (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const first = await send(t, 'GET', `${A}/board?maxResults=2`);
    expect(first.body).toMatchObject({ maxResults: 2, startAt: 0, total: 4, isLast: false });
    const second = await send(t, 'GET', `${A}/board?maxResults=2&startAt=2`);
    expect(second.body).toMatchObject({ isLast: true, values: [{ id: ids().boards.data, name: 'DATA board', type: 'kanban' }, { id: ids().boards.sec }] });
    const board = (first.body as { values: Array<Record<string, unknown>> }).values[0]!;
    expect(board).toMatchObject({ id: ids().boards.eng, self: `${t.root}${A}/board/${ids().boards.eng}`, name: 'ENG board', type: 'scrum', location: { projectKey: 'ENG', projectId: Number(ids().projects.eng.id) } });
    expect(((await send(t, 'GET', `${A}/board?type=kanban`)).body as { values: unknown[] }).values).toHaveLength(3);
    expect(((await send(t, 'GET', `${A}/board?projectKeyOrId=OPS`)).body as { values: Array<{ id: number }> }).values.map((b) => b.id)).toEqual([ids().boards.ops]);
    expect((await send(t, 'GET', `${A}/board/${ids().boards.ops}`)).body).toMatchObject({ name: 'OPS board' });
    const missing = await send(t, 'GET', `${A}/board/99`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ errorMessages: ['Board does not exist or you do not have permission to see it.'], errors: {} });
  });

  it('board issues in rank order with the agile fields; a JQL filter; the backlog', async () => {
    const r = await send(site, 'GET', `${A}/board/${ids().boards.eng}/issue?maxResults=5&fields=summary,status`);
    const page = r.body as IssuePage;
    expect(page).toMatchObject({ startAt: 0, maxResults: 5, total: 30 });
    expect(page.issues.map((i) => i.key)).toEqual(['ENG-1', 'ENG-2', 'ENG-3', 'ENG-4', 'ENG-5']);
    expect(page.issues[0]!.self).toBe(`${sb.siteUrl}${A}/issue/${ids().issueIds.checkoutEpic}`);
    const full = await send(site, 'GET', `${A}/board/${ids().boards.eng}/issue?jql=${encodeURIComponent('labels = customer')}`);
    const issues = (full.body as IssuePage).issues;
    expect(issues.map((i) => i.key)).toEqual([ids().keys.webhookBug, ids().keys.loginBug, ids().keys.refundBug]);
    expect(issues[0]!.fields).toMatchObject({
      sprint: { id: ids().sprints.active, state: 'active' },
      closedSprints: [{ id: ids().sprints.closed2 }],
      epic: { key: ids().keys.checkoutEpic, name: 'Checkout revamp', done: false },
      flagged: false,
    });
    // the agile API sends the v2 representation: wiki markup
    expect(String(issues[0]!.fields.description)).toContain('h2. What happens');
    const backlog = await send(gateway, 'GET', `${A}/board/${ids().boards.eng}/backlog`);
    const keys = (backlog.body as IssuePage).issues.map((i) => i.key);
    expect(keys).toContain(ids().keys.alertStory);
    expect(keys).not.toContain(ids().keys.webhookBug);
    expect(keys).not.toContain(ids().keys.couponStory);
    expect((await send(site, 'GET', `${A}/board/${ids().boards.ops}/backlog`)).status).toBe(400);
  });
});

describe('sprints', () => {
  it.each(['site', 'gateway'] as const)('by state, paged; one sprint; its issues (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const all = await send(t, 'GET', `${A}/board/${ids().boards.eng}/sprint`);
    expect((all.body as { values: Sprint[] }).values.map((s) => [s.name, s.state])).toEqual([
      ['ENG Sprint 1', 'closed'],
      ['ENG Sprint 2', 'closed'],
      ['ENG Sprint 3', 'active'],
      ['ENG Sprint 4', 'future'],
    ]);
    const open = await send(t, 'GET', `${A}/board/${ids().boards.eng}/sprint?state=active,future&maxResults=1`);
    expect(open.body).toMatchObject({ maxResults: 1, isLast: false, values: [{ id: ids().sprints.active }] });
    const active = await send(t, 'GET', `${A}/sprint/${ids().sprints.active}`);
    expect(active.body).toEqual({
      id: ids().sprints.active,
      self: `${t.root}${A}/sprint/${ids().sprints.active}`,
      state: 'active',
      name: 'ENG Sprint 3',
      startDate: '2026-11-16T09:00:00.000Z',
      endDate: '2026-11-30T09:00:00.000Z',
      createdDate: '2026-11-13T09:00:00.000Z',
      originBoardId: ids().boards.eng,
      goal: 'Ship saved cards and fix webhook retries',
    });
    const issues = await send(t, 'GET', `${A}/sprint/${ids().sprints.closed1}/issue?fields=summary`);
    expect((issues.body as IssuePage).issues.map((i) => i.key)).toEqual([ids().keys.welcomeStory, ids().keys.pushStory, ids().keys.ratesTask]);
    const kanban = await send(t, 'GET', `${A}/board/${ids().boards.ops}/sprint`);
    expect(kanban.status).toBe(400);
    expect(kanban.body).toEqual({ errorMessages: ['The board does not support sprints'], errors: {} });
  });

  it('create, move issues in, start, close; the rules in between', async () => {
    const created = await send(site, 'POST', `${A}/sprint`, { name: 'ENG Sprint 5', originBoardId: ids().boards.eng, goal: 'Wallets' });
    expect(created.status).toBe(201);
    const sprint = created.body as Sprint;
    expect(sprint).toMatchObject({ name: 'ENG Sprint 5', state: 'future', originBoardId: ids().boards.eng, goal: 'Wallets' });

    const moved = await send(site, 'POST', `${A}/sprint/${sprint.id}/issue`, { issues: [ids().keys.a11yStory, ids().keys.migrationStory] });
    expect(moved.status).toBe(204);
    const inSprint = await send(site, 'GET', `${A}/sprint/${sprint.id}/issue`);
    // a parent brings its sub-tasks along
    expect((inSprint.body as IssuePage).issues.map((i) => i.key)).toEqual([ids().keys.migrationStory, ids().keys.migrationSub1, ids().keys.migrationSub2, ids().keys.a11yStory]);
    const jql = await send(site, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(`sprint = ${sprint.id}`)}&fields=customfield_10010`);
    expect((jql.body as { issues: unknown[] }).issues).toHaveLength(4);

    const noDates = await send(site, 'POST', `${A}/sprint/${sprint.id}`, { state: 'active' });
    expect(noDates.status).toBe(400);
    const busy = await send(site, 'POST', `${A}/sprint/${sprint.id}`, { state: 'active', startDate: '2026-12-01T09:00:00.000Z', endDate: '2026-12-15T09:00:00.000Z' });
    expect(busy.status).toBe(400); // sprint 3 is still active
    const closed = await send(gateway, 'POST', `${A}/sprint/${ids().sprints.active}`, { state: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', completeDate: expect.any(String) });
    const started = await send(site, 'POST', `${A}/sprint/${sprint.id}`, { state: 'active', startDate: '2026-12-01T09:00:00.000Z', endDate: '2026-12-15T09:00:00.000Z' });
    expect(started.body).toMatchObject({ state: 'active', startDate: '2026-12-01T09:00:00.000Z' });
    const back = await send(site, 'POST', `${A}/sprint/${ids().sprints.active}`, { state: 'active' });
    expect(back.status).toBe(400);
    // moving into a closed sprint is refused; sub-tasks cannot be moved on their own
    expect((await send(site, 'POST', `${A}/sprint/${ids().sprints.closed1}/issue`, { issues: [ids().keys.refundBug] })).status).toBe(400);
    expect((await send(site, 'POST', `${A}/sprint/${sprint.id}/issue`, { issues: [ids().keys.webhookSub1] })).status).toBe(400);
    expect((await send(site, 'POST', `${A}/sprint/${sprint.id}/issue`, { issues: ['ENG-999'] })).status).toBe(400);
    // to the backlog and out of the sprint
    expect((await send(site, 'POST', `${A}/backlog/issue`, { issues: [ids().keys.a11yStory] })).status).toBe(204);
    const after = await send(site, 'GET', `${A}/sprint/${sprint.id}/issue`);
    expect((after.body as IssuePage).issues.map((i) => i.key)).not.toContain(ids().keys.a11yStory);
  });

  it('update: POST is partial, PUT replaces; refusals name the field', async () => {
    const partial = await send(site, 'POST', `${A}/sprint/${ids().sprints.future}`, { goal: 'Dashboards' });
    expect(partial.body).toMatchObject({ name: 'ENG Sprint 4', goal: 'Dashboards' });
    const full = await send(site, 'PUT', `${A}/sprint/${ids().sprints.future}`, { name: 'Observability sprint', state: 'future' });
    expect(full.body).toMatchObject({ name: 'Observability sprint', goal: '' });
    expect((await send(site, 'PUT', `${A}/sprint/${ids().sprints.future}`, { goal: 'no name' })).body).toEqual({ errorMessages: [], errors: { name: 'Sprint name is required.' } });
    expect((await send(site, 'POST', `${A}/sprint`, { name: 'x', originBoardId: ids().boards.ops })).status).toBe(400);
    expect((await send(site, 'POST', `${A}/sprint`, { originBoardId: ids().boards.eng })).body).toEqual({ errorMessages: [], errors: { name: 'Sprint name is required.' } });
    expect((await send(site, 'GET', `${A}/sprint/999`)).status).toBe(404);
  });

  it('bob cannot see the boards of projects he may not browse', async () => {
    const r = await send(bobSite, 'GET', `${A}/board`);
    expect((r.body as { total: number; values: Array<{ id: number }> }).values.map((b) => b.id)).toEqual([ids().boards.eng, ids().boards.ops, ids().boards.data]);
    expect((await send(bobSite, 'GET', `${A}/board/${ids().boards.sec}`)).status).toBe(404);
    expect((await send(bobSite, 'GET', `${A}/board/${ids().boards.sec}/issue`)).status).toBe(404);
    expect(((await send(site, 'GET', `${A}/board/${ids().boards.sec}/issue`)).body as IssuePage).total).toBe(3);
  });
});

it('every exchange of this file conforms to jira-v3.json (the agile API is not in it)', () => {
  expectJiraConformance(checker, sb.exchanges);
  expect(checker.check(sb.exchanges).notCovered.some((l) => l.includes('/rest/agile/1.0/board'))).toBe(true);
});
