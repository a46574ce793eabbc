// Attachments: v2 list/get/delete (trash, purge), v1 multipart upload (XSRF header required, POST
// refuses an existing name, PUT adds a version), downloads byte-identical through the v1 endpoint
// (302 to the download link, like Confluence) and the download link itself — site and gateway.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedPdf, seedPng } from '../../../src-main/sandbox/confluence/seed-confluence.ts';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { call, collectPages, expectConformance, targets, V2_ERROR, type Target } from './harness.ts';

const checker = await loadSpecChecker();

let sb: Sandbox;
let site: Target;
let gateway: Target;
beforeAll(async () => {
  sb = await startSandbox();
  [site, gateway] = targets(sb) as [Target, Target];
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

const ids = () => sb.seed.confluence;
const NO_CHECK = { 'X-Atlassian-Token': 'no-check' };

interface AttachmentBody {
  id: string;
  status: string;
  title: string;
  pageId: string;
  mediaType: string;
  mediaTypeDescription: string;
  fileId: string;
  fileSize: number;
  comment: string;
  downloadLink: string;
  webuiLink: string;
  version: { number: number; authorId: string };
  _links: { download: string; webui: string; base?: string };
}

interface V1Upload {
  results: Array<{ id: string; type: string; title: string; version: { number: number }; extensions: { mediaType: string; fileSize: number; comment: string }; _links: { download: string } }>;
  size: number;
}

function form(files: Array<{ name: string; bytes: Buffer | string; type?: string; comment?: string }>, minorEdit = true): FormData {
  const f = new FormData();
  for (const file of files) {
    const part = typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes);
    f.append('file', new Blob([part], file.type ? { type: file.type } : {}), file.name);
  }
  for (const file of files) if (file.comment !== undefined) f.append('comment', file.comment);
  f.append('minorEdit', String(minorEdit));
  return f;
}

describe('v2 attachments', () => {
  it.each(['site', 'gateway'] as const)('lists the attachments of a page with download links (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const { items, pages } = await collectPages<AttachmentBody>(t, `/wiki/api/v2/pages/${ids().largePageId}/attachments?limit=2`);
    expect(pages).toBe(2);
    expect(items.map((a) => a.title)).toEqual(['architecture-diagram.png', 'runbook-notes.txt', 'capacity-plan.pdf']);
    const png = items[0]!;
    expect(png).toMatchObject({
      id: ids().attachments.png,
      status: 'current',
      pageId: ids().largePageId,
      mediaType: 'image/png',
      mediaTypeDescription: 'PNG Image',
      fileSize: seedPng().length,
      comment: 'System landscape, February 2026',
      version: { number: 1, authorId: sb.seed.alice.accountId },
    });
    expect(png.downloadLink).toMatch(new RegExp(`^/download/attachments/${ids().largePageId}/architecture-diagram\\.png\\?version=1&modificationDate=\\d+&api=v2$`));
    expect(png._links.download).toBe(png.downloadLink);
    expect(png.webuiLink).toBe(`/pages/viewpageattachments.action?pageId=${ids().largePageId}&preview=${encodeURIComponent(`/${ids().largePageId}/${png.id}/architecture-diagram.png`)}`);
    const onlyPdf = await call(t, 'GET', `/wiki/api/v2/pages/${ids().largePageId}/attachments?mediaType=application/pdf`);
    expect((onlyPdf.body as { results: AttachmentBody[] }).results.map((a) => a.id)).toEqual([ids().attachments.pdf]);
    const byName = await call(t, 'GET', `/wiki/api/v2/pages/${ids().largePageId}/attachments?filename=runbook-notes.txt`);
    expect((byName.body as { results: AttachmentBody[] }).results.map((a) => a.id)).toEqual([ids().attachments.text]);
  });

  it('GET /attachments/{id} (with or without the att prefix), include-versions', async () => {
    const r = await call(site, 'GET', `/wiki/api/v2/attachments/${ids().attachments.csv}?include-versions=true`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: ids().attachments.csv, title: 'release-metrics.csv', pageId: ids().pages.releaseChecklist, mediaType: 'text/csv', _links: { base: `${sb.siteUrl}/wiki` } });
    expect((r.body as { versions: { results: unknown[] } }).versions.results).toHaveLength(1);
    const bare = await call(gateway, 'GET', `/wiki/api/v2/attachments/${ids().attachments.csv.replace(/^att/, '')}`);
    expect((bare.body as AttachmentBody).id).toBe(ids().attachments.csv);
    expect((await call(site, 'GET', '/wiki/api/v2/attachments/att1')).body).toEqual(V2_ERROR(404));
  });

  it('DELETE /attachments/{id}: to the trash, then purge', async () => {
    const numeric = ids().attachments.text.replace(/^att/, '');
    expect((await call(site, 'DELETE', `/wiki/api/v2/attachments/${numeric}?purge=true`)).status).toBe(400);
    expect((await call(gateway, 'DELETE', `/wiki/api/v2/attachments/${numeric}`)).status).toBe(204);
    const list = await call(site, 'GET', `/wiki/api/v2/pages/${ids().largePageId}/attachments`);
    expect((list.body as { results: AttachmentBody[] }).results.map((a) => a.title)).toEqual(['architecture-diagram.png', 'capacity-plan.pdf']);
    const trashed = await call(site, 'GET', `/wiki/api/v2/pages/${ids().largePageId}/attachments?status=trashed`);
    expect((trashed.body as { results: AttachmentBody[] }).results.map((a) => a.id)).toEqual([ids().attachments.text]);
    expect((await call(site, 'GET', `/wiki/api/v2/attachments/${ids().attachments.text}`)).body).toMatchObject({ status: 'trashed' });
    expect((await call(site, 'DELETE', `/wiki/api/v2/attachments/${numeric}?purge=true`)).status).toBe(204);
    expect((await call(site, 'GET', `/wiki/api/v2/attachments/${ids().attachments.text}`)).status).toBe(404);
  });
});

