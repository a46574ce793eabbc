// Jira projects on the Cloud site and the gateway: paged project search, one project, its
// statuses, versions (list, paged, create with refusals), components; a private project that only
// alice may see.

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
type Page<T> = { self: string; nextPage?: string; startAt: number; maxResults: number; total: number; isLast: boolean; values: T[] };
type Project = { id: string; key: string; name: string; isPrivate?: boolean; lead?: { accountId: string }; description?: string; issueTypes?: Array<{ name: string }>; insight?: { totalIssueCount: number } };

describe('projects', () => {
  it.each(['site', 'gateway'] as const)('search pages by startAt, follows nextPage, hides SEC from bob (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const keys: string[] = [];
    let path: string | undefined = '/rest/api/3/project/search?maxResults=2';
    let pages = 0;
    while (path !== undefined) {
      const r = await send(t, 'GET', path);
      expect(r.status).toBe(200);
      const page = r.body as Page<Project>;
      keys.push(...page.values.map((p) => p.key));
      expect(page.total).toBe(4);
      pages += 1;
      path = page.nextPage?.slice(t.root.length);
      if (page.nextPage) expect(page.nextPage.startsWith(t.root)).toBe(true);
      else expect(page.isLast).toBe(true);
    }
    expect(pages).toBe(2);
    expect(keys).toEqual(['DATA', 'ENG', 'OPS', 'SEC']);
    const bobs = await send(bobSite, 'GET', '/rest/api/3/project/search');
    expect((bobs.body as Page<Project>).values.map((p) => p.key)).toEqual(['DATA', 'ENG', 'OPS']);
  });

  it('filters and expansions: query, keys, orderBy, expand=description,lead,issueTypes,insight', async () => {
    const q = await send(site, 'GET', '/rest/api/3/project/search?query=op&orderBy=-name&expand=description,lead,issueTypes,insight');
    const values = (q.body as Page<Project>).values;
    expect(values.map((p) => p.key)).toEqual(['OPS']);
    expect(values[0]).toMatchObject({ description: 'Run the platform: incidents, maintenance, on-call.', lead: { accountId: sb.seed.bob.accountId }, issueTypes: [{ name: 'Task' }, { name: 'Incident' }, { name: 'Subtask' }], insight: { totalIssueCount: 8 } });
    const byKeys = await send(site, 'GET', '/rest/api/3/project/search?keys=ENG&keys=SEC');
    expect((byKeys.body as Page<Project>).values.map((p) => [p.key, p.isPrivate])).toEqual([
      ['ENG', false],
      ['SEC', true],
    ]);
    const all = await send(gateway, 'GET', '/rest/api/3/project');
    expect((all.body as Project[]).map((p) => p.key)).toEqual(['ENG', 'OPS', 'DATA', 'SEC']);
  });

  it('one project in full; a hidden or unknown one is a 404 naming the key', async () => {
    const r = await send(site, 'GET', '/rest/api/3/project/ENG');
    expect(r.body).toMatchObject({
      id: ids().projects.eng.id,
      key: 'ENG',
      name: 'Engineering',
      projectTypeKey: 'software',
      lead: { accountId: sb.seed.alice.accountId },
      components: [{ name: 'API' }, { name: 'Backend', lead: { accountId: sb.seed.alice.accountId } }, { name: 'Frontend' }, { name: 'Infrastructure' }],
      versions: [{ name: '1.0', released: true }, { name: '1.1' }, { name: '2.0', released: false }, { name: '2.1' }],
      issueTypes: [{ name: 'Epic' }, { name: 'Story' }, { name: 'Task' }, { name: 'Bug' }, { name: 'Subtask' }],
    });
    expect((await send(site, 'GET', `/rest/api/3/project/${ids().projects.eng.id}`)).body).toMatchObject({ key: 'ENG' });
    const hidden = await send(bobSite, 'GET', '/rest/api/3/project/SEC');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual({ errorMessages: ["No project could be found with key 'SEC'."], errors: {} });
    expect((await send(site, 'GET', '/rest/api/3/project/10099')).body).toEqual({ errorMessages: ["No project could be found with id '10099'."], errors: {} });
  });

  it('statuses per issue type and components', async () => {
    const statuses = await send(site, 'GET', '/rest/api/3/project/OPS/statuses');
    const list = statuses.body as Array<{ name: string; subtask: boolean; statuses: Array<{ name: string; statusCategory: { key: string } }> }>;
    expect(list.map((x) => x.name)).toEqual(['Task', 'Incident', 'Subtask']);
    expect(list[0]!.statuses.map((s) => [s.name, s.statusCategory.key])).toEqual([
      ['To Do', 'new'],
      ['In Progress', 'indeterminate'],
      ['In Review', 'indeterminate'],
      ['Done', 'done'],
    ]);
    const components = await send(gateway, 'GET', '/rest/api/3/project/OPS/components');
    expect((components.body as Array<{ name: string; project: string }>).map((c) => [c.name, c.project])).toEqual([
      ['Monitoring', 'OPS'],
      ['Networking', 'OPS'],
    ]);
  });
});

