// Reading OAuth request parameters: Cloud's token endpoint takes JSON (documented) or a form (what
// most OAuth libraries send); Data Center's documented examples put them in the query string.

import type { IncomingHttpHeaders } from 'node:http';

export type Params = Map<string, string>;

/**
 * Parameters of a POST body: JSON object (string values only), or application/x-www-form-urlencoded.
 * Returns undefined when the body is neither.
 */
export function bodyParams(raw: Buffer, headers: IncomingHttpHeaders): Params | undefined {
  const type = (headers['content-type'] ?? '').toLowerCase();
  const text = raw.toString('utf8');
  if (/^application\/json\b/.test(type)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
    const out: Params = new Map();
    for (const [k, v] of Object.entries(json)) if (typeof v === 'string') out.set(k, v);
    return out;
  }
  if (/^application\/x-www-form-urlencoded\b/.test(type) || (type === '' && text === '')) {
    return new Map(new URLSearchParams(text));
  }
  return undefined;
}

/** Query parameters overlaid by body parameters (Data Center accepts either). */
export function mergedParams(query: URLSearchParams, body: Params | undefined): Params {
  const out: Params = new Map(query);
  for (const [k, v] of body ?? []) out.set(k, v);
  return out;
}
