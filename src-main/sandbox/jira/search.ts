// What JQL means against the store: clause validation with Jira's sentences (unknown field,
// unknown value, unsupported operator or function), evaluation per field kind (ids and names,
// users, dates, numbers, text with stemming), ORDER BY, and the visibility rule (only projects the
// caller may browse; a hidden project reads as "does not exist").

import { textMatch, textQuery, words } from '../confluence/cql.ts';
import type { SeedUser } from '../seed.ts';
import { adfPlainText } from './adf.ts';
import { ISSUE_TYPES, PRIORITIES, RESOLUTIONS, STATUSES, STATUS_CATEGORIES } from './catalog.ts';
import { FIELD, clauseField, type FieldDef } from './fields.ts';
import { JqlError, clausesOf, describeValue, parseJql, type JqlExpr, type JqlOp, type JqlValue } from './jql.ts';
import type { IssueRecord, JiraStore, ProjectRecord } from './model.ts';

export interface SearchEnv {
  store: JiraStore;
  /** The caller's account id. */
  userId: string;
  dc: boolean;
  now?: number;
}

export interface CompiledQuery {
  /** False for an empty query or one with only ORDER BY (the enhanced search refuses those). */
  bounded: boolean;
  /** Every visible matching issue, sorted. */
  run(): IssueRecord[];
}

type Clause = Extract<JqlExpr, { kind: 'clause' }>;
type Kind = 'ids' | 'key' | 'date' | 'number' | 'text' | 'presence';
type Matcher = (i: IssueRecord) => boolean;

interface Compiled {
  kind: Kind;
  /** Atoms of an issue (ids, lower-cased names…), or its number/date, or its text. */
  atoms?: (i: IssueRecord) => string[];
  num?: (i: IssueRecord) => number | null;
  text?: (i: IssueRecord) => string;
  /** Resolves a query value to atoms; throws JqlError with Jira's sentence when it does not exist. */
  resolve?: (v: JqlValue) => string[];
  functions?: string[];
}

/** What `resolution = Unresolved` resolves to: "the field is empty". */
const EMPTY_ATOM = '\u0000empty';
const ID_OPS: JqlOp[] = ['=', '!=', 'in', 'not in', 'is', 'is not'];
const ORDER_OPS: JqlOp[] = [...ID_OPS, '>', '>=', '<', '<='];
const TEXT_OPS: JqlOp[] = ['~', '!~', 'is', 'is not'];
const DATE_FUNCTIONS = ['now', 'startofday', 'endofday', 'startofweek', 'endofweek', 'startofmonth', 'endofmonth', 'startofyear', 'endofyear'];

export function compileQuery(jql: string, env: SearchEnv): CompiledQuery {
  const q = parseJql(jql);
  const { store, userId } = env;
  const visible = new Set(store.visibleProjects(userId).map((p) => p.id));
  const errors: string[] = [];
  const matchers = new Map<Clause, Matcher>();
  for (const clause of clausesOf(q.where)) {
    try {
      matchers.set(clause, clauseMatcher(clause, env, visible));
    } catch (err) {
      if (!(err instanceof JqlError)) throw err;
      errors.push(...err.messages);
    }
  }
  const sorters = q.orderBy.map((s) => {
    try {
      return sorter(s.field, s.dir, env);
    } catch (err) {
      if (!(err instanceof JqlError)) throw err;
      errors.push(...err.messages);
      return () => 0;
    }
  });
  if (errors.length > 0) throw new JqlError(errors);

  const evalExpr = (e: JqlExpr, i: IssueRecord): boolean => {
    if (e.kind === 'clause') return matchers.get(e)!(i);
    if (e.kind === 'not') return !evalExpr(e.item, i);
    return e.kind === 'and' ? e.items.every((x) => evalExpr(x, i)) : e.items.some((x) => evalExpr(x, i));
  };
  return {
    bounded: q.where !== undefined,
    run() {
      const hits = [...store.data.issues.values()].filter((i) => visible.has(i.projectId) && (!q.where || evalExpr(q.where, i)));
      // without ORDER BY: newest first (a guess: Jira does not document its default order)
      return hits.sort((a, b) => {
        for (const s of sorters) {
          const c = s(a, b);
          if (c !== 0) return c;
        }
        return Number(b.id) - Number(a.id);
      });
    },
  };
}

