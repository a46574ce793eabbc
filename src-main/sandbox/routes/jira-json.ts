// JSON shapes of the Jira objects other than issues: statuses, issue types, priorities,
// resolutions, projects, versions, components, comments, worklogs, attachments, link types,
// transitions, field metadata and sprints. Shapes follow /work/shared/specs/jira-v3.json (Status
// Details, IssueTypeDetails, Project, Version, ProjectComponent, Comment, Worklog, Attachment,
// IssueLinkType, IssueTransition, FieldMetadata); Data Center differences are noted where they are.

import { adfToHtml } from '../jira/adf.ts';
import {
  DEFAULT_PRIORITY,
  ISSUE_TYPES,
  PRIORITIES,
  RESOLUTIONS,
  STATUS_CATEGORIES,
  byId,
  type IssueTypeDef,
  type LinkTypeDef,
  type PriorityDef,
  type ResolutionDef,
  type StatusDef,
  type TransitionDef,
} from '../jira/catalog.ts';
import { FIELD, fieldDef, operationsOf } from '../jira/fields.ts';
import {
  jiraTime,
  type AttachmentRecord,
  type CommentRecord,
  type ComponentRecord,
  type IssueRecord,
  type JiraStore,
  type ProjectRecord,
  type SprintRecord,
  type VersionRecord,
  type WorklogRecord,
} from '../jira/model.ts';
import { type Api, formatDuration, richOut, userJson } from './jira-common.ts';

export function statusJson(a: Api, st: StatusDef): Record<string, unknown> {
  const cat = STATUS_CATEGORIES.find((c) => c.id === st.categoryId)!;
  return {
    self: `${a.rest}/status/${st.id}`,
    description: st.description,
    iconUrl: `${a.base}/`,
    name: st.name,
    id: st.id,
    statusCategory: { self: `${a.rest}/statuscategory/${cat.id}`, id: cat.id, key: cat.key, colorName: cat.colorName, name: cat.name },
  };
}

export function issueTypeJson(a: Api, t: IssueTypeDef): Record<string, unknown> {
  const iconUrl = a.dc
    ? `${a.base}/secure/viewavatar?size=xsmall&avatarId=${t.avatarId}&avatarType=issuetype`
    : `${a.base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t.avatarId}?size=medium`;
  return {
    self: `${a.rest}/issuetype/${t.id}`,
    id: t.id,
    description: t.description,
    iconUrl,
    name: t.name,
    subtask: t.subtask,
    avatarId: t.avatarId,
    ...(a.dc ? {} : { hierarchyLevel: t.hierarchyLevel }),
  };
}

export function priorityJson(a: Api, p: PriorityDef, full = false): Record<string, unknown> {
  return {
    self: `${a.rest}/priority/${p.id}`,
    iconUrl: `${a.base}/images/icons/priorities/${p.icon}.svg`,
    name: p.name,
    id: p.id,
    ...(full ? { description: p.description, statusColor: p.statusColor, ...(a.dc ? {} : { isDefault: p.id === DEFAULT_PRIORITY }) } : {}),
  };
}

export function resolutionJson(a: Api, r: ResolutionDef): Record<string, unknown> {
  return { self: `${a.rest}/resolution/${r.id}`, id: r.id, description: r.description, name: r.name };
}

export function projectAvatars(a: Api, p: ProjectRecord): Record<string, string> {
  const url = (size: string): string =>
    a.dc ? `${a.base}/secure/projectavatar?size=${size}&avatarId=${p.avatarId}` : `${a.base}/rest/api/3/universal_avatar/view/type/project/avatar/${p.avatarId}?size=${size}`;
  return { '48x48': url('large'), '24x24': url('small'), '16x16': url('xsmall'), '32x32': url('medium') };
}

