// The one HTTP client of a product connection: base URL and auth per credential type, Tether's
// request budget, retries that honour Retry-After, paging, proxies and the OS trust store.
import type { Readable } from 'node:stream';
import type { Got, Method, Response } from 'got';
import type { Product } from '../../../shared/status.ts';
import { authorizationHeader, type Connection } from '../../auth/connection.ts';
import { AtlassianError, errorFromNetwork, errorFromResponse, retryAfterSeconds } from './atlassian-error.ts';
import type { HttpSettings } from './http-settings.ts';
import type { RateLimiter } from './rate-limiter.ts';

export type Query = Record<string, string | number | boolean | string[] | number[] | undefined>;

export interface RequestInput {
  method?: Method;
  /** Path below the connection's API base, e.g. "/wiki/api/v2/pages/1", or a relative `_links.next`. */
  path: string;
  query?: Query;
  json?: unknown;
  body?: FormData;
  headers?: Record<string, string>;
  /** Allow retrying a POST on 429 (Atlassian refused it unprocessed). Never on 5xx. */
  retryPostOn429?: boolean;
}

const PRODUCT_NAME: Record<Product, string> = { confluence: 'Confluence', jira: 'Jira' };

export function toSearchParams(query: Query | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  return params;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AtlassianHttp {
  readonly where: string;
  private got: Promise<Got> | undefined;

  constructor(
    readonly connection: Connection,
    private readonly settings: HttpSettings,
    private readonly limiter: RateLimiter,
    private readonly log: (line: string) => void = () => undefined,
    /** Told the final HTTP status of every request (the engine keeps "last good call" from it). */
    private readonly answered: (status: number) => void = () => undefined,
  ) {
    this.where = `${PRODUCT_NAME[connection.product]} on ${new URL(connection.siteUrl).host}`;
  }

  private client(): Promise<Got> {
    // Loaded on the first request: an MCP server that only lists tools never pays for the HTTP stack.
    this.got ??= Promise.all([import('got'), import('node:http'), import('node:https'), import('node:tls')]).then(([{ default: got }, { default: http }, { default: https }, { default: tls }]) => {
      // Proxies from HTTP(S)_PROXY/NO_PROXY (Node's own support); the OS trust store next to Node's.
      const ca = [...tls.getCACertificates('default'), ...systemCertificates(() => tls.getCACertificates('system'))];
      return got.extend({
        agent: { http: new http.Agent({ keepAlive: true, proxyEnv: process.env }), https: new https.Agent({ keepAlive: true, proxyEnv: process.env }) },
        https: { rejectUnauthorized: this.connection.sslVerify, certificateAuthority: ca },
        headers: { accept: 'application/json', 'user-agent': 'tether-mcp', ...this.settings.customHeaders, ...(this.connection.tokenSource ? {} : { authorization: authorizationHeader(this.connection) }) },
        throwHttpErrors: false,
        followRedirect: true,
        retry: { limit: 0 },
        timeout: { request: this.settings.timeoutMs },
      });
    });
    return this.got;
  }

  /** OAuth access tokens expire: each request asks for the current one (refreshed when due). */
  private async tokenHeader(): Promise<Record<string, string>> {
    return this.connection.tokenSource ? { authorization: `Bearer ${await this.connection.tokenSource()}` } : {};
  }

  /** Full URL of a path below the API base. `_links.next` values start with /wiki/… and join the same way. */
  url(path: string, query?: Query): string {
    const base = this.connection.apiBaseUrl;
    const joined = /^https?:\/\//.test(path) ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`;
    const params = toSearchParams(query).toString();
    return params ? `${joined}${joined.includes('?') ? '&' : '?'}${params}` : joined;
  }

  async request<T = unknown>(input: RequestInput): Promise<{ body: T; headers: Response['headers']; status: number }> {
    const method = input.method ?? 'GET';
    const url = this.url(input.path, input.query);
    const idempotent = method === 'GET' || method === 'HEAD' || method === 'PUT' || method === 'DELETE';
    const got = await this.client();
    for (let attempt = 0; ; attempt++) {
      await this.limiter.acquire();
      const headers = { ...(await this.tokenHeader()), ...input.headers };
      let response: Response<string>;
      try {
        response = await got(url, {
          method,
          ...(input.json !== undefined ? { json: input.json } : {}),
          ...(input.body !== undefined ? { body: input.body } : {}),
          headers,
          responseType: 'text',
        });
      } catch (error) {
        const code = (error as { code?: string }).code;
        const transient = code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EPIPE';
        if (transient && method === 'GET' && attempt < this.settings.maxRetries) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw errorFromNetwork(new URL(url).host, code);
      }
      const status = response.statusCode;
      this.log(`${method} ${redactQuery(url)} → ${status}`);
      if (status === 429 || status === 503) {
        const wait = retryAfterSeconds(response.headers);
        const mayRetry = idempotent || (status === 429 && (input.retryPostOn429 ?? false) && wait !== undefined);
        if (mayRetry && attempt < this.settings.maxRetries && (wait ?? 0) <= 60) {
          await sleep(wait !== undefined ? wait * 1000 + Math.random() * 500 : backoffMs(attempt));
          continue;
        }
        throw errorFromResponse({ where: this.where, status, body: parse(response), ...(wait !== undefined ? { retryAfterSeconds: wait } : {}) });
      }
      this.answered(status);
      if (status >= 400) throw errorFromResponse({ where: this.where, status, body: parse(response) });
      return { body: parse(response) as T, headers: response.headers, status };
    }
  }

  get<T = unknown>(path: string, query?: Query): Promise<T> {
    return this.request<T>({ path, ...(query ? { query } : {}) }).then((r) => r.body);
  }

  /**
   * Follows Confluence's `_links.next` (relative, /wiki/…; joined to the API base, so it stays on the
   * gateway) until `max` results or the end. `next` is the cursor to continue from, when there is more.
   */
  async collect<T>(path: string, query: Query, max: number): Promise<{ results: T[]; next?: string }> {
    const results: T[] = [];
    let next: string | undefined = this.url(path, query);
    while (next && results.length < max) {
      const page: { results?: T[]; _links?: { next?: string } } = await this.get(next);
      results.push(...(page.results ?? []));
      next = page._links?.next;
      // v1 (search) answers relative to `_links.base`, which ends in /wiki; v2 already starts with /wiki.
      if (next?.startsWith('/rest/') && path.startsWith('/wiki/')) next = `/wiki${next}`;
    }
    const cursor = next ? (new URL(next, 'http://x').searchParams.get('cursor') ?? undefined) : undefined;
    return { results: results.slice(0, max), ...(cursor ? { next: cursor } : {}) };
  }

  /** A download as a stream, counted against the budget like any request. */
  async stream(path: string): Promise<{ stream: Readable; headers: Record<string, string | string[] | undefined> }> {
    const got = await this.client();
    await this.limiter.acquire();
    const url = this.url(path);
    const stream = got.stream(url, { throwHttpErrors: false, headers: await this.tokenHeader() });
    const response = await new Promise<{ statusCode: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
      stream.once('response', resolve);
      stream.once('error', (error: Error & { code?: string }) => reject(errorFromNetwork(new URL(url).host, error.code)));
    });
    this.answered(response.statusCode);
    if (response.statusCode >= 400) {
      stream.destroy();
      throw errorFromResponse({ where: this.where, status: response.statusCode, body: undefined });
    }
    return { stream, headers: response.headers };
  }
}

function parse(response: Response<string>): unknown {
  const text = response.body;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function backoffMs(attempt: number): number {
  return Math.random() * Math.min(8000, 500 * 2 ** attempt) + 250;
}

/** The OS trust store, or nothing where Node cannot read it. */
function systemCertificates(read: () => string[]): string[] {
  try {
    return read();
  } catch {
    return [];
  }
}

/** Query strings can carry CQL/JQL with user text, never secrets; the log line keeps them short. */
function redactQuery(url: string): string {
  return url.length > 300 ? `${url.slice(0, 300)}…` : url;
}

export { AtlassianError };