// ------------------------------------------------------------------ clauses

function clauseMatcher(c: Clause, env: SearchEnv, visible: Set<string>): Matcher {
  const name = c.field.toLowerCase();
  let compiled: Compiled;
  let label = c.field;
  if (name === 'text') compiled = { kind: 'text', text: (i) => issueText(env.store, i) };
  else if ((name === 'epic link' || name === 'cf[10013]') && !env.dc) compiled = issueRef(env, visible, (i) => [i.epicId ?? '']);
  else {
    const f = clauseField(c.field, env.dc);
    if (!f || !f.searchable) throw new JqlError(`Field '${c.field}' does not exist or you do not have permission to view it.`);
    label = f.clauseNames.find((n) => !n.startsWith('cf[')) ?? f.id;
    compiled = fieldCompiled(f, env, visible);
  }
  const ops = compiled.kind === 'ids' ? ID_OPS : compiled.kind === 'text' ? TEXT_OPS : compiled.kind === 'presence' ? (['is', 'is not'] as JqlOp[]) : ORDER_OPS;
  if (!ops.includes(c.op)) throw new JqlError(`The operator '${c.op.toUpperCase()}' is not supported by the '${label}' field.`);

  for (const v of c.values) {
    if (v.kind !== 'fn') continue;
    const fn = v.name.toLowerCase();
    const known = [...DATE_FUNCTIONS, 'currentuser', 'opensprints', 'closedsprints', 'futuresprints', 'releasedversions', 'unreleasedversions', 'standardissuetypes', 'subtaskissuetypes', 'watchedissues'];
    if (!known.includes(fn)) throw new JqlError(`Unable to find JQL function '${v.name}(${v.args.join(', ')})'.`);
    if (!(compiled.functions ?? []).includes(fn)) throw new JqlError(`The function '${v.name}' is not supported by the '${label}' field.`);
  }

  if (compiled.kind === 'text') {
    const get = compiled.text!;
    if (c.op === 'is' || c.op === 'is not') return (i) => (get(i).trim() === '') === (c.op === 'is');
    const v = c.values[0]!;
    if (v.kind !== 'str') throw new JqlError(`The operator '${c.op.toUpperCase()}' is not supported by the '${label}' field.`);
    const tq = textQuery(v.value);
    return (i) => (textMatch(tq, words(get(i))) !== undefined) === (c.op === '~');
  }
  if (compiled.kind === 'presence') {
    const has = compiled.atoms!;
    return (i) => (has(i).length === 0) === (c.op === 'is');
  }
  if (compiled.kind === 'date' || compiled.kind === 'number') {
    const get = compiled.num!;
    if (c.op === 'is' || c.op === 'is not') return (i) => (get(i) === null) === (c.op === 'is');
    const values = c.values.map((v) => (v.kind === 'empty' ? null : compiled.kind === 'date' ? instant(v, label, env.now ?? Date.now()) : numberValue(v, label)));
    return (i) => {
      const x = get(i);
      if (c.op === 'in' || c.op === 'not in') {
        const hit = values.some((v) => (v === null ? x === null : x === v));
        return c.op === 'in' ? hit : x !== null && !hit;
      }
      const v = values[0] ?? null;
      if (x === null || v === null) return c.op === '=' ? x === v : false;
      switch (c.op) {
        case '=':
          return x === v;
        case '!=':
          return x !== v;
        case '>':
          return x > v;
        case '>=':
          return x >= v;
        case '<':
          return x < v;
        default:
          return x <= v;
      }
    };
  }

  // ids (and keys, which also order)
  const atomsOf = compiled.atoms!;
  if (c.op === 'is' || c.op === 'is not') return (i) => (atomsOf(i).length === 0) === (c.op === 'is');
  const wantEmpty = c.values.some((v) => v.kind === 'empty');
  const wanted = new Set(c.values.filter((v) => v.kind !== 'empty').flatMap((v) => compiled.resolve!(v)));
  if (compiled.kind === 'key' && ['>', '>=', '<', '<='].includes(c.op)) {
    const ref = env.store.issue([...wanted][0] ?? '');
    return (i) => {
      if (!ref || i.projectId !== ref.projectId) return false;
      const d = i.number - ref.number;
      return c.op === '>' ? d > 0 : c.op === '>=' ? d >= 0 : c.op === '<' ? d < 0 : d <= 0;
    };
  }
  const positive = (i: IssueRecord): boolean => {
    const atoms = atomsOf(i);
    return atoms.some((a) => wanted.has(a)) || ((wantEmpty || wanted.has(EMPTY_ATOM)) && atoms.length === 0);
  };
  if (c.op === '=' || c.op === 'in') return positive;
  // Jira's negative operators never match an empty field
  return (i) => atomsOf(i).length > 0 && !positive(i);
}

