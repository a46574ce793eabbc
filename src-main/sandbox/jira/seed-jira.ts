// Deterministic Jira content for the seed: ENG (Scrum board, four sprints, epics, stories, bugs,
// sub-tasks, links, comments, worklogs, attachments, change history), OPS (Kanban board,
// incidents), DATA (520 generated issues for paging) and SEC (private: only alice may browse it).
// buildJira() returns fresh, mutable data and the ids tests need; two calls give identical
// results (that is how reset works).

import { createHash } from 'node:crypto';
import { seedPng } from '../confluence/seed-confluence.ts';
import type { SeedUser } from '../seed.ts';
import { type AdfDoc, doc, para, plainDoc } from './adf.ts';
import { DEFAULT_PRIORITY, ISSUE_TYPE, STATUS, TRANSITIONS, byId, STATUSES } from './catalog.ts';
import { FIELD } from './fields.ts';
import type { ChangeItem, IssueRecord, JiraData, ProjectRecord, SprintRecord } from './model.ts';
import { cartAcceptance, incidentDescription, loginComments, webhookComments, webhookDescription, webhookEnvironment, WORKLOG_NOTE, WORKLOG_NOTE_2 } from './seed-bodies.ts';

/** Ids and keys of the seeded Jira content that tests and the demo refer to. */
export interface JiraSeedIds {
  /** Project ids and keys: ENG (software, Scrum), OPS (Kanban), DATA (520 issues), SEC (alice only). */
  projects: Record<'eng' | 'ops' | 'data' | 'sec', { id: string; key: string }>;
  /** Issue keys by short name (ENG-…, OPS-…, SEC-…); see ENG_ISSUES / OPS_ISSUES below. */
  keys: Record<EngIssue | OpsIssue | SecIssue, string>;
  /** Issue ids by the same short names. */
  issueIds: Record<EngIssue | OpsIssue | SecIssue, string>;
  /** Number of DATA issues (DATA-1 … DATA-n). */
  dataIssueCount: number;
  /** Agile board ids: ENG Scrum board, OPS, DATA and SEC Kanban boards (SEC's only alice sees). */
  boards: { eng: number; ops: number; data: number; sec: number };
  /** ENG sprints: two closed, the active one, one future. */
  sprints: { closed1: number; closed2: number; active: number; future: number };
  /** ENG versions (1.0 and 1.1 released, 2.0 and 2.1 not). */
  versions: { v10: string; v11: string; v20: string; v21: string };
  /** ENG components. */
  components: { api: string; backend: string; frontend: string; infrastructure: string };
  /** Custom field ids. */
  fields: typeof FIELD;
  /** The Team select field: its one context and its option ids (`legacy` is disabled). */
  team: { contextId: string; options: Record<'platform' | 'payments' | 'mobile' | 'data' | 'sre' | 'legacy', string> };
  /** Issue link type ids. */
  linkTypes: { blocks: string; cloners: string; duplicate: string; relates: string };
  /** Seeded issue links: migration blocks search; duplicateBug duplicates webhookBug; webhookBug relates to latencyBug; ops incident relates to webhookBug. */
  links: { blocks: string; duplicate: string; relates: string; crossProject: string };
  /** Comments on webhookBug (mention, code block, table, panel) and on loginBug. */
  comments: { mention: string; code: string; table: string; panel: string; login: [string, string] };
  /** Worklogs on webhookBug (alice 2h, bob 1h 30m). */
  worklogs: [string, string];
  /** Attachments: screenshot (png) and log (text) on webhookBug, a csv on migrationStory. */
  attachments: { png: string; log: string; csv: string };
  attachmentNames: { png: string; log: string; csv: string };
  /** The GitHub pull-request remote link on webhookBug. */
  remoteLinkId: number;
  /** Workflow transition ids. */
  transitions: { start: string; stop: string; review: string; backToProgress: string; done: string; reopen: string };
}

