// The gate every HTTP request passes before any MCP code sees it. A browser page can reach
// 127.0.0.1 (DNS rebinding, cross-site POSTs), so the Host and Origin must be local ones; any
// other local process can reach it too, so every request must also carry the install's token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hostHeaderValidationResponse, localhostAllowedOrigins, OAuthError, OAuthErrorCode, originValidationResponse, requireBearerAuth, validateHostHeader } from '@modelcontextprotocol/server';
import { userCredentialFrom } from './user-credentials.ts';

const LOCAL_HOSTNAMES = ['127.0.0.1', 'localhost'];

/** Compares digests, so neither the content nor the length of the token leaks through timing. */
export function tokensMatch(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Headers only: the gate never reads a body, so an unauthenticated request cannot cost a parse. */
function headersOnly(req: IncomingMessage, port: number): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(`http://127.0.0.1:${port}/`, { method: 'GET', headers });
}

function forbidden(message: string): Response {
  return Response.json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }, { status: 403 });
}

/** Host must name this very listener (hostname and port), or the public address it is served behind. */
function hostResponse(request: Request, port: number, publicHost: string | undefined): Response | undefined {
  if (publicHost !== undefined && request.headers.get('host')?.toLowerCase() === publicHost) return undefined;
  const rejected = hostHeaderValidationResponse(request, LOCAL_HOSTNAMES);
  if (rejected) return rejected;
  const host = request.headers.get('host') ?? '';
  const parsed = validateHostHeader(host, LOCAL_HOSTNAMES);
  const hostPort = parsed.ok ? new URL(`http://${host}`).port : '';
  return hostPort === String(port) ? undefined : forbidden(`Invalid Host header: ${host}`);
}

export interface Gate {
  /** undefined when the request may go on; otherwise the 403 or 401 to send. */
  check(req: IncomingMessage): Promise<Response | undefined>;
  /** Host and Origin only: for the OAuth proxy, whose endpoints check credentials themselves. */
  checkHost(req: IncomingMessage): Response | undefined;
}

/**
 * `token` undefined: multi-user mode, where each request brings its own Atlassian credential instead.
 * `publicUrl` (the OAuth proxy's PUBLIC_BASE_URL): its host and origin are accepted too.
 */
export function createGate(port: number, token: string | undefined, publicUrl?: string): Gate {
  const publicHost = publicUrl === undefined ? undefined : new URL(publicUrl).host.toLowerCase();
  const origins = publicUrl === undefined ? localhostAllowedOrigins() : [...localhostAllowedOrigins(), new URL(publicUrl).hostname];
  const hostAndOrigin = (request: Request) => hostResponse(request, port, publicHost) ?? originValidationResponse(request, origins);
  const bearer = requireBearerAuth({
    verifier: {
      async verifyAccessToken(given) {
        if (token === undefined || !tokensMatch(given, token)) throw new OAuthError(OAuthErrorCode.InvalidToken, 'The bearer token is not valid.');
        // The SDK refuses tokens without an expiry; this one lives as long as the install.
        return { token: given, clientId: 'tether-local', scopes: [], expiresAt: Math.floor(Date.now() / 1000) + 3600 };
      },
    },
  });
  return {
    checkHost(req) {
      try {
        return hostAndOrigin(headersOnly(req, port));
      } catch {
        return forbidden('Request refused: unreadable headers.');
      }
    },
    async check(req) {
      try {
        const request = headersOnly(req, port);
        const refused = hostAndOrigin(request);
        if (refused) return refused;
        if (token === undefined) {
          return userCredentialFrom(request.headers)
            ? undefined
            : new Response(JSON.stringify({ error: 'invalid_token', error_description: 'Multi-user mode: send Authorization: Bearer <Atlassian OAuth token> with X-Atlassian-Cloud-Id, or Authorization: Token <personal access token>.' }), {
                status: 401,
                headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="tether", error="invalid_token"' },
              });
        }
        const auth = await bearer(request);
        return auth instanceof Response ? auth : undefined;
      } catch {
        // Headers the checks cannot even read: refused like a foreign Host, never let through.
        return forbidden('Request refused: unreadable headers.');
      }
    },
  };
}