function fieldCompiled(f: FieldDef, env: SearchEnv, visible: Set<string>): Compiled {
  const { store } = env;
  const lower = (s: string): string => s.toLowerCase();
  const named = <T extends { id: string; name: string }>(list: T[], field: string, get: (i: IssueRecord) => string | null): Compiled => ({
    kind: 'ids',
    atoms: (i) => {
      const v = get(i);
      return v === null ? [] : [v];
    },
    resolve: (v) => {
      const s = str(v);
      const hit = list.filter((x) => x.id === s || lower(x.name) === lower(s));
      if (hit.length === 0) throw notExist(s, field);
      return hit.map((x) => x.id);
    },
  });
  switch (f.id) {
    case 'issuekey':
      return { ...issueRef(env, visible, (i) => [i.id]), kind: 'key' };
    case 'project':
      return {
        kind: 'ids',
        atoms: (i) => [i.projectId],
        resolve: (v) => {
          const s = str(v);
          const p = store.data.projects.find((x) => visible.has(x.id) && (x.id === s || x.key === s.toUpperCase() || lower(x.name) === lower(s)));
          if (!p) throw notExist(s, 'project');
          return [p.id];
        },
      };
    case 'issuetype': {
      const c = named(ISSUE_TYPES, 'issuetype', (i) => i.typeId);
      return {
        ...c,
        functions: ['standardissuetypes', 'subtaskissuetypes'],
        resolve: (v) => (v.kind === 'fn' ? ISSUE_TYPES.filter((t) => t.subtask === (lower(v.name) === 'subtaskissuetypes')).map((t) => t.id) : c.resolve!(v)),
      };
    }
    case 'status':
      return named(STATUSES, 'status', (i) => i.statusId);
    case 'statusCategory':
      return {
        kind: 'ids',
        atoms: (i) => [String(store.status(i.statusId).categoryId)],
        resolve: (v) => {
          const s = lower(str(v));
          const cat = STATUS_CATEGORIES.find((x) => String(x.id) === s || x.key === s || lower(x.name) === s);
          if (!cat) throw notExist(str(v), 'statusCategory');
          return [String(cat.id)];
        },
      };
    case 'priority':
      return named(PRIORITIES, 'priority', (i) => i.priorityId);
    case 'resolution': {
      const c = named(RESOLUTIONS, 'resolution', (i) => i.resolutionId);
      return { ...c, resolve: (v) => (v.kind === 'str' && lower(v.value) === 'unresolved' ? [EMPTY_ATOM] : c.resolve!(v)) };
    }
    case 'assignee':
    case 'reporter':
    case 'creator':
    case 'watches': {
      const get = (i: IssueRecord): string[] =>
        f.id === 'assignee' ? (i.assigneeId ? [i.assigneeId] : []) : f.id === 'reporter' ? [i.reporterId] : f.id === 'creator' ? [i.creatorId] : i.watcherIds;
      return {
        kind: 'ids',
        atoms: get,
        functions: ['currentuser'],
        resolve: (v) => {
          if (v.kind === 'fn') return [env.userId];
          const u = findUser(store.users, str(v), env.dc);
          if (!u) throw notExist(str(v), f.id === 'watches' ? 'watcher' : f.id);
          return [u.accountId];
        },
      };
    }
    case 'labels':
      return { kind: 'ids', atoms: (i) => i.labels.map(lower), resolve: (v) => [lower(str(v))] };
    case 'components':
      return {
        kind: 'ids',
        atoms: (i) => i.componentIds,
        resolve: (v) => {
          const s = str(v);
          const hit = [...store.data.components.values()].filter((c) => visible.has(c.projectId) && (c.id === s || lower(c.name) === lower(s)));
          if (hit.length === 0) throw notExist(s, 'component');
          return hit.map((c) => c.id);
        },
      };
    case 'fixVersions':
    case 'versions': {
      const field = f.id === 'fixVersions' ? 'fixVersion' : 'affectedVersion';
      return {
        kind: 'ids',
        atoms: (i) => (f.id === 'fixVersions' ? i.fixVersionIds : i.versionIds),
        functions: ['releasedversions', 'unreleasedversions'],
        resolve: (v) => {
          const all = [...store.data.versions.values()].filter((x) => visible.has(x.projectId));
          if (v.kind === 'fn') {
            const released = lower(v.name) === 'releasedversions';
            const proj = v.args[0] ? store.project(v.args[0]) : undefined;
            return all.filter((x) => x.released === released && (!proj || x.projectId === proj.id)).map((x) => x.id);
          }
          const s = str(v);
          const hit = all.filter((x) => x.id === s || lower(x.name) === lower(s));
          if (hit.length === 0) throw notExist(s, field);
          return hit.map((x) => x.id);
        },
      };
    }
    case 'created':
    case 'updated':
    case 'resolutiondate':
    case 'statuscategorychangedate':
    case 'duedate':
    case FIELD.startDate: {
      const get = (i: IssueRecord): string | null =>
        f.id === 'created' ? i.created : f.id === 'updated' ? i.updated : f.id === 'resolutiondate' ? i.resolutionDate : f.id === 'statuscategorychangedate' ? i.statusCategoryChanged : f.id === 'duedate' ? i.dueDate : i.startDate;
      return { kind: 'date', num: (i) => toMs(get(i)), functions: DATE_FUNCTIONS };
    }
    case FIELD.storyPoints:
      return { kind: 'number', num: (i) => i.storyPoints };
    case 'timespent':
      return { kind: 'number', num: (i) => store.timeSpent(i.id) };
    case 'timeoriginalestimate':
      return { kind: 'number', num: (i) => i.originalEstimate };
    case 'timeestimate':
      return { kind: 'number', num: (i) => i.remainingEstimate };
    case 'votes':
      return { kind: 'number', num: () => 0 };
    case 'summary':
      return { kind: 'text', text: (i) => i.summary };
    case 'description':
      return { kind: 'text', text: (i) => adfPlainText(i.description) };
    case 'environment':
      return { kind: 'text', text: (i) => adfPlainText(i.environment) };
    case FIELD.acceptance:
      return { kind: 'text', text: (i) => adfPlainText(i.acceptance) };
    case FIELD.epicName:
      return { kind: 'text', text: (i) => i.epicName ?? '' };
    case 'comment':
      return { kind: 'text', text: (i) => store.commentsOf(i.id).map((c) => adfPlainText(c.body)).join('\n') };
    case FIELD.sprint:
      return {
        kind: 'ids',
        atoms: (i) => i.sprintIds.map(String),
        functions: ['opensprints', 'closedsprints', 'futuresprints'],
        resolve: (v) => {
          const sprints = [...store.data.sprints.values()].filter((s) => {
            const b = store.board(s.boardId);
            return b !== undefined && visible.has(b.projectId);
          });
          if (v.kind === 'fn') {
            const fn = lower(v.name);
            // openSprints(): not completed yet — active and future sprints alike
            return sprints.filter((s) => (fn === 'opensprints' ? s.state !== 'closed' : fn === 'closedsprints' ? s.state === 'closed' : s.state === 'future')).map((s) => String(s.id));
          }
          const s = str(v);
          const hit = sprints.filter((x) => String(x.id) === s || lower(x.name) === lower(s));
          if (hit.length === 0) throw notExist(s, 'sprint');
          return hit.map((x) => String(x.id));
        },
      };
    case 'parent':
      return issueRef(env, visible, (i) => [i.parentId ?? '', ...(env.dc ? [] : [i.epicId ?? ''])]);
    case FIELD.epicLink:
      return issueRef(env, visible, (i) => [i.epicId ?? '']);
    case FIELD.team:
      return {
        kind: 'ids',
        atoms: (i) => (i.teamOptionId ? [i.teamOptionId] : []),
        resolve: (v) => {
          const s = str(v);
          const hit = store.data.teamOptions.filter((o) => o.id === s || lower(o.value) === lower(s));
          if (hit.length === 0) throw notExist(s, 'Team');
          return hit.map((o) => o.id);
        },
      };
    case 'attachment':
      return { kind: 'presence', atoms: (i) => store.attachmentsOf(i.id).map((a) => a.id) };
    case 'subtasks':
      return { kind: 'presence', atoms: (i) => store.subtasksOf(i.id).map((s) => s.id) };
    case 'issuelinks':
      return issueRef(env, visible, (i) => store.linksOf(i.id).map((l) => (l.sourceId === i.id ? l.targetId : l.sourceId)));
    default:
      throw new JqlError(`Field '${f.name}' does not exist or you do not have permission to view it.`);
  }
}

