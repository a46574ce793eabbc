// The issue as Jira answers it (IssueBean): the `fields` filter (*all, *navigable, -exclusions),
// each field's value in the flavour of the request (ADF on v3, wiki markup on v2, Data Center user
// and sprint shapes), and the expansions renderedFields, names, schema, transitions, changelog,
// editmeta and operations.

import { ISSUE_TYPE, ISSUE_TYPES, LINK_TYPES, PRIORITIES, RESOLUTIONS, TRANSITIONS, byId } from '../jira/catalog.ts';
import { FIELD, fieldDef, fieldsFor, requiredFields, screenFields } from '../jira/fields.ts';
import { jiraTime, type HistoryRecord, type IssueRecord, type JiraStore, type SprintRecord } from '../jira/model.ts';
import { type Api, formatDuration, richOut, userJson } from './jira-common.ts';
import {
  attachmentJson,
  commentJson,
  componentRef,
  displayTime,
  fieldMeta,
  issueTypeJson,
  linkTypeJson,
  priorityJson,
  projectRef,
  renderHtml,
  resolutionJson,
  statusJson,
  transitionJson,
  versionJson,
  worklogJson,
} from './jira-json.ts';

export const ISSUE_EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

/** Fields that exist for search and the field list but never appear in an issue's `fields`. */
const NOT_IN_ISSUE = new Set(['issuekey', 'statusCategory']);

export interface IssueView {
  a: Api;
  s: JiraStore;
  /** Base of the issue's `self` (`${rest}/issue` or the agile `/rest/agile/1.0/issue`). */
  selfBase?: string;
  /** Which fields to include (see fieldFilter). */
  include: (fieldId: string) => boolean;
  expand: Set<string>;
}

/**
 * The `fields` parameter as a predicate: `*all`, `*navigable`, ids, and `-id` exclusions. Without
 * a positive entry the default applies (`*all` for GET issue, `*navigable` for v2 search, none
 * — only ids and keys — for the enhanced search).
 */
export function fieldFilter(a: Api, raw: string[] | undefined, fallback: '*all' | '*navigable' | 'none'): (fieldId: string) => boolean {
  const tokens = (raw ?? []).flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t !== '');
  const positive = tokens.filter((t) => !t.startsWith('-'));
  const excluded = new Set(tokens.filter((t) => t.startsWith('-')).map((t) => t.slice(1)));
  const all = fieldsFor(a.dc).filter((f) => !NOT_IN_ISSUE.has(f.id));
  const included = new Set<string>();
  const addAll = (navigableOnly: boolean): void => {
    for (const f of all) if (!navigableOnly || f.navigable) included.add(f.id);
  };
  const starts = positive.length > 0 ? positive : fallback === 'none' ? [] : [fallback];
  for (const t of starts) {
    if (t === '*all') addAll(false);
    else if (t === '*navigable') addAll(true);
    else if (all.some((f) => f.id === t)) included.add(t);
  }
  return (id) => included.has(id) && !excluded.has(id);
}

export function issueSelf(view: IssueView, issue: IssueRecord): string {
  return `${view.selfBase ?? `${view.a.rest}/issue`}/${issue.id}`;
}

