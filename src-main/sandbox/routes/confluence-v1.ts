// Confluence v1 (`/wiki/rest/api`): users, CQL search (content and users), moving pages, label
// writes, and PUT /content/{id} (renaming a folder or updating a page the v1 way).

import {
  clauses,
  compareDate,
  CqlError,
  dateRange,
  evaluate,
  parseCql,
  textMatch,
  textQuery,
  words,
  type CqlValue,
} from '../confluence/cql.ts';
import type { AttachmentRecord, CommentRecord, ConfluenceStore, PageRecord, TreeRecord } from '../confluence/model.ts';
import { escapeText, storageToPlainText } from '../confluence/storage.ts';
import type { SeedUser } from '../seed.ts';
import type { Reply, RequestContext, SpaceRecord } from '../types.ts';
import { friendlyDate, store, v1Error, v1Space, v1TreeContent, v1User, wikiBase } from './confluence-common.ts';
import { noContent } from './confluence-attachments.ts';
import { CYCLE_MESSAGE, DUPLICATE_TITLE } from './confluence-pages.ts';

// ---------------------------------------------------------------- users

export function currentUser(ctx: RequestContext): Reply {
  const expand = new Set(
    ctx.query
      .getAll('expand')
      .flatMap((v) => v.split(','))
      .map((s) => s.trim()),
  );
  return { status: 200, body: v1User(ctx, ctx.user, expand.has('operations')) };
}

export function userByAccountId(ctx: RequestContext): Reply {
  const accountId = ctx.query.get('accountId');
  if (accountId === null || accountId.trim() === '') return v1Error(400, 'accountId is required');
  const u = store(ctx).user(accountId);
  if (!u) return v1Error(404, `No user found with accountId: ${accountId}`);
  const expand = ctx.query.getAll('expand').flatMap((v) => v.split(','));
  return { status: 200, body: v1User(ctx, u, expand.includes('operations')) };
}

// ---------------------------------------------------------------- search documents

type DocType = 'page' | 'folder' | 'attachment' | 'comment' | 'space';

interface Doc {
  type: DocType;
  id: string;
  title: string;
  status: string;
  space: SpaceRecord | undefined;
  text: string;
  words: string[];
  titleWords: string[];
  labels: string[];
  creator: string;
  contributors: Set<string>;
  created: number;
  lastModified: number;
  ancestors: string[];
  parentId: string | undefined;
  container: PageRecord | undefined;
  page?: PageRecord;
  folder?: TreeRecord;
  attachment?: AttachmentRecord;
  comment?: CommentRecord;
}

/** Plain text by storage value: search re-reads every body, the large page costs milliseconds to parse. */
const plainCache = new Map<string, string>();

function plainOf(storage: string): string {
  let text = plainCache.get(storage);
  if (text === undefined) {
    if (plainCache.size > 2000) plainCache.clear();
    text = storageToPlainText(storage);
    plainCache.set(storage, text);
  }
  return text;
}