/** A clause whose values are issues (key/id); `get` lists the related issue ids of an issue. */
function issueRef(env: SearchEnv, visible: Set<string>, get: (i: IssueRecord) => string[]): Compiled {
  return {
    kind: 'ids',
    atoms: (i) => get(i).filter((x) => x !== ''),
    functions: ['watchedissues'],
    resolve: (v) => {
      if (v.kind === 'fn') return [...env.store.data.issues.values()].filter((i) => i.watcherIds.includes(env.userId)).map((i) => i.id);
      const s = str(v).trim();
      if (!/^\d+$/.test(s) && !/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(s)) throw new JqlError(`The issue key '${s}' for field 'key' is invalid.`);
      const hit = env.store.issue(s);
      if (!hit || !visible.has(hit.projectId)) throw new JqlError(`An issue with key '${s.toUpperCase()}' does not exist for field 'key'.`);
      return [hit.id];
    },
  };
}

// ------------------------------------------------------------------ ORDER BY

function sorter(field: string, dir: 'asc' | 'desc' | undefined, env: SearchEnv): (a: IssueRecord, b: IssueRecord) => number {
  const { store } = env;
  const f = clauseField(field, env.dc);
  if (!f) throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
  const sign = dir === 'desc' ? -1 : 1;
  const project = (i: IssueRecord): ProjectRecord => store.projectOf(i);
  let key: (i: IssueRecord) => string | number | null;
  switch (f.id) {
    case 'issuekey':
      return (a, b) => sign * (project(a).key.localeCompare(project(b).key) || a.number - b.number);
    case 'created':
    case 'updated':
    case 'resolutiondate':
    case 'duedate':
    case 'statuscategorychangedate':
    case FIELD.startDate:
      key = (i) => toMs(f.id === 'created' ? i.created : f.id === 'updated' ? i.updated : f.id === 'resolutiondate' ? i.resolutionDate : f.id === 'duedate' ? i.dueDate : f.id === FIELD.startDate ? i.startDate : i.statusCategoryChanged);
      break;
    case 'priority':
      // Jira orders priorities by their position: ASC puts the lowest first
      key = (i) => -PRIORITIES.findIndex((p) => p.id === i.priorityId);
      break;
    case 'status':
      key = (i) => STATUSES.findIndex((s) => s.id === i.statusId);
      break;
    case 'summary':
      key = (i) => i.summary.toLowerCase();
      break;
    case 'assignee':
    case 'reporter':
    case 'creator': {
      const id = (i: IssueRecord): string | null => (f.id === 'assignee' ? i.assigneeId : f.id === 'reporter' ? i.reporterId : i.creatorId);
      key = (i) => store.user(id(i))?.displayName.toLowerCase() ?? null;
      break;
    }
    case 'issuetype':
      key = (i) => ISSUE_TYPES.find((t) => t.id === i.typeId)?.name ?? '';
      break;
    case 'project':
      key = (i) => project(i).name.toLowerCase();
      break;
    case 'resolution':
      key = (i) => (i.resolutionId === null ? null : RESOLUTIONS.find((r) => r.id === i.resolutionId)?.name ?? '');
      break;
    case FIELD.rank:
      key = (i) => i.rank;
      break;
    case FIELD.storyPoints:
      key = (i) => i.storyPoints;
      break;
    case 'labels':
      key = (i) => (i.labels.length === 0 ? null : [...i.labels].sort()[0]!.toLowerCase());
      break;
    default:
      if (!f.orderable || f.id === 'description' || f.id === 'comment' || f.id === 'environment') {
        throw new JqlError(`Field '${field}' does not support sorting.`);
      }
      key = (i) => Number(i.id);
  }
  // empty values come last in ascending order (and first in descending), as in Jira
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === null) return sign;
    if (y === null) return -sign;
    return sign * (x < y ? -1 : 1);
  };
}

