// Writing issue fields, shared by create, edit and transitions: `fields` (set) and `update`
// (set/add/remove/edit operations) are checked against the screen of the issue type, parsed in the
// request's flavour (ADF or wiki, accountId or username) and collected into a plan. Nothing changes
// until the whole request is valid; then the plan is applied and the change items come back for
// the history. Error sentences are Jira's where known; the rest are marked as guesses.

import type { AdfDoc } from '../jira/adf.ts';
import { adfPlainText } from '../jira/adf.ts';
import { ISSUE_TYPE, ISSUE_TYPES, LINK_TYPES, PRIORITIES, RESOLUTIONS, byId, byIdOrName } from '../jira/catalog.ts';
import { FIELD, fieldDef, requiredFields } from '../jira/fields.ts';
import type { ChangeItem, IssueRecord, JiraStore, ProjectRecord } from '../jira/model.ts';
import type { SeedUser } from '../seed.ts';
import { type Api, isObject, parseDuration, refLabel, richIn, userRef } from './jira-common.ts';

export interface WriteTarget {
  a: Api;
  s: JiraStore;
  user: SeedUser;
  project: ProjectRecord;
  typeId: string;
  /** The issue being edited or transitioned (absent on create). */
  issue?: IssueRecord;
  /** Field ids the screen offers. */
  screen: Set<string>;
}

export interface Plan {
  errors: Record<string, string>;
  /** Applies the plan; returns the history items of what changed. */
  apply(issue: IssueRecord): ChangeItem[];
}

type Value = unknown;
const NOT_ON_SCREEN = (f: string): string => `Field '${f}' cannot be set. It is not on the appropriate screen, or unknown.`;
const ARRAY_FIELDS = new Set(['labels', 'components', 'fixVersions', 'versions']);

/** The internal value of a field on an issue (or the create default). */
function current(t: WriteTarget, f: string): Value {
  const i = t.issue;
  switch (f) {
    case 'labels':
      return i ? [...i.labels] : [];
    case 'components':
      return i ? [...i.componentIds] : [];
    case 'fixVersions':
      return i ? [...i.fixVersionIds] : [];
    case 'versions':
      return i ? [...i.versionIds] : [];
    case 'comment':
      return [];
    case 'issuelinks':
      return [];
    default:
      return undefined;
  }
}

/** Checks `fields` and `update` against the screen; `creating` also demands every required field. */
export function planWrite(t: WriteTarget, fieldsIn: unknown, updateIn: unknown, creating: boolean): Plan {
  const errors: Record<string, string> = {};
  const values = new Map<string, Value>();
  const fields = isObject(fieldsIn) ? fieldsIn : {};
  const update = isObject(updateIn) ? updateIn : {};

  for (const [f, raw] of Object.entries(fields)) {
    if (f === 'project' || (f === 'issuetype' && !t.issue)) continue; // resolved by the caller on create
    if (f in update) {
      errors[f] = `Field '${f}' cannot be set in both 'fields' and 'update'.`; // guess: Jira's wording differs per field
      continue;
    }
    if (!t.screen.has(f)) {
      errors[f] = NOT_ON_SCREEN(f);
      continue;
    }
    const v = parseSet(t, f, raw);
    if (typeof v === 'object' && v !== null && 'error' in v) errors[f] = (v as { error: string }).error;
    else values.set(f, v);
  }
  for (const [f, opsRaw] of Object.entries(update)) {
    if (f in errors) continue;
    if (!t.screen.has(f)) {
      errors[f] = NOT_ON_SCREEN(f);
      continue;
    }
    if (!Array.isArray(opsRaw)) {
      errors[f] = 'Operation value must be an array of operations.';
      continue;
    }
    let cur = values.has(f) ? values.get(f) : current(t, f);
    for (const op of opsRaw) {
      if (!isObject(op) || Object.keys(op).length !== 1) {
        errors[f] = 'Each operation must have exactly one of set, add, remove, edit.';
        break;
      }
      const [verb, arg] = Object.entries(op)[0]!;
      const next = applyOp(t, f, verb, cur, arg);
      if (typeof next === 'object' && next !== null && 'error' in (next as object)) {
        errors[f] = (next as { error: string }).error;
        break;
      }
      cur = next;
    }
    if (!(f in errors)) values.set(f, cur);
  }

  // required fields: on create every one must be given; on edit a required field cannot be emptied
  if (creating || t.issue) {
    for (const f of requiredFields(t.project, t.typeId, t.a.dc)) {
      if (f === 'project' || f === 'issuetype' || f === 'reporter' || f in errors) continue;
      const given = values.has(f);
      if (!given && !creating) continue;
      const v = values.get(f);
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) errors[f] = requiredMessage(t, f);
    }
  }

  return {
    errors,
    apply(issue) {
      const items: ChangeItem[] = [];
      for (const [f, v] of values) items.push(...setValue(t, issue, f, v));
      return items;
    },
  };
}