function docs(st: ConfluenceStore): Doc[] {
  const out: Doc[] = [];
  const base = (type: DocType, id: string, title: string, text: string) => ({
    type,
    id,
    title,
    text,
    words: words(`${title}\n${text}`),
    titleWords: words(title),
  });
  for (const p of st.data.pages.values()) {
    const text = plainOf(p.body);
    out.push({
      ...base('page', p.id, p.title, text),
      status: p.status,
      space: st.space(p.spaceId),
      labels: p.labels,
      creator: p.authorId,
      contributors: new Set([p.authorId, p.version.authorId, ...p.history.map((h) => h.version.authorId)]),
      created: Date.parse(p.createdAt),
      lastModified: Date.parse(p.version.createdAt),
      ancestors: st.ancestors(p.id).map((a) => a.id),
      parentId: p.parentId,
      container: undefined,
      page: p,
    });
  }
  for (const f of st.data.folders.values()) {
    out.push({
      ...base('folder', f.id, f.title, ''),
      status: f.status,
      space: st.space(f.spaceId),
      labels: [],
      creator: f.authorId,
      contributors: new Set([f.authorId, f.version.authorId]),
      created: Date.parse(f.createdAt),
      lastModified: Date.parse(f.version.createdAt),
      ancestors: st.ancestors(f.id).map((a) => a.id),
      parentId: f.parentId,
      container: undefined,
      folder: f,
    });
  }
  for (const a of st.data.attachments.values()) {
    const page = st.page(a.pageId);
    const v = st.currentAttachmentVersion(a);
    out.push({
      ...base('attachment', a.id, a.title, v.comment),
      status: a.status === 'current' && page?.status === 'current' ? 'current' : 'trashed',
      space: page ? st.space(page.spaceId) : undefined,
      labels: [],
      creator: a.versions[0]!.authorId,
      contributors: new Set(a.versions.map((x) => x.authorId)),
      created: Date.parse(a.createdAt),
      lastModified: Date.parse(v.createdAt),
      ancestors: page ? [...st.ancestors(page.id).map((x) => x.id), page.id] : [],
      parentId: undefined,
      container: page,
      attachment: a,
    });
  }
  for (const c of st.data.comments.values()) {
    const page = st.page(c.pageId);
    out.push({
      ...base('comment', c.id, `Re: ${page?.title ?? ''}`, plainOf(c.body)),
      status: c.status === 'current' && page?.status === 'current' ? 'current' : 'trashed',
      space: page ? st.space(page.spaceId) : undefined,
      labels: [],
      creator: c.authorId,
      contributors: new Set([c.authorId]),
      created: Date.parse(c.createdAt),
      lastModified: Date.parse(c.version.createdAt),
      ancestors: page ? [...st.ancestors(page.id).map((x) => x.id), page.id] : [],
      parentId: undefined,
      container: page,
      comment: c,
    });
  }
  for (const s of st.spaces) {
    out.push({
      ...base('space', s.id, s.name, s.description),
      status: s.status === 'archived' ? 'archived' : 'current',
      space: s,
      labels: s.labels,
      creator: s.authorId,
      contributors: new Set([s.authorId]),
      created: Date.parse(s.createdAt),
      lastModified: Date.parse(s.createdAt),
      ancestors: [],
      parentId: undefined,
      container: undefined,
    });
  }
  return out;
}

function str(v: CqlValue, ctx: RequestContext): string {
  if (v.kind === 'str') return v.value;
  const name = v.name.toLowerCase();
  if (name === 'currentuser') return ctx.user.accountId;
  throw new CqlError(`function ${v.name}() cannot be used here`);
}

function equality(op: string, field: string, actual: string[], values: string[], caseless = true): boolean {
  const norm = (s: string): string => (caseless ? s.toLowerCase() : s);
  const have = actual.map(norm);
  const any = values.some((v) => have.includes(norm(v)));
  switch (op) {
    case '=':
    case 'in':
      return any;
    case '!=':
    case 'not in':
      return !any;
    default:
      throw new CqlError(`operator ${op} is not supported for field ${field}`);
  }
}

const CONTENT_TYPES = ['page', 'blogpost', 'comment', 'attachment', 'folder', 'whiteboard', 'database', 'embed', 'space', 'user'];

function contentClause(ctx: RequestContext, score: Map<Doc, number>) {
  return (doc: Doc, field: string, op: string, values: CqlValue[]): boolean => {
    const vals = (): string[] => values.map((v) => str(v, ctx));
    switch (field) {
      case 'type': {
        const v = vals().map((x) => x.toLowerCase());
        const unknown = v.find((x) => !CONTENT_TYPES.includes(x));
        if (unknown !== undefined) throw new CqlError(`unknown content type ${unknown}`);
        return equality(op, field, [doc.type], v);
      }
      case 'space':
      case 'space.key':
        return equality(op, field, doc.space ? [doc.space.key] : [], vals());
      case 'space.id':
        return equality(op, field, doc.space ? [doc.space.id] : [], vals());
      case 'space.type':
        return equality(op, field, doc.space ? [doc.space.type] : [], vals());
      case 'id':
      case 'content': {
        const ids = doc.type === 'attachment' ? [doc.id, doc.id.replace(/^att/, '')] : [doc.id];
        return equality(op, field, ids, vals().map((x) => (doc.type === 'attachment' ? x : x.replace(/^att/, ''))));
      }
      case 'status':
        return equality(op, field, [doc.status], vals());
      case 'label':
      case 'labeltext':
        return equality(op, field, doc.labels, vals());
      case 'ancestor':
        return equality(op, field, doc.ancestors, vals());
      case 'parent':
        return equality(op, field, doc.parentId !== undefined ? [doc.parentId] : [], vals());
      case 'container':
        return equality(op, field, doc.container ? [doc.container.id] : [], vals());
      case 'creator':
      case 'creator.accountid':
        return equality(op, field, [doc.creator], vals(), false);
      case 'contributor':
      case 'contributor.accountid':
        return equality(op, field, [...doc.contributors], vals(), false);
      case 'title':
        if (op === '~' || op === '!~') return textOp(doc, op, values, ctx, true, score);
        return equality(op, field, [doc.title], vals());
      case 'text':
      case 'sitesearch':
        if (op !== '~' && op !== '!~') throw new CqlError(`operator ${op} is not supported for field ${field}`);
        return textOp(doc, op, values, ctx, false, score);
      case 'lastmodified':
      case 'created': {
        if (values.length !== 1 || op === 'in' || op === 'not in') throw new CqlError(`operator ${op} is not supported for field ${field}`);
        return compareDate(field === 'created' ? doc.created : doc.lastModified, op, dateRange(values[0]!));
      }
      default:
        throw new CqlError(`unknown field ${field}`);
    }
  };
}

