// Attachments: v2 list/get/delete; v1 multipart upload (POST creates, PUT creates or adds a version,
// both need `X-Atlassian-Token: no-check`), the v1 download endpoint (302 to the download link, as
// Confluence answers) and the `/wiki/download/attachments/{pageId}/{filename}` link (the bytes).

import { randomUUID } from 'node:crypto';
import type { AttachmentRecord, AttachmentVersion } from '../confluence/model.ts';
import { parseMultipart } from '../confluence/multipart.ts';
import type { Reply, RequestContext } from '../types.ts';
import {
  attachmentJson,
  badParameter,
  boolParam,
  includeFlags,
  isReply,
  listParam,
  paginate,
  parseLimit,
  sortBy,
  sortParam,
  store,
  v1AttachmentContent,
  v1Error,
  v2BadRequest,
  v2NotFound,
  wikiBase,
  type SortSpec,
} from './confluence-common.ts';
import { livePage } from './confluence-pages.ts';

const ATTACHMENT_SORTS = ['created-date', '-created-date', 'modified-date', '-modified-date'];

const EXTENSION_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  pdf: 'application/pdf',
  json: 'application/json',
  zip: 'application/zip',
  html: 'text/html',
  xml: 'application/xml',
};

function mediaTypeFor(filename: string, declared: string | undefined): string {
  const clean = declared?.split(';')[0]?.trim().toLowerCase();
  if (clean && clean !== 'application/octet-stream') return clean;
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  return (ext && EXTENSION_TYPES[ext]) ?? 'application/octet-stream';
}

/** `att123` or `123` → the stored attachment. */
function findAttachment(ctx: RequestContext, raw: string | undefined): AttachmentRecord | undefined {
  if (raw === undefined) return undefined;
  const m = /^(?:att)?(\d+)$/.exec(raw);
  if (!m) return undefined;
  return store(ctx).data.attachments.get(`att${m[1]}`);
}

// ---------------------------------------------------------------- v2

export function pageAttachments(ctx: RequestContext, params: Record<string, string>): Reply {
  const page = livePage(ctx, params.id);
  if (isReply(page)) return page;
  const limit = parseLimit(ctx.query, 250, 50);
  if (typeof limit !== 'number') return limit;
  const sort = sortParam(ctx.query, ATTACHMENT_SORTS, 'created-date', 'AttachmentSortOrder');
  if (isReply(sort)) return sort;
  const statuses = listParam(ctx.query, 'status') ?? ['current'];
  if (statuses.some((s) => !['current', 'archived', 'trashed'].includes(s))) return badParameter('status', 'ContentStatus');
  const mediaType = ctx.query.get('mediaType');
  const filename = ctx.query.get('filename');
  const st = store(ctx);
  const items = st
    .attachmentsOf(page.id, true)
    .filter((a) => statuses.includes(a.status))
    .filter((a) => mediaType === null || st.currentAttachmentVersion(a).mediaType === mediaType)
    .filter((a) => filename === null || a.title === filename);
  const spec: SortSpec<AttachmentRecord> = {
    field: sort.field,
    dir: sort.dir,
    value: (a) => (sort.field === 'created-date' ? a.createdAt : st.currentAttachmentVersion(a).createdAt),
    id: (a) => a.id,
  };
  return paginate(ctx, sortBy(items, spec), limit, spec, `/wiki/api/v2/pages/${page.id}/attachments`, (a) => attachmentJson(ctx, a, false));
}