describe('downloads', () => {
  const seeded = () => [
    { id: ids().attachments.png, name: 'architecture-diagram.png', bytes: seedPng(), type: 'image/png' },
    { id: ids().attachments.pdf, name: 'capacity-plan.pdf', bytes: seedPdf(), type: 'application/pdf' },
  ];

  it.each(['site', 'gateway'] as const)('v1 download answers 302 to the download link, which serves the exact bytes (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    for (const a of seeded()) {
      const path = `/wiki/rest/api/content/${ids().largePageId}/child/attachment/${a.id}/download`;
      const redirect = await call(t, 'GET', path, { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      const location = redirect.headers.get('location')!;
      expect(location.startsWith(`${t.root}/wiki/download/attachments/${ids().largePageId}/${a.name}?version=1&modificationDate=`)).toBe(true);
      const followed = await call(t, 'GET', path);
      expect(followed.status).toBe(200);
      expect(followed.bytes.equals(a.bytes)).toBe(true);
      expect(followed.headers.get('content-type')).toBe(a.type);
      expect(followed.headers.get('content-disposition')).toBe(`attachment; filename="${a.name}"; filename*=UTF-8''${a.name}`);
    }
  });

  it('the relative downloadLink joins onto the wiki root', async () => {
    const a = (await call(gateway, 'GET', `/wiki/api/v2/attachments/${ids().attachments.text}`)).body as AttachmentBody;
    const r = await call(gateway, 'GET', `/wiki${a.downloadLink}`);
    expect(r.status).toBe(200);
    expect(r.bytes.toString('utf8')).toContain('Ünïcödé check: Grüße');
    expect((await call(site, 'GET', `/wiki/download/attachments/${ids().largePageId}/nope.txt`)).status).toBe(404);
    const missing = await call(site, 'GET', `/wiki/rest/api/content/${ids().pages.hotfix}/child/attachment/${ids().attachments.png}/download`, { redirect: 'manual' });
    expect(missing.status).toBe(404);
  });
});