function textOp(doc: Doc, op: string, values: CqlValue[], ctx: RequestContext, titleOnly: boolean, score: Map<Doc, number>): boolean {
  if (values.length !== 1) throw new CqlError('text operators take one value');
  const q = textQuery(str(values[0]!, ctx));
  const hits = textMatch(q, titleOnly ? doc.titleWords : doc.words);
  if (op === '!~') return hits === undefined;
  if (hits === undefined) return false;
  const inTitle = textMatch(q, doc.titleWords) !== undefined;
  score.set(doc, (score.get(doc) ?? 0) + Math.min(hits.length, 100) + (inTitle ? 1000 : 0));
  return true;
}

/** All `~` terms of a query, for highlighting the excerpt. */
function highlightTerms(cql: ReturnType<typeof parseCql>, ctx: RequestContext): string[][] {
  return clauses(cql.where)
    .filter((c) => c.op === '~' && ['text', 'title', 'sitesearch'].includes(c.field.toLowerCase()))
    .flatMap((c) => textQuery(c.values[0] ? str(c.values[0], ctx) : '').groups);
}

function excerptOf(doc: Doc, terms: string[][], mode: string): string {
  if (mode === 'none') return '';
  const text = doc.text.replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const flat = tokens.map((m) => m[0].toLowerCase());
  const hits = terms.length > 0 ? (textMatch({ groups: terms }, flat) ?? []) : [];
  const hitSet = new Set(hits);
  const firstHit = hits.length > 0 ? Math.min(...hits) : 0;
  const startChar = firstHit > 0 ? Math.max(0, (tokens[firstHit]!.index ?? 0) - 60) : 0;
  const from = text.lastIndexOf(' ', startChar) + 1;
  const windowEnd = Math.min(text.length, from + 240);
  const highlight = mode === 'highlight' || mode === 'highlight_unescaped';
  const escape = mode === 'highlight' || mode === 'indexed';
  let out = '';
  let cursor = from;
  tokens.forEach((m, i) => {
    const at = m.index ?? 0;
    if (at < from || at + m[0].length > windowEnd) return;
    out += text.slice(cursor, at);
    out += highlight && hitSet.has(i) ? `@@@hl@@@${m[0]}@@@endhl@@@` : m[0];
    cursor = at + m[0].length;
  });
  out += text.slice(cursor, windowEnd);
  const trimmed = `${from > 0 ? '...' : ''}${out}${windowEnd < text.length ? '...' : ''}`;
  return escape ? escapeText(trimmed) : trimmed;
}

const ICON: Record<DocType, string> = {
  page: 'aui-icon content-type-page',
  folder: 'aui-icon content-type-folder',
  attachment: 'aui-icon content-type-attachment',
  comment: 'aui-icon content-type-comment',
  space: 'aui-icon content-type-space',
};

