// Shared bits of the sandbox integration tests (not a test file itself).

import { expect } from 'vitest';
import type { Exchange } from '../../../src-main/sandbox/index.ts';
import type { SpecChecker } from '../../helpers/spec-check.ts';

export function basic(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
}

export function bearer(token: string): string {
  return `Bearer ${token}`;
}

/** Header marking a request that deliberately leaves the documented API (unknown paths…). */
export const OFF_SPEC = { 'x-test-off-spec': '1' } as const;

export interface Got {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function get(url: string, authorization?: string, extra: Record<string, string> = {}): Promise<Got> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  if (authorization !== undefined) headers.authorization = authorization;
  const res = await fetch(url, { headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // keep the raw text
  }
  return { status: res.status, headers: res.headers, body };
}

/** Asserts that the recorded exchanges (minus the deliberate off-spec ones) conform to the specs. */
export function expectConformance(checker: SpecChecker, exchanges: Exchange[]): void {
  const relevant = exchanges.filter((e) => e.requestHeaders['x-test-off-spec'] !== '1');
  const result = checker.check(relevant);
  expect(result.violations).toEqual([]);
  expect(result.checked).toBeGreaterThan(0);
}

// ------------------------------------------------------------------ Confluence helpers

/** Where a Confluence request goes: the site (classic token) or the gateway (scoped token). */
export interface Target {
  name: 'site' | 'gateway';
  /** Origin plus gateway prefix; API paths (`/wiki/...`) and `_links.next` values are appended to it. */
  root: string;
  auth: string;
}

export function targets(sb: { siteUrl: string; apiUrl: string; cloudId: string; seed: { alice: { email: string; classicToken: string; scopedToken: string } } }): Target[] {
  const a = sb.seed.alice;
  return [
    { name: 'site', root: sb.siteUrl, auth: basic(a.email, a.classicToken) },
    { name: 'gateway', root: `${sb.apiUrl}/ex/confluence/${sb.cloudId}`, auth: basic(a.email, a.scopedToken) },
  ];
}

export interface CallOptions {
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  redirect?: RequestRedirect;
}

export interface Raw extends Got {
  bytes: Buffer;
}

/** One request; JSON bodies are parsed, other bodies kept as text (and as bytes in `bytes`). */
export async function call(t: Target, method: string, path: string, options: CallOptions = {}): Promise<Raw> {
  const headers: Record<string, string> = { accept: 'application/json', authorization: t.auth, ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const res = await fetch(`${t.root}${path}`, { method, headers, body, redirect: options.redirect ?? 'follow' });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  let parsed: unknown = text === '' ? undefined : text;
  if (/json/.test(res.headers.get('content-type') ?? '')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text
    }
  }
  return { status: res.status, headers: res.headers, body: parsed, bytes };
}

/** Follows `_links.next` (appended to the target root) to the end; returns every page's body. */
export async function collectPages<T = Record<string, unknown>>(t: Target, firstPath: string): Promise<{ items: T[]; pages: number; nexts: string[] }> {
  const items: T[] = [];
  const nexts: string[] = [];
  let path: string | undefined = firstPath;
  let pages = 0;
  while (path !== undefined) {
    const r = await call(t, 'GET', path);
    expect(r.status, `${t.name} ${path}`).toBe(200);
    const body = r.body as { results: T[]; _links: { next?: string; base: string } };
    items.push(...body.results);
    pages += 1;
    const next = body._links.next;
    if (next !== undefined) {
      expect(next.startsWith('/wiki/')).toBe(true);
      expect(r.headers.get('link')).toContain(`<${next}>; rel="next"`);
      nexts.push(next);
    } else expect(r.headers.get('link')).toBeNull();
    expect(pages).toBeLessThan(200);
    path = next;
  }
  return { items, pages, nexts };
}

export const V2_ERROR = (status: number, title?: string) => ({
  errors: [{ status, code: expect.any(String), title: title ?? expect.any(String), detail: null }],
});
