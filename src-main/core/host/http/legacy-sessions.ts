// 2025-era clients over HTTP: one MCP session per `initialize`, named by Mcp-Session-Id, with its
// own server, so each client keeps its state and receives tools/list_changed like a socket client.
import { randomUUID } from 'node:crypto';
import { isInitializeRequest, WebStandardStreamableHTTPServerTransport, type Server } from '@modelcontextprotocol/server';

// Enough for every AI app on one desktop; a runaway client cannot pile up servers without bound.
const MAX_SESSIONS = 64;

function jsonRpcError(status: number, message: string): Response {
  return Response.json({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }, { status });
}

async function opensSession(request: Request): Promise<boolean> {
  if (request.method !== 'POST') return false;
  try {
    const body: unknown = await request.clone().json();
    return Array.isArray(body) ? body.some((message) => isInitializeRequest(message)) : isInitializeRequest(body);
  } catch {
    return false;
  }
}

export class LegacySessions {
  private readonly sessions = new Map<string, { transport: WebStandardStreamableHTTPServerTransport; server: Server; owner: string | undefined }>();

  constructor(private readonly newServer: () => Server) {}

  get size(): number {
    return this.sessions.size;
  }

  /** `owner` (multi-user mode): whose credential the request carries; a session serves only its opener. */
  async handle(request: Request, owner?: string): Promise<Response> {
    const id = request.headers.get('mcp-session-id');
    if (id) {
      const session = this.sessions.get(id);
      if (session && session.owner !== owner) return jsonRpcError(403, 'This session belongs to another credential.');
      // 404 tells a 2025-era client that its session is gone and it should initialize again.
      return session ? session.transport.handleRequest(request) : jsonRpcError(404, 'Session not found: initialize a new session.');
    }
    if (!(await opensSession(request))) return jsonRpcError(400, 'Bad Request: no Mcp-Session-Id; send initialize first.');
    if (this.sessions.size >= MAX_SESSIONS) return jsonRpcError(503, 'Too many open MCP sessions: close one (DELETE) and try again.');
    return this.open(request, owner);
  }

  private async open(request: Request, owner: string | undefined): Promise<Response> {
    const server = this.newServer();
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId) => void this.sessions.set(sessionId, { transport, server, owner }),
      onsessionclosed: (sessionId) => void this.sessions.delete(sessionId),
    });
    const previous = server.onclose;
    server.onclose = () => {
      if (transport.sessionId) this.sessions.delete(transport.sessionId);
      previous?.();
    };
    await server.connect(transport);
    const response = await transport.handleRequest(request);
    // An initialize that failed leaves no session behind, so its server must not linger either.
    if (!transport.sessionId || !this.sessions.has(transport.sessionId)) await server.close();
    return response;
  }

  async close(): Promise<void> {
    const open = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(open.map(({ server }) => server.close().catch(() => undefined)));
  }
}