function searchResult(ctx: RequestContext, doc: Doc, terms: string[][], excerptMode: string, score: number): Record<string, unknown> {
  const st = store(ctx);
  const lastModified = new Date(doc.lastModified).toISOString();
  const common = {
    title: doc.title,
    excerpt: excerptOf(doc, terms, excerptMode),
    breadcrumbs: [] as unknown[],
    iconCssClass: ICON[doc.type],
    lastModified,
    friendlyLastModified: friendlyDate(lastModified),
    score,
  };
  const globalContainer = doc.space ? { title: doc.space.name, displayUrl: `/spaces/${doc.space.key}` } : undefined;
  if (doc.type === 'space') {
    return { space: v1Space(ctx, doc.space!), ...common, url: `/spaces/${doc.space!.key}`, entityType: 'space' };
  }
  let content: Record<string, unknown>;
  let url: string;
  let parent: { title: string; displayUrl: string } | undefined;
  if (doc.page || doc.folder) {
    const node = (doc.page ?? doc.folder)!;
    content = v1TreeContent(ctx, node);
    url = st.webui(node);
  } else {
    const containerLinks = doc.container ? { title: doc.container.title, displayUrl: st.webui(doc.container) } : undefined;
    parent = containerLinks;
    if (doc.attachment) {
      const a = doc.attachment;
      url = st.attachmentWebui(a);
      content = {
        id: a.id,
        type: 'attachment',
        status: doc.status,
        title: a.title,
        ...(doc.space ? { space: v1Space(ctx, doc.space) } : {}),
        macroRenderedOutput: {},
        extensions: { mediaType: st.currentAttachmentVersion(a).mediaType, fileSize: st.currentAttachmentVersion(a).bytes.length, fileId: a.fileId },
        _expandable: { container: doc.container ? `/rest/api/content/${doc.container.id}` : '', version: '', history: `/rest/api/content/${a.id}/history` },
        _links: { webui: url, download: st.downloadLink(a), self: `${wikiBase(ctx)}/rest/api/content/${a.id}` },
      };
    } else {
      const c = doc.comment!;
      url = st.commentWebui(c);
      content = {
        id: c.id,
        type: 'comment',
        status: doc.status,
        title: doc.title,
        ...(doc.space ? { space: v1Space(ctx, doc.space) } : {}),
        macroRenderedOutput: {},
        extensions: c.kind === 'inline' ? { location: 'inline', resolution: { status: c.resolutionStatus ?? 'open' } } : { location: 'footer' },
        _expandable: { container: doc.container ? `/rest/api/content/${doc.container.id}` : '', version: '', history: `/rest/api/content/${c.id}/history` },
        _links: { webui: url, self: `${wikiBase(ctx)}/rest/api/content/${c.id}` },
      };
    }
  }
  const out: Record<string, unknown> = { content, ...common, url, entityType: 'content' };
  if (parent) out.resultParentContainer = parent;
  if (globalContainer) out.resultGlobalContainer = globalContainer;
  return out;
}

function cqlError(cql: string): Reply {
  return v1Error(400, `Could not parse cql : ${cql}`, { authorized: false, valid: true });
}

interface OffsetCursor {
  offset: number;
}

function encodeOffset(c: OffsetCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeOffset(raw: string): OffsetCursor | undefined {
  try {
    const o = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (typeof o === 'object' && o !== null && Number.isInteger((o as OffsetCursor).offset) && (o as OffsetCursor).offset >= 0) return o as OffsetCursor;
  } catch {
    // fall through
  }
  return undefined;
}

function intParam(ctx: RequestContext, name: string, fallback: number): number | Reply {
  const raw = ctx.query.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) return v1Error(400, `Invalid value for ${name}: ${raw}`);
  return Number(raw);
}

/** `_links.next` of v1 search: relative to `_links.base` (…/wiki), with the other parameters kept. */
function v1Next(path: string, ctx: RequestContext, cursor: string, start: number, limit: number): string {
  const parts = ['next=true', `cursor=${encodeURIComponent(cursor)}`, `limit=${limit}`, `start=${start}`];
  for (const [k, v] of ctx.query) {
    if (['next', 'prev', 'cursor', 'limit', 'start'].includes(k)) continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  }
  return `${path}?${parts.join('&')}`;
}

