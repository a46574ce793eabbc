// Attachments: listed and deleted through v2, uploaded and downloaded through v1 (Data Center: dc-content.ts).
import { openAsBlob } from 'node:fs';
import type { AtlassianHttp } from '../http/atlassian-http.ts';
import * as dc from './dc-content.ts';
import { isDataCenter } from './dc.ts';
import type { Attachment } from './types.ts';

export function listAttachments(http: AtlassianHttp, pageId: string, options: { limit: number; filename?: string; mediaType?: string; cursor?: string }) {
  if (isDataCenter(http)) return dc.dcListAttachments(http, pageId, options);
  return http.collect<Attachment>(`/wiki/api/v2/pages/${encodeURIComponent(pageId)}/attachments`, { limit: Math.min(options.limit, 250), filename: options.filename, mediaType: options.mediaType, cursor: options.cursor }, options.limit);
}

export function getAttachment(http: AtlassianHttp, id: string): Promise<Attachment> {
  if (isDataCenter(http)) return dc.dcGetAttachment(http, id);
  return http.get<Attachment>(`/wiki/api/v2/attachments/${encodeURIComponent(id)}`);
}

export async function deleteAttachment(http: AtlassianHttp, id: string): Promise<void> {
  if (isDataCenter(http)) return dc.dcDeleteAttachment(http, id);
  // DELETE documents a numeric id, where GET takes `att123` too.
  await http.request({ method: 'DELETE', path: `/wiki/api/v2/attachments/${encodeURIComponent(id.replace(/^att/, ''))}` });
}

/** The attachment's bytes (v1 download endpoint: works on the site and through the gateway alike). */
export function downloadAttachment(http: AtlassianHttp, pageId: string, attachmentId: string) {
  if (isDataCenter(http)) return dc.dcDownloadAttachment(http, attachmentId);
  return http.stream(`/wiki/rest/api/content/${encodeURIComponent(pageId)}/child/attachment/${encodeURIComponent(attachmentId)}/download`);
}

interface V1AttachmentList {
  results: { id: string; title: string; extensions?: { mediaType?: string; fileSize?: number }; version?: { number: number } }[];
}

/** Uploads a file; PUT creates it or adds a new version when the page already has one of that name. */
export async function uploadAttachment(http: AtlassianHttp, pageId: string, input: { path: string; filename: string; comment?: string; minorEdit?: boolean; mediaType?: string }) {
  if (isDataCenter(http)) return dc.dcUploadAttachment(http, pageId, input);
  const form = new FormData();
  const blob = await openAsBlob(input.path, input.mediaType ? { type: input.mediaType } : {});
  form.append('file', blob, input.filename);
  if (input.comment) form.append('comment', input.comment);
  form.append('minorEdit', String(input.minorEdit ?? true));
  const { body } = await http.request<V1AttachmentList>({
    method: 'PUT',
    path: `/wiki/rest/api/content/${encodeURIComponent(pageId)}/child/attachment`,
    body: form,
    headers: { 'X-Atlassian-Token': 'no-check' },
  });
  return body.results[0];
}
