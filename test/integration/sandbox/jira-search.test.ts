// Jira Cloud search: the enhanced `search/jql` (GET and POST) with nextPageToken paging over the
// 520 DATA issues, the JQL the assistants write (project, key in, status, currentUser(), text ~,
// labels, sprints, dates, AND/OR/NOT, parentheses, ORDER BY), Jira's errors for bad JQL, the
// approximate count, and the removed `/search` answering 410.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { OFF_SPEC } from './harness.ts';
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

const ids = () => sb.seed.jira;

interface SearchPage {
  issues: Array<{ id: string; key: string; fields?: Record<string, unknown> }>;
  nextPageToken?: string;
  isLast: boolean;
  names?: Record<string, string>;
}

async function keys(t: JiraTarget, jql: string, fields = 'summary'): Promise<string[]> {
  const r = await send(t, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&fields=${fields}&maxResults=100`);
  expect(r.status, `${jql}: ${JSON.stringify(r.body)}`).toBe(200);
  return (r.body as SearchPage).issues.map((i) => i.key);
}

describe('paging with nextPageToken', () => {
  it.each(['site', 'gateway'] as const)('walks all DATA issues, GET then POST, without overlap (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const seen = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const r =
        pages % 2 === 0
          ? await send(t, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = DATA ORDER BY key ASC')}&maxResults=100&fields=summary,status${token ? `&nextPageToken=${encodeURIComponent(token)}` : ''}`)
          : await send(t, 'POST', '/rest/api/3/search/jql', { jql: 'project = DATA ORDER BY key ASC', maxResults: 100, fields: ['summary', 'status'], ...(token ? { nextPageToken: token } : {}) });
      expect(r.status).toBe(200);
      const page = r.body as SearchPage;
      for (const i of page.issues) {
        expect(seen.has(i.key)).toBe(false);
        seen.add(i.key);
      }
      expect(page.isLast).toBe(page.nextPageToken === undefined);
      token = page.nextPageToken;
      pages += 1;
    } while (token !== undefined && pages < 20);
    expect(pages).toBe(6);
    expect(seen.size).toBe(ids().dataIssueCount);
    expect([...seen][0]).toBe('DATA-1');
    expect([...seen].at(-1)).toBe(`DATA-${ids().dataIssueCount}`);
  });

  it('without fields only ids and keys come back, up to 5000 a page; with fields at most 100', async () => {
    const bare = await send(site, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = DATA')}&maxResults=1000`);
    const page = bare.body as SearchPage;
    expect(page.issues).toHaveLength(ids().dataIssueCount);
    expect(page.isLast).toBe(true);
    expect(page.issues[0]).toEqual({ expand: expect.any(String), id: expect.any(String), self: expect.any(String), key: `DATA-${ids().dataIssueCount}` });
    const withFields = await send(site, 'POST', '/rest/api/3/search/jql', { jql: 'project = DATA', maxResults: 1000, fields: ['summary'], expand: 'names' });
    const wf = withFields.body as SearchPage;
    expect(wf.issues).toHaveLength(100);
    expect(wf.names).toEqual({ summary: 'Summary' });
    expect(wf.isLast).toBe(false);
  });

  it('a token from another query, or a broken one, is refused', async () => {
    const first = (await send(site, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = DATA')}&maxResults=10`)).body as SearchPage;
    const other = await send(site, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = ENG')}&nextPageToken=${encodeURIComponent(first.nextPageToken!)}`);
    expect(other.status).toBe(400);
    expect(other.body).toEqual({ errorMessages: ['The provided next page token is invalid or expired.'], errors: {} });
    expect((await send(site, 'POST', '/rest/api/3/search/jql', { jql: 'project = DATA', nextPageToken: '%%%' })).status).toBe(400);
  });
});

describe('JQL', () => {
  it('project, key in, status, assignee = currentUser(), ORDER BY', async () => {
    expect(await keys(site, `key in (${ids().keys.webhookBug}, ${ids().keys.cartStory}, ENG-6) ORDER BY key ASC`)).toEqual(['ENG-4', 'ENG-5', 'ENG-6']);
    const mine = await keys(site, 'project = ENG AND assignee = currentUser() AND status = "In Progress" ORDER BY created ASC');
    expect(mine).toEqual([ids().keys.checkoutEpic, ids().keys.webhookBug, ids().keys.checkoutTask]);
    const bobs = await keys(bobSite, 'project = ENG AND assignee = currentUser() AND status = "In Progress" ORDER BY created ASC');
    expect(bobs).toEqual([ids().keys.loginBug, ids().keys.migrationStory, ids().keys.webhookSub2]);
    expect(await keys(site, 'project = ENG AND statusCategory = Done AND resolution = Duplicate')).toEqual([ids().keys.duplicateBug]);
    const unresolved = await keys(site, 'project = OPS AND resolution = Unresolved ORDER BY key DESC');
    expect(unresolved).toEqual(['OPS-8', 'OPS-7', 'OPS-5', 'OPS-4', 'OPS-3', 'OPS-1']);
  });

  it('text ~, summary ~, labels, AND/OR/NOT and parentheses', async () => {
    expect(await keys(site, 'text ~ "webhook" AND project = ENG ORDER BY key ASC')).toEqual([ids().keys.webhookBug, ids().keys.alertStory, ids().keys.duplicateBug, ids().keys.webhookSub1]);
    // comments are part of `text`: "dedup" appears only in a comment of the webhook bug
    expect(await keys(site, 'text ~ dedup')).toEqual([ids().keys.webhookBug]);
    expect(await keys(site, 'summary ~ "retries drop"')).toEqual([ids().keys.webhookBug]);
    expect(await keys(site, 'labels = customer ORDER BY key ASC')).toEqual([ids().keys.webhookBug, ids().keys.loginBug, ids().keys.refundBug]);
    expect(await keys(site, 'labels in (security, docs) AND project = ENG ORDER BY key ASC')).toEqual([ids().keys.docsTask, ids().keys.keyRotationTask]);
    const mixed = await keys(site, '(project = OPS AND priority = Highest) OR (project = ENG AND priority = Highest) ORDER BY key ASC');
    expect(mixed).toEqual([ids().keys.latencyBug, ids().keys.incident]);
    const not = await keys(site, 'project = OPS AND NOT issuetype = Incident AND status != Done ORDER BY key ASC');
    expect(not).toEqual(['OPS-4', 'OPS-5', 'OPS-7', 'OPS-8']);
    expect(await keys(site, 'project = ENG AND assignee IS EMPTY AND issuetype = Subtask ORDER BY key ASC')).toEqual([ids().keys.migrationSub1, ids().keys.migrationSub2]);
  });

  it('sprints: openSprints(), closedSprints(), by name; parent and Epic Link; dates; numbers', async () => {
    const open = await keys(site, 'project = ENG AND sprint in openSprints() AND issuetype != Subtask ORDER BY Rank ASC');
    expect(open).toContain(ids().keys.webhookBug);
    expect(open).toContain(ids().keys.dashboardStory); // future sprints are open too
    expect(open).not.toContain(ids().keys.welcomeStory);
    expect(await keys(site, 'sprint = "ENG Sprint 1" ORDER BY key ASC')).toEqual([ids().keys.welcomeStory, ids().keys.pushStory, ids().keys.ratesTask]);
    // rolled over from sprint 2 into the active sprint: the webhook bug and its sub-tasks (newest first without ORDER BY)
    expect(await keys(site, `sprint in closedSprints() AND sprint = ${ids().sprints.active}`)).toEqual([ids().keys.webhookSub2, ids().keys.webhookSub1, ids().keys.webhookBug]);
    expect(await keys(site, `parent = ${ids().keys.onboardingEpic} ORDER BY key ASC`)).toEqual([ids().keys.welcomeStory, ids().keys.pushStory]);
    expect(await keys(site, `"Epic Link" = ${ids().keys.onboardingEpic} ORDER BY key ASC`)).toEqual([ids().keys.welcomeStory, ids().keys.pushStory]);
    expect(await keys(site, 'project = ENG AND created >= "2026-10-28" AND created < 2026/11/02 ORDER BY created ASC')).toEqual([ids().keys.a11yStory, ids().keys.ratesTask]);
    expect(await keys(site, 'project = ENG AND duedate <= 2026-11-30')).toEqual([ids().keys.migrationStory]);
    expect(await keys(site, '"Story Points" >= 8 AND project = ENG ORDER BY "Story Points" DESC')).toEqual([ids().keys.migrationStory, ids().keys.dashboardStory]);
    const recent = await send(site, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = DATA AND updated >= -3650d AND updated <= now()')}&fields=id&maxResults=1000`);
    expect((recent.body as SearchPage).issues).toHaveLength(ids().dataIssueCount);
  });

  it('ORDER BY priority and updated, multiple keys', async () => {
    const byPriority = await keys(site, 'project = OPS ORDER BY priority DESC, key ASC');
    expect(byPriority.slice(0, 2)).toEqual([ids().keys.incident, ids().keys.diskIncident]);
    const r = await send(site, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = ENG ORDER BY updated DESC')}&fields=updated&maxResults=100`);
    const updated = (r.body as SearchPage).issues.map((i) => Date.parse(String(i.fields!.updated).replace('+0000', 'Z')));
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);
  });

  it('bad JQL is a 400 in Jira’s words', async () => {
    const cases: Array<[string, string]> = [
      ['project = ', 'Error in the JQL Query: Expecting either a value, list or function before the end of the query.'],
      ['project ENG', "Error in the JQL Query: Expecting operator but got 'ENG'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)"],
      ['summary ~ "open', "Error in the JQL Query: The quoted string 'open' has not been completed. (line 1, character 11)"],
      ['(project = ENG', "Error in the JQL Query: Expecting ')' before the end of the query."],
      ['project = ENG AND AND', "Error in the JQL Query: Expecting a field name but got 'AND'. You must surround 'AND' in quotation marks to use it as a field name. (line 1, character 19)"],
      ['project = ENG garbage', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'garbage'. (line 1, character 15)"],
      ['nosuchfield = 1', "Field 'nosuchfield' does not exist or you do not have permission to view it."],
      ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
      ['project ~ ENG', "The operator '~' is not supported by the 'project' field."],
      ['assignee = nobodyAtAll()', "Unable to find JQL function 'nobodyAtAll()'."],
      ['key = ENG-9999', "An issue with key 'ENG-9999' does not exist for field 'key'."],
      ['created > "yesterday-ish"', "Date value 'yesterday-ish' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'."],
      ['ORDER BY created DESC', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
      ['', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    ];
    for (const [jql, message] of cases) {
      const r = await send(gateway, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`);
      expect(r.status, jql).toBe(400);
      expect(r.body, jql).toEqual({ errorMessages: [message], errors: {} });
    }
    const two = await send(site, 'POST', '/rest/api/3/search/jql', { jql: 'project = NOPE AND status = Nowhere' });
    expect(two.body).toEqual({ errorMessages: ["The value 'NOPE' does not exist for the field 'project'.", "The value 'Nowhere' does not exist for the field 'status'."], errors: {} });
  });

  it('a project the caller may not browse does not exist for them', async () => {
    expect(await keys(site, 'project = SEC ORDER BY key ASC')).toEqual(['SEC-1', 'SEC-2', 'SEC-3']);
    const r = await send(bobSite, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = SEC')}`);
    expect(r.body).toEqual({ errorMessages: ["The value 'SEC' does not exist for the field 'project'."], errors: {} });
    const all = await keys(bobSite, 'text ~ "cookie"');
    expect(all).toEqual([]);
  });
});

describe('counting and the removed search', () => {
  it('approximate count', async () => {
    const r = await send(site, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = DATA AND labels = quarterly' });
    expect(r.body).toEqual({ count: 52 });
  });

  it.each(['/rest/api/3/search', '/rest/api/2/search'])('%s answers 410 Gone with Jira’s message (GET and POST)', async (path) => {
    const get = await send(site, 'GET', `${path}?jql=project%3DENG`, undefined, OFF_SPEC);
    expect(get.status).toBe(410);
    expect(get.body).toEqual({
      errorMessages: ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046'],
      errors: {},
    });
    const post = await send(gateway, 'POST', path, { jql: 'project = ENG' }, OFF_SPEC);
    expect(post.status).toBe(410);
  });

  it('v2 enhanced search returns wiki markup', async () => {
    const r = await send(site, 'GET', `/rest/api/2/search/jql?jql=${encodeURIComponent(`key = ${ids().keys.webhookBug}`)}&fields=description`);
    expect(String((r.body as SearchPage).issues[0]!.fields!.description)).toContain('h2. What happens');
  });
});

it('every exchange of this file conforms to jira-v3.json (the 410s are off-spec: the document still lists /search)', () => {
  expectJiraConformance(checker, sb.exchanges);
});