export function getAttachment(ctx: RequestContext, params: Record<string, string>): Reply {
  if (!/^(att)?[0-9]+$/.test(params.id ?? '')) return badParameter('id', 'String');
  const flags = includeFlags(ctx, ['include-labels', 'include-properties', 'include-operations', 'include-versions', 'include-version', 'include-collaborators']);
  if (isReply(flags)) return flags;
  const rawVersion = ctx.query.get('version');
  if (rawVersion !== null && !/^\d+$/.test(rawVersion)) return badParameter('version', 'Integer');
  const a = findAttachment(ctx, params.id);
  if (!a) return v2NotFound();
  let at: AttachmentVersion | undefined;
  if (rawVersion !== null) {
    at = a.versions.find((v) => v.number === Number(rawVersion));
    if (!at) return v2NotFound();
  }
  const body = attachmentJson(ctx, a, true, at);
  const meta = { hasMore: false, cursor: '' };
  if (!flags['include-version']) delete body.version;
  if (flags['include-labels']) body.labels = { results: [], meta, _links: { self: `/wiki/api/v2/attachments/${a.id}/labels` } };
  if (flags['include-properties']) body.properties = { results: [], meta, _links: { self: `/wiki/api/v2/attachments/${a.id}/properties` } };
  if (flags['include-operations']) {
    body.operations = { results: [{ operation: 'read', targetType: 'attachment' }, { operation: 'delete', targetType: 'attachment' }], meta, _links: { self: `/wiki/api/v2/attachments/${a.id}/operations` } };
  }
  if (flags['include-versions']) {
    body.versions = {
      results: [...a.versions].reverse().map((v) => ({ createdAt: v.createdAt, message: v.comment, number: v.number, minorEdit: v.minorEdit, authorId: v.authorId })),
      meta,
      _links: { self: `/wiki/api/v2/attachments/${a.id}/versions` },
    };
  }
  return { status: 200, body };
}

export function deleteAttachment(ctx: RequestContext, params: Record<string, string>): Reply {
  if (!/^(att)?[0-9]+$/.test(params.id ?? '')) return badParameter('id', 'Long');
  const purge = boolParam(ctx.query, 'purge');
  if (isReply(purge)) return purge;
  const a = findAttachment(ctx, params.id);
  if (!a) return v2NotFound();
  if (purge) {
    if (a.status !== 'trashed') return v2BadRequest('Only a trashed attachment can be purged. Delete the attachment first (without purge).');
    store(ctx).data.attachments.delete(a.id);
    return { status: 204 };
  }
  if (a.status === 'trashed') return v2NotFound();
  a.status = 'trashed';
  return { status: 204 };
}

// ---------------------------------------------------------------- v1 upload

function xsrfOk(ctx: RequestContext): boolean {
  const v = ctx.headers['x-atlassian-token'];
  const value = (Array.isArray(v) ? v[0] : v)?.trim().toLowerCase();
  return value === 'no-check' || value === 'nocheck';
}

export function noContent(id: string): Reply {
  return v1Error(404, `No content found with id: ContentId{id=${id}}`);
}