export function search(ctx: RequestContext): Reply {
  const started = Date.now();
  const cql = ctx.query.get('cql');
  if (cql === null || cql.trim() === '') return v1Error(400, 'The CQL query parameter (cql) is required.');
  const limitRaw = intParam(ctx, 'limit', 25);
  if (typeof limitRaw !== 'number') return limitRaw;
  const limit = Math.min(limitRaw, 250);
  let start = intParam(ctx, 'start', 0);
  if (typeof start !== 'number') return start;
  const rawCursor = ctx.query.get('cursor');
  if (rawCursor !== null) {
    const c = decodeOffset(rawCursor);
    if (!c) return v1Error(400, 'The cursor is invalid. Repeat the original search to get a new one.');
    start = c.offset;
  }
  const excerptMode = ctx.query.get('excerpt') ?? 'highlight';
  if (!['highlight', 'indexed', 'none', 'highlight_unescaped', 'indexed_unescaped'].includes(excerptMode)) {
    return v1Error(400, `Invalid value for excerpt: ${excerptMode}`);
  }
  const includeArchived = ctx.query.get('includeArchivedSpaces') === 'true';

  let parsed: ReturnType<typeof parseCql>;
  const score = new Map<Doc, number>();
  let matched: Doc[];
  try {
    parsed = parseCql(cql);
    const clauseFn = contentClause(ctx, score);
    const all = docs(store(ctx));
    const fields = clauses(parsed.where).map((c) => c.field.toLowerCase());
    const typeGiven = fields.includes('type');
    const statusGiven = fields.includes('status');
    matched = all.filter((d) => {
      if (!typeGiven && (d.type === 'space' || d.type === 'folder')) return false;
      if (!statusGiven && d.status !== 'current') return false;
      if (!includeArchived && d.space?.status === 'archived' && d.type !== 'space') return false;
      return parsed.where === undefined ? true : evaluate(parsed.where, d, clauseFn);
    });
    for (const o of parsed.orderBy) {
      if (!['lastmodified', 'created', 'title', 'id', 'type', 'space'].includes(o.field)) throw new CqlError(`cannot order by ${o.field}`);
    }
  } catch (err) {
    if (err instanceof CqlError) return cqlError(cql);
    throw err;
  }
  const order = parsed.orderBy;
  const key = (d: Doc, field: string): string | number =>
    field === 'lastmodified' ? d.lastModified : field === 'created' ? d.created : field === 'title' ? d.title.toLowerCase() : field === 'type' ? d.type : field === 'space' ? (d.space?.key ?? '') : Number(d.id.replace(/\D/g, ''));
  matched.sort((a, b) => {
    for (const o of order) {
      const x = key(a, o.field);
      const y = key(b, o.field);
      if (x !== y) return (x < y ? -1 : 1) * (o.dir === 'desc' ? -1 : 1);
    }
    if (order.length === 0) {
      const s = (score.get(b) ?? 0) - (score.get(a) ?? 0);
      if (s !== 0) return s;
      if (a.lastModified !== b.lastModified) return b.lastModified - a.lastModified;
    }
    return Number(a.id.replace(/\D/g, '')) - Number(b.id.replace(/\D/g, ''));
  });
  const terms = highlightTerms(parsed, ctx);
  const pageDocs = matched.slice(start, start + limit);
  const results = pageDocs.map((d) => searchResult(ctx, d, terms, excerptMode, score.get(d) ?? 0));
  const links: Record<string, string> = {
    base: wikiBase(ctx),
    context: '/wiki',
    self: `${wikiBase(ctx)}/rest/api/search?cql=${encodeURIComponent(cql)}`,
  };
  if (start + limit < matched.length && limit > 0) {
    links.next = v1Next('/rest/api/search', ctx, encodeOffset({ offset: start + limit }), start + limit, limit);
  }
  return {
    status: 200,
    body: {
      results,
      start,
      limit,
      size: results.length,
      totalSize: matched.length,
      cqlQuery: cql,
      searchDuration: Date.now() - started,
      _links: links,
    },
  };
}

// ---------------------------------------------------------------- GET /search/user

function userClause(ctx: RequestContext) {
  return (u: SeedUser, field: string, op: string, values: CqlValue[]): boolean => {
    const vals = values.map((v) => str(v, ctx));
    switch (field) {
      case 'type':
        return equality(op, field, ['user'], vals);
      case 'user':
      case 'user.fullname':
      case 'user.displayname': {
        if (op === '~' || op === '!~') {
          const needle = vals[0]?.toLowerCase().replace(/\*/g, '') ?? '';
          const hay = field === 'user' ? [u.displayName, u.publicName, u.email, u.dc.username] : [u.displayName, u.publicName];
          const hit = hay.some((h) => h.toLowerCase().includes(needle));
          return op === '~' ? hit : !hit;
        }
        const fields = field === 'user' ? [u.accountId, u.email, u.dc.username] : [u.displayName];
        return equality(op, field, fields, vals);
      }
      case 'user.accountid':
        return equality(op, field, [u.accountId], vals, false);
      default:
        throw new CqlError(`unknown field ${field}`);
    }
  };
}

