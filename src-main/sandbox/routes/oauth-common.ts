// Shared bits of the OAuth routes: the request they see (no authenticated user: these endpoints are
// where credentials come from) and the answer shapes of an authorization server.

import type { IncomingHttpHeaders } from 'node:http';
import { errorPage } from '../oauth/consent-page.ts';
import type { Reply } from '../types.ts';

export interface OAuthRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

const HTML = 'text/html;charset=UTF-8';

export function htmlReply(status: number, html: string): Reply {
  return { status, body: html, contentType: HTML };
}

export function htmlError(status: number, title: string, message: string): Reply {
  return htmlReply(status, errorPage(title, message));
}

/** 302 to `uri` with `params` added to its query (undefined values left out). */
export function redirect(uri: string, params: Record<string, string | undefined>): Reply {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return { status: 302, headers: { Location: url.toString() } };
}

/** RFC 6749 §5.2 error body: {"error": "...", "error_description": "..."}. */
export function oauthError(status: number, error: string, description: string): Reply {
  return { status, body: { error, error_description: description } };
}

export function methodNotAllowed(allow: string): Reply {
  return { status: 405, body: { error: 'invalid_request', error_description: `Use ${allow}` }, headers: { Allow: allow } };
}