function upload(mode: 'create' | 'create-or-update') {
  return (ctx: RequestContext, params: Record<string, string>): Reply => {
    if (!xsrfOk(ctx)) return { status: 403, body: 'XSRF check failed', contentType: 'text/plain;charset=UTF-8' };
    const st = store(ctx);
    const status = ctx.query.get('status');
    if (status !== null && status !== 'current' && status !== 'draft') return v1Error(400, `Invalid status: ${status}`);
    const page = st.page(params.id ?? '');
    if (!page || page.status === 'trashed') return noContent(params.id ?? '');
    const parts = parseMultipart(ctx.rawBody, headerValue(ctx, 'content-type'));
    if (typeof parts === 'string') return v1Error(400, `Could not read the upload: ${parts}`);
    const files = parts.filter((p) => p.name === 'file');
    if (files.length === 0) return v1Error(400, 'At least one file must be sent in a form part named "file".');
    const comments = parts.filter((p) => p.name === 'comment').map((p) => p.data.toString('utf8'));
    if (comments.length > 0 && comments.length !== files.length) {
      return v1Error(400, 'If you specify a comment, every file must have a comment, in the same order as the files.');
    }
    const minorPart = parts.find((p) => p.name === 'minorEdit')?.data.toString('utf8').trim().toLowerCase();
    const minorEdit = minorPart === 'true';
    const names = new Set<string>();
    for (const f of files) {
      const name = f.filename ?? '';
      if (name.trim() === '') return v1Error(400, 'Every file part needs a filename.');
      if (names.has(name)) return v1Error(400, `The same file name was sent twice: ${name}`);
      names.add(name);
      const existing = st.attachmentsOf(page.id).find((a) => a.title === name);
      if (existing && mode === 'create') {
        return v1Error(
          400,
          `com.atlassian.confluence.api.service.exceptions.BadRequestException: Cannot add a new attachment with same file name as an existing attachment: ${name}`,
          { authorized: true, valid: true, successful: true },
        );
      }
    }
    const results: AttachmentRecord[] = [];
    const now = new Date().toISOString();
    files.forEach((f, i) => {
      const name = f.filename!;
      const mediaType = mediaTypeFor(name, f.contentType);
      const comment = comments[i] ?? '';
      const existing = st.attachmentsOf(page.id).find((a) => a.title === name);
      if (existing) {
        existing.versions.push({ number: existing.versions.length + 1, createdAt: now, authorId: ctx.user.accountId, comment, minorEdit, mediaType, bytes: f.data });
        results.push(existing);
        return;
      }
      const rec: AttachmentRecord = {
        id: `att${st.newId()}`,
        pageId: page.id,
        title: name,
        status: 'current',
        fileId: randomUUID(),
        createdAt: now,
        versions: [{ number: 1, createdAt: now, authorId: ctx.user.accountId, comment, minorEdit, mediaType, bytes: f.data }],
      };
      st.data.attachments.set(rec.id, rec);
      results.push(rec);
    });
    return {
      status: 200,
      body: {
        results: results.map((a) => v1AttachmentContent(ctx, a)),
        size: results.length,
        _links: { base: wikiBase(ctx), context: '/wiki' },
      },
    };
  };
}

function headerValue(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export const createAttachments = upload('create');
export const createOrUpdateAttachments = upload('create-or-update');

// ---------------------------------------------------------------- downloads

/** Absolute URL of a `/wiki/...` path on the listener the request came in on (gateway prefix kept). */
function sameOrigin(ctx: RequestContext, wikiPath: string): string {
  const origin = ctx.listener === 'api' ? ctx.urls.apiUrl : ctx.urls.siteUrl;
  return `${origin}${ctx.prefix}${wikiPath}`;
}

export function downloadViaApi(ctx: RequestContext, params: Record<string, string>): Reply {
  const a = findAttachment(ctx, params.attachmentId);
  if (!a || a.pageId !== params.id || a.status !== 'current') return noContent(params.attachmentId ?? '');
  const rawVersion = ctx.query.get('version');
  let v = store(ctx).currentAttachmentVersion(a);
  if (rawVersion !== null) {
    const found = /^\d+$/.test(rawVersion) ? a.versions.find((x) => x.number === Number(rawVersion)) : undefined;
    if (!found) return noContent(params.attachmentId ?? '');
    v = found;
  }
  return { status: 302, headers: { Location: sameOrigin(ctx, `/wiki${store(ctx).downloadLink(a, v)}`) } };
}

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function downloadLink(ctx: RequestContext, params: Record<string, string>): Reply {
  const st = store(ctx);
  const a = st.attachmentsOf(params.pageId ?? '').find((x) => x.title === params.filename);
  if (!a) return v1Error(404, `Attachment ${params.filename ?? ''} not found on content ${params.pageId ?? ''}`);
  const rawVersion = ctx.query.get('version');
  const v = rawVersion !== null && /^\d+$/.test(rawVersion) ? a.versions.find((x) => x.number === Number(rawVersion)) : st.currentAttachmentVersion(a);
  if (!v) return v1Error(404, `Version ${rawVersion ?? ''} of ${a.title} not found`);
  return {
    status: 200,
    body: v.bytes,
    contentType: v.mediaType,
    headers: { 'Content-Disposition': contentDisposition(a.title), ETag: `"${a.fileId}-${v.number}"` },
  };
}
