// Atlassian error bodies, one builder per style. Which style a path gets: errorStyleFor().

import type { ListenerName, Reply } from './types.ts';

export type ErrorStyle = 'confluence-v2' | 'confluence-v1' | 'jira' | 'gateway' | 'html';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

/** Confluence v2 error codes (`errors[].code`). */
const V2_CODES: Record<number, string> = {
  400: 'INVALID_REQUEST_PARAMETER',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

/** Default sentence of a status, worded like the products word them. */
function defaultMessage(style: ErrorStyle, status: number): string {
  switch (status) {
    case 401:
      return style === 'jira'
        ? 'You are not authenticated. Authentication required to perform this operation.'
        : 'Client must be authenticated to access this resource.';
    case 403:
      return 'You do not have permission to perform this operation.';
    case 404:
      return 'The requested resource was not found.';
    case 429:
      return 'Rate limit exceeded.';
    case 503:
      return 'Service unavailable, please try again later.';
    default:
      return status >= 500 ? 'Internal server error' : reasonPhrase(status);
  }
}

export interface ErrorDetails {
  /** Sentence for the body (title for v2, message for v1/gateway, errorMessages[0] for Jira). */
  message?: string;
  /** v2 only: `detail` (default null). */
  detail?: string | null;
  /** v2 only: override `code`. */
  code?: string;
  /** Jira only: field errors. */
  fieldErrors?: Record<string, string>;
  headers?: Record<string, string>;
}

/** The error body Atlassian sends in a given style. */
export function errorBody(style: ErrorStyle, status: number, details: ErrorDetails = {}): unknown {
  const message = details.message ?? defaultMessage(style, status);
  switch (style) {
    case 'confluence-v2':
      return {
        errors: [
          {
            status,
            code: details.code ?? V2_CODES[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST'),
            title: details.message ?? reasonPhrase(status),
            detail: details.detail ?? null,
          },
        ],
      };
    case 'confluence-v1':
      return {
        statusCode: status,
        data: {
          authorized: status !== 401 && status !== 403,
          valid: status !== 400,
          allowedInReadOnlyMode: true,
          errors: [],
          successful: false,
        },
        message,
        reason: reasonPhrase(status),
      };
    case 'jira':
      return {
        errorMessages: details.fieldErrors && details.message === undefined ? [] : [message],
        errors: details.fieldErrors ?? {},
      };
    case 'gateway':
      return { code: status, message: details.message ?? reasonPhrase(status) };
    case 'html':
      return `<!DOCTYPE html><html><head><title>${status} ${reasonPhrase(status)}</title></head><body><h1>${status} ${reasonPhrase(status)}</h1></body></html>`;
  }
}

export function errorReply(style: ErrorStyle, status: number, details: ErrorDetails = {}): Reply {
  const reply: Reply = { status, body: errorBody(style, status, details) };
  if (style === 'html') reply.contentType = 'text/html;charset=UTF-8';
  if (details.headers) reply.headers = details.headers;
  return reply;
}

/**
 * The error style Atlassian uses for a request path.
 * `productPath` is the path after the gateway prefix / DC context path.
 */
export function errorStyleFor(listener: ListenerName, pathname: string): ErrorStyle {
  if (listener === 'api') {
    const m = /^\/ex\/(confluence|jira)\/[^/]+(\/.*)?$/.exec(pathname);
    if (!m) return 'gateway';
    return m[1] === 'jira' ? 'jira' : confluenceStyle(m[2] ?? '/');
  }
  if (listener === 'dc') {
    if (pathname === '/confluence' || pathname.startsWith('/confluence/')) return 'confluence-v1';
    if (pathname === '/jira' || pathname.startsWith('/jira/')) return 'jira';
    return 'html';
  }
  if (pathname === '/wiki' || pathname.startsWith('/wiki/')) return confluenceStyle(pathname);
  if (pathname.startsWith('/rest/')) return 'jira';
  return 'html';
}

function confluenceStyle(path: string): ErrorStyle {
  return path === '/wiki/api/v2' || path.startsWith('/wiki/api/v2/') ? 'confluence-v2' : 'confluence-v1';
}

/** Headers Atlassian sends with a 429 (used when a fault does not set its own). */
export function rateLimitHeaders(pathname: string, retryAfterSeconds = 1): Record<string, string> {
  const jira = !/(^|\/)wiki(\/|$)/.test(pathname) && !pathname.startsWith('/confluence');
  return {
    'Retry-After': String(retryAfterSeconds),
    'X-RateLimit-Limit': '100',
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': new Date(Date.now() + retryAfterSeconds * 1000).toISOString(),
    'RateLimit-Reason': jira ? 'jira-burst-based' : 'confluence-burst-based',
  };
}
