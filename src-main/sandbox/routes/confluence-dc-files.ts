// Confluence Data Center's labels, attachments, search and users. The rules (label names, upload
// parts, CQL) are the Cloud v1 handlers' own; only the answers are reshaped the DC way.

import type { Reply, RequestContext } from '../types.ts';
import { noContent } from './confluence-attachments.ts';
import { pageAt, store } from './confluence-common.ts';
import { CONTEXT, dcAttachment, dcBase, dcPage, dcPaged, dcUser, labelJson, pageWebui } from './confluence-dc-json.ts';
import { search, searchUsers } from './confluence-v1.ts';

type Params = Record<string, string>;

export function pageLabels(ctx: RequestContext, params: Params): Reply {
  const page = store(ctx).page(params.id ?? '');
  if (!page || page.status !== 'current') return noContent(params.id ?? '');
  return dcPaged(ctx, `/rest/api/content/${page.id}/label`, page.labels, (n) => labelJson(ctx, n));
}

/** Replaces Cloud's `/wiki` links in a v1 answer with the DC site's. */
function rebase(ctx: RequestContext, reply: Reply): Reply {
  const body = reply.body as { _links?: Record<string, string> } | undefined;
  if (reply.status !== 200 || !body?._links) return reply;
  body._links.base = dcBase(ctx);
  body._links.context = CONTEXT;
  if (body._links.self) body._links.self = body._links.self.replace(/^.*\/wiki\//, `${dcBase(ctx)}/`);
  return reply;
}

/** Label writes answer DC's label list. */
export function relabel(handler: (ctx: RequestContext, params: Params) => Reply) {
  return (ctx: RequestContext, params: Params): Reply => rebase(ctx, handler(ctx, params));
}

export function pageAttachments(ctx: RequestContext, params: Params): Reply {
  const st = store(ctx);
  const page = st.page(params.id ?? '');
  if (!page || page.status !== 'current') return noContent(params.id ?? '');
  const filename = ctx.query.get('filename');
  const mediaType = ctx.query.get('mediaType');
  const list = st.attachmentsOf(page.id).filter((a) => (!filename || a.title === filename) && (!mediaType || st.currentAttachmentVersion(a).mediaType === mediaType));
  return dcPaged(ctx, `/rest/api/content/${page.id}/child/attachment`, list, (a) => dcAttachment(ctx, a));
}

/** Uploads answer DC attachment content in `results`. */
export function uploaded(handler: (ctx: RequestContext, params: Params) => Reply) {
  return (ctx: RequestContext, params: Params): Reply => {
    const reply = rebase(ctx, handler(ctx, params));
    const body = reply.body as { results?: { id: string }[] } | undefined;
    if (reply.status !== 200 || !body?.results) return reply;
    const st = store(ctx);
    body.results = body.results.map((r) => dcAttachment(ctx, st.data.attachments.get(r.id)!, new Set(['version', 'container'])) as { id: string });
    return reply;
  };
}

/**
 * `/search?cql=`: content through the Cloud CQL engine, reshaped; `type = user AND …` (DC's way to
 * find people — there is no /search/user) through the Cloud user search.
 */
export function searchDc(ctx: RequestContext): Reply {
  const cql = ctx.query.get('cql') ?? '';
  const userQuery = /^\s*type\s*=\s*"?user"?\s+AND\s+([\s\S]+)$/i.exec(cql);
  if (userQuery) {
    ctx.query.set('cql', userQuery[1]!);
    const reply = rebase(ctx, searchUsers(ctx));
    const body = reply.body as { results?: { user?: { accountId?: string } }[] } | undefined;
    for (const r of body?.results ?? []) r.user = dcUser(ctx, store(ctx).user(r.user?.accountId ?? ''));
    return reply;
  }
  const reply = rebase(ctx, search(ctx));
  const body = reply.body as { results?: { content?: { id: string; _links?: Record<string, string> }; url?: string }[]; _links?: Record<string, string> } | undefined;
  for (const r of body?.results ?? []) {
    if (!r.content) continue;
    r.content._links = { webui: pageWebui(r.content), self: `${dcBase(ctx)}/rest/api/content/${r.content.id}` };
    r.url = pageWebui(r.content);
  }
  // DC pages on start/limit only: drop Cloud's cursor from the next link.
  if (body?._links?.next) body._links.next = body._links.next.replace(/([?&])(next=true|cursor=[^&]*)&?/g, '$1').replace(/[?&]$/, '');
  return reply;
}

/** `/content/search?cql=`: the matching content itself (pages only here), DC's other search. */
export function contentSearch(ctx: RequestContext): Reply {
  // All matches at once from the CQL engine (its most), then DC's own start/limit paging over them.
  const [limit, start] = [ctx.query.get('limit'), ctx.query.get('start')];
  ctx.query.set('limit', '250');
  ctx.query.set('start', '0');
  const reply = search(ctx);
  for (const [name, value] of [['limit', limit], ['start', start]] as const) {
    if (value === null) ctx.query.delete(name);
    else ctx.query.set(name, value);
  }
  if (reply.status !== 200) return reply;
  const st = store(ctx);
  const ids = ((reply.body as { results: { content?: { id: string; type: string } }[] }).results ?? []).flatMap((r) => (r.content?.type === 'page' ? [r.content.id] : []));
  const pages = ids.map((id) => st.page(id)).filter((p) => p !== undefined);
  return dcPaged(ctx, '/rest/api/content/search', pages, (p) => dcPage(ctx, pageAt(p)!));
}

/** `/user?username=` or `?key=`. */
export function userByName(ctx: RequestContext): Reply {
  const name = ctx.query.get('username');
  const key = ctx.query.get('key');
  const user = store(ctx)
    .allUsers()
    .find((u) => (name !== null && u.dc.username === name) || (key !== null && u.dc.confluenceUserKey === key));
  if (!user) return { status: 404, body: { statusCode: 404, data: { authorized: true, valid: true, errors: [], successful: false }, message: `No user found with ${name !== null ? `username: ${name}` : `key: ${key ?? ''}`}`, reason: 'Not Found' } };
  return { status: 200, body: dcUser(ctx, user) };
}
