// Confluence Cloud: the same routes answer on the site (`/wiki/...`) and through the gateway
// (`/ex/confluence/{cloudId}/wiki/...`; ctx.path is the part from `/wiki` on).
// Shapes follow /work/shared/specs/confluence-v2.json and confluence-v1.json.

import { errorReply } from '../errors.ts';
import type { Reply, RequestContext, SpaceRecord } from '../types.ts';
import { Router } from './router.ts';

export const confluenceCloudRouter = new Router()
  .get('/wiki/rest/api/user/current', currentUser)
  .get('/wiki/api/v2/spaces', listSpaces);

/** `_links.base` of Confluence Cloud: always the site's /wiki, also through the gateway. */
function wikiBase(ctx: RequestContext): string {
  return `${ctx.urls.siteUrl}/wiki`;
}

// ---------------------------------------------------------------- v1: GET /wiki/rest/api/user/current

function currentUser(ctx: RequestContext): Reply {
  const u = ctx.user;
  const expand = new Set(
    ctx.query
      .getAll('expand')
      .flatMap((v) => v.split(','))
      .map((s) => s.trim()),
  );
  const body: Record<string, unknown> = {
    type: 'known',
    accountId: u.accountId,
    accountType: 'atlassian',
    email: u.email,
    publicName: u.publicName,
    profilePicture: {
      path: `/wiki/aa-avatar/${u.accountId}`,
      width: 48,
      height: 48,
      isDefault: false,
    },
    displayName: u.displayName,
    timeZone: u.timeZone,
    externalCollaborator: false,
    isExternalCollaborator: false,
    isGuest: false,
    _expandable: { operations: '', personalSpace: '' },
    _links: {
      self: `${wikiBase(ctx)}/rest/api/user?accountId=${encodeURIComponent(u.accountId)}`,
      base: wikiBase(ctx),
      context: '/wiki',
    },
  };
  if (expand.has('operations')) {
    body.operations = [
      { operation: 'create', targetType: 'page' },
      { operation: 'create', targetType: 'blogpost' },
      { operation: 'use', targetType: 'application' },
    ];
    body._expandable = { personalSpace: '' };
  }
  return { status: 200, body };
}

// ---------------------------------------------------------------- v2: GET /wiki/api/v2/spaces

const SPACE_TYPES = ['global', 'collaboration', 'knowledge_base', 'personal', 'system', 'onboarding', 'xflow_sample_space'];
const SPACE_STATUSES = ['current', 'archived'];
const SPACE_SORTS = ['id', '-id', 'key', '-key', 'name', '-name'];

function badParameter(name: string, expected: string, detail: string | null = null): Reply {
  return errorReply('confluence-v2', 400, {
    code: 'INVALID_REQUEST_PARAMETER',
    message: `Provided value for '${name}' is not the correct type. Expected type is ${expected}.`,
    detail,
  });
}

/** All values of a multi-value query parameter (`a=1&a=2` and `a=1,2` both accepted, like Atlassian). */
function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.getAll(name);
  if (raw.length === 0) return undefined;
  return raw.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

/** Parses `limit` (default 25, 1..max). Returns a Reply on error. */
export function parseLimit(query: URLSearchParams, max: number, fallback = 25): number | Reply {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) return badParameter('limit', 'Integer');
  const n = Number(raw);
  if (n < 1 || n > max) {
    return errorReply('confluence-v2', 400, {
      code: 'INVALID_REQUEST_PARAMETER',
      message: `Provided value for 'limit' is not valid. Value must be between 1 and ${max}.`,
    });
  }
  return n;
}

interface CursorState {
  id: string;
  contentOrder: string;
  contentOrderValue: string | number;
}

