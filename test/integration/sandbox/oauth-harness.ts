// Shared bits of the OAuth sandbox tests (not a test file itself): a "browser" that follows the
// authorization flow with fetch, reading the consent form and posting it back like a user would,
// and small token-endpoint helpers.

import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Sandbox } from '../../../src-main/sandbox/index.ts';

export const CALLBACK = 'http://127.0.0.1:8080/callback';
// Confluence v2 operations take granular scopes only (read:space:confluence for /spaces), as the specs list.
export const SCOPES = 'read:jira-work write:jira-work read:jira-user read:confluence-content.all read:confluence-space.summary read:space:confluence search:confluence offline_access';

export interface ConsentForm {
  /** Absolute URL the form posts to. */
  action: string;
  /** Every named field with its default value (hidden inputs, the preselected account). */
  fields: Record<string, string>;
  /** Account usernames offered. */
  accounts: string[];
  scopes: string[];
  html: string;
}

/** Reads the consent page the way a browser sees it: the form, its hidden fields, the preselected option. */
export function parseConsent(html: string, pageUrl: string): ConsentForm {
  const form = /<form[^>]*id="consent"[^>]*>/.exec(html)?.[0];
  expect(form, 'consent form').toBeDefined();
  const action = /action="([^"]*)"/.exec(form!)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[m[1]!] = unescape(m[2]!);
  const options = [...html.matchAll(/<option value="([^"]+)"( selected)?>/g)];
  const selected = options.find((o) => o[2] !== undefined)?.[1];
  if (selected !== undefined) fields.account = selected;
  const scopes = [...html.matchAll(/<li><code>([^<]+)<\/code><\/li>/g)].map((m) => unescape(m[1]!));
  return { action: new URL(unescape(action), pageUrl).toString(), fields, accounts: options.map((o) => o[1]!), scopes, html };
}

function unescape(s: string): string {
  return s.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));
}

export function cloudAuthorizeUrl(sb: Sandbox, params: Record<string, string | undefined> = {}): string {
  const url = new URL('/authorize', sb.authUrl);
  const all: Record<string, string | undefined> = {
    audience: 'api.atlassian.com',
    client_id: sb.seed.oauth.cloud.clientId,
    scope: SCOPES,
    redirect_uri: CALLBACK,
    state: randomBytes(12).toString('hex'),
    response_type: 'code',
    prompt: 'consent',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

/** GET of an authorize URL without following redirects. */
export async function openAuthorize(url: string): Promise<{ status: number; location: string | null; contentType: string | null; html: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), contentType: res.headers.get('content-type'), html: await res.text() };
}

/**
 * Opens the consent page and answers it: `approve` or `deny`, optionally as another account.
 * Returns the callback URL the browser is sent to (the 302 Location, not followed).
 */
export async function consent(authorizeUrl: string, decision: 'approve' | 'deny' = 'approve', account?: string): Promise<URL> {
  const page = await openAuthorize(authorizeUrl);
  expect(page.status, page.html).toBe(200);
  expect(page.contentType).toMatch(/^text\/html/);
  const form = parseConsent(page.html, authorizeUrl);
  const fields = { ...form.fields, decision, ...(account === undefined ? {} : { account }) };
  const res = await fetch(form.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** POST to a token endpoint, JSON (Cloud's documented form) or form-encoded. */
export async function postToken(url: string, params: Record<string, string>, as: 'json' | 'form' = 'json'): Promise<TokenAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: as === 'json' ? JSON.stringify(params) : new URLSearchParams(params).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

export function cloudToken(sb: Sandbox, params: Record<string, string>, as: 'json' | 'form' = 'json'): Promise<TokenAnswer> {
  const app = sb.seed.oauth.cloud;
  return postToken(`${sb.authUrl}/oauth/token`, { client_id: app.clientId, client_secret: app.clientSecret, ...params }, as);
}

export interface Tokens {
  access: string;
  refresh: string;
}

/** The whole Cloud flow for alice (or whoever is preselected): consent, code, tokens. */
export async function cloudLogin(sb: Sandbox, scope = SCOPES): Promise<Tokens> {
  const back = await consent(cloudAuthorizeUrl(sb, { scope }));
  const code = back.searchParams.get('code');
  expect(code).toBeTruthy();
  const r = await cloudToken(sb, { grant_type: 'authorization_code', code: code!, redirect_uri: CALLBACK });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { access: r.body.access_token as string, refresh: (r.body.refresh_token as string | undefined) ?? '' };
}

export async function refresh(sb: Sandbox, token: string): Promise<TokenAnswer> {
  return cloudToken(sb, { grant_type: 'refresh_token', refresh_token: token });
}

/** A PKCE pair (RFC 7636, S256). */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
