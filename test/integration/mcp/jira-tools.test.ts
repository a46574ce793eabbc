// Every Jira tool as an AI app calls it: the SDK's client spawns `tether mcp` over stdio against the
// sandbox — Cloud through the gateway with a scoped token (REST v3, ADF), and Data Center with a
// personal access token (REST v2, wiki markup) — and every Cloud request is checked against
// Atlassian's OpenAPI document.
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { startTetherMcp, type TetherMcp } from '../../helpers/mcp-client.ts';
import { answerJson, refusal, type Answer } from '../../helpers/tool-answers.ts';
import { newProfile, type TetherProfile } from '../../helpers/run-tether.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';

let sandbox: Sandbox;
let profile: TetherProfile;
let mcp: TetherMcp;

const seed = () => sandbox.seed.jira;
const keys = () => sandbox.seed.jira.keys;
const cloud = () => ({
  JIRA_URL: sandbox.siteUrl,
  JIRA_USERNAME: sandbox.seed.alice.email,
  JIRA_API_TOKEN: sandbox.seed.alice.scopedToken,
  TETHER_ATLASSIAN_API_URL: sandbox.apiUrl,
  TETHER_RATE_LIMIT_PER_MINUTE: '0',
  TETHER_ENABLE_WRITES: 'true',
});

const json = answerJson;
const refused = refusal;

const call = (name: string, args: Record<string, unknown> = {}) => json(mcp, name, args);

beforeAll(async () => {
  sandbox = await startSandbox();
  profile = await newProfile();
  mcp = await startTetherMcp(profile.env(cloud()));
});

afterAll(async () => {
  await mcp?.close();
  const checker = await loadSpecChecker();
  if (checker.available) {
    const result = checker.check(sandbox.exchanges.filter((e) => e.requestHeaders['x-test-off-spec'] !== '1'));
    expect(result.violations).toEqual([]);
    expect(result.checked).toBeGreaterThan(50);
  }
  await sandbox.close();
});

describe('listing', () => {
  it('lists the Jira tools, and no Confluence tool when only Jira is set up', async () => {
    const names = (await mcp.client.listTools()).tools.map((t) => t.name);
    expect(names.filter((n) => n.startsWith('jira_'))).toHaveLength(42);
    expect(names.filter((n) => n.startsWith('confluence_'))).toEqual([]);
    expect(await refused(mcp, 'confluence_list_spaces', {})).toMatch(/needs Confluence, and Tether has no Confluence sign-in yet: run `tether auth --product confluence`/);
  });
});

