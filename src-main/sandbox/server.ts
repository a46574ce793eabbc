// startSandbox(): four plain node:http listeners — the Cloud site, the api.atlassian.com gateway,
// a Data Center server and the auth.atlassian.com OAuth server — sharing one state, one fault
// injector and one exchange log.

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminRoute, isAdminPath } from './admin.ts';
import { authenticate, parseAuthorization } from './auth.ts';
import { errorReply, errorStyleFor, rateLimitHeaders, reasonPhrase, type ErrorStyle } from './errors.ts';
import { Faults } from './faults.ts';
import { confluenceCloudRouter } from './routes/confluence.ts';
import { confluenceDcRouter } from './routes/confluence-dc.ts';
import { edgeRoute } from './routes/edge.ts';
import { jiraCloudRouter } from './routes/jira.ts';
import { jiraDcRouter } from './routes/jira-dc.ts';
import type { OAuthRequest } from './routes/oauth-common.ts';
import { authServerRoute, dcOAuthRoute } from './routes/oauth-endpoints.ts';
import { ACCESSIBLE_RESOURCES_PATH, accessibleResourcesRoute } from './routes/oauth-resources.ts';
import { OAuthAuthority } from './oauth/authority.ts';
import { gatewayScopeDenial } from './oauth/scopes.ts';
import { applySettings } from './oauth/settings.ts';
import type { Router } from './routes/router.ts';
import { ConfluenceStore } from './confluence/model.ts';
import { buildConfluence } from './confluence/seed-confluence.ts';
import { JiraStore } from './jira/model.ts';
import { buildJira } from './jira/seed-jira.ts';
import { createSeed } from './seed.ts';
import type {
  Exchange,
  FaultRule,
  ListenerName,
  Reply,
  RequestContext,
  Sandbox,
  SandboxOptions,
  SandboxState,
  SandboxUrls,
} from './types.ts';

const JSON_TYPE = 'application/json;charset=UTF-8';
const LISTENERS: ListenerName[] = ['site', 'api', 'dc', 'auth'];