describe('v1 upload', () => {
  it('refuses an upload without X-Atlassian-Token: no-check (403 XSRF)', async () => {
    const r = await call(site, 'POST', `/wiki/rest/api/content/${ids().pages.hotfix}/child/attachment`, { body: form([{ name: 'a.txt', bytes: 'x' }]) });
    expect(r.status).toBe(403);
    expect(r.body).toBe('XSRF check failed');
    const put = await call(gateway, 'PUT', `/wiki/rest/api/content/${ids().pages.hotfix}/child/attachment`, { body: form([{ name: 'a.txt', bytes: 'x' }]) });
    expect(put.status).toBe(403);
  });

  it.each(['site', 'gateway'] as const)('POST uploads files byte-identically; the same name again is a 400; PUT adds a version (%s)', async (which) => {
    const t = which === 'site' ? site : gateway;
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256));
    const post = await call(t, 'POST', `/wiki/rest/api/content/${ids().pages.hotfix}/child/attachment`, {
      body: form([
        { name: 'blob.bin', bytes: binary, type: 'application/octet-stream', comment: 'random bytes' },
        { name: 'notes.md', bytes: '# Notes\n\nÄ ö ü', type: 'text/markdown', comment: 'markdown' },
      ]),
      headers: NO_CHECK,
    });
    expect(post.status).toBe(200);
    const up = post.body as V1Upload;
    expect(up.size).toBe(2);
    expect(up.results.map((r) => [r.type, r.title, r.version.number, r.extensions.fileSize, r.extensions.comment])).toEqual([
      ['attachment', 'blob.bin', 1, 4096, 'random bytes'],
      ['attachment', 'notes.md', 1, Buffer.byteLength('# Notes\n\nÄ ö ü'), 'markdown'],
    ]);
    const blobId = up.results[0]!.id;
    const down = await call(t, 'GET', `/wiki/rest/api/content/${ids().pages.hotfix}/child/attachment/${blobId}/download`);
    expect(down.bytes.equals(binary)).toBe(true);
    expect(down.headers.get('content-type')).toBe('application/octet-stream');

    const again = await call(t, 'POST', `/wiki/rest/api/content/${ids().pages.hotfix}/child/attachment`, { body: form([{ name: 'blob.bin', bytes: 'new' }]), headers: NO_CHECK });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({
      statusCode: 400,
      message: 'com.atlassian.confluence.api.service.exceptions.BadRequestException: Cannot add a new attachment with same file name as an existing attachment: blob.bin',
    });

    const v2bytes = Buffer.from('second version');
    const put = await call(t, 'PUT', `/wiki/rest/api/content/${ids().pages.hotfix}/child/attachment`, { body: form([{ name: 'blob.bin', bytes: v2bytes, comment: 'v2' }]), headers: NO_CHECK });
    expect(put.status).toBe(200);
    expect((put.body as V1Upload).results[0]).toMatchObject({ id: blobId, version: { number: 2 }, extensions: { comment: 'v2' } });
    const latest = await call(t, 'GET', `/wiki/rest/api/content/${ids().pages.hotfix}/child/attachment/${blobId}/download`);
    expect(latest.bytes.equals(v2bytes)).toBe(true);
    const first = await call(t, 'GET', `/wiki/rest/api/content/${ids().pages.hotfix}/child/attachment/${blobId}/download?version=1`);
    expect(first.bytes.equals(binary)).toBe(true);

    const created = await call(t, 'PUT', `/wiki/rest/api/content/${ids().pages.hotfix}/child/attachment`, { body: form([{ name: 'fresh.txt', bytes: 'hi', type: 'text/plain' }]), headers: NO_CHECK });
    expect((created.body as V1Upload).results[0]).toMatchObject({ title: 'fresh.txt', version: { number: 1 }, extensions: { mediaType: 'text/plain' } });
    const v2list = await call(t, 'GET', `/wiki/api/v2/pages/${ids().pages.hotfix}/attachments`);
    expect((v2list.body as { results: AttachmentBody[] }).results.map((a) => `${a.title}@${a.version.number}`)).toEqual(['blob.bin@2', 'notes.md@1', 'fresh.txt@1']);
  });

  it('upload to an unknown page is a v1 404', async () => {
    const r = await call(site, 'POST', '/wiki/rest/api/content/4242/child/attachment', { body: form([{ name: 'a.txt', bytes: 'x' }]), headers: NO_CHECK });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ statusCode: 404, message: 'No content found with id: ContentId{id=4242}' });
  });
});

it('every exchange of this file conforms to Atlassian’s OpenAPI specs', () => {
  if (!checker.available) return;
  expectConformance(checker, sb.exchanges);
});