describe('issues', () => {
  it('reads an issue with Markdown text, named custom fields, transitions, watchers and history', async () => {
    const issue = await call('jira_get_issue', { issue_key: keys().webhookBug.toLowerCase(), include: 'all' });
    expect(issue).toMatchObject({ key: keys().webhookBug, summary: 'Payment webhook retries drop events', status: 'In Progress' });
    expect(issue['Team (customfield_10012)']).toBe('Payments');
    expect(issue.comments.some((c: Answer) => /```\w*\n/.test(c.body))).toBe(true);
    expect(issue.comments.some((c: Answer) => /\[@[^\]]+\]\(mention:/.test(c.body))).toBe(true);
    expect(issue.transitions.length).toBeGreaterThan(0);
    expect(issue.watchers.length).toBeGreaterThan(0);
    expect(Array.isArray(issue.changelog)).toBe(true);
    expect(issue.attachments.map((a: Answer) => a.filename)).toEqual(expect.arrayContaining([seed().attachmentNames.png, seed().attachmentNames.log]));
  });

  it('searches with JQL and pages through every DATA issue with next_page_token', async () => {
    const seen = new Set<string>();
    let token: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await call('jira_search', { jql: 'project = DATA ORDER BY key ASC', limit: 100, fields: 'summary', ...(token ? { page_token: token } : {}) });
      for (const issue of page.issues) seen.add(issue.key);
      token = page.next_page_token;
      if (!token) break;
    }
    expect(seen.size).toBe(seed().dataIssueCount);
  });

  it("passes Jira's message on for invalid JQL", async () => {
    expect(await refused(mcp, 'jira_search', { jql: 'project = = ENG' })).toMatch(/JQL/);
  });

  it('lists the issues of a project', async () => {
    const page = await call('jira_get_project_issues', { project_key: 'eng', limit: 5 });
    expect(page.issues).toHaveLength(5);
    expect(page.issues.every((i: Answer) => i.key.startsWith('ENG-'))).toBe(true);
  });

  it('creates an issue with Markdown and fields by their names, and reads it back', async () => {
    const created = await call('jira_create_issue', {
      project_key: 'ENG',
      summary: 'Created by Tether',
      issue_type: 'Task',
      description: '## Why\n\n- fast\n- safe\n\n```ts\nconst a = 1;\n```',
      assignee: sandbox.seed.bob.email,
      components: 'backend',
      additional_fields: JSON.stringify({ 'Story Points': 3, labels: ['tether'], priority: 'High' }),
    });
    const key = created.issue.key as string;
    const issue = await call('jira_get_issue', { issue_key: key, fields: '*all' });
    expect(issue.description).toContain('```ts\nconst a = 1;\n```');
    expect(issue.description).toContain('## Why');
    expect(issue['Story Points (customfield_10011)']).toBe(3);
    expect(issue.labels).toEqual(['tether']);
    expect(issue.assignee).toContain(sandbox.seed.bob.displayName);
  });

  it('names a missing required field with its allowed values, and refuses a value the field does not allow', async () => {
    const missing = await refused(mcp, 'jira_create_issue', { project_key: 'ENG', summary: 'A bug', issue_type: 'Bug' });
    expect(missing).toMatch(/A Bug in ENG needs "Team" \(customfield_10012\) \(allowed: .*"Payments"/);
    expect(await refused(mcp, 'jira_create_issue', { project_key: 'ENG', summary: 'A bug', issue_type: 'Bug', additional_fields: { Team: 'Nobody' } })).toMatch(/"Nobody" is not a value of "Team"/);
    const ok = await call('jira_create_issue', { project_key: 'ENG', summary: 'A bug', issue_type: 'Bug', additional_fields: { Team: 'payments' } });
    expect(ok.issue.key).toMatch(/^ENG-\d+$/);
    expect(await refused(mcp, 'jira_create_issue', { project_key: 'ENG', summary: 'x', issue_type: 'Saga' })).toMatch(/Project ENG has no issue type "Saga": use one of/);
  });

  it('creates several issues, after checking them all', async () => {
    const issues = [
      { project_key: 'OPS', summary: 'Batch one', issue_type: 'Task' },
      { project_key: 'OPS', summary: 'Batch two', issue_type: 'Task', description: 'Some *text*' },
    ];
    expect(await call('jira_batch_create_issues', { issues: JSON.stringify(issues), validate_only: true })).toMatchObject({ valid: 2 });
    const made = await call('jira_batch_create_issues', { issues });
    expect(made.issues).toHaveLength(2);
    expect(await refused(mcp, 'jira_batch_create_issues', { issues: [{ project_key: 'OPS', summary: 'x', issue_type: 'Incident' }] })).toMatch(/Issue 1 \("x"\): A Incident in OPS needs "Team"/);
  });

  it('updates fields, moves the issue on, comments, all in one call — then assigns, and reads the history', async () => {
    const key = (await call('jira_create_issue', { project_key: 'ENG', summary: 'To update', issue_type: 'Task' })).issue.key as string;
    const updated = await call('jira_update_issue', {
      issue_key: key,
      fields: JSON.stringify({ summary: 'Updated by Tether', description: 'Now with **bold**', 'Story Points': 8 }),
      transition: 'In Progress',
      comment: 'Started on it.',
    });
    expect(updated.issue).toMatchObject({ summary: 'Updated by Tether', status: 'In Progress' });
    expect(updated.issue.description).toBe('Now with **bold**');
    expect(await call('jira_assign_issue', { issue_key: key, assignee: sandbox.seed.bob.email })).toMatchObject({ message: expect.stringContaining(sandbox.seed.bob.displayName) });
    expect(await call('jira_assign_issue', { issue_key: key, assignee: '' })).toMatchObject({ message: `${key} is unassigned.` });
    expect(await refused(mcp, 'jira_assign_issue', { issue_key: key, assignee: 'nobody-at-all@example.com' })).toMatch(/No Jira user matches "nobody-at-all@example.com"/);
    const logs = await call('jira_batch_get_changelogs', { issue_ids_or_keys: key, fields: 'status' });
    expect(logs.changelogs[0].changes.some((h: Answer) => h.changes.some((c: Answer) => c.to === 'In Progress'))).toBe(true);
    expect(await call('jira_delete_issue', { issue_key: key })).toMatchObject({ deleted: true });
    expect(await refused(mcp, 'jira_get_issue', { issue_key: key })).toMatch(/does not exist|not found|cannot see/i);
  });
});

describe('fields', () => {
  it('finds fields by name and lists the options of a select field', async () => {
    const found = await call('jira_search_fields', { keyword: 'story points' });
    expect(found.fields[0]).toMatchObject({ id: seed().fields.storyPoints, name: 'Story Points' });
    const options = await call('jira_get_field_options', { field_id: 'Team', values_only: true });
    expect(options.options).toEqual(expect.arrayContaining(['Platform', 'Payments']));
  });
});

describe('comments and transitions', () => {
  it('adds and edits a comment in Markdown', async () => {
    const added = await call('jira_add_comment', { issue_key: keys().loginBug, body: 'Seen again:\n\n```\ntrace\n```' });
    const edited = await call('jira_edit_comment', { issue_key: keys().loginBug, comment_id: added.comment_id, body: 'Fixed, thanks **all**.' });
    expect(edited.updated).toBe(true);
    const issue = await call('jira_get_issue', { issue_key: keys().loginBug, comment_limit: 50 });
    expect(issue.comments.find((c: Answer) => c.id === added.comment_id).body).toBe('Fixed, thanks **all**.');
  });

  it('lists transitions, takes one by name, and lists the open ones when asked for one that is not', async () => {
    const open = await call('jira_get_transitions', { issue_key: keys().addressStory });
    expect(open.transitions.length).toBeGreaterThan(0);
    const bad = await refused(mcp, 'jira_transition_issue', { issue_key: keys().addressStory, transition_id: 'Reopen' });
    expect(bad).toMatch(/"Reopen" is not a transition open to ENG-\d+ now\. Open transitions: /);
    const moved = await call('jira_transition_issue', { issue_key: keys().addressStory, transition_id: open.transitions[0].id, comment: 'Moving on.' });
    expect(moved.status).toBe(open.transitions[0].to_status);
  });
});

describe('projects', () => {
  it('lists projects, issue types, create fields, versions and components, and creates a version', async () => {
    const projects = await call('jira_get_all_projects');
    expect(projects.projects.map((p: Answer) => p.key)).toEqual(expect.arrayContaining(['ENG', 'OPS', 'DATA']));
    const types = await call('jira_get_project_issue_types', { project_key: 'ENG' });
    expect(types.issue_types.map((t: Answer) => t.name)).toEqual(expect.arrayContaining(['Bug', 'Story', 'Task']));
    const fields = await call('jira_get_create_fields', { project_key: 'ENG', issue_type_id: 'Bug' });
    expect(fields.fields.find((f: Answer) => f.field_id === seed().fields.team)).toMatchObject({ required: true, allowed_values: expect.arrayContaining(['Payments']) });
    expect((await call('jira_get_project_versions', { project_key: 'ENG' })).versions.map((v: Answer) => v.id)).toContain(seed().versions.v20);
    expect((await call('jira_get_project_components', { project_key: 'ENG' })).components.map((c: Answer) => c.id)).toContain(seed().components.api);
    const version = await call('jira_create_version', { project_key: 'ENG', name: '3.0', release_date: '2027-03-31' });
    expect(version.version).toMatchObject({ name: '3.0', release_date: '2027-03-31' });
  });
});

describe('agile', () => {
  it('walks boards and sprints, creates and updates a sprint, and moves issues into it', async () => {
    const boards = await call('jira_get_agile_boards', { project_key: 'ENG' });
    expect(boards.boards.map((b: Answer) => b.id)).toContain(seed().boards.eng);
    const boardIssues = await call('jira_get_board_issues', { board_id: String(seed().boards.eng), jql: 'issuetype = Bug', limit: 50 });
    expect(boardIssues.issues.length).toBeGreaterThan(0);
    const active = await call('jira_get_sprints_from_board', { board_id: seed().boards.eng, state: 'active' });
    expect(active.sprints.map((s: Answer) => s.id)).toEqual([seed().sprints.active]);
    const inSprint = await call('jira_get_sprint_issues', { sprint_id: String(seed().sprints.active), limit: 50 });
    expect(inSprint.issues.map((i: Answer) => i.key)).toContain(keys().webhookBug);
    const sprint = await call('jira_create_sprint', { board_id: String(seed().boards.eng), name: 'Tether sprint', start_date: '2026-12-01T09:00:00.000Z', end_date: '2026-12-14T17:00:00.000Z', goal: 'Ship it' });
    const renamed = await call('jira_update_sprint', { sprint_id: String(sprint.sprint.id), name: 'Tether sprint 2' });
    expect(renamed.sprint).toMatchObject({ name: 'Tether sprint 2', goal: 'Ship it' });
    await call('jira_add_issues_to_sprint', { sprint_id: String(sprint.sprint.id), issue_keys: `${keys().alertStory},${keys().tracingTask}` });
    const moved = await call('jira_get_sprint_issues', { sprint_id: String(sprint.sprint.id) });
    expect(moved.issues.map((i: Answer) => i.key).sort()).toEqual([keys().alertStory, keys().tracingTask].sort());
  });
});

describe('links', () => {
  it('lists link kinds, links issues, puts one under an epic, adds a web link and removes a link', async () => {
    const types = await call('jira_get_link_types', { name_filter: 'block' });
    expect(types.link_types.map((t: Answer) => t.name)).toEqual(['Blocks']);
    const made = await call('jira_create_issue_link', { link_type: 'Blocks', inward_issue_key: keys().tracingTask, outward_issue_key: keys().dashboardStory, comment: 'Needs traces first.' });
    expect(made.message).toBe(`${keys().tracingTask} blocks ${keys().dashboardStory}.`);
    const issue = await call('jira_get_issue', { issue_key: keys().tracingTask });
    const link = issue.links.find((l: Answer) => l.issue === keys().dashboardStory);
    expect(link).toMatchObject({ relation: 'blocks' });
    expect((await call('jira_get_issue', { issue_key: keys().dashboardStory })).links.find((l: Answer) => l.issue === keys().tracingTask)).toMatchObject({ relation: 'is blocked by' });
    await call('jira_link_to_epic', { issue_key: keys().docsTask, epic_key: keys().checkoutEpic });
    expect((await call('jira_get_issue', { issue_key: keys().docsTask })).parent).toContain(keys().checkoutEpic);
    const remote = await call('jira_create_remote_issue_link', { issue_key: keys().docsTask, url: 'https://example.com/runbook', title: 'Runbook' });
    expect(remote.linked).toBe(true);
    expect(await call('jira_remove_issue_link', { link_id: link.id })).toMatchObject({ removed: true });
    expect(await refused(mcp, 'jira_create_issue_link', { link_type: 'Loves', inward_issue_key: keys().docsTask, outward_issue_key: keys().tracingTask })).toMatch(/no link kind "Loves": use one of/);
  });
});

describe('worklog, attachments, people', () => {
  it('reads and logs work', async () => {
    const before = await call('jira_get_worklog', { issue_key: keys().webhookBug });
    expect(before.worklogs.length).toBe(2);
    await call('jira_add_worklog', { issue_key: keys().webhookBug, time_spent: '1h 15m', comment: 'Debugging **retries**.' });
    const after = await call('jira_get_worklog', { issue_key: keys().webhookBug });
    expect(after.worklogs.length).toBe(3);
    expect(after.worklogs.at(-1).comment).toBe('Debugging **retries**.');
    expect(await refused(mcp, 'jira_add_worklog', { issue_key: keys().webhookBug, time_spent: 'a while' })).toMatch(/a duration looks like/);
  });

  it('downloads attachments into the private folder and uploads a file', async () => {
    const downloaded = await call('jira_download_attachments', { issue_key: keys().webhookBug });
    expect(downloaded.downloaded.length).toBe(2);
    const file = downloaded.downloaded.find((d: Answer) => d.filename === seed().attachmentNames.log);
    expect((await stat(path.dirname(file.path))).mode & 0o777).toBe(0o700);
    expect((await readFile(file.path)).length).toBe(file.bytes);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tether-jira-upload-'));
    await writeFile(path.join(dir, 'trace.txt'), 'stack trace\n');
    const uploaded = await call('jira_upload_attachment', { issue_key: keys().loginBug, file_path: path.join(dir, 'trace.txt') });
    expect(uploaded).toMatchObject({ uploaded: true, filename: 'trace.txt', bytes: 12 });
  });

  it('finds people, who can be assigned, and who watches', async () => {
    expect((await call('jira_get_user_profile', { user_identifier: sandbox.seed.bob.email })).user).toMatchObject({ display_name: sandbox.seed.bob.displayName, account_id: sandbox.seed.bob.accountId });
    const assignable = await call('jira_search_assignable_users', { query: sandbox.seed.bob.displayName.split(' ')[0], project_key: 'ENG' });
    expect(assignable.users.map((u: Answer) => u.account_id)).toContain(sandbox.seed.bob.accountId);
    await call('jira_add_watcher', { issue_key: keys().latencyBug, user_identifier: sandbox.seed.bob.email });
    expect((await call('jira_get_issue_watchers', { issue_key: keys().latencyBug })).watchers.join()).toContain(sandbox.seed.bob.displayName);
    await call('jira_remove_watcher', { issue_key: keys().latencyBug, account_id: sandbox.seed.bob.accountId });
    expect((await call('jira_get_issue_watchers', { issue_key: keys().latencyBug })).watchers.join()).not.toContain(sandbox.seed.bob.displayName);
  });
});

describe('the project limit holds on every call', () => {
  let limited: TetherMcp;
  beforeAll(async () => {
    limited = await startTetherMcp(profile.env({ ...cloud(), JIRA_PROJECTS_FILTER: 'OPS' }));
  });
  afterAll(async () => {
    await limited.close();
  });

  it('refuses issues, boards and projects outside it, and keeps searches inside', async () => {
    const outside = /outside the Jira projects Tether may use \(OPS\)/;
    for (const [name, args] of [
      ['jira_get_issue', { issue_key: keys().webhookBug }],
      ['jira_add_comment', { issue_key: keys().webhookBug, body: 'x' }],
      ['jira_get_transitions', { issue_key: keys().webhookBug }],
      ['jira_get_project_issues', { project_key: 'ENG' }],
      ['jira_create_issue', { project_key: 'ENG', summary: 'x', issue_type: 'Task' }],
      ['jira_get_sprints_from_board', { board_id: seed().boards.eng }],
      ['jira_get_worklog', { issue_key: keys().webhookBug }],
    ] as const) {
      const result = await limited.call(name, args);
      expect(result, name).toMatchObject({ isError: true, text: expect.stringMatching(outside) });
    }
    const search = await json(limited, 'jira_search', { jql: 'ORDER BY created DESC', limit: 50 });
    expect(search.issues.every((i: Answer) => i.key.startsWith('OPS-'))).toBe(true);
    expect((await json(limited, 'jira_get_all_projects')).projects.map((p: Answer) => p.key)).toEqual(['OPS']);
    expect((await json(limited, 'jira_get_issue', { issue_key: keys().incident })).key).toBe(keys().incident);
  });
});

describe('Jira Data Center (REST v2, wiki markup, personal access token)', () => {
  let dc: TetherMcp;
  beforeAll(async () => {
    dc = await startTetherMcp(profile.env({ JIRA_URL: `${sandbox.dcUrl}/jira`, JIRA_PERSONAL_TOKEN: sandbox.seed.alice.dc.pat, TETHER_RATE_LIMIT_PER_MINUTE: '0', TETHER_ENABLE_WRITES: 'true' }));
  });
  afterAll(async () => {
    await dc.close();
  });

  it('reads wiki markup as Markdown and writes Markdown as wiki markup', async () => {
    const issue = await json(dc, 'jira_get_issue', { issue_key: keys().webhookBug });
    expect(issue.summary).toBe('Payment webhook retries drop events');
    expect(issue.comments.some((c: Answer) => /```\w*\n/.test(c.body))).toBe(true);
    const key = (await json(dc, 'jira_create_issue', { project_key: 'OPS', summary: 'From Data Center', issue_type: 'Task', description: 'Has **bold** and `code`.' })).issue.key as string;
    expect((await json(dc, 'jira_get_issue', { issue_key: key })).description).toBe('Has **bold** and `code`.');
    await json(dc, 'jira_add_comment', { issue_key: key, body: '- one\n- two' });
    expect((await json(dc, 'jira_get_issue', { issue_key: key })).comments[0].body).toBe('- one\n- two');
  });

  it('pages a search with start_at', async () => {
    const first = await json(dc, 'jira_search', { jql: 'project = DATA ORDER BY key ASC', limit: 50 });
    expect(first.issues).toHaveLength(50);
    expect(first.total).toBe(seed().dataIssueCount);
    const second = await json(dc, 'jira_search', { jql: 'project = DATA ORDER BY key ASC', limit: 50, start_at: first.next_start_at });
    expect(second.issues[0].key).not.toBe(first.issues[0].key);
  });
});