interface Incoming {
  listener: ListenerName;
  method: string;
  url: URL;
  req: IncomingMessage;
  body: unknown;
  raw: Buffer;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log;
  const seed = createSeed();
  const freshConfluence = (): ConfluenceStore => new ConfluenceStore(buildConfluence(seed.spaces, seed.users).data, seed.users);
  const freshJira = (): JiraStore => new JiraStore(buildJira(seed.users).data, seed.users);
  const state: SandboxState = {
    seed,
    cloudId: seed.cloudId,
    confluence: freshConfluence(),
    jira: freshJira(),
  };
  const reset = (): void => {
    state.confluence = freshConfluence();
    state.jira = freshJira();
  };
  const faults = new Faults();
  const exchanges: Exchange[] = [];
  const subscribers = new Set<(e: Exchange) => void>();
  const urls: SandboxUrls = { siteUrl: '', apiUrl: '', dcUrl: '' };
  let authUrl = '';
  const oauth = new OAuthAuthority(seed, options.oauth);
  const timers = new Set<NodeJS.Timeout>();
  let dcRequestCounter = 0;

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  }

  // ------------------------------------------------------------------ routing per listener

  async function dispatch(router: Router, ctx: RequestContext, style: ErrorStyle): Promise<Reply> {
    const match = router.match(ctx.method, ctx.path);
    if (match.kind === 'found') return match.handler(ctx, match.params);
    if (match.kind === 'method-not-allowed') {
      return errorReply(style, 405, { headers: { Allow: match.allow.join(', ') } });
    }
    const url = `${ctx.listener === 'site' ? urls.siteUrl : ctx.listener === 'api' ? urls.apiUrl : urls.dcUrl}${ctx.pathname}`;
    if (style === 'jira') return errorReply(style, 404, { message: `null for uri: ${url}` });
    if (style === 'confluence-v1') {
      return errorReply(style, 404, { message: `Could not find resource for ${ctx.method} ${ctx.pathname}` });
    }
    return errorReply(style, 404);
  }

  function context(inc: Incoming, path: string, prefix: string, user: RequestContext['user'], auth: RequestContext['auth']): RequestContext {
    return {
      listener: inc.listener,
      method: inc.method,
      pathname: inc.url.pathname,
      path,
      prefix,
      query: inc.url.searchParams,
      headers: inc.req.headers,
      body: inc.body,
      rawBody: inc.raw,
      user,
      auth,
      urls,
      state,
    };
  }

  function oauthRequest(inc: Incoming): OAuthRequest {
    return { method: inc.method, pathname: inc.url.pathname, query: inc.url.searchParams, headers: inc.req.headers, rawBody: inc.raw };
  }

  async function routeSite(inc: Incoming): Promise<Reply> {
    const pathname = inc.url.pathname;
    const edge = edgeRoute(inc.method, pathname, state);
    if (edge) return edge;
    let router: Router;
    if (pathname === '/wiki' || pathname.startsWith('/wiki/')) router = confluenceCloudRouter;
    else if (pathname.startsWith('/rest/')) router = jiraCloudRouter;
    else return errorReply('html', 404);
    const style = errorStyleFor('site', pathname);
    const auth = authenticate('site', seed, parseAuthorization(inc.req.headers.authorization));
    if (!auth.ok) return errorReply(style, 401);
    return dispatch(router, context(inc, pathname, '', auth.user, auth.method), style);
  }

  async function routeGateway(inc: Incoming): Promise<Reply> {
    const pathname = inc.url.pathname;
    if (pathname.replace(/\/+$/, '') === ACCESSIBLE_RESOURCES_PATH) return accessibleResourcesRoute(oauth, seed, urls.siteUrl, oauthRequest(inc));
    const m = /^\/ex\/(confluence|jira)\/([^/]+)(\/.*)?$/.exec(pathname);
    if (!m) return errorReply('gateway', 404);
    const product = m[1] as 'confluence' | 'jira';
    const cloudId = m[2] ?? '';
    const rest = m[3] ?? '/';
    if (cloudId !== state.cloudId) return errorReply('gateway', 404);
    const auth = authenticate('api', seed, parseAuthorization(inc.req.headers.authorization), (t) => oauth.verifyCloudBearer(t));
    if (!auth.ok) return errorReply('gateway', 401);
    // OAuth grants and scoped API tokens are both held to their scopes; the full scoped token has them all.
    const denied = auth.scopes ? gatewayScopeDenial(product, inc.method, rest, auth.scopes) : undefined;
    if (denied) return denied;
    const router = product === 'jira' ? jiraCloudRouter : confluenceCloudRouter;
    const prefix = `/ex/${product}/${cloudId}`;
    return dispatch(router, context(inc, rest, prefix, auth.user, auth.method), errorStyleFor('api', pathname));
  }

  async function routeDc(inc: Incoming): Promise<Reply> {
    const pathname = inc.url.pathname;
    let router: Router;
    let prefix: string;
    if (pathname.startsWith('/confluence/')) {
      router = confluenceDcRouter;
      prefix = '/confluence';
    } else if (pathname.startsWith('/jira/')) {
      router = jiraDcRouter;
      prefix = '/jira';
    } else return errorReply('html', 404);
    const product = prefix === '/jira' ? 'jira' : 'confluence';
    const provider = dcOAuthRoute(oauth, product, prefix, pathname.slice(prefix.length), oauthRequest(inc));
    if (provider) return provider;
    const style = errorStyleFor('dc', pathname);
    // guess: DC OAuth scopes (READ/WRITE/ADMIN/SYSTEM_ADMIN) are recorded but not enforced.
    const auth = authenticate('dc', seed, parseAuthorization(inc.req.headers.authorization), (t) => oauth.verifyDcBearer(t, product));
    if (!auth.ok) {
      const reply = errorReply(style, 401);
      reply.headers = { ...reply.headers, 'X-AUSERNAME': 'anonymous' };
      if (prefix === '/jira') reply.headers['X-Seraph-LoginReason'] = 'AUTHENTICATED_FAILED';
      return reply;
    }
    const reply = await dispatch(router, context(inc, pathname.slice(prefix.length), prefix, auth.user, auth.method), style);
    reply.headers = { ...reply.headers, 'X-AUSERNAME': auth.user.dc.username };
    return reply;
  }

  function faultReply(rule: FaultRule, listener: ListenerName, pathname: string, status: number): Reply {
    const style = errorStyleFor(listener, pathname);
    const reply: Reply =
      rule.body !== undefined ? { status, body: rule.body } : status >= 400 ? errorReply(style, status) : { status };
    const headers: Record<string, string> = {};
    if (rule.headers === undefined && (status === 429 || status === 503)) {
      if (status === 429) Object.assign(headers, rateLimitHeaders(pathname));
      else headers['Retry-After'] = '1';
    }
    Object.assign(headers, reply.headers, rule.headers);
    reply.headers = headers;
    return reply;
  }

  // ------------------------------------------------------------------ one request

  async function handle(listener: ListenerName, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);

    if (isAdminPath(url.pathname)) {
      const reply = adminRoute(method, url.pathname, raw.toString('utf8'), { faults, exchanges, urls, cloudId: state.cloudId, reset, oauth, authUrl });
      const { headers, payload } = serialise(listener, reply);
      write(res, reply.status, headers, payload);
      return;
    }

    const inc: Incoming = { listener, method, url, req, body: parseBody(raw, req.headers['content-type']), raw };
    let reply: Reply;
    const rule = faults.take(listener, method, url.pathname);
    if (rule?.latencyMs) await sleep(rule.latencyMs);
    try {
      if (rule?.status !== undefined) reply = faultReply(rule, listener, url.pathname, rule.status);
      else {
        reply =
          listener === 'site'
            ? await routeSite(inc)
            : listener === 'api'
              ? await routeGateway(inc)
              : listener === 'dc'
                ? await routeDc(inc)
                : authServerRoute(oauth, oauthRequest(inc));
        if (rule?.headers) reply.headers = { ...reply.headers, ...rule.headers };
      }
    } catch (err) {
      void err; // never echo internals (they could carry request data)
      reply = errorReply(errorStyleFor(listener, url.pathname), 500);
    }

    const { headers, payload } = serialise(listener, reply);
    const exchange: Exchange = {
      listener,
      method,
      path: url.pathname,
      query: queryRecord(url.searchParams),
      requestHeaders: headerRecord(req.headers),
      requestBody: inc.body,
      status: reply.status,
      responseHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
      responseBody: payload === undefined ? undefined : parseBody(payload, headers['Content-Type']),
    };
    exchanges.push(exchange);
    for (const s of subscribers) {
      try {
        s(exchange);
      } catch {
        // a failing subscriber must not break the sandbox
      }
    }
    write(res, reply.status, headers, payload);
    log?.(`${listener} ${method} ${url.pathname} → ${reply.status} (${Date.now() - started} ms)`);
  }

  function serialise(listener: ListenerName, reply: Reply): { headers: Record<string, string>; payload: Buffer | undefined } {
    const headers: Record<string, string> = {};
    let payload: Buffer | undefined;
    if (reply.body !== undefined && reply.status !== 204 && reply.status !== 304) {
      if (Buffer.isBuffer(reply.body)) {
        payload = reply.body;
        headers['Content-Type'] = reply.contentType ?? 'application/octet-stream';
      } else if (typeof reply.body === 'string') {
        payload = Buffer.from(reply.body);
        headers['Content-Type'] = reply.contentType ?? 'text/plain;charset=UTF-8';
      } else {
        payload = Buffer.from(JSON.stringify(reply.body));
        headers['Content-Type'] = reply.contentType ?? JSON_TYPE;
      }
    }
    headers['X-ARequestId'] =
      listener === 'dc'
        ? `${Math.floor(Date.now() / 60_000) % 1440}x${++dcRequestCounter}x1`
        : randomBytes(16).toString('hex');
    if (listener !== 'dc') headers['Atl-TraceId'] = randomBytes(8).toString('hex');
    headers['X-Content-Type-Options'] = 'nosniff';
    headers['Cache-Control'] = 'no-cache, no-store, no-transform';
    for (const [k, v] of Object.entries(reply.headers ?? {})) {
      for (const existing of Object.keys(headers)) if (existing.toLowerCase() === k.toLowerCase()) delete headers[existing];
      headers[k] = v;
    }
    return { headers, payload };
  }

  function write(res: ServerResponse, status: number, headers: Record<string, string>, payload: Buffer | undefined): void {
    if (res.destroyed || res.headersSent) return;
    res.writeHead(status, reasonPhrase(status), { ...headers, 'Content-Length': String(payload?.length ?? 0) });
    res.end(payload);
  }

  // ------------------------------------------------------------------ listeners

  const ports: Record<ListenerName, number> = {
    site: options.sitePort ?? 0,
    api: options.apiPort ?? 0,
    dc: options.dcPort ?? 0,
    auth: options.authPort ?? 0,
  };
  const servers = new Map<ListenerName, Server>();
  try {
    for (const name of LISTENERS) {
      const server = createServer((req, res) => {
        handle(name, req, res).catch(() => {
          if (!res.headersSent && !res.destroyed) {
            res.writeHead(500, { 'Content-Type': 'text/plain;charset=UTF-8' });
            res.end('sandbox error');
          }
        });
      });
      servers.set(name, server);
      const port = await listen(server, host, ports[name]);
      const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      if (name === 'site') urls.siteUrl = origin;
      else if (name === 'api') urls.apiUrl = origin;
      else if (name === 'dc') urls.dcUrl = origin;
      else authUrl = origin;
    }
  } catch (err) {
    await Promise.all([...servers.values()].map(closeServer));
    throw err;
  }

  let closed: Promise<void> | undefined;
  return {
    siteUrl: urls.siteUrl,
    apiUrl: urls.apiUrl,
    dcUrl: urls.dcUrl,
    authUrl,
    cloudId: state.cloudId,
    seed,
    oauth: {
      counters: oauth.counters,
      settings: () => ({ ...oauth.settings }),
      configure: (patch) => applySettings(oauth.settings, patch),
      registerRedirectUri: (uri, client) => oauth.registerRedirectUri(uri, client),
      advanceClock: (seconds) => oauth.advanceClock(seconds),
      reset: () => oauth.reset(),
    },
    exchanges,
    onExchange(listener) {
      subscribers.add(listener);
      return () => {
        subscribers.delete(listener);
      };
    },
    faults,
    reset,
    close() {
      closed ??= (async () => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        await Promise.all([...servers.values()].map(closeServer));
      })();
      return closed;
    },
  };
}

// ------------------------------------------------------------------ helpers

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Parsed JSON when the bytes are JSON, else the raw string; undefined when empty. Binary payloads
 * (not text, not JSON, not a form) are recorded as a short placeholder rather than mangled text.
 */
function parseBody(raw: Buffer, contentType?: string): unknown {
  if (raw.length === 0) return undefined;
  const type = (contentType ?? '').toLowerCase();
  if (type !== '' && !/json|text|xml|form|html|javascript/.test(type)) return `<${raw.length} bytes of ${type}>`;
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function headerRecord(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