function requiredMessage(t: WriteTarget, f: string): string {
  if (f === 'summary') return 'You must specify a summary of the issue.';
  if (f === 'parent') return 'Issue type is a sub-task but parent issue key or id not specified.';
  return `${fieldDef(f, t.a.dc)?.name ?? f} is required.`;
}

// ------------------------------------------------------------------ parsing values

function parseSet(t: WriteTarget, f: string, raw: unknown): Value | { error: string } {
  const { a, s } = t;
  switch (f) {
    case 'summary': {
      if (typeof raw !== 'string') return { error: 'Operation value must be a string' };
      if (raw.trim() === '') return { error: 'You must specify a summary of the issue.' };
      if (raw.length > 255) return { error: 'Summary must be less than 255 characters.' };
      return raw.trim();
    }
    case 'description':
    case 'environment':
    case FIELD.acceptance: {
      const r = richIn(a, s, raw);
      return 'error' in r ? r : r.doc;
    }
    case 'issuetype': {
      const type = byIdOrName(ISSUE_TYPES, raw);
      const current = byId(ISSUE_TYPES, t.typeId)!;
      if (!type || !t.project.issueTypeIds.includes(type.id)) return { error: 'The issue type selected is invalid.' };
      if (type.subtask !== current.subtask || (type.hierarchyLevel === 1) !== (current.hierarchyLevel === 1)) {
        return { error: 'The issue type selected is invalid.' }; // a move, not an edit (guess at the sentence)
      }
      return type.id;
    }
    case 'priority': {
      const p = byIdOrName(PRIORITIES, raw);
      if (!p) return { error: isObject(raw) && raw.id !== undefined ? `Priority with id '${String(raw.id)}' does not exist.` : `Priority name '${isObject(raw) ? String(raw.name) : String(raw)}' is not valid.` }; // guess
      return p.id;
    }
    case 'resolution': {
      if (raw === null) return null;
      const r = byIdOrName(RESOLUTIONS, raw);
      if (!r) return { error: 'Resolution is invalid.' }; // guess
      return r.id;
    }
    case 'assignee':
    case 'reporter': {
      if (isObject(raw) && (raw.accountId === '-1' || raw.name === '-1')) return null; // "automatic": the project default (unassigned)
      const u = userRef(a, s, raw);
      if (u === null) return f === 'reporter' ? { error: 'Reporter is required.' } : null;
      if (u === undefined) return { error: `User '${refLabel(a, raw)}' does not exist.` }; // guess
      return u.accountId;
    }
    case 'labels': {
      if (!Array.isArray(raw)) return { error: 'Operation value must be an array of strings.' };
      const out: string[] = [];
      for (const l of raw) {
        const v = label(l);
        if (typeof v !== 'string') return v;
        if (!out.includes(v)) out.push(v);
      }
      return out;
    }
    case 'components':
    case 'fixVersions':
    case 'versions': {
      if (!Array.isArray(raw)) return { error: 'Operation value must be an array.' };
      const out: string[] = [];
      for (const item of raw) {
        const id = refInProject(t, f, item);
        if (typeof id !== 'string') return id;
        if (!out.includes(id)) out.push(id);
      }
      return out;
    }
    case 'duedate':
    case FIELD.startDate:
      if (raw === null || raw === '') return null;
      if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) return { error: `Error parsing date string: ${String(raw)}` };
      return raw;
    case 'parent':
      return parentValue(t, raw);
    case FIELD.epicLink: {
      if (raw === null || raw === '') return null;
      const epic = typeof raw === 'string' ? s.issue(raw) : undefined;
      if (!epic || epic.typeId !== ISSUE_TYPE.epic || !s.canBrowse(s.projectOf(epic), t.user.accountId)) return { error: `Epic key '${String(raw)}' is not valid.` }; // guess
      return epic.id;
    }
    case FIELD.epicName:
      if (raw === null) return null;
      if (typeof raw !== 'string') return { error: 'Operation value must be a string' };
      return raw.trim() === '' ? null : raw;
    case FIELD.storyPoints:
      if (raw === null) return null;
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return { error: 'Operation value must be a number' };
      return raw;
    case FIELD.team: {
      if (raw === null) return null;
      const o = isObject(raw)
        ? s.data.teamOptions.find((x) => (raw.id !== undefined && x.id === String(raw.id)) || (typeof raw.value === 'string' && x.value.toLowerCase() === raw.value.toLowerCase()))
        : undefined;
      if (!o || o.disabled) {
        return { error: isObject(raw) && raw.id !== undefined ? `Option id '${String(raw.id)}' is not valid` : `Option value '${isObject(raw) ? String(raw.value) : String(raw)}' is not valid` };
      }
      return o.id;
    }
    case FIELD.sprint: {
      if (raw === null) return null;
      const id = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : isObject(raw) && typeof raw.id === 'number' ? raw.id : NaN;
      const sp = s.sprint(id);
      if (!sp) return { error: `Sprint with id '${String(isObject(raw) ? raw.id : raw)}' does not exist.` }; // guess
      if (sp.state === 'closed') return { error: 'Issue can be assigned only active or future sprints.' };
      return sp.id;
    }
    case 'timetracking': {
      if (!isObject(raw)) return { error: 'Operation value must be an object.' };
      const out: { original?: number; remaining?: number } = {};
      for (const [k, key] of [['originalEstimate', 'original'], ['remainingEstimate', 'remaining']] as const) {
        if (raw[k] === undefined) continue;
        const secs = parseDuration(raw[k]);
        if (secs === undefined) return { error: `The ${k === 'originalEstimate' ? 'original' : 'remaining'} estimate specified is not valid.` };
        out[key] = secs;
      }
      return out;
    }
    default:
      return { error: NOT_ON_SCREEN(f) };
  }
}