export type EngIssue =
  | 'checkoutEpic'
  | 'observabilityEpic'
  | 'onboardingEpic'
  | 'webhookBug'
  | 'cartStory'
  | 'addressStory'
  | 'couponStory'
  | 'checkoutTask'
  | 'latencyBug'
  | 'dashboardStory'
  | 'tracingTask'
  | 'alertStory'
  | 'welcomeStory'
  | 'pushStory'
  | 'duplicateBug'
  | 'loginBug'
  | 'docsTask'
  | 'cartCleanupTask'
  | 'flakyBug'
  | 'migrationStory'
  | 'keyRotationTask'
  | 'searchStory'
  | 'webhookSub1'
  | 'webhookSub2'
  | 'migrationSub1'
  | 'migrationSub2'
  | 'a11yStory'
  | 'ratesTask'
  | 'refundBug'
  | 'retryAfterStory';

export type OpsIssue = 'incident' | 'tlsTask' | 'diskIncident' | 'k8sTask' | 'handbookTask' | 'backupIncident' | 'pagerTask' | 'drainSub';
export type SecIssue = 'penTest' | 'iamReview' | 'cookieBug';

type Status = 'todo' | 'progress' | 'review' | 'done';

interface IssueSpec {
  name: string;
  type: keyof typeof ISSUE_TYPE;
  summary: string;
  status: Status;
  assignee?: 'alice' | 'bob';
  reporter?: 'alice' | 'bob';
  priority?: string;
  labels?: string[];
  components?: string[];
  fix?: string[];
  affects?: string[];
  epic?: string;
  parent?: string;
  sprints?: Array<keyof JiraSeedIds['sprints']>;
  points?: number;
  team?: keyof JiraSeedIds['team']['options'];
  due?: string;
  resolution?: string;
  estimate?: number;
  description?: string;
}

