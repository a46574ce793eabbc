// The mutable Jira state of one sandbox: projects, versions, components, issues and everything
// hanging off them (comments, worklogs, attachments, links, remote links, watchers, change
// history), agile boards and sprints — plus the few rules every route needs (who may see a
// project, key/id lookup, the current sprint of an issue, recording history).
// Users are identified by Cloud account id everywhere in the store; Data Center routes map them
// to username/key at the edge.

import type { SeedUser } from '../seed.ts';
import type { AdfDoc } from './adf.ts';
import { STATUSES, STATUS_CATEGORIES, byId, type StatusDef } from './catalog.ts';

export interface ProjectRecord {
  id: string;
  key: string;
  name: string;
  description: string;
  typeKey: 'software' | 'service_desk' | 'business';
  leadId: string;
  uuid: string;
  avatarId: number;
  /** Issue types of the project's scheme, in display order. */
  issueTypeIds: string[];
  /** Who may browse the project: everyone, or these account ids. */
  browse: 'all' | string[];
  /** Project administrators: they may delete issues and edit anyone's comments. */
  admins: string[];
  /** Fields (beyond summary, issue type, project) required on create, by issue type id. */
  required: Record<string, string[]>;
  nextNumber: number;
}

export interface VersionRecord {
  id: string;
  projectId: string;
  name: string;
  description: string;
  archived: boolean;
  released: boolean;
  startDate: string | null;
  releaseDate: string | null;
}

export interface ComponentRecord {
  id: string;
  projectId: string;
  name: string;
  description: string;
  leadId: string | null;
}

export interface IssueRecord {
  id: string;
  key: string;
  projectId: string;
  number: number;
  typeId: string;
  summary: string;
  description: AdfDoc | null;
  environment: AdfDoc | null;
  statusId: string;
  priorityId: string;
  resolutionId: string | null;
  resolutionDate: string | null;
  assigneeId: string | null;
  reporterId: string;
  creatorId: string;
  labels: string[];
  componentIds: string[];
  fixVersionIds: string[];
  /** Affects versions (`versions`). */
  versionIds: string[];
  dueDate: string | null;
  created: string;
  updated: string;
  statusCategoryChanged: string;
  /** The parent of a sub-task. */
  parentId: string | null;
  /** The epic of a standard issue (Cloud shows it as `parent`, Data Center as Epic Link). */
  epicId: string | null;
  /** Every sprint the issue has been in, oldest first; the last one not closed is the current one. */
  sprintIds: number[];
  storyPoints: number | null;
  /** Option id of the Team select field. */
  teamOptionId: string | null;
  /** Acceptance criteria (rich text custom field). */
  acceptance: AdfDoc | null;
  startDate: string | null;
  /** Epic Name (Data Center epics). */
  epicName: string | null;
  /** Position on boards (ORDER BY Rank). */
  rank: number;
  watcherIds: string[];
  originalEstimate: number | null;
  remainingEstimate: number | null;
}

export interface CommentRecord {
  id: string;
  issueId: string;
  authorId: string;
  updateAuthorId: string;
  body: AdfDoc;
  created: string;
  updated: string;
  visibility: { type: 'group' | 'role'; value: string } | null;
}

export interface WorklogRecord {
  id: string;
  issueId: string;
  authorId: string;
  updateAuthorId: string;
  comment: AdfDoc | null;
  started: string;
  timeSpentSeconds: number;
  created: string;
  updated: string;
}

export interface AttachmentRecord {
  id: string;
  issueId: string;
  filename: string;
  authorId: string;
  created: string;
  mimeType: string;
  bytes: Buffer;
}

/** An issue link as created: `source` is the request's inwardIssue (it "blocks"), `target` its outwardIssue. */
export interface LinkRecord {
  id: string;
  typeId: string;
  sourceId: string;
  targetId: string;
}

export interface RemoteLinkRecord {
  id: number;
  issueId: string;
  globalId: string | undefined;
  relationship: string | undefined;
  application: Record<string, unknown> | undefined;
  object: Record<string, unknown>;
}

export interface ChangeItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
  /** from/to are account ids (Data Center shows usernames there). */
  users?: boolean;
}

export interface HistoryRecord {
  id: string;
  issueId: string;
  authorId: string;
  created: string;
  items: ChangeItem[];
}

