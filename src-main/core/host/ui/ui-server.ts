// The Bridge over loopback HTTP, for `tether serve --ui` and the browser tests: the built window's
// files, and POST /bridge ({channel, args} → Envelope) through the same dispatch as the IPC adapter.
// Listens on 127.0.0.1 only; every request passes the Host/Origin checks, every Bridge call the
// per-run token (see ui-guard.ts). The token travels in the URL's #fragment, which browsers never
// send to a server nor put in a Referer.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { BridgeHandlers } from '../bridge/bridge-handlers.ts';
import { dispatchBridgeCall, type ReportUnexpected } from '../bridge/dispatch-bridge-call.ts';
import { listenOnLoopback } from '../../net/listen-loopback.ts';
import { readRendererFile } from './static-files.ts';
import { hostAllowed, originAllowed, tokenAllowed } from './ui-guard.ts';
import type { BridgeEvent } from '../../../shared/bridge-events.ts';

export const BRIDGE_PATH = '/bridge';
export const EVENTS_PATH = '/events';
const MAX_BODY = 64 * 1024;

export interface UiServerOptions {
  handlers: BridgeHandlers;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  report?: ReportUnexpected;
  /** The host's pushed notices (McpHost.onEvent), streamed to the window at GET /events. */
  events?: (listener: (event: BridgeEvent) => void) => () => void;
}

export interface UiServer {
  /** What to open in a browser: carries the token. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "frame-ancestors 'none'",
};

function reply(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  res.end(body);
}

const json = (res: http.ServerResponse, status: number, value: unknown) => reply(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function bridgeCall(req: http.IncomingMessage, res: http.ServerResponse, options: UiServerOptions, token: string): Promise<void> {
  if (!tokenAllowed(req, token)) return json(res, 401, { ok: false, error: "Refused: this request did not come from Tether's own window." });
  // application/json cannot be sent cross-site without a CORS preflight, which this server never grants.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return json(res, 415, { ok: false, error: 'Send the Bridge call as application/json.' });
  const text = await readBody(req);
  if (text === undefined) return json(res, 413, { ok: false, error: 'The Bridge call is too large.' });
  let call: { channel?: unknown; args?: unknown };
  try {
    call = JSON.parse(text) as typeof call;
  } catch {
    return json(res, 400, { ok: false, error: 'The Bridge call is not valid JSON.' });
  }
  json(res, 200, await dispatchBridgeCall(options.handlers, call?.channel, call?.args, options.report));
}

/** Server-sent events: one `data:` line per notice, and a comment now and then so proxies keep it open. */
function eventStream(req: http.IncomingMessage, res: http.ServerResponse, options: UiServerOptions, token: string): void {
  if (!tokenAllowed(req, token)) return json(res, 401, { ok: false, error: "Refused: this request did not come from Tether's own window." });
  if (!options.events) return reply(res, 404, 'text/plain; charset=utf-8', 'Not found');
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = options.events((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
  req.once('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  const server = http.createServer((req, res) => {
    void (async () => {
      if (!hostAllowed(req, port) || !originAllowed(req, port)) return reply(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
      const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (pathname === BRIDGE_PATH) return req.method === 'POST' ? bridgeCall(req, res, options, token) : reply(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      if (pathname === EVENTS_PATH) return req.method === 'GET' ? eventStream(req, res, options, token) : reply(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      const file = await readRendererFile(options.rendererDir, pathname);
      return file ? reply(res, 200, file.type, file.body) : reply(res, 404, 'text/plain; charset=utf-8', 'Not found');
    })().catch(() => {
      if (!res.headersSent) reply(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });
  port = await listenOnLoopback(server, options.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