const ENG_ISSUES: IssueSpec[] = [
  { name: 'checkoutEpic', type: 'epic', summary: 'Checkout revamp', status: 'progress', assignee: 'alice', labels: ['checkout'], fix: ['v20'], description: 'Everything the new checkout needs before the 2.0 release.' },
  { name: 'observabilityEpic', type: 'epic', summary: 'Observability for payment services', status: 'todo', assignee: 'bob', labels: ['observability'] },
  { name: 'onboardingEpic', type: 'epic', summary: 'Mobile onboarding', status: 'done', assignee: 'bob', fix: ['v11'] },
  { name: 'webhookBug', type: 'bug', summary: 'Payment webhook retries drop events', status: 'progress', assignee: 'alice', reporter: 'bob', priority: '2', labels: ['payments', 'customer'], components: ['backend', 'api'], affects: ['v11'], fix: ['v20'], epic: 'checkoutEpic', sprints: ['closed2', 'active'], points: 5, team: 'payments' },
  { name: 'cartStory', type: 'story', summary: 'Show saved cards at checkout', status: 'review', assignee: 'bob', components: ['frontend'], epic: 'checkoutEpic', sprints: ['active'], points: 3, team: 'payments', fix: ['v20'] },
  { name: 'addressStory', type: 'story', summary: 'Validate shipping address in real time', status: 'todo', components: ['frontend'], epic: 'checkoutEpic', sprints: ['active'], points: 5, team: 'payments' },
  { name: 'couponStory', type: 'story', summary: 'Apply coupon codes before tax', status: 'done', assignee: 'alice', epic: 'checkoutEpic', sprints: ['closed2'], points: 2, fix: ['v11'], team: 'payments' },
  { name: 'checkoutTask', type: 'task', summary: 'Split checkout service deployment', status: 'progress', assignee: 'alice', components: ['infrastructure'], epic: 'checkoutEpic', sprints: ['active'], points: 3, estimate: 2 * 8 * 3600, team: 'platform' },
  { name: 'latencyBug', type: 'bug', summary: 'Checkout page p99 latency above 2s', status: 'todo', assignee: 'bob', priority: '1', labels: ['performance'], epic: 'checkoutEpic', sprints: ['active'], team: 'platform', points: 3 },
  { name: 'dashboardStory', type: 'story', summary: 'Service dashboards for payment APIs', status: 'todo', epic: 'observabilityEpic', sprints: ['future'], points: 8, team: 'sre' },
  { name: 'tracingTask', type: 'task', summary: 'Propagate trace ids through the queue', status: 'todo', epic: 'observabilityEpic', sprints: ['future'], points: 5, team: 'platform' },
  { name: 'alertStory', type: 'story', summary: 'Alert on webhook failure rate', status: 'todo', labels: ['alerting'], epic: 'observabilityEpic', team: 'sre' },
  { name: 'welcomeStory', type: 'story', summary: 'Welcome screens for first launch', status: 'done', assignee: 'bob', epic: 'onboardingEpic', sprints: ['closed1'], points: 3, fix: ['v10'], team: 'mobile' },
  { name: 'pushStory', type: 'story', summary: 'Push permission prompt after sign-up', status: 'done', assignee: 'bob', epic: 'onboardingEpic', sprints: ['closed1'], points: 2, fix: ['v11'], team: 'mobile' },
  { name: 'duplicateBug', type: 'bug', summary: 'Webhook retry loses events under load', status: 'done', resolution: '10002', reporter: 'bob', sprints: ['closed2'], team: 'payments', labels: ['payments'] },
  { name: 'loginBug', type: 'bug', summary: 'Login fails with SSO when email has uppercase letters', status: 'progress', assignee: 'bob', priority: '2', labels: ['auth', 'customer'], components: ['backend'], sprints: ['active'], team: 'platform', points: 2 },
  { name: 'docsTask', type: 'task', summary: 'Document the release train', status: 'todo', assignee: 'alice', labels: ['docs'], due: '2026-12-15' },
  { name: 'cartCleanupTask', type: 'task', summary: 'Remove deprecated v1 cart endpoints', status: 'todo', labels: ['tech-debt'], components: ['api'], priority: '4' },
  { name: 'flakyBug', type: 'bug', summary: 'Flaky integration test: payment refund', status: 'review', assignee: 'alice', labels: ['tests', 'tech-debt'], sprints: ['active'], team: 'payments', points: 1 },
  { name: 'migrationStory', type: 'story', summary: 'Migrate order history to the new database', status: 'progress', assignee: 'bob', sprints: ['active'], points: 13, team: 'data', due: '2026-11-30', components: ['backend'] },
  { name: 'keyRotationTask', type: 'task', summary: 'Rotate API signing keys', status: 'done', assignee: 'alice', labels: ['security'], sprints: ['closed2'], points: 1, team: 'platform' },
  { name: 'searchStory', type: 'story', summary: 'Search orders by customer email', status: 'todo', team: 'platform', points: 5 },
  { name: 'webhookSub1', type: 'subtask', summary: 'Add idempotency keys to the webhook handler', status: 'done', assignee: 'alice', parent: 'webhookBug' },
  { name: 'webhookSub2', type: 'subtask', summary: 'Replay dropped events from the dead-letter queue', status: 'progress', assignee: 'bob', parent: 'webhookBug' },
  { name: 'migrationSub1', type: 'subtask', summary: 'Backfill script for order history', status: 'todo', parent: 'migrationStory' },
  { name: 'migrationSub2', type: 'subtask', summary: 'Dual-write toggle', status: 'todo', parent: 'migrationStory' },
  { name: 'a11yStory', type: 'story', summary: 'Keyboard navigation on the payment form', status: 'todo', labels: ['accessibility'], components: ['frontend'], team: 'payments' },
  { name: 'ratesTask', type: 'task', summary: 'Cache currency conversion rates', status: 'done', assignee: 'bob', sprints: ['closed1'], points: 2, team: 'platform' },
  { name: 'refundBug', type: 'bug', summary: 'Refund emails show the wrong currency', status: 'todo', assignee: 'bob', priority: '4', labels: ['customer'], team: 'payments' },
  { name: 'retryAfterStory', type: 'story', summary: 'Respect Retry-After from the payment provider', status: 'review', assignee: 'alice', epic: 'checkoutEpic', sprints: ['active'], points: 3, team: 'payments' },
];

const OPS_ISSUES: IssueSpec[] = [
  { name: 'incident', type: 'incident', summary: 'Payments API 5xx spike in eu-west-1', status: 'progress', assignee: 'alice', priority: '1', team: 'sre', components: ['monitoring'] },
  { name: 'tlsTask', type: 'task', summary: 'Renew TLS certificates for the status page', status: 'done', assignee: 'bob', components: ['networking'] },
  { name: 'diskIncident', type: 'incident', summary: 'Disk usage alert on db-replica-2', status: 'todo', assignee: 'bob', priority: '2', team: 'sre' },
  { name: 'k8sTask', type: 'task', summary: 'Upgrade Kubernetes node pools to 1.31', status: 'progress', assignee: 'alice', estimate: 3 * 8 * 3600 },
  { name: 'handbookTask', type: 'task', summary: 'On-call handbook review', status: 'review', assignee: 'bob', labels: ['docs'] },
  { name: 'backupIncident', type: 'incident', summary: 'Nightly backup verification failed', status: 'done', assignee: 'alice', team: 'sre' },
  { name: 'pagerTask', type: 'task', summary: 'Rotate pager schedules for Q1', status: 'todo' },
  { name: 'drainSub', type: 'subtask', summary: 'Drain the old node pool', status: 'todo', parent: 'k8sTask' },
];

