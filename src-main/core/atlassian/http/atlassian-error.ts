// Every failure talking to Atlassian becomes one AtlassianError with a sentence a person can act on.
// Mapped once, here; callers never read raw status codes or error bodies to build messages.
export type AtlassianErrorKind =
  | 'auth'
  | 'permission'
  | 'scope'
  | 'not_found'
  | 'conflict'
  | 'rate_limit'
  | 'validation'
  | 'gone'
  | 'server'
  | 'dns'
  | 'network'
  | 'tls'
  | 'timeout'
  | 'unsupported';

export class AtlassianError extends Error {
  override name = 'AtlassianError';
  constructor(
    readonly kind: AtlassianErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Pulls the human part out of the error bodies Confluence (v1, v2), Jira and the gateway send. */
export function atlassianErrorDetail(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body.length < 300 && !body.trimStart().startsWith('<') ? body.trim() || undefined : undefined;
  const b = body as Record<string, unknown>;
  const parts: string[] = [];
  if (Array.isArray(b.errorMessages)) parts.push(...b.errorMessages.map(String));
  if (b.errors && typeof b.errors === 'object' && !Array.isArray(b.errors)) {
    for (const [field, text] of Object.entries(b.errors as Record<string, unknown>)) parts.push(`${field}: ${String(text)}`);
  }
  if (Array.isArray(b.errors)) {
    for (const e of b.errors as Record<string, unknown>[]) parts.push(String(e.detail ?? e.title ?? e.code ?? ''));
  }
  if (typeof b.message === 'string') parts.push(b.message);
  const detail = parts.filter((p) => p.trim() !== '' && p !== 'null').join('; ');
  return detail || undefined;
}

export interface HttpFailureContext {
  /** e.g. "Confluence on acme.atlassian.net" */
  where: string;
  status: number;
  body: unknown;
  retryAfterSeconds?: number;
}

/**
 * The gateway's answer to a scoped API token or OAuth grant without the scope an operation needs:
 * 401 `{"code":401,"message":"Unauthorized; scope does not match"}`. The credential itself is fine.
 */
export function isScopeMismatch(status: number, body: unknown): boolean {
  if (status !== 401 && status !== 403) return false;
  const message = body && typeof body === 'object' ? (body as { message?: unknown }).message : body;
  return typeof message === 'string' && /scope does not match/i.test(message);
}

export function errorFromResponse({ where, status, body, retryAfterSeconds }: HttpFailureContext): AtlassianError {
  const detail = atlassianErrorDetail(body);
  const said = detail ? ` (Atlassian said: ${detail})` : '';
  switch (true) {
    case isScopeMismatch(status, body):
      return new AtlassianError(
        'scope',
        `${where} refused the call because the token lacks a scope it needs${said}: add the scopes Tether recommends to the token (Tether's Status, or \`tether status --check\`, shows which work), or sign in with a token or app that has them.`,
        status,
      );
    case status === 401:
      return new AtlassianError('auth', `${where} did not accept the credentials${said}: sign in again with \`tether auth\`.`, status);
    case status === 403:
      return new AtlassianError('permission', `${where} refused the request: your account or token lacks the permission or scope for it${said}.`, status);
    case status === 404:
      return new AtlassianError('not_found', `${where} has nothing at that address, or your account cannot see it${said}.`, status);
    case status === 409:
      return new AtlassianError('conflict', `${where} reports a conflict: someone changed it in the meantime${said}; fetch the latest version and try again.`, status);
    case status === 410:
      return new AtlassianError('gone', `${where} no longer offers this endpoint${said}.`, status);
    case status === 429:
      return new AtlassianError('rate_limit', `${where} is rate limiting requests${retryAfterSeconds !== undefined ? `; it asks to wait ${retryAfterSeconds} s` : ''}: try again in a moment.`, status);
    case status === 400 || status === 422:
      return new AtlassianError('validation', `${where} rejected the request as invalid${said}.`, status);
    default:
      return new AtlassianError('server', `${where} answered with an error (HTTP ${status})${said}: try again later.`, status);
  }
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

export function errorFromNetwork(host: string, code: string | undefined): AtlassianError {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AtlassianError('dns', `The site ${host} could not be found: check the spelling of the site name (and your internet connection), then try again.`);
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return new AtlassianError('timeout', `${host} did not answer in time: check your connection or proxy settings and try again.`);
  }
  if (code && TLS_CODES.has(code)) {
    return new AtlassianError('tls', `The secure connection to ${host} could not be verified (${code}): if your company uses its own certificates, add them to the system trust store (or NODE_EXTRA_CA_CERTS); turn verification off (CONFLUENCE_SSL_VERIFY=false) only for a server you trust.`);
  }
  return new AtlassianError('network', `Could not reach ${host} (${code ?? 'network error'}): check your connection, VPN or proxy settings and try again.`);
}

/** Seconds the server asks us to wait: Retry-After (seconds or HTTP date), else X-RateLimit-Reset (ISO time). */
export function retryAfterSeconds(headers: Record<string, string | string[] | undefined>, now = Date.now()): number | undefined {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const retryAfter = first(headers['retry-after']);
  if (retryAfter !== undefined && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000));
  }
  const reset = first(headers['x-ratelimit-reset']);
  if (reset) {
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000));
  }
  return undefined;
}