function label(l: unknown): string | { error: string } {
  if (typeof l !== 'string' || l.trim() === '') return { error: 'Label cannot be empty.' };
  if (/\s/.test(l)) return { error: `The label '${l}' contains spaces which is invalid.` };
  if (l.length > 255) return { error: 'The label must not exceed 255 characters.' };
  return l;
}

/** A component or version reference (`{id}` or `{name}`) of the target project. */
function refInProject(t: WriteTarget, f: string, item: unknown): string | { error: string } {
  const list: Array<{ id: string; name: string }> = f === 'components' ? t.s.componentsOf(t.project.id) : t.s.versionsOf(t.project.id);
  const hit = byIdOrName(list, item);
  if (hit) return hit.id;
  const what = f === 'components' ? 'Component' : 'Version';
  if (isObject(item) && item.id !== undefined) return { error: `${what} with id '${String(item.id)}' does not exist.` };
  return { error: `${what} name '${isObject(item) ? String(item.name) : String(item)}' is not valid` };
}

/** `parent` of a sub-task (a standard issue) or, on Cloud, of a standard issue (an epic). */
function parentValue(t: WriteTarget, raw: unknown): Value | { error: string } {
  const { s } = t;
  if (raw === null) return t.typeId === ISSUE_TYPE.subtask ? { error: 'Issue type is a sub-task but parent issue key or id not specified.' } : null;
  if (!isObject(raw)) return { error: 'Could not find issue by id or key.' };
  const ref = raw.key ?? raw.id;
  const parent = typeof ref === 'string' || typeof ref === 'number' ? s.issue(String(ref)) : undefined;
  if (!parent || !s.canBrowse(s.projectOf(parent), t.user.accountId)) return { error: 'Could not find issue by id or key.' };
  const level = byId(ISSUE_TYPES, parent.typeId)!.hierarchyLevel;
  if (t.typeId === ISSUE_TYPE.subtask) {
    if (level !== 0 || parent.projectId !== t.project.id) return { error: 'Given parent work item does not belong to appropriate hierarchy.' };
    return { kind: 'subtask', id: parent.id };
  }
  if (level !== 1 || t.a.dc) return { error: 'Given parent work item does not belong to appropriate hierarchy.' };
  return { kind: 'epic', id: parent.id };
}