/** The small issue object inside parent, subtasks and issue links. */
export function issueRef(a: Api, s: JiraStore, issue: IssueRecord): Record<string, unknown> {
  return {
    id: issue.id,
    key: issue.key,
    self: `${a.rest}/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      status: statusJson(a, s.status(issue.statusId)),
      priority: priorityJson(a, byId(PRIORITIES, issue.priorityId)!),
      issuetype: issueTypeJson(a, byId(ISSUE_TYPES, issue.typeId)!),
    },
  };
}

export function rankString(rank: number): string {
  return `0|i${rank.toString(36).padStart(5, '0')}:`;
}

/** The Sprint field: objects on Cloud; Data Center still sends Greenhopper's toString() form. */
export function sprintFieldValue(a: Api, sprints: SprintRecord[]): unknown {
  if (sprints.length === 0) return null;
  if (a.dc) {
    return sprints.map(
      (sp) =>
        `com.atlassian.greenhopper.service.sprint.Sprint@${(0x1f3a00 + sp.id).toString(16)}[id=${sp.id},rapidViewId=${sp.boardId},state=${sp.state.toUpperCase()},name=${sp.name},startDate=${sp.startDate ?? '<null>'},endDate=${sp.endDate ?? '<null>'},completeDate=${sp.completeDate ?? '<null>'},activatedDate=${sp.startDate ?? '<null>'},sequence=${sp.id},goal=${sp.goal || '<null>'}]`,
    );
  }
  return sprints.map((sp) => {
    const o: Record<string, unknown> = { id: sp.id, name: sp.name, state: sp.state, boardId: sp.boardId, goal: sp.goal };
    if (sp.startDate) o.startDate = sp.startDate;
    if (sp.endDate) o.endDate = sp.endDate;
    if (sp.completeDate) o.completeDate = sp.completeDate;
    return o;
  });
}

/** The value of one field of an issue, or undefined when the field does not apply (left out). */
export function fieldValue(a: Api, s: JiraStore, issue: IssueRecord, id: string): unknown {
  const project = s.projectOf(issue);
  switch (id) {
    case 'summary':
      return issue.summary;
    case 'description':
      return richOut(a, s, issue.description);
    case 'environment':
      return richOut(a, s, issue.environment);
    case FIELD.acceptance:
      return richOut(a, s, issue.acceptance);
    case 'issuetype':
      return issueTypeJson(a, byId(ISSUE_TYPES, issue.typeId)!);
    case 'project':
      return projectRef(a, project);
    case 'status':
      return statusJson(a, s.status(issue.statusId));
    case 'priority':
      return priorityJson(a, byId(PRIORITIES, issue.priorityId)!);
    case 'resolution': {
      const r = byId(RESOLUTIONS, issue.resolutionId);
      return r ? resolutionJson(a, r) : null;
    }
    case 'resolutiondate':
      return issue.resolutionDate ? jiraTime(issue.resolutionDate) : null;
    case 'assignee':
      return userJson(a, s.user(issue.assigneeId));
    case 'reporter':
      return userJson(a, s.user(issue.reporterId));
    case 'creator':
      return userJson(a, s.user(issue.creatorId));
    case 'labels':
      return [...issue.labels];
    case 'components':
      return issue.componentIds.map((c) => s.data.components.get(c)).filter((c) => c !== undefined).map((c) => componentRef(a, c));
    case 'fixVersions':
    case 'versions':
      return (id === 'fixVersions' ? issue.fixVersionIds : issue.versionIds)
        .map((v) => s.data.versions.get(v))
        .filter((v) => v !== undefined)
        .map((v) => versionJson(a, v, true));
    case 'duedate':
      return issue.dueDate;
    case 'created':
      return jiraTime(issue.created);
    case 'updated':
      return jiraTime(issue.updated);
    case 'statuscategorychangedate':
      return jiraTime(issue.statusCategoryChanged);
    case 'parent': {
      // Cloud: a sub-task's parent, or a story's epic; Data Center: sub-tasks only (epics use Epic Link)
      const parentId = issue.parentId ?? (a.dc ? null : issue.epicId);
      const parent = parentId ? s.issue(parentId) : undefined;
      return parent ? issueRef(a, s, parent) : undefined;
    }
    case 'subtasks':
      return s.subtasksOf(issue.id).map((x) => issueRef(a, s, x));
    case 'issuelinks':
      return s.linksOf(issue.id).flatMap((l) => {
        const type = byId(LINK_TYPES, l.typeId);
        const otherId = l.sourceId === issue.id ? l.targetId : l.sourceId;
        const other = s.issue(otherId);
        if (!type || !other) return [];
        // seen from the source, the other issue is on the outward side ("blocks X")
        const side = l.sourceId === issue.id ? 'outwardIssue' : 'inwardIssue';
        return [{ id: l.id, self: `${a.rest}/issueLink/${l.id}`, type: linkTypeJson(a, type), [side]: issueRef(a, s, other) }];
      });
    case 'comment': {
      const comments = s.commentsOf(issue.id);
      return { comments: comments.map((c) => commentJson(a, s, issue, c)), self: `${a.rest}/issue/${issue.id}/comment`, maxResults: comments.length, total: comments.length, startAt: 0 };
    }
    case 'worklog': {
      const logs = s.worklogsOf(issue.id);
      return { startAt: 0, maxResults: 20, total: logs.length, worklogs: logs.slice(0, 20).map((w) => worklogJson(a, s, w)) };
    }
    case 'attachment':
      return s.attachmentsOf(issue.id).map((x) => attachmentJson(a, s, x));
    case 'watches':
      return { self: `${a.rest}/issue/${issue.key}/watchers`, watchCount: issue.watcherIds.length, isWatching: false };
    case 'votes':
      return { self: `${a.rest}/issue/${issue.key}/votes`, votes: 0, hasVoted: false };
    case 'timetracking': {
      const spent = s.timeSpent(issue.id);
      const out: Record<string, unknown> = {};
      if (issue.originalEstimate !== null) Object.assign(out, { originalEstimate: formatDuration(issue.originalEstimate) });
      if (issue.remainingEstimate !== null) Object.assign(out, { remainingEstimate: formatDuration(issue.remainingEstimate) });
      if (spent !== null) Object.assign(out, { timeSpent: formatDuration(spent) });
      if (issue.originalEstimate !== null) out.originalEstimateSeconds = issue.originalEstimate;
      if (issue.remainingEstimate !== null) out.remainingEstimateSeconds = issue.remainingEstimate;
      if (spent !== null) out.timeSpentSeconds = spent;
      return out;
    }
    case 'timespent':
      return s.timeSpent(issue.id);
    case 'timeoriginalestimate':
      return issue.originalEstimate;
    case 'timeestimate':
      return issue.remainingEstimate;
    case FIELD.sprint:
      return sprintFieldValue(a, issue.sprintIds.map((sid) => s.sprint(sid)).filter((x) => x !== undefined));
    case FIELD.storyPoints:
      return issue.storyPoints;
    case FIELD.team: {
      const o = s.data.teamOptions.find((x) => x.id === issue.teamOptionId);
      return o ? { self: `${a.rest}/customFieldOption/${o.id}`, value: o.value, id: o.id } : null;
    }
    case FIELD.epicLink:
      return issue.epicId ? (s.issue(issue.epicId)?.key ?? null) : null;
    case FIELD.epicName:
      return issue.typeId === ISSUE_TYPE.epic ? issue.epicName : null;
    case FIELD.startDate:
      return issue.startDate;
    case FIELD.rank:
      return rankString(issue.rank);
    default:
      return undefined;
  }
}

export function historyJson(a: Api, s: JiraStore, h: HistoryRecord): Record<string, unknown> {
  return {
    id: h.id,
    author: userJson(a, s.user(h.authorId)),
    created: jiraTime(h.created),
    items: h.items.map((it) => {
      const dcUser = (id: string | null): string | null => (id === null ? null : (s.user(id)?.dc.username ?? id));
      const from = a.dc && it.users ? dcUser(it.from) : it.from;
      const to = a.dc && it.users ? dcUser(it.to) : it.to;
      // Jira sends null (or "") for an empty side; ChangeDetails in jira-v3.json types all four as
      // plain strings, so the sandbox leaves an empty from/to out and sends "" for the strings
      return {
        field: it.field,
        fieldtype: it.fieldtype,
        ...(a.dc ? {} : { fieldId: it.fieldId }),
        ...(from === null ? {} : { from }),
        fromString: it.fromString ?? '',
        ...(to === null ? {} : { to }),
        toString: it.toString ?? '',
      };
    }),
  };
}

/** The IssueBean. */
export function issueJson(view: IssueView, issue: IssueRecord): Record<string, unknown> {
  const { a, s, expand } = view;
  const out: Record<string, unknown> = { expand: ISSUE_EXPAND, id: issue.id, self: issueSelf(view, issue), key: issue.key };
  const ids = fieldsFor(a.dc)
    .map((f) => f.id)
    .filter((id) => !NOT_IN_ISSUE.has(id) && view.include(id));
  const fields: Record<string, unknown> = {};
  for (const id of ids) {
    const v = fieldValue(a, s, issue, id);
    if (v !== undefined) fields[id] = v;
  }
  if (expand.has('renderedFields')) {
    const rendered: Record<string, unknown> = {};
    for (const id of Object.keys(fields)) rendered[id] = renderedValue(view, issue, id);
    out.renderedFields = rendered;
  }
  if (expand.has('names')) out.names = Object.fromEntries(Object.keys(fields).map((id) => [id, fieldDef(id, a.dc)?.name ?? id]));
  if (expand.has('schema')) {
    out.schema = Object.fromEntries(
      Object.keys(fields)
        .map((id) => [id, fieldDef(id, a.dc)?.schema] as const)
        .filter(([, sch]) => sch !== undefined),
    );
  }
  if (expand.has('transitions')) {
    const project = s.projectOf(issue);
    out.transitions = TRANSITIONS.filter((t) => t.from.includes(issue.statusId)).map((t) => transitionJson(a, s, t, expand.has('transitions.fields'), project));
  }
  if (expand.has('operations')) out.operations = { linkGroups: [] };
  if (expand.has('editmeta')) out.editmeta = { fields: editMeta(a, s, issue) };
  if (expand.has('changelog')) {
    const histories = s.historiesOf(issue.id);
    out.changelog = { startAt: 0, maxResults: histories.length, total: histories.length, histories: histories.map((h) => historyJson(a, s, h)) };
  }
  out.fields = fields;
  return out;
}

export function editMeta(a: Api, s: JiraStore, issue: IssueRecord): Record<string, unknown> {
  const project = s.projectOf(issue);
  const required = new Set(requiredFields(project, issue.typeId, a.dc));
  return Object.fromEntries(screenFields(project, issue.typeId, a.dc, 'edit').map((id) => [id, fieldMeta(a, s, project, id, required.has(id) && id !== 'reporter', 'edit')]));
}

function renderedValue(view: IssueView, issue: IssueRecord, id: string): unknown {
  const { a, s } = view;
  switch (id) {
    case 'description':
      return issue.description ? renderHtml(a, s, issue.description) : null;
    case 'environment':
      return issue.environment ? renderHtml(a, s, issue.environment) : null;
    case FIELD.acceptance:
      return issue.acceptance ? renderHtml(a, s, issue.acceptance) : null;
    case 'created':
    case 'updated':
    case 'resolutiondate':
    case 'statuscategorychangedate': {
      const v = id === 'created' ? issue.created : id === 'updated' ? issue.updated : id === 'resolutiondate' ? issue.resolutionDate : issue.statusCategoryChanged;
      return v ? displayTime(v) : null;
    }
    case 'comment': {
      const comments = s.commentsOf(issue.id);
      return {
        comments: comments.map((c) => ({ ...commentJson(a, s, issue, c), body: renderHtml(a, s, c.body), created: displayTime(c.created), updated: displayTime(c.updated) })),
        maxResults: comments.length,
        total: comments.length,
        startAt: 0,
      };
    }
    case 'timetracking':
      return {};
    default:
      return null;
  }
}