export interface BoardRecord {
  id: number;
  name: string;
  type: 'scrum' | 'kanban';
  projectId: string;
}

export interface SprintRecord {
  id: number;
  name: string;
  state: 'future' | 'active' | 'closed';
  boardId: number;
  goal: string;
  startDate: string | null;
  endDate: string | null;
  completeDate: string | null;
  createdDate: string;
}

export interface FieldOption {
  id: string;
  value: string;
  disabled: boolean;
}

export interface JiraData {
  projects: ProjectRecord[];
  versions: Map<string, VersionRecord>;
  components: Map<string, ComponentRecord>;
  issues: Map<string, IssueRecord>;
  comments: Map<string, CommentRecord>;
  worklogs: Map<string, WorklogRecord>;
  attachments: Map<string, AttachmentRecord>;
  links: Map<string, LinkRecord>;
  remoteLinks: Map<number, RemoteLinkRecord>;
  histories: Map<string, HistoryRecord>;
  boards: BoardRecord[];
  sprints: Map<number, SprintRecord>;
  /** Options of the Team select field. */
  teamOptions: FieldOption[];
  /** Next free id per kind (each kind counts on its own, like Jira's sequences). */
  next: Record<'issue' | 'comment' | 'worklog' | 'attachment' | 'link' | 'remoteLink' | 'history' | 'version' | 'component' | 'sprint' | 'rank', number>;
}

