// Attachments: multipart upload to an issue (needs `X-Atlassian-Token: no-check`, else Jira's
// XSRF refusal), metadata, delete, and the bytes. Cloud's content endpoint answers 303 by default
// (Jira sends clients to its media store; the sandbox redirects to the same URL with
// redirect=false, a stand-in for the media URL) and the bytes with redirect=false. Data Center
// serves the bytes from /secure/attachment/{id}/{filename}.

import { parseMultipart } from '../confluence/multipart.ts';
import type { AttachmentRecord } from '../jira/model.ts';
import type { Reply, RequestContext } from '../types.ts';
import { api, findIssue, isReply, jiraError, store } from './jira-common.ts';
import { attachmentJson } from './jira-json.ts';

/** Largest accepted upload (Jira Cloud's default attachment limit is far higher; small keeps tests quick). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const EXTENSION_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  pdf: 'application/pdf',
  json: 'application/json',
  zip: 'application/zip',
};

function mimeTypeFor(filename: string, declared: string | undefined): string {
  const clean = declared?.split(';')[0]?.trim().toLowerCase();
  if (clean && clean !== 'application/octet-stream') return clean;
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  return (ext && EXTENSION_TYPES[ext]) ?? 'application/octet-stream';
}

export function addAttachments(ctx: RequestContext, params: Record<string, string>): Reply {
  const token = String(ctx.headers['x-atlassian-token'] ?? '').toLowerCase();
  if (token !== 'no-check' && token !== 'nocheck') return { status: 403, body: 'XSRF check failed', contentType: 'text/plain;charset=UTF-8' };
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  if (ctx.rawBody.length > MAX_ATTACHMENT_BYTES) return jiraError(413, [`The file is too large: the limit is ${MAX_ATTACHMENT_BYTES} bytes.`]); // guess
  const parts = parseMultipart(ctx.rawBody, ctx.headers['content-type']);
  if (typeof parts === 'string') return jiraError(400, [`Could not read the attachments: ${parts}.`]); // guess
  const files = parts.filter((p) => p.name === 'file' && p.filename !== undefined && p.filename !== '');
  if (files.length === 0) return jiraError(400, ["No file was attached: send the files in parts named 'file'."]); // guess
  const a = api(ctx);
  const s = store(ctx);
  const now = new Date().toISOString();
  const created = files.map((f) => {
    const rec: AttachmentRecord = { id: String(s.nextId('attachment')), issueId: issue.id, filename: f.filename!, authorId: ctx.user.accountId, created: now, mimeType: mimeTypeFor(f.filename!, f.contentType), bytes: f.data };
    s.data.attachments.set(rec.id, rec);
    return rec;
  });
  issue.updated = now;
  return { status: 200, body: created.map((r) => attachmentJson(a, s, r)) };
}

/** The attachment, when its issue is visible to the caller. */
function findAttachment(ctx: RequestContext, id: string | undefined): AttachmentRecord | Reply {
  const s = store(ctx);
  const att = id === undefined ? undefined : s.data.attachments.get(id);
  const issue = att ? s.issue(att.issueId) : undefined;
  if (!att || !issue || !s.canBrowse(s.projectOf(issue), ctx.user.accountId)) return jiraError(404, [`The attachment with id '${id ?? ''}' does not exist`]);
  return att;
}

/** GET /attachment/{id}: AttachmentMetadata (note: numeric `id` here, unlike everywhere else). */
export function attachmentMeta(ctx: RequestContext, params: Record<string, string>): Reply {
  const att = findAttachment(ctx, params.id);
  if (isReply(att)) return att;
  const json = attachmentJson(api(ctx), store(ctx), att);
  return { status: 200, body: { ...json, id: Number(att.id), properties: {} } };
}

export function deleteAttachment(ctx: RequestContext, params: Record<string, string>): Reply {
  const att = findAttachment(ctx, params.id);
  if (isReply(att)) return att;
  const s = store(ctx);
  const issue = s.issue(att.issueId)!;
  if (att.authorId !== ctx.user.accountId && !s.isAdmin(s.projectOf(issue), ctx.user.accountId)) {
    return jiraError(403, ['You do not have permission to delete this attachment.']); // guess
  }
  s.data.attachments.delete(att.id);
  return { status: 204 };
}

function bytesReply(att: AttachmentRecord): Reply {
  return {
    status: 200,
    body: att.bytes,
    contentType: att.mimeType,
    headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(att.filename)}` },
  };
}

/** GET /attachment/content/{id}: 303 to the bytes unless redirect=false. */
export function attachmentContent(ctx: RequestContext, params: Record<string, string>): Reply {
  const att = findAttachment(ctx, params.id);
  if (isReply(att)) return att;
  if (ctx.query.get('redirect') !== 'false') {
    return { status: 303, headers: { Location: `${api(ctx).rest}/attachment/content/${att.id}?redirect=false` } };
  }
  return bytesReply(att);
}

/** GET /attachment/thumbnail/{id}: images only (the sandbox sends the image itself). */
export function attachmentThumbnail(ctx: RequestContext, params: Record<string, string>): Reply {
  const att = findAttachment(ctx, params.id);
  if (isReply(att)) return att;
  if (!att.mimeType.startsWith('image/')) return jiraError(404, ['The attachment has no thumbnail.']); // guess
  if (ctx.query.get('redirect') !== 'false') {
    return { status: 303, headers: { Location: `${api(ctx).rest}/attachment/thumbnail/${att.id}?redirect=false` } };
  }
  return bytesReply(att);
}

/** Data Center: GET /secure/attachment/{id}/{filename}. */
export function dcAttachmentFile(ctx: RequestContext, params: Record<string, string>): Reply {
  const att = findAttachment(ctx, params.id);
  if (isReply(att)) return att;
  return bytesReply(att);
}