// ------------------------------------------------------------------ values

function str(v: JqlValue): string {
  if (v.kind === 'str') return v.value;
  return describeValue(v);
}

function notExist(value: string, field: string): JqlError {
  return new JqlError(`The value '${value}' does not exist for the field '${field}'.`);
}

function numberValue(v: JqlValue, field: string): number {
  const s = str(v);
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new JqlError(`The value '${s}' is not a valid number for the field '${field}'.`);
  return Number(s);
}

function toMs(iso: string | null): number | null {
  return iso === null ? null : Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}

/** Users a JQL value names: account id, email or display name (Cloud), username or key (Data Center). */
export function findUser(users: SeedUser[], value: string, dc: boolean): SeedUser | undefined {
  const v = value.toLowerCase();
  return users.find(
    (u) =>
      u.accountId === value ||
      u.email.toLowerCase() === v ||
      u.displayName.toLowerCase() === v ||
      (dc && (u.dc.username.toLowerCase() === v || u.dc.jiraKey.toLowerCase() === v)),
  );
}

const UNIT_MS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

function offsetMs(spec: string): number | undefined {
  const s = spec.replace(/\s+/g, '');
  const m = /^([+-]?)((?:\d+[wdhm])+)$/.exec(s);
  if (!m) return undefined;
  let total = 0;
  for (const part of m[2]!.matchAll(/(\d+)([wdhm])/g)) total += Number(part[1]) * UNIT_MS[part[2]!]!;
  return m[1] === '-' ? -total : total;
}