describe('versions', () => {
  it.each(['site', 'gateway'] as const)('list, paged list, one version (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const list = await send(t, 'GET', '/rest/api/3/project/ENG/versions');
    expect((list.body as Array<{ id: string; name: string; releaseDate?: string; userReleaseDate?: string }>)[2]).toMatchObject({ id: ids().versions.v20, name: '2.0', releaseDate: '2026-12-15', userReleaseDate: '15/Dec/26', projectId: Number(ids().projects.eng.id) });
    const paged = await send(t, 'GET', '/rest/api/3/project/ENG/version?maxResults=3&status=released,unreleased');
    expect(paged.body).toMatchObject({ total: 4, isLast: false, maxResults: 3 });
    const released = await send(t, 'GET', '/rest/api/3/project/ENG/version?status=released');
    expect((released.body as Page<{ name: string }>).values.map((v) => v.name)).toEqual(['1.0', '1.1']);
    expect((await send(t, 'GET', `/rest/api/3/version/${ids().versions.v11}`)).body).toMatchObject({ name: '1.1', released: true });
  });

  it('create: 201 for the project lead; duplicate name 400; a non-admin 403; unknown project 400', async () => {
    const created = await send(site, 'POST', '/rest/api/3/version', { name: '2.2', projectId: Number(ids().projects.eng.id), description: 'Wallets', releaseDate: '2027-02-01' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '2.2', description: 'Wallets', released: false, archived: false, releaseDate: '2027-02-01', projectId: Number(ids().projects.eng.id) });
    const dup = await send(gateway, 'POST', '/rest/api/3/version', { name: '2.2', project: 'ENG' });
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({ errorMessages: [], errors: { name: 'A version with this name already exists in this project.' } });
    expect((await send(site, 'POST', '/rest/api/3/version', { project: 'ENG' })).body).toEqual({ errorMessages: [], errors: { name: 'You must specify a valid version name' } });
    const byBob = await send(bobSite, 'POST', '/rest/api/3/version', { name: '9.9', project: 'ENG' });
    expect(byBob.status).toBe(403);
    expect(byBob.body).toEqual({ errorMessages: ['You cannot edit the configuration of this project.'], errors: {} });
    expect((await send(bobSite, 'POST', '/rest/api/3/version', { name: '9.9', project: 'SEC' })).status).toBe(400);
    // the new version can be used at once
    const issue = await send(site, 'PUT', `/rest/api/3/issue/${ids().keys.a11yStory}`, { update: { fixVersions: [{ add: { name: '2.2' } }] } });
    expect(issue.status).toBe(204);
  });
});

it('every exchange of this file conforms to jira-v3.json', () => {
  expectJiraConformance(checker, sb.exchanges);
});