function applyOp(t: WriteTarget, f: string, verb: string, cur: Value, arg: unknown): Value | { error: string } {
  if (verb === 'set' || (verb === 'edit' && f === 'timetracking')) return parseSet(t, f, arg);
  if (f === 'comment') {
    if (verb !== 'add' || !isObject(arg)) return { error: 'Comments can only be added here.' };
    const body = richIn(t.a, t.s, arg.body);
    if ('error' in body) return body;
    if (body.doc === null || adfPlainText(body.doc).trim() === '') return { error: 'Comment body can not be empty!' };
    return [...(cur as AdfDoc[]), body.doc];
  }
  if (f === 'issuelinks') {
    if (verb !== 'add' || !isObject(arg)) return { error: 'Issue links can only be added here.' };
    const type = byIdOrName(LINK_TYPES, arg.type);
    if (!type) return { error: 'No issue link type with name or id given.' }; // guess
    const side = isObject(arg.outwardIssue) ? 'outward' : isObject(arg.inwardIssue) ? 'inward' : undefined;
    const ref = side === 'outward' ? (arg.outwardIssue as Record<string, unknown>) : (arg.inwardIssue as Record<string, unknown> | undefined);
    const other = ref ? t.s.issue(String(ref.key ?? ref.id ?? '')) : undefined;
    if (!side || !other || !t.s.canBrowse(t.s.projectOf(other), t.user.accountId)) return { error: 'Could not find issue by id or key.' };
    return [...(cur as unknown[]), { typeId: type.id, otherId: other.id, side }];
  }
  if (!ARRAY_FIELDS.has(f)) return { error: `Operation '${verb}' is not supported for field '${f}'.` }; // guess
  const list = cur as string[];
  const one = f === 'labels' ? label(arg) : refInProject(t, f, arg);
  if (typeof one !== 'string') return one;
  if (verb === 'add') return list.includes(one) ? list : [...list, one];
  if (verb === 'remove') return list.filter((x) => x !== one);
  return { error: `Operation '${verb}' is not supported for field '${f}'.` };
}

// ------------------------------------------------------------------ applying

