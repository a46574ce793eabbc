// MCP over Streamable HTTP on 127.0.0.1, for AI apps that speak HTTP rather than spawn `tether mcp`.
// Every request passes the gate (Host, Origin, bearer token) before any MCP code runs. 2026-07-28
// clients are served statelessly by the SDK's createMcpHandler; 2025-era clients get sessions.
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, isLegacyRequest, type Server } from '@modelcontextprotocol/server';
import { createMcpServer } from '../mcp/create-server.ts';
import type { Engine } from './engine.ts';
import { createGate } from './http/guard.ts';
import { credentialKey, userCredentialFrom, UserEngines } from './http/user-credentials.ts';
import { LegacySessions } from './http/legacy-sessions.ts';
import { OAuthProxy } from './oauth-proxy/oauth-proxy.ts';
import type { OAuthProxyConfig } from './oauth-proxy/proxy-config.ts';
import { listenOnLoopback } from '../net/listen-loopback.ts';

export const MCP_HTTP_PATH = '/mcp';

export interface HttpTransportOptions {
  engine: Engine;
  version: string;
  /** 0 picks a free port. */
  port: number;
  token: string;
  /** Each MCP server made for a session or request, so the host can send it tools/list_changed. */
  onServer?: (server: Server) => void;
  onClose?: (server: Server) => void;
  /** Makes each MCP server (the host passes its own, which feeds the activity log). */
  createServer?: () => Server;
  /** Multi-user mode: no install token; each request's own Atlassian credential (see http/user-credentials.ts). */
  multiUser?: boolean;
  /** The MCP OAuth proxy (oauth-proxy/): remote MCP clients authorize through Tether with Atlassian OAuth. */
  oauthProxy?: OAuthProxyConfig | undefined;
}

export interface HttpEndpoint {
  url: string;
  port: number;
  /** Tells open 2026-07-28 subscriptions (subscriptions/listen) that the tool list changed. */
  toolsChanged(): void;
  /** Per-user engines (multi-user mode or the OAuth proxy): how many were opened, how many are kept. */
  readonly userEngines?: { readonly opened: number; readonly size: number } | undefined;
  close(): Promise<void>;
}

async function send(res: http.ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}


export async function serveMcpOverHttp(options: HttpTransportOptions): Promise<HttpEndpoint> {
  const { engine, version } = options;
  const proxy = options.oauthProxy ? new OAuthProxy(options.oauthProxy) : undefined;
  const users = options.multiUser || proxy ? new UserEngines(engine) : undefined;
  // A revoked grant's engine goes with it.
  if (proxy && users) proxy.store.onRevoked((grant) => users.forgetGrant(grant.id));
  // The request being served, so the server factory (called by the SDK) knows whose engine to use.
  const current = new AsyncLocalStorage<{ engine: Engine; owner: string }>();
  const newServer = (): Server => {
    const user = current.getStore();
    const server = user ? createMcpServer({ engine: user.engine, version }) : (options.createServer?.() ?? createMcpServer({ engine, version }));
    const previous = server.onclose;
    server.onclose = () => {
      previous?.();
      options.onClose?.(server);
    };
    options.onServer?.(server);
    return server;
  };
  const onerror = (error: Error) => engine.log.warn(`mcp http: ${error.message}`);
  // legacy: 'reject' because 2025-era traffic never reaches it: it goes to the sessions instead.
  const modern = createMcpHandler(() => newServer(), { legacy: 'reject', onerror });
  const legacy = new LegacySessions(newServer);
  const serveMcp = async (request: Request) => ((await isLegacyRequest(request)) ? legacy.handle(request, current.getStore()?.owner) : modern.fetch(request));
  const route = toNodeHandler(
    {
      async fetch(request) {
        const answered = await proxy?.route(request);
        if (answered) return answered;
        if (new URL(request.url).pathname !== MCP_HTTP_PATH) return new Response('Not found', { status: 404 });
        // A proxy token is served by the engine of the Atlassian grant behind it, kept for the grant
        // (not its current access token, which is refreshed hourly) and reading its token as it
        // changes (header-mode requests, with --multi-user, already have theirs).
        if (proxy && users && !current.getStore()) {
          const user = await proxy.authenticate(request);
          if (user instanceof Response) return user;
          const userEngine = await users.for({ kind: 'grant', grantId: user.grantId, cloudId: user.cloudId, token: user.accessToken, tokenSource: user.tokenSource });
          return current.run({ engine: userEngine, owner: `proxy:${user.grantId}` }, () => serveMcp(request));
        }
        return serveMcp(request);
      },
    },
    { onerror },
  );

  const httpServer = http.createServer();
  const port = await listenOnLoopback(httpServer, options.port);
  // The gate needs the real port (the Host header must name it), known only once listening; the
  // handler is attached in the same tick, before any connection can be served.
  const gate = createGate(port, options.multiUser || proxy ? undefined : options.token, options.oauthProxy?.publicBaseUrl);
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    void (async () => {
      const credential = options.multiUser ? userCredentialFrom(req.headers) : undefined;
      // With the proxy, only Host and Origin are checked here: its endpoints and tokens are checked in `route`.
      const refused = proxy && !credential ? gate.checkHost(req) : await gate.check(req);
      if (refused) return send(res, refused);
      if (users && credential) return current.run({ engine: await users.for(credential), owner: credentialKey(credential) }, () => route(req, res));
      await route(req, res);
    })().catch((error: unknown) => {
      onerror(error instanceof Error ? error : new Error(String(error)));
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  return {
    url: `http://127.0.0.1:${port}${MCP_HTTP_PATH}`,
    port,
    toolsChanged: () => modern.notify.toolsChanged(),
    userEngines: users,
    async close() {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await Promise.all([legacy.close(), modern.close()]);
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