/** Jira's timestamp format: milliseconds and a `+0000` offset. */
export function jiraTime(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

export class JiraStore {
  data: JiraData;
  readonly users: SeedUser[];

  constructor(data: JiraData, users: SeedUser[]) {
    this.data = data;
    this.users = users;
  }

  nextId(kind: keyof JiraData['next']): number {
    const id = this.data.next[kind];
    this.data.next[kind] = id + 1;
    return id;
  }

  // ---------------------------------------------------------------- users

  user(accountId: string | null | undefined): SeedUser | undefined {
    return accountId ? this.users.find((u) => u.accountId === accountId) : undefined;
  }

  /** Data Center user by username or user key. */
  dcUser(nameOrKey: string): SeedUser | undefined {
    const n = nameOrKey.toLowerCase();
    return this.users.find((u) => u.dc.username.toLowerCase() === n || u.dc.jiraKey.toLowerCase() === n);
  }

  // ---------------------------------------------------------------- projects

  project(idOrKey: string): ProjectRecord | undefined {
    const k = idOrKey.toUpperCase();
    return this.data.projects.find((p) => p.id === idOrKey || p.key === k);
  }

  canBrowse(p: ProjectRecord, accountId: string): boolean {
    return p.browse === 'all' || p.browse.includes(accountId);
  }

  isAdmin(p: ProjectRecord, accountId: string): boolean {
    return p.leadId === accountId || p.admins.includes(accountId);
  }

  visibleProjects(accountId: string): ProjectRecord[] {
    return this.data.projects.filter((p) => this.canBrowse(p, accountId));
  }

  versionsOf(projectId: string): VersionRecord[] {
    return [...this.data.versions.values()].filter((v) => v.projectId === projectId);
  }

  componentsOf(projectId: string): ComponentRecord[] {
    return [...this.data.components.values()].filter((c) => c.projectId === projectId).sort((a, b) => a.name.localeCompare(b.name));
  }

  // ---------------------------------------------------------------- issues

  /** By numeric id or key (keys are matched case-insensitively, as Jira does). */
  issue(idOrKey: string): IssueRecord | undefined {
    if (/^\d+$/.test(idOrKey)) return this.data.issues.get(idOrKey);
    const k = idOrKey.toUpperCase();
    for (const i of this.data.issues.values()) if (i.key === k) return i;
    return undefined;
  }

  projectOf(issue: IssueRecord): ProjectRecord {
    return this.data.projects.find((p) => p.id === issue.projectId)!;
  }

  subtasksOf(issueId: string): IssueRecord[] {
    return [...this.data.issues.values()].filter((i) => i.parentId === issueId).sort((a, b) => Number(a.id) - Number(b.id));
  }

  epicChildren(epicId: string): IssueRecord[] {
    return [...this.data.issues.values()].filter((i) => i.epicId === epicId).sort((a, b) => Number(a.id) - Number(b.id));
  }

  status(id: string): StatusDef {
    return byId(STATUSES, id) ?? STATUSES[0]!;
  }

  categoryKeyOf(issue: IssueRecord): string {
    const cat = this.status(issue.statusId).categoryId;
    return STATUS_CATEGORIES.find((c) => c.id === cat)?.key ?? 'undefined';
  }

  commentsOf(issueId: string): CommentRecord[] {
    return [...this.data.comments.values()].filter((c) => c.issueId === issueId).sort((a, b) => Number(a.id) - Number(b.id));
  }

  worklogsOf(issueId: string): WorklogRecord[] {
    return [...this.data.worklogs.values()].filter((w) => w.issueId === issueId).sort((a, b) => Number(a.id) - Number(b.id));
  }

  attachmentsOf(issueId: string): AttachmentRecord[] {
    return [...this.data.attachments.values()].filter((a) => a.issueId === issueId).sort((a, b) => Number(a.id) - Number(b.id));
  }

  linksOf(issueId: string): LinkRecord[] {
    return [...this.data.links.values()].filter((l) => l.sourceId === issueId || l.targetId === issueId).sort((a, b) => Number(a.id) - Number(b.id));
  }

  remoteLinksOf(issueId: string): RemoteLinkRecord[] {
    return [...this.data.remoteLinks.values()].filter((l) => l.issueId === issueId).sort((a, b) => a.id - b.id);
  }

  historiesOf(issueId: string): HistoryRecord[] {
    return [...this.data.histories.values()].filter((h) => h.issueId === issueId).sort((a, b) => Number(a.id) - Number(b.id));
  }

  timeSpent(issueId: string): number | null {
    const logs = this.worklogsOf(issueId);
    return logs.length === 0 ? null : logs.reduce((s, w) => s + w.timeSpentSeconds, 0);
  }

  /** Records a change history entry (nothing when no item changed) and touches `updated`. */
  record(issue: IssueRecord, authorId: string, items: ChangeItem[], at = new Date().toISOString()): void {
    issue.updated = at;
    if (items.length === 0) return;
    const id = String(this.nextId('history'));
    this.data.histories.set(id, { id, issueId: issue.id, authorId, created: at, items });
  }

  /** Removes an issue and everything that hangs off it. */
  deleteIssue(issue: IssueRecord): void {
    const d = this.data;
    d.issues.delete(issue.id);
    for (const [id, c] of d.comments) if (c.issueId === issue.id) d.comments.delete(id);
    for (const [id, w] of d.worklogs) if (w.issueId === issue.id) d.worklogs.delete(id);
    for (const [id, a] of d.attachments) if (a.issueId === issue.id) d.attachments.delete(id);
    for (const [id, l] of d.links) if (l.sourceId === issue.id || l.targetId === issue.id) d.links.delete(id);
    for (const [id, l] of d.remoteLinks) if (l.issueId === issue.id) d.remoteLinks.delete(id);
    for (const [id, h] of d.histories) if (h.issueId === issue.id) d.histories.delete(id);
    for (const i of d.issues.values()) if (i.epicId === issue.id) i.epicId = null;
  }

  // ---------------------------------------------------------------- agile

  board(id: number): BoardRecord | undefined {
    return this.data.boards.find((b) => b.id === id);
  }

  sprint(id: number): SprintRecord | undefined {
    return this.data.sprints.get(id);
  }

  sprintsOf(boardId: number): SprintRecord[] {
    return [...this.data.sprints.values()].filter((s) => s.boardId === boardId).sort((a, b) => a.id - b.id);
  }

  /** The open (active or future) sprint an issue is in, if any. */
  currentSprint(issue: IssueRecord): SprintRecord | undefined {
    for (let i = issue.sprintIds.length - 1; i >= 0; i--) {
      const s = this.sprint(issue.sprintIds[i]!);
      if (s && s.state !== 'closed') return s;
    }
    return undefined;
  }

  /** Puts an issue into an open sprint (leaving the open sprint it was in; closed ones stay in its history). */
  moveToSprint(issue: IssueRecord, sprint: SprintRecord | undefined): void {
    const current = this.currentSprint(issue);
    if (current) issue.sprintIds = issue.sprintIds.filter((id) => id !== current.id);
    if (sprint) issue.sprintIds = [...issue.sprintIds.filter((id) => id !== sprint.id), sprint.id];
  }
}