const SEC_ISSUES: IssueSpec[] = [
  { name: 'penTest', type: 'task', summary: 'Pen test findings 2026-Q3', status: 'todo', assignee: 'alice' },
  { name: 'iamReview', type: 'task', summary: 'Review IAM roles for CI', status: 'progress', assignee: 'alice' },
  { name: 'cookieBug', type: 'bug', summary: 'Session cookie missing SameSite', status: 'done', assignee: 'alice', priority: '2' },
];

const STATUS_OF: Record<Status, string> = { todo: STATUS.todo, progress: STATUS.inProgress, review: STATUS.inReview, done: STATUS.done };
/** The transitions that lead from To Do to each status, in order. */
const PATH: Record<Status, string[]> = { todo: [], progress: ['11'], review: ['11', '31'], done: ['11', '31', '51'] };

const TEAM = { platform: '10020', payments: '10021', mobile: '10022', data: '10023', sre: '10024', legacy: '10025' } as const;

const DATA_VERBS = ['Backfill', 'Deduplicate', 'Partition', 'Validate', 'Archive', 'Reindex', 'Profile', 'Document', 'Monitor', 'Migrate', 'Compact'];
const DATA_OBJECTS = ['orders table', 'customer events', 'warehouse snapshots', 'revenue report', 'churn model features', 'clickstream export', 'inventory feed', 'ledger extracts', 'support tickets', 'marketing attribution', 'search logs', 'fraud signals', 'session replays'];
const DATA_LABELS = ['etl', 'warehouse', 'reporting', 'ml', 'quality'];
export const DATA_ISSUE_COUNT = 520;