export function searchUsers(ctx: RequestContext): Reply {
  const started = Date.now();
  const cql = ctx.query.get('cql');
  if (cql === null || cql.trim() === '') return v1Error(400, 'The CQL query parameter (cql) is required.');
  const limitRaw = intParam(ctx, 'limit', 25);
  if (typeof limitRaw !== 'number') return limitRaw;
  const limit = Math.min(limitRaw, 1000);
  const start = intParam(ctx, 'start', 0);
  if (typeof start !== 'number') return start;
  let matched: SeedUser[];
  try {
    const parsed = parseCql(cql);
    if (parsed.where === undefined) throw new CqlError('empty');
    const fn = userClause(ctx);
    matched = store(ctx)
      .allUsers()
      .filter((u) => evaluate(parsed.where!, u, fn));
  } catch (err) {
    if (err instanceof CqlError) return cqlError(cql);
    throw err;
  }
  const page = matched.slice(start, start + limit);
  const now = new Date().toISOString();
  const results = page.map((u) => ({
    user: v1User(ctx, u),
    title: u.displayName,
    excerpt: '',
    url: `/people/${u.accountId}`,
    breadcrumbs: [],
    entityType: 'user',
    iconCssClass: 'aui-icon content-type-profile',
    lastModified: now,
    score: 0,
  }));
  const links: Record<string, string> = {
    base: wikiBase(ctx),
    context: '/wiki',
    self: `${wikiBase(ctx)}/rest/api/search/user?cql=${encodeURIComponent(cql)}`,
  };
  if (start + limit < matched.length && limit > 0) links.next = `/rest/api/search/user?cql=${encodeURIComponent(cql)}&limit=${limit}&start=${start + limit}`;
  return {
    status: 200,
    body: { results, start, limit, size: results.length, totalSize: matched.length, cqlQuery: cql, searchDuration: Date.now() - started, _links: links },
  };
}

// ---------------------------------------------------------------- move

export function movePage(ctx: RequestContext, params: Record<string, string>): Reply {
  const st = store(ctx);
  const position = params.position;
  if (position !== 'append' && position !== 'before' && position !== 'after') {
    return v1Error(400, `Invalid position: ${position ?? ''}. Use append, before or after.`);
  }
  const page = st.page(params.pageId ?? '');
  if (!page || page.status !== 'current') return noContent(params.pageId ?? '');
  const target = st.node(params.targetId ?? '');
  if (!target || target.status === 'trashed' || target.status === 'draft') return noContent(params.targetId ?? '');
  if (target.id === page.id) return v1Error(400, 'Cannot move a page relative to itself.');
  const newParent = position === 'append' ? target : target.parentId !== undefined ? st.node(target.parentId) : undefined;
  if (newParent && st.isSelfOrDescendant(page.id, newParent.id)) return v1Error(400, CYCLE_MESSAGE);
  if (target.spaceId !== page.spaceId) {
    const clash = [page, ...st.descendants(page.id).map((d) => d.node)].find((n) => n.type === 'page' && st.pageByTitle(target.spaceId, n.title));
    if (clash) return v1Error(400, DUPLICATE_TITLE);
  }
  st.place(page, position, target);
  return { status: 200, body: { pageId: page.id } };
}

// ---------------------------------------------------------------- labels