/**
 * A JQL date value as an instant. Dates without a time are midnight (so `created <= 2026-01-15`
 * leaves out that day, as in Jira). The sandbox reads dates in UTC where Jira uses the user's zone.
 */
function instant(v: JqlValue, field: string, now: number): number {
  if (v.kind === 'fn') {
    const base = new Date(now);
    const day = Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate());
    const weekStart = day - ((base.getUTCDay() + 6) % 7) * 86_400_000;
    const monthStart = Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), 1);
    const yearStart = Date.UTC(base.getUTCFullYear(), 0, 1);
    const table: Record<string, number> = {
      now,
      startofday: day,
      endofday: day + 86_400_000 - 1,
      startofweek: weekStart,
      endofweek: weekStart + 7 * 86_400_000 - 1,
      startofmonth: monthStart,
      endofmonth: Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + 1, 1) - 1,
      startofyear: yearStart,
      endofyear: Date.UTC(base.getUTCFullYear() + 1, 0, 1) - 1,
    };
    const t = table[v.name.toLowerCase()]!;
    const off = v.args[0] === undefined ? 0 : offsetMs(v.args[0]);
    return t + (off ?? 0);
  }
  const s = str(v).trim();
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s);
  if (m) {
    const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
    if (!Number.isNaN(t) && Number(m[2]) <= 12 && Number(m[3]) <= 31) return t;
  }
  const off = offsetMs(s);
  if (off !== undefined) return now + off;
  throw new JqlError(
    `Date value '${s}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

/** All the text of an issue (what `text ~` searches). */
function issueText(store: JiraStore, i: IssueRecord): string {
  return [i.summary, adfPlainText(i.description), adfPlainText(i.environment), adfPlainText(i.acceptance), ...store.commentsOf(i.id).map((c) => adfPlainText(c.body))].join('\n');
}