function setValue(t: WriteTarget, issue: IssueRecord, f: string, v: Value): ChangeItem[] {
  const { s } = t;
  const item = (field: string, from: string | null, fromString: string | null, to: string | null, toString: string | null, custom = false, users = false): ChangeItem => ({
    field,
    fieldtype: custom ? 'custom' : 'jira',
    fieldId: f,
    from,
    fromString,
    to,
    toString,
    ...(users ? { users: true } : {}),
  });
  const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
  switch (f) {
    case 'summary': {
      const old = issue.summary;
      issue.summary = v as string;
      return old === issue.summary ? [] : [item('summary', null, old, null, issue.summary)];
    }
    case 'description':
    case 'environment':
    case FIELD.acceptance: {
      const key = f === FIELD.acceptance ? 'acceptance' : (f as 'description' | 'environment');
      const old = issue[key];
      issue[key] = v as AdfDoc | null;
      if (same(old, v)) return [];
      const name = f === FIELD.acceptance ? 'Acceptance Criteria' : f;
      return [item(name, null, old ? adfPlainText(old) : null, null, v ? adfPlainText(v as AdfDoc) : null, f === FIELD.acceptance)];
    }
    case 'issuetype': {
      const old = issue.typeId;
      issue.typeId = v as string;
      return old === v ? [] : [item('issuetype', old, byId(ISSUE_TYPES, old)!.name, v as string, byId(ISSUE_TYPES, v as string)!.name)];
    }
    case 'priority': {
      const old = issue.priorityId;
      issue.priorityId = v as string;
      return old === v ? [] : [item('priority', old, byId(PRIORITIES, old)!.name, v as string, byId(PRIORITIES, v as string)!.name)];
    }
    case 'resolution': {
      const old = issue.resolutionId;
      issue.resolutionId = v as string | null;
      return old === v ? [] : [item('resolution', old, byId(RESOLUTIONS, old)?.name ?? null, v as string | null, byId(RESOLUTIONS, v as string)?.name ?? null)];
    }
    case 'assignee':
    case 'reporter': {
      const old = f === 'assignee' ? issue.assigneeId : issue.reporterId;
      if (f === 'assignee') issue.assigneeId = v as string | null;
      else issue.reporterId = v as string;
      return old === v ? [] : [item(f, old, s.user(old)?.displayName ?? null, v as string | null, s.user(v as string)?.displayName ?? null, false, true)];
    }
    case 'labels': {
      const old = issue.labels;
      issue.labels = v as string[];
      return same(old, v) ? [] : [item('labels', null, old.join(' ') || null, null, (v as string[]).join(' ') || null)];
    }
    case 'components':
    case 'fixVersions':
    case 'versions': {
      const key = f === 'components' ? 'componentIds' : f === 'fixVersions' ? 'fixVersionIds' : 'versionIds';
      const old = issue[key];
      const next = v as string[];
      issue[key] = next;
      const name = f === 'components' ? 'Component' : f === 'fixVersions' ? 'Fix Version' : 'Version';
      const label = (id: string): string => (f === 'components' ? s.data.components.get(id)?.name : s.data.versions.get(id)?.name) ?? id;
      return [
        ...old.filter((x) => !next.includes(x)).map((x) => item(name, x, label(x), null, null)),
        ...next.filter((x) => !old.includes(x)).map((x) => item(name, null, null, x, label(x))),
      ];
    }
    case 'duedate':
    case FIELD.startDate: {
      const old = f === 'duedate' ? issue.dueDate : issue.startDate;
      if (f === 'duedate') issue.dueDate = v as string | null;
      else issue.startDate = v as string | null;
      return old === v ? [] : [item(f === 'duedate' ? 'duedate' : 'Start date', old, old, v as string | null, v as string | null, f !== 'duedate')];
    }
    case 'parent': {
      const p = v as { kind: 'subtask' | 'epic'; id: string } | null;
      const old = issue.parentId ?? issue.epicId;
      if (p === null) issue.epicId = null;
      else if (p.kind === 'subtask') issue.parentId = p.id;
      else issue.epicId = p.id;
      const now = issue.parentId ?? issue.epicId;
      return old === now ? [] : [item('IssueParentAssociation', old, old ? (s.issue(old)?.key ?? null) : null, now, now ? (s.issue(now)?.key ?? null) : null)];
    }
    case FIELD.epicLink: {
      const old = issue.epicId;
      issue.epicId = v as string | null;
      return old === v ? [] : [item('Epic Link', old, old ? (s.issue(old)?.key ?? null) : null, v as string | null, v ? (s.issue(v as string)?.key ?? null) : null, true)];
    }
    case FIELD.epicName: {
      const old = issue.epicName;
      issue.epicName = v as string | null;
      return old === v ? [] : [item('Epic Name', null, old, null, v as string | null, true)];
    }
    case FIELD.storyPoints: {
      const old = issue.storyPoints;
      issue.storyPoints = v as number | null;
      return old === v ? [] : [item('Story Points', null, old === null ? null : String(old), null, v === null ? null : String(v), true)];
    }
    case FIELD.team: {
      const old = issue.teamOptionId;
      issue.teamOptionId = v as string | null;
      const name = (id: string | null): string | null => s.data.teamOptions.find((o) => o.id === id)?.value ?? null;
      return old === v ? [] : [item('Team', old, name(old), v as string | null, name(v as string | null), true)];
    }
    case FIELD.sprint: {
      const before = s.currentSprint(issue);
      s.moveToSprint(issue, v === null ? undefined : s.sprint(v as number));
      const after = s.currentSprint(issue);
      return before?.id === after?.id ? [] : [item('Sprint', before ? String(before.id) : null, before?.name ?? null, after ? String(after.id) : null, after?.name ?? null, true)];
    }
    case 'timetracking': {
      const tt = v as { original?: number; remaining?: number };
      const out: ChangeItem[] = [];
      if (tt.original !== undefined && tt.original !== issue.originalEstimate) {
        out.push({ field: 'timeoriginalestimate', fieldtype: 'jira', fieldId: 'timeoriginalestimate', from: issue.originalEstimate === null ? null : String(issue.originalEstimate), fromString: null, to: String(tt.original), toString: null });
        issue.originalEstimate = tt.original;
        if (tt.remaining === undefined && issue.remainingEstimate === null) issue.remainingEstimate = tt.original;
      }
      if (tt.remaining !== undefined && tt.remaining !== issue.remainingEstimate) {
        out.push({ field: 'timeestimate', fieldtype: 'jira', fieldId: 'timeestimate', from: issue.remainingEstimate === null ? null : String(issue.remainingEstimate), fromString: null, to: String(tt.remaining), toString: null });
        issue.remainingEstimate = tt.remaining;
      }
      return out;
    }
    case 'comment': {
      for (const body of v as AdfDoc[]) {
        const id = String(s.nextId('comment'));
        const at = new Date().toISOString();
        s.data.comments.set(id, { id, issueId: issue.id, authorId: t.user.accountId, updateAuthorId: t.user.accountId, body, created: at, updated: at, visibility: null });
      }
      return [];
    }
    case 'issuelinks': {
      for (const l of v as Array<{ typeId: string; otherId: string; side: 'outward' | 'inward' }>) {
        const id = String(s.nextId('link'));
        // "this issue <outward> other": this issue is the link's source
        s.data.links.set(id, { id, typeId: l.typeId, sourceId: l.side === 'outward' ? issue.id : l.otherId, targetId: l.side === 'outward' ? l.otherId : issue.id });
      }
      return [];
    }
    default:
      return [];
  }
}