/** The short project object inside issues. */
export function projectRef(a: Api, p: ProjectRecord): Record<string, unknown> {
  return {
    self: `${a.rest}/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    projectTypeKey: p.typeKey,
    ...(a.dc ? {} : { simplified: false }),
    avatarUrls: projectAvatars(a, p),
  };
}

const PROJECT_EXPAND = 'description,lead,issueTypes,url,projectKeys,permissions,insight';

/** A project as GET /project/{key} (full) or the list endpoints (summary plus what `expand` asks) answer. */
export function projectJson(a: Api, s: JiraStore, p: ProjectRecord, full: boolean, expand: Set<string> = new Set()): Record<string, unknown> {
  const out: Record<string, unknown> = { expand: PROJECT_EXPAND, self: `${a.rest}/project/${p.id}`, id: p.id, key: p.key };
  if (full || expand.has('description')) out.description = p.description;
  if (full || expand.has('lead')) out.lead = userJson(a, s.user(p.leadId));
  if (full) out.components = s.componentsOf(p.id).map((c) => componentJson(a, s, c, p));
  if (full || expand.has('issueTypes')) out.issueTypes = p.issueTypeIds.map((id) => issueTypeJson(a, byId(ISSUE_TYPES, id)!));
  if (full) {
    out.assigneeType = 'UNASSIGNED';
    out.versions = s.versionsOf(p.id).map((v) => versionJson(a, v));
  }
  out.name = p.name;
  if (full) out.roles = {};
  out.avatarUrls = projectAvatars(a, p);
  out.projectTypeKey = p.typeKey;
  if (a.dc) {
    // Data Center adds projectKeys and archived (not in the Cloud schema)
    out.projectKeys = [p.key];
    out.archived = false;
  } else {
    out.simplified = false;
    out.style = 'classic';
    out.isPrivate = p.browse !== 'all';
    out.properties = {};
    if (full) out.uuid = p.uuid;
    if (expand.has('insight')) {
      const issues = [...s.data.issues.values()].filter((i) => i.projectId === p.id);
      const last = issues.reduce((m, i) => (i.updated > m ? i.updated : m), '1970-01-01T00:00:00.000Z');
      out.insight = { totalIssueCount: issues.length, lastIssueUpdateTime: jiraTime(last) };
    }
  }
  return out;
}

export function versionJson(a: Api, v: VersionRecord, short = false): Record<string, unknown> {
  const out: Record<string, unknown> = { self: `${a.rest}/version/${v.id}`, id: v.id, description: v.description, name: v.name, archived: v.archived, released: v.released };
  if (v.startDate && !short) out.startDate = v.startDate;
  if (v.releaseDate) out.releaseDate = v.releaseDate;
  if (short) return out;
  if (!v.released && v.releaseDate) out.overdue = Date.parse(`${v.releaseDate}T23:59:59Z`) < Date.now();
  if (v.startDate) out.userStartDate = displayDate(v.startDate);
  if (v.releaseDate) out.userReleaseDate = displayDate(v.releaseDate);
  out.projectId = Number(v.projectId);
  return out;
}

/** `15/Dec/26`, the way Jira shows dates to an en_US user. */
export function displayDate(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${String(d.getUTCDate()).padStart(2, '0')}/${month}/${String(d.getUTCFullYear()).slice(2)}`;
}

/** `14/Oct/26 9:30 AM`, as renderedFields shows timestamps. */
export function displayTime(iso: string): string {
  const d = new Date(iso);
  const h = d.getUTCHours();
  return `${displayDate(iso)} ${((h + 11) % 12) + 1}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

export function componentJson(a: Api, s: JiraStore, c: ComponentRecord, p: ProjectRecord): Record<string, unknown> {
  const lead = userJson(a, s.user(c.leadId));
  const out: Record<string, unknown> = { self: `${a.rest}/component/${c.id}`, id: c.id, name: c.name, description: c.description };
  if (lead) out.lead = lead;
  out.assigneeType = 'PROJECT_DEFAULT';
  out.realAssigneeType = 'PROJECT_DEFAULT';
  out.isAssigneeTypeValid = false;
  out.project = p.key;
  out.projectId = Number(p.id);
  return out;
}

export function componentRef(a: Api, c: ComponentRecord): Record<string, unknown> {
  return { self: `${a.rest}/component/${c.id}`, id: c.id, name: c.name, ...(c.description ? { description: c.description } : {}) };
}

export function commentJson(a: Api, s: JiraStore, issue: IssueRecord, c: CommentRecord, expand: Set<string> = new Set()): Record<string, unknown> {
  const out: Record<string, unknown> = {
    self: `${a.rest}/issue/${issue.id}/comment/${c.id}`,
    id: c.id,
    author: userJson(a, s.user(c.authorId)),
    body: richOut(a, s, c.body),
    updateAuthor: userJson(a, s.user(c.updateAuthorId)),
    created: jiraTime(c.created),
    updated: jiraTime(c.updated),
  };
  if (c.visibility) out.visibility = { ...c.visibility, identifier: c.visibility.value };
  if (!a.dc) out.jsdPublic = true;
  if (expand.has('renderedBody')) out.renderedBody = renderHtml(a, s, c.body);
  return out;
}

export function renderHtml(a: Api, s: JiraStore, doc: Parameters<typeof adfToHtml>[0]): string {
  return adfToHtml(doc, (id) => {
    const u = s.user(id);
    return a.dc ? `${a.base}/secure/ViewProfile.jspa?name=${u?.dc.username ?? id}` : `${a.base}/secure/ViewProfile.jspa?accountId=${id}`;
  });
}

export function worklogJson(a: Api, s: JiraStore, w: WorklogRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    self: `${a.rest}/issue/${w.issueId}/worklog/${w.id}`,
    author: userJson(a, s.user(w.authorId)),
    updateAuthor: userJson(a, s.user(w.updateAuthorId)),
  };
  if (w.comment) out.comment = richOut(a, s, w.comment);
  Object.assign(out, {
    created: jiraTime(w.created),
    updated: jiraTime(w.updated),
    started: jiraTime(w.started),
    timeSpent: formatDuration(w.timeSpentSeconds),
    timeSpentSeconds: w.timeSpentSeconds,
    id: w.id,
    issueId: w.issueId,
  });
  return out;
}

export function attachmentJson(a: Api, s: JiraStore, att: AttachmentRecord): Record<string, unknown> {
  const image = att.mimeType.startsWith('image/');
  // Cloud: content through the REST API (it redirects to the media store); DC: the /secure servlet
  const content = a.dc ? `${a.base}/secure/attachment/${att.id}/${encodeURIComponent(att.filename)}` : `${a.rest}/attachment/content/${att.id}`;
  const thumbnail = a.dc ? `${a.base}/secure/thumbnail/${att.id}/_thumb_${att.id}.png` : `${a.rest}/attachment/thumbnail/${att.id}`;
  return {
    self: `${a.rest}/attachment/${att.id}`,
    id: att.id,
    filename: att.filename,
    author: userJson(a, s.user(att.authorId)),
    created: jiraTime(att.created),
    size: att.bytes.length,
    mimeType: att.mimeType,
    content,
    ...(image ? { thumbnail } : {}),
  };
}

export function linkTypeJson(a: Api, t: LinkTypeDef): Record<string, unknown> {
  return { id: t.id, name: t.name, inward: t.inward, outward: t.outward, self: `${a.rest}/issueLinkType/${t.id}` };
}

export function transitionJson(a: Api, s: JiraStore, t: TransitionDef, withFields: boolean, project: ProjectRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: t.id,
    name: t.name,
    to: statusJson(a, s.status(t.to)),
    hasScreen: t.screen,
    isGlobal: false,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
  };
  if (withFields) out.fields = t.screen ? { resolution: fieldMeta(a, s, project, 'resolution', false, 'edit') } : {};
  return out;
}

/**
 * FieldMetadata (editmeta, transition screens) or, with `withFieldId`, FieldCreateMetadata
 * (createmeta; Data Center's createmeta carries fieldId too).
 */
export function fieldMeta(a: Api, s: JiraStore, p: ProjectRecord, fieldId: string, required: boolean, mode: 'create' | 'edit', typeId?: string, withFieldId = false): Record<string, unknown> {
  const f = fieldDef(fieldId, a.dc);
  const out: Record<string, unknown> = { required, schema: f?.schema ?? { type: 'any' }, name: f?.name ?? fieldId, key: fieldId };
  if (withFieldId) out.fieldId = fieldId;
  let allowed: unknown[] | undefined;
  let autoComplete: string | undefined;
  let defaultValue: unknown;
  switch (fieldId) {
    case 'issuetype':
      allowed = (typeId ? [typeId] : p.issueTypeIds).map((id) => issueTypeJson(a, byId(ISSUE_TYPES, id)!));
      break;
    case 'project':
      allowed = [projectRef(a, p)];
      break;
    case 'priority':
      allowed = PRIORITIES.map((x) => priorityJson(a, x));
      defaultValue = priorityJson(a, byId(PRIORITIES, DEFAULT_PRIORITY)!);
      break;
    case 'resolution':
      allowed = RESOLUTIONS.map((r) => resolutionJson(a, r));
      break;
    case 'components':
      allowed = s.componentsOf(p.id).map((c) => componentRef(a, c));
      break;
    case 'fixVersions':
    case 'versions':
      allowed = s.versionsOf(p.id).filter((v) => !v.archived).map((v) => ({ ...versionJson(a, v, true), projectId: Number(p.id) }));
      break;
    case FIELD.team:
      allowed = s.data.teamOptions.filter((o) => !o.disabled).map((o) => ({ self: `${a.rest}/customFieldOption/${o.id}`, value: o.value, id: o.id }));
      break;
    case 'assignee':
      autoComplete = `${a.rest}/user/assignable/search?project=${p.key}&${a.dc ? 'username' : 'query'}=`;
      break;
    case 'reporter':
      autoComplete = `${a.rest}/user/search?${a.dc ? 'username' : 'query'}=`;
      break;
    case 'labels':
      autoComplete = `${a.base}/rest/api/1.0/labels/suggest?query=`;
      break;
  }
  if (autoComplete) out.autoCompleteUrl = autoComplete;
  out.hasDefaultValue = defaultValue !== undefined || (mode === 'create' && fieldId === 'reporter');
  out.operations = operationsOf(fieldId);
  if (allowed) out.allowedValues = allowed;
  if (defaultValue !== undefined) out.defaultValue = defaultValue;
  return out;
}

/** An agile sprint object (`/rest/agile/1.0/sprint/{id}`); not in jira-v3.json, shape from the agile docs. */
export function sprintJson(a: Api, sp: SprintRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { id: sp.id, self: `${a.base}/rest/agile/1.0/sprint/${sp.id}`, state: sp.state, name: sp.name };
  if (sp.startDate) out.startDate = sp.startDate;
  if (sp.endDate) out.endDate = sp.endDate;
  if (sp.completeDate) out.completeDate = sp.completeDate;
  out.createdDate = sp.createdDate;
  out.originBoardId = sp.boardId;
  out.goal = sp.goal;
  return out;
}
