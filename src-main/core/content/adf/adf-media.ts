// ADF media as Markdown destinations a reader can follow and we can read back:
//
//   ![screenshot.png](attachment:6e7c1f3a-…?collection=&width=1264&height=600)   an image (mediaSingle)
//   ![](attachment:6e7c…?layout=wrap-left&displayWidth=50)                        with its display options
//   [report.pdf](attachment:0b5d…)                                                 a file card (mediaGroup)
//   ![Logo](https://example.com/logo.png)                                          an external image
//
// The media id takes the place of a file name (ADF has no file name, only the id and an alt text,
// which is usually the file name). Every other attribute rides in the query, so nothing is lost.
import { ATTACHMENT_SCHEME, attachmentHref, parseHref } from '../link-targets.ts';
import type { AdfNode } from './adf-nodes.ts';

/** mediaSingle attributes, renamed where they would clash with the media's own. */
const SINGLE_PARAMS: Record<string, string> = { layout: 'layout', width: 'displayWidth', widthType: 'displayWidthType' };
const NUMERIC = new Set(['width', 'height', 'displayWidth']);

type Params = [string, string][];

function primitive(value: unknown): string | undefined {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? String(value) : undefined;
}

/** The destination for a media node (and the mediaSingle around it); undefined when it cannot be written. */
export function mediaHref(media: AdfNode, single?: AdfNode): string | undefined {
  const attrs = media.attrs ?? {};
  const params: Params = [];
  if (single) {
    for (const [key, value] of Object.entries(single.attrs ?? {})) {
      if (key === 'localId' || (key === 'layout' && value === 'center')) continue;
      const name = SINGLE_PARAMS[key];
      const text = primitive(value);
      if (name === undefined || text === undefined) return undefined;
      params.push([name, text]);
    }
  }
  if (attrs.type === 'external') {
    const url = attrs.url;
    const extra = Object.keys(attrs).filter((k) => !['type', 'url', 'alt', 'localId'].includes(k));
    if (typeof url !== 'string' || url === '' || url.startsWith(ATTACHMENT_SCHEME) || extra.length > 0 || params.length > 0) return undefined;
    return url;
  }
  if (typeof attrs.id !== 'string' || attrs.id === '' || !['file', 'link', 'image'].includes(String(attrs.type))) return undefined;
  const own: Params = [];
  for (const [key, value] of Object.entries(attrs)) {
    if (['id', 'alt', 'localId'].includes(key) || (key === 'type' && value === 'file') || (key === 'collection' && value === '')) continue;
    const text = primitive(value);
    if (text === undefined || Object.values(SINGLE_PARAMS).includes(key)) return undefined;
    own.push([key, text]);
  }
  return attachmentHref(attrs.id, [...own, ...params]);
}

export interface ParsedMedia {
  media: AdfNode;
  /** Attributes for a mediaSingle around it. */
  single: Record<string, unknown>;
}

/** Reads a destination back into a media node; `alt` is the image's alt text or the link's label. */
export function parseMediaHref(href: string, alt: string): ParsedMedia {
  const target = parseHref(href);
  const altAttr = alt === '' ? {} : { alt };
  if (target.type !== 'attachment') return { media: { type: 'media', attrs: { type: 'external', url: href, ...altAttr } }, single: { layout: 'center' } };
  const own: Record<string, unknown> = {};
  const single: Record<string, unknown> = { layout: 'center' };
  for (const [key, value] of target.params) {
    const typed = NUMERIC.has(key) && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    const singleKey = Object.entries(SINGLE_PARAMS).find(([, name]) => name === key)?.[0];
    if (singleKey) single[singleKey] = typed;
    else own[key] = typed;
  }
  const { type = 'file', collection = '', ...rest } = own;
  return { media: { type: 'media', attrs: { type, id: target.filename, collection, ...rest, ...altAttr } }, single };
}