/** Opaque cursor like Atlassian's: padded base64 of a small JSON document. */
export function encodeCursor(state: CursorState): string {
  // url-safe alphabet, '=' padding kept (Atlassian's cursors end in '=' too)
  return Buffer.from(JSON.stringify(state)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

export function decodeCursor(cursor: string): CursorState | undefined {
  try {
    const json: unknown = JSON.parse(Buffer.from(cursor.replace(/=+$/, ''), 'base64url').toString('utf8'));
    if (typeof json !== 'object' || json === null) return undefined;
    const o = json as Record<string, unknown>;
    if (typeof o.id !== 'string' || typeof o.contentOrder !== 'string') return undefined;
    if (typeof o.contentOrderValue !== 'string' && typeof o.contentOrderValue !== 'number') return undefined;
    return { id: o.id, contentOrder: o.contentOrder, contentOrderValue: o.contentOrderValue };
  } catch {
    return undefined;
  }
}

function invalidCursor(): Reply {
  return badParameter(
    'cursor',
    'Cursor',
    'The provided cursor was not valid. You can get a new valid cursor by making the original pagination request again.',
  );
}

/**
 * The next-page link Atlassian builds: `/wiki/api/v2/<...>?cursor=<c>&<the other original params>`,
 * relative and starting with `/wiki/` — also through the gateway.
 */
export function nextLink(wikiPath: string, query: URLSearchParams, cursor: string): string {
  const parts = [`cursor=${cursor}`];
  for (const [k, v] of query) {
    if (k === 'cursor') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  }
  return `${wikiPath}?${parts.join('&')}`;
}

/** Sets `_links` and the `Link` header of a cursor-paged v2 answer. */
export function pagedReply(ctx: RequestContext, results: unknown[], next: string | undefined): Reply {
  const base = wikiBase(ctx);
  const links: Record<string, string> = {};
  if (next !== undefined) links.next = next;
  links.base = base;
  const reply: Reply = { status: 200, body: { results, _links: links } };
  if (next !== undefined) reply.headers = { Link: `<${next}>; rel="next", <${base}>; rel="base"` };
  return reply;
}

function sortValue(space: SpaceRecord, field: string): string | number {
  if (field === 'id') return Number(space.id);
  if (field === 'key') return space.key;
  return space.name.toLowerCase();
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function spaceJson(s: SpaceRecord, descriptionFormat: string | null, includeIcon: boolean): unknown {
  const out: Record<string, unknown> = {
    id: s.id,
    key: s.key,
    name: s.name,
    type: s.type,
    status: s.status,
    authorId: s.authorId,
    createdAt: s.createdAt,
    homepageId: s.homepageId,
    spaceOwnerId: s.spaceOwnerId,
    currentActiveAlias: s.key,
  };
  if (descriptionFormat === 'plain') out.description = { plain: { value: s.description, representation: 'plain' } };
  if (descriptionFormat === 'view') out.description = { view: { value: `<p>${escapeHtml(s.description)}</p>`, representation: 'view' } };
  if (includeIcon) {
    out.icon = {
      path: `/wiki/download/attachments/${s.homepageId}/${s.key}?version=1&modificationDate=1700000000000&api=v2`,
      apiDownloadLink: `/wiki/rest/api/space/${encodeURIComponent(s.key)}/icon`,
    };
  }
  out._links = { webui: `/spaces/${s.key}` };
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function listSpaces(ctx: RequestContext): Reply {
  const q = ctx.query;
  const limit = parseLimit(q, 250);
  if (typeof limit !== 'number') return limit;

  const ids = listParam(q, 'ids');
  if (ids?.some((id) => !/^\d+$/.test(id))) return badParameter('ids', 'Long');
  const keys = listParam(q, 'keys');
  const type = q.get('type');
  if (type !== null && !SPACE_TYPES.includes(type)) return badParameter('type', 'SpaceType');
  const status = q.get('status');
  if (status !== null && !SPACE_STATUSES.includes(status)) return badParameter('status', 'SpaceStatus');
  const labels = listParam(q, 'labels');
  const sort = q.get('sort') ?? 'id';
  if (!SPACE_SORTS.includes(sort)) return badParameter('sort', 'SpaceSortOrder');
  const descriptionFormat = q.get('description-format');
  if (descriptionFormat !== null && descriptionFormat !== 'plain' && descriptionFormat !== 'view') {
    return badParameter('description-format', 'SpaceDescriptionBodyRepresentation');
  }
  const includeIcon = q.get('include-icon') === 'true';

  const field = sort.replace(/^-/, '');
  const dir = sort.startsWith('-') ? -1 : 1;
  const all = ctx.state.confluence.spaces
    .filter((s) => (ids ? ids.includes(s.id) : true))
    .filter((s) => (keys ? keys.includes(s.key) : true))
    .filter((s) => (type !== null ? s.type === type : true))
    .filter((s) => (status !== null ? s.status === status : true))
    .filter((s) => (labels ? labels.some((l) => s.labels.includes(l)) : true))
    .sort((a, b) => dir * compare(sortValue(a, field), sortValue(b, field)) || compare(Number(a.id), Number(b.id)));

  let start = 0;
  const rawCursor = q.get('cursor');
  if (rawCursor !== null) {
    const cursor = decodeCursor(rawCursor);
    if (!cursor || cursor.contentOrder !== field) return invalidCursor();
    const at = all.findIndex((s) => s.id === cursor.id);
    if (at >= 0) start = at + 1;
    else {
      // the last item seen is gone: resume after its sort value
      const after = all.findIndex((s) => dir * compare(sortValue(s, field), cursor.contentOrderValue) > 0);
      start = after >= 0 ? after : all.length;
    }
  }
  const page = all.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + limit < all.length && last !== undefined;
  const next = more
    ? nextLink(
        '/wiki/api/v2/spaces',
        q,
        encodeCursor({ id: last.id, contentOrder: field, contentOrderValue: sortValue(last, field) }),
      )
    : undefined;
  return pagedReply(
    ctx,
    page.map((s) => spaceJson(s, descriptionFormat, includeIcon)),
    next,
  );
}