function uuidFor(label: string): string {
  const h = createHash('sha256').update(`tether-sandbox:jira:${label}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();

export function buildJira(users: SeedUser[]): { data: JiraData; ids: JiraSeedIds } {
  const [alice, bob] = users as [SeedUser, SeedUser];
  const who = (n: 'alice' | 'bob' | undefined): string | null => (n === 'alice' ? alice.accountId : n === 'bob' ? bob.accountId : null);
  const data: JiraData = {
    projects: [],
    versions: new Map(),
    components: new Map(),
    issues: new Map(),
    comments: new Map(),
    worklogs: new Map(),
    attachments: new Map(),
    links: new Map(),
    remoteLinks: new Map(),
    histories: new Map(),
    boards: [],
    sprints: new Map(),
    teamOptions: [
      { id: TEAM.platform, value: 'Platform', disabled: false },
      { id: TEAM.payments, value: 'Payments', disabled: false },
      { id: TEAM.mobile, value: 'Mobile', disabled: false },
      { id: TEAM.data, value: 'Data', disabled: false },
      { id: TEAM.sre, value: 'SRE', disabled: false },
      { id: TEAM.legacy, value: 'Legacy', disabled: true },
    ],
    next: { issue: 10000, comment: 10000, worklog: 10000, attachment: 10000, link: 10000, remoteLink: 10000, history: 10000, version: 10000, component: 10000, sprint: 1, rank: 1 },
  };
  const take = (kind: keyof JiraData['next']): number => data.next[kind]++;

  // ------------------------------------------------------------------ projects
  const project = (key: string, name: string, description: string, lead: SeedUser, typeIds: string[], extra: Partial<ProjectRecord> = {}): ProjectRecord => {
    const p: ProjectRecord = {
      id: String(10000 + data.projects.length),
      key,
      name,
      description,
      typeKey: 'software',
      leadId: lead.accountId,
      uuid: uuidFor(`project:${key}`),
      avatarId: 10400 + data.projects.length,
      issueTypeIds: typeIds,
      browse: 'all',
      admins: [lead.accountId],
      required: {},
      nextNumber: 1,
      ...extra,
    };
    data.projects.push(p);
    return p;
  };
  const { epic, story, task, bug, subtask, incident } = ISSUE_TYPE;
  const eng = project('ENG', 'Engineering', 'Product engineering: checkout, payments, mobile.', alice, [epic, story, task, bug, subtask], { required: { [bug]: [FIELD.team] } });
  const ops = project('OPS', 'Operations', 'Run the platform: incidents, maintenance, on-call.', bob, [task, incident, subtask], { required: { [incident]: [FIELD.team] } });
  const dataProject = project('DATA', 'Data Platform', 'Pipelines, warehouse and reporting.', bob, [story, task, bug, subtask]);
  const sec = project('SEC', 'Security', 'Restricted: security findings.', alice, [task, bug], { browse: [alice.accountId] });

  // ------------------------------------------------------------------ versions, components
  const version = (p: ProjectRecord, name: string, released: boolean, startDate: string | null, releaseDate: string | null, description: string): string => {
    const id = String(take('version'));
    data.versions.set(id, { id, projectId: p.id, name, description, archived: false, released, startDate, releaseDate });
    return id;
  };
  const versions = {
    v10: version(eng, '1.0', true, '2026-05-01', '2026-06-30', 'First public release'),
    v11: version(eng, '1.1', true, '2026-07-01', '2026-09-15', 'Onboarding and coupons'),
    v20: version(eng, '2.0', false, '2026-10-01', '2026-12-15', 'New checkout'),
    v21: version(eng, '2.1', false, null, null, 'Observability follow-ups'),
  };
  version(ops, '2026-Q4', false, '2026-10-01', '2026-12-31', 'Quarterly maintenance');
  const component = (p: ProjectRecord, name: string, description: string, lead: SeedUser | null): string => {
    const id = String(take('component'));
    data.components.set(id, { id, projectId: p.id, name, description, leadId: lead?.accountId ?? null });
    return id;
  };
  const components = {
    api: component(eng, 'API', 'Public REST API', null),
    backend: component(eng, 'Backend', 'Services behind the API', alice),
    frontend: component(eng, 'Frontend', 'Web checkout', bob),
    infrastructure: component(eng, 'Infrastructure', 'Deployment and runtime', null),
  };
  const opsComponents = { monitoring: component(ops, 'Monitoring', 'Dashboards and alerts', bob), networking: component(ops, 'Networking', 'DNS, TLS, load balancers', null) };
  const componentIds: Record<string, string> = { ...components, ...opsComponents };

  // ------------------------------------------------------------------ boards, sprints
  data.boards.push({ id: 1, name: 'ENG board', type: 'scrum', projectId: eng.id }, { id: 2, name: 'OPS board', type: 'kanban', projectId: ops.id }, { id: 3, name: 'DATA board', type: 'kanban', projectId: dataProject.id }, { id: 4, name: 'SEC board', type: 'kanban', projectId: sec.id });
  const sprint = (name: string, state: SprintRecord['state'], start: string | null, end: string | null, goal: string): number => {
    const id = take('sprint');
    data.sprints.set(id, {
      id,
      name,
      state,
      boardId: 1,
      goal,
      startDate: start,
      endDate: end,
      completeDate: state === 'closed' ? end : null,
      createdDate: iso(Date.parse(start ?? '2026-11-20T09:00:00.000Z') - 3 * 24 * HOUR),
    });
    return id;
  };
  const sprints = {
    closed1: sprint('ENG Sprint 1', 'closed', '2026-10-19T09:00:00.000Z', '2026-11-02T09:00:00.000Z', 'Finish onboarding'),
    closed2: sprint('ENG Sprint 2', 'closed', '2026-11-02T09:00:00.000Z', '2026-11-16T09:00:00.000Z', 'Coupons and key rotation'),
    active: sprint('ENG Sprint 3', 'active', '2026-11-16T09:00:00.000Z', '2026-11-30T09:00:00.000Z', 'Ship saved cards and fix webhook retries'),
    future: sprint('ENG Sprint 4', 'future', null, null, ''),
  };

  // ------------------------------------------------------------------ issues
  const byName = new Map<string, IssueRecord>();
  const history = (issue: IssueRecord, authorId: string, at: number, items: ChangeItem[]): void => {
    const id = String(take('history'));
    data.histories.set(id, { id, issueId: issue.id, authorId, created: iso(at), items });
  };
  const statusItem = (from: string, to: string): ChangeItem => ({
    field: 'status',
    fieldtype: 'jira',
    fieldId: 'status',
    from,
    fromString: byId(STATUSES, from)!.name,
    to,
    toString: byId(STATUSES, to)!.name,
  });

  const addIssue = (p: ProjectRecord, spec: IssueSpec, createdMs: number, description: AdfDoc | null): IssueRecord => {
    const number = p.nextNumber++;
    const reporter = who(spec.reporter) ?? (spec.assignee === 'bob' ? alice.accountId : bob.accountId);
    const parent = spec.parent ? byName.get(spec.parent)! : undefined;
    const status = STATUS_OF[spec.status];
    const steps = PATH[spec.status];
    const doneAt = createdMs + steps.length * 20 * HOUR;
    const issue: IssueRecord = {
      id: String(take('issue')),
      key: `${p.key}-${number}`,
      projectId: p.id,
      number,
      typeId: ISSUE_TYPE[spec.type],
      summary: spec.summary,
      description,
      environment: null,
      statusId: status,
      priorityId: spec.priority ?? DEFAULT_PRIORITY,
      resolutionId: spec.status === 'done' ? (spec.resolution ?? '10000') : null,
      resolutionDate: spec.status === 'done' ? iso(doneAt) : null,
      assigneeId: who(spec.assignee),
      reporterId: reporter,
      creatorId: reporter,
      labels: spec.labels ?? [],
      componentIds: (spec.components ?? []).map((c) => componentIds[c]!),
      fixVersionIds: (spec.fix ?? []).map((v) => versions[v as keyof typeof versions]),
      versionIds: (spec.affects ?? []).map((v) => versions[v as keyof typeof versions]),
      dueDate: spec.due ?? null,
      created: iso(createdMs),
      updated: iso(steps.length > 0 ? doneAt : createdMs),
      statusCategoryChanged: iso(steps.length > 0 ? doneAt : createdMs),
      parentId: parent?.id ?? null,
      epicId: spec.epic ? byName.get(spec.epic)!.id : null,
      // a sub-task is in its parent's sprints
      sprintIds: parent ? [...parent.sprintIds] : (spec.sprints ?? []).map((s) => sprints[s]),
      storyPoints: spec.points ?? null,
      teamOptionId: spec.team ? TEAM[spec.team] : null,
      acceptance: null,
      startDate: null,
      epicName: spec.type === 'epic' ? spec.summary : null,
      rank: take('rank'),
      watcherIds: [reporter, ...(spec.assignee && who(spec.assignee) !== reporter ? [who(spec.assignee)!] : [])],
      originalEstimate: spec.estimate ?? null,
      remainingEstimate: spec.estimate ?? null,
    };
    data.issues.set(issue.id, issue);
    byName.set(spec.name, issue);
    // the history of the way through the workflow
    let from: string = STATUS.todo;
    steps.forEach((t, k) => {
      const to = TRANSITIONS.find((x) => x.id === t)!.to;
      const items = [statusItem(from, to)];
      if (to === STATUS.done) items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: issue.resolutionId, toString: issue.resolutionId === '10002' ? 'Duplicate' : 'Done' });
      history(issue, issue.assigneeId ?? reporter, createdMs + (k + 1) * 20 * HOUR, items);
      from = to;
    });
    return issue;
  };

  const engStart = Date.parse('2026-09-01T08:00:00.000Z');
  ENG_ISSUES.forEach((spec, n) => {
    const description = spec.name === 'webhookBug' ? webhookDescription(alice, bob) : spec.description ? plainDoc(spec.description) : n % 3 === 0 ? null : plainDoc(`${spec.summary}.`);
    addIssue(eng, spec, engStart + n * 53 * HOUR, description);
  });
  const opsStart = Date.parse('2026-10-01T07:30:00.000Z');
  OPS_ISSUES.forEach((spec, n) => addIssue(ops, spec, opsStart + n * 61 * HOUR, spec.name === 'incident' ? incidentDescription() : null));
  const secStart = Date.parse('2026-08-10T10:00:00.000Z');
  SEC_ISSUES.forEach((spec, n) => addIssue(sec, spec, secStart + n * 30 * HOUR, null));

  const e = (name: EngIssue | OpsIssue | SecIssue): IssueRecord => byName.get(name)!;

  // the rich bug: environment, a longer history, watchers, estimates
  const webhook = e('webhookBug');
  webhook.environment = webhookEnvironment();
  webhook.originalEstimate = 3 * 8 * 3600;
  webhook.remainingEstimate = 8 * 3600;
  const webhookCreated = Date.parse(webhook.created);
  history(webhook, bob.accountId, webhookCreated + 2 * HOUR, [{ field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: '3', fromString: 'Medium', to: '2', toString: 'High' }]);
  history(webhook, bob.accountId, webhookCreated + 3 * HOUR, [{ field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: bob.accountId, fromString: bob.displayName, to: alice.accountId, toString: alice.displayName, users: true }]);
  history(webhook, alice.accountId, webhookCreated + 4 * HOUR, [{ field: 'Sprint', fieldtype: 'custom', fieldId: FIELD.sprint, from: String(sprints.closed2), fromString: 'ENG Sprint 2', to: `${sprints.closed2}, ${sprints.active}`, toString: 'ENG Sprint 2, ENG Sprint 3' }]);
  history(webhook, alice.accountId, webhookCreated + 5 * HOUR, [{ field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: 'payments', to: null, toString: 'customer payments' }]);
  e('cartStory').acceptance = cartAcceptance();
  e('checkoutEpic').startDate = '2026-10-01';
  e('migrationStory').watcherIds.push(alice.accountId);

  // comments
  const comment = (issue: IssueRecord, author: SeedUser, body: AdfDoc, hoursAfter: number): string => {
    const id = String(take('comment'));
    const at = iso(Date.parse(issue.created) + hoursAfter * HOUR);
    data.comments.set(id, { id, issueId: issue.id, authorId: author.accountId, updateAuthorId: author.accountId, body, created: at, updated: at, visibility: null });
    return id;
  };
  const [c1, c2, c3, c4] = webhookComments(alice, bob);
  const comments = {
    mention: comment(webhook, bob, c1!, 6),
    code: comment(webhook, alice, c2!, 9),
    table: comment(webhook, bob, c3!, 30),
    panel: comment(webhook, alice, c4!, 32),
    login: loginComments(alice).map((b, k) => comment(e('loginBug'), k === 0 ? bob : alice, b, 4 + k)) as [string, string],
  };
  comment(e('incident'), bob, doc(para('Rollback done, error rate back under 0.1%.')), 2);
  comment(e('cartStory'), alice, doc(para('Design review passed; only the empty state is missing.')), 12);

  // worklogs
  const worklog = (issue: IssueRecord, author: SeedUser, seconds: number, hoursAfter: number, note: AdfDoc | null): string => {
    const id = String(take('worklog'));
    const at = iso(Date.parse(issue.created) + hoursAfter * HOUR);
    data.worklogs.set(id, { id, issueId: issue.id, authorId: author.accountId, updateAuthorId: author.accountId, comment: note, started: at, timeSpentSeconds: seconds, created: at, updated: at });
    return id;
  };
  const worklogs: [string, string] = [worklog(webhook, alice, 2 * 3600, 10, WORKLOG_NOTE), worklog(webhook, bob, 5400, 26, WORKLOG_NOTE_2)];
  worklog(e('checkoutTask'), alice, 4 * 3600, 20, null);
  worklog(e('k8sTask'), alice, 3 * 3600, 8, plainDoc('Upgraded the staging pool.'));
  webhook.remainingEstimate = Math.max(0, (webhook.originalEstimate ?? 0) - 2 * 3600 - 5400);

  // attachments
  const attachment = (issue: IssueRecord, author: SeedUser, filename: string, mimeType: string, bytes: Buffer): string => {
    const id = String(take('attachment'));
    data.attachments.set(id, { id, issueId: issue.id, filename, authorId: author.accountId, created: iso(Date.parse(issue.created) + HOUR), mimeType, bytes });
    return id;
  };
  const attachmentNames = { png: 'retry-timeline.png', log: 'webhook-errors.log', csv: 'order-counts.csv' };
  const attachments = {
    png: attachment(webhook, bob, attachmentNames.png, 'image/png', seedPng()),
    log: attachment(webhook, alice, attachmentNames.log, 'text/plain', Buffer.from('2026-10-02T09:41:07Z WARN retry evt_3Nq8 acknowledged without insert\n2026-10-02T09:41:09Z WARN retry evt_3Nq9 acknowledged without insert\n')),
    csv: attachment(e('migrationStory'), bob, attachmentNames.csv, 'text/csv', Buffer.from('year,orders\n2024,181233\n2025,240918\n2026,198004\n')),
  };

  // links (source = the request's inwardIssue, see model.ts)
  const linkIssues = (typeId: string, source: IssueRecord, target: IssueRecord): string => {
    const id = String(take('link'));
    data.links.set(id, { id, typeId, sourceId: source.id, targetId: target.id });
    return id;
  };
  const links = {
    blocks: linkIssues('10000', e('migrationStory'), e('searchStory')),
    duplicate: linkIssues('10002', e('duplicateBug'), webhook),
    relates: linkIssues('10003', webhook, e('latencyBug')),
    crossProject: linkIssues('10003', e('incident'), webhook),
  };
  const remoteLinkId = take('remoteLink');
  data.remoteLinks.set(remoteLinkId, {
    id: remoteLinkId,
    issueId: webhook.id,
    globalId: 'github=acme/payments/pull/482',
    relationship: 'mentioned in',
    application: { type: 'com.github', name: 'GitHub' },
    object: { url: 'https://github.com/acme/payments/pull/482', title: 'PR #482: claim webhook events before inserting', summary: 'Fixes ENG-4', status: { resolved: false } },
  });

  // DATA: many plain issues for paging
  const dataStart = Date.parse('2025-06-02T06:00:00.000Z');
  for (let n = 0; n < DATA_ISSUE_COUNT; n++) {
    const status: Status = (['todo', 'progress', 'review', 'done', 'done', 'todo'] as const)[n % 6]!;
    const spec: IssueSpec = {
      name: `data${n}`,
      type: (['task', 'story', 'bug', 'task'] as const)[n % 4]!,
      summary: `${DATA_VERBS[n % DATA_VERBS.length]} ${DATA_OBJECTS[(n * 7) % DATA_OBJECTS.length]} (batch ${Math.floor(n / 20) + 1})`,
      status,
      ...(n % 3 === 2 ? {} : { assignee: n % 3 === 0 ? ('alice' as const) : ('bob' as const) }),
      reporter: n % 2 === 0 ? 'bob' : 'alice',
      priority: String((n % 5) + 1),
      labels: [DATA_LABELS[n % DATA_LABELS.length]!, ...(n % 10 === 0 ? ['quarterly'] : [])],
      points: [1, 2, 3, 5, 8][n % 5]!,
      team: 'data',
    };
    addIssue(dataProject, spec, dataStart + n * 11 * HOUR, n % 4 === 0 ? plainDoc(`Part of the ${DATA_LABELS[n % DATA_LABELS.length]} backlog.`) : null);
  }

  const keys = {} as JiraSeedIds['keys'];
  const issueIds = {} as JiraSeedIds['issueIds'];
  for (const spec of [...ENG_ISSUES, ...OPS_ISSUES, ...SEC_ISSUES]) {
    const issue = byName.get(spec.name)!;
    (keys as Record<string, string>)[spec.name] = issue.key;
    (issueIds as Record<string, string>)[spec.name] = issue.id;
  }

  return {
    data,
    ids: {
      projects: { eng: { id: eng.id, key: eng.key }, ops: { id: ops.id, key: ops.key }, data: { id: dataProject.id, key: dataProject.key }, sec: { id: sec.id, key: sec.key } },
      keys,
      issueIds,
      dataIssueCount: DATA_ISSUE_COUNT,
      boards: { eng: 1, ops: 2, data: 3, sec: 4 },
      sprints,
      versions,
      components,
      fields: FIELD,
      team: { contextId: '10112', options: TEAM },
      linkTypes: { blocks: '10000', cloners: '10001', duplicate: '10002', relates: '10003' },
      links,
      comments,
      worklogs,
      attachments,
      attachmentNames,
      remoteLinkId,
      transitions: { start: '11', stop: '21', review: '31', backToProgress: '41', done: '51', reopen: '61' },
    },
  };
}
