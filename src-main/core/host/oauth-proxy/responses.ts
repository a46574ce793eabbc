// The small answers every proxy endpoint gives: OAuth error JSON (RFC 6749 §5.2), HTML pages for a
// person in a browser, redirects back to a client, and request parameters read from form or JSON.
import { OAuthError } from '@modelcontextprotocol/server';

// Token and registration answers carry secrets: no cache may keep them (RFC 6749 §5.1).
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

export function oauthError(code: string, description: string, status = 400, headers: Record<string, string> = {}): Response {
  return Response.json(new OAuthError(code, description).toResponseObject(), { status, headers: { ...NO_STORE, ...headers } });
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function page(status: number, title: string, bodyHtml: string): Response {
  const html = `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title><body style="font-family:system-ui;margin:4rem auto;max-width:34rem"><h1>${escapeHtml(title)}</h1>${bodyHtml}</body>`;
  // The consent page must not be framed (clickjacking) or cached.
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'x-frame-options': 'DENY', "content-security-policy": "frame-ancestors 'none'", ...NO_STORE } });
}

export const errorPage = (status: number, title: string, text: string) => page(status, title, `<p>${escapeHtml(text)}</p>`);

export function consentPage(input: { clientName: string; redirectHost: string; request: string }): Response {
  const name = escapeHtml(input.clientName);
  return page(
    200,
    'Connect an AI app to Tether',
    `<p><b>${name}</b> (returning to <code>${escapeHtml(input.redirectHost)}</code>) asks to use Confluence and Jira through Tether as you.</p>` +
      `<p>Next, Atlassian asks you to sign in and approve Tether.</p>` +
      `<form id="proxy-consent" method="post" action="/authorize"><input type="hidden" name="request" value="${escapeHtml(input.request)}">` +
      `<button name="decision" value="approve">Continue</button> <button name="decision" value="deny">Cancel</button></form>`,
  );
}

export function redirectTo(uri: string, params: Record<string, string | undefined>): Response {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return new Response(null, { status: 302, headers: { location: url.toString(), ...NO_STORE } });
}

const MAX_BODY = 64 * 1024;

/** Form (what OAuth clients send) or JSON parameters; undefined when the body is neither or too big. */
export async function readParams(request: Request): Promise<Map<string, string> | undefined> {
  const text = await request.text();
  if (text.length > MAX_BODY) return undefined;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    try {
      const body: unknown = JSON.parse(text);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
      return new Map(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      return undefined;
    }
  }
  return new Map(new URLSearchParams(text));
}

export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