const LABEL_INVALID = /[\s!#&()*,.:;<>?@[\]^]/;

function labelArray(ctx: RequestContext, contentId: string, names: string[]): Record<string, unknown> {
  const st = store(ctx);
  const results = names.map((n) => {
    const d = st.labelDef(n);
    return { prefix: d.prefix, name: d.name, id: d.id, label: d.name };
  });
  return {
    results,
    start: 0,
    limit: 200,
    size: results.length,
    _links: { self: `${wikiBase(ctx)}/rest/api/content/${contentId}/label`, base: wikiBase(ctx), context: '/wiki' },
  };
}

export function addLabels(ctx: RequestContext, params: Record<string, string>): Reply {
  const st = store(ctx);
  const page = st.page(params.id ?? '');
  if (!page || page.status === 'trashed') return noContent(params.id ?? '');
  const body = ctx.body;
  const items = Array.isArray(body) ? body : typeof body === 'object' && body !== null ? [body] : undefined;
  if (!items || items.length === 0) return v1Error(400, 'The body must be a label or a list of labels: [{"prefix":"global","name":"…"}].');
  const names: string[] = [];
  for (const item of items) {
    const o = item as { prefix?: unknown; name?: unknown };
    if (typeof item !== 'object' || item === null || typeof o.name !== 'string') return v1Error(400, 'Every label needs a name.');
    const prefix = typeof o.prefix === 'string' ? o.prefix : 'global';
    if (prefix !== 'global' && prefix !== 'my' && prefix !== 'team') return v1Error(400, `Invalid label prefix: ${prefix}`);
    const name = o.name.trim();
    if (name === '') return v1Error(400, 'Label name cannot be empty.');
    if (name.length > 255) return v1Error(400, `Label '${name}' is longer than 255 characters.`);
    if (LABEL_INVALID.test(name)) {
      return v1Error(400, `Invalid label name '${name}': labels cannot contain spaces or any of ! # & ( ) * , . : ; < > ? @ [ ] ^`);
    }
    names.push(name.toLowerCase());
  }
  for (const n of names) {
    st.labelDef(n);
    if (!page.labels.includes(n)) page.labels.push(n);
  }
  return { status: 200, body: labelArray(ctx, page.id, page.labels) };
}

function removeLabel(ctx: RequestContext, id: string, name: string | null): Reply {
  const page = store(ctx).page(id);
  if (!page || page.status === 'trashed') return noContent(id);
  if (name === null || name.trim() === '') return v1Error(400, 'The label name is required.');
  const at = page.labels.indexOf(name.toLowerCase());
  if (at < 0) return v1Error(404, `Label '${name}' is not on content ${id}`);
  page.labels.splice(at, 1);
  return { status: 204 };
}

export function deleteLabelByPath(ctx: RequestContext, params: Record<string, string>): Reply {
  return removeLabel(ctx, params.id ?? '', params.label ?? null);
}

export function deleteLabelByQuery(ctx: RequestContext, params: Record<string, string>): Reply {
  return removeLabel(ctx, params.id ?? '', ctx.query.get('name'));
}

// ---------------------------------------------------------------- PUT /content/{id}

/** v1 update: `{type, title, version: {number}}` renames a folder; for a page, `body.storage` may change too. */
export function updateContent(ctx: RequestContext, params: Record<string, string>): Reply {
  const st = store(ctx);
  const id = params.id ?? '';
  const node = st.node(id);
  if (!node || node.status === 'trashed') return noContent(id);
  const b = ctx.body;
  if (typeof b !== 'object' || b === null || Array.isArray(b)) return v1Error(400, 'The body must be a JSON object.');
  const o = b as { type?: unknown; title?: unknown; status?: unknown; version?: { number?: unknown; message?: unknown }; body?: { storage?: { value?: unknown } } };
  if (o.type !== node.type) return v1Error(400, `Content type must be '${node.type}' for content ${id}.`);
  if (typeof o.title !== 'string' || o.title.trim() === '') return v1Error(400, 'Title is required.');
  const number = o.version?.number;
  if (typeof number !== 'number' || !Number.isInteger(number)) return v1Error(400, 'version.number is required.');
  if (number !== node.version.number + 1) return v1Error(409, `Version must be incremented on update. Current version is: ${node.version.number}`);
  const now = new Date().toISOString();
  const version = {
    number,
    message: typeof o.version?.message === 'string' ? o.version.message : '',
    minorEdit: false,
    authorId: ctx.user.accountId,
    createdAt: now,
  };
  if (node.type === 'page') {
    if (st.pageByTitle(node.spaceId, o.title, node.id)) return v1Error(400, DUPLICATE_TITLE);
    const storage = o.body?.storage?.value;
    node.history.push({ version: node.version, title: node.title, body: node.body });
    if (typeof storage === 'string') node.body = storage;
  }
  node.title = o.title;
  node.version = version;
  return { status: 200, body: v1TreeContent(ctx, node) };
}
