// `tether serve`: the host without the tray app (servers, WSL, CI, tests). AI apps that start
// `tether mcp` are piped to it, so they share one sign-in, one request budget and live switches.
import { realpathSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { nodeLaunchCommand } from '../../core/export/launch-command.ts';
import type { Engine } from '../../core/host/engine.ts';
import type { McpHost } from '../../core/host/mcp-host.ts';
import { oauthProxyFromEnv, ProxyConfigError, type OAuthProxyConfig } from '../../core/host/oauth-proxy/proxy-config.ts';
import { UsageError } from '../cli-error.ts';
import { rendererDir } from '../renderer-dir.ts';

export const serveHelp = `Usage: tether serve [--http PORT] [--ui]

Runs Tether's host in this terminal until Ctrl-C. \`tether mcp\` (what AI apps start) joins it
through a local socket that only you can open.

  --http <port>   also serve MCP over HTTP on 127.0.0.1 (0 picks a free port); every request needs
                  the install's bearer token (kept in the keychain; TETHER_HTTP_TOKEN sets it)
  --multi-user    with --http: each request brings its own Atlassian credential instead
                  (Authorization: Bearer <OAuth token> + X-Atlassian-Cloud-Id, or Authorization:
                  Token <personal access token>); Tether's own sign-in never serves them
  --ui            also serve Tether's window on 127.0.0.1 and print its address (open it in a
                  browser: status, sign-in, "Allow changes", each tool's switch, recent activity)

With ATLASSIAN_OAUTH_PROXY_ENABLE=true (and PUBLIC_BASE_URL, ATLASSIAN_OAUTH_ALLOWED_CLIENT_REDIRECT_URIS,
Tether's Atlassian app in ATLASSIAN_OAUTH_CLIENT_ID/_SECRET), --http also acts as an OAuth
authorization server for remote MCP clients: each authorizes with its own Atlassian account
(README.md, "Remote clients").`;

export async function serveCommand(engine: Engine, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { http: { type: 'string' }, 'multi-user': { type: 'boolean' }, ui: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(`${serveHelp}\n`);
    return 0;
  }
  const httpPort = values.http === undefined ? undefined : Number(values.http);
  if (httpPort !== undefined && (!Number.isInteger(httpPort) || httpPort < 0 || httpPort > 65535)) throw new UsageError(`--http is "${values.http}": give a port number (0 picks a free one).`);
  const multiUser = values['multi-user'] === true;
  if (multiUser && httpPort === undefined) throw new UsageError('--multi-user serves HTTP requests: add --http <port>.');
  const oauthProxy = httpPort === undefined ? undefined : proxyConfig(engine);
  const windowDir = values.ui ? rendererDir() : undefined;
  if (values.ui && !windowDir) {
    process.stderr.write("tether: Tether's window is not built here (dist/renderer is missing): run `npm run build`, then try again.\n");
    return 1;
  }
  const { McpHost } = await import('../../core/host/mcp-host.ts');
  const host = new McpHost(engine, TETHER_VERSION);
  const socketPath = await host.listenOnSocket();
  process.stdout.write(`Tether serves MCP on ${socketPath}\n`);
  let http: { url: string; toolsChanged(): void | Promise<void>; close(): Promise<void> } | undefined;
  if (httpPort !== undefined) {
    const [{ serveMcpOverHttp }, { readOrCreateHttpToken }] = await Promise.all([import('../../core/host/http-transport.ts'), import('../../core/host/http-token.ts')]);
    // With the proxy, remote clients bring their own authorization: the install token is not used.
    const token = multiUser || oauthProxy ? '' : await readOrCreateHttpToken(engine.env);
    http = await serveMcpOverHttp({ engine, version: TETHER_VERSION, port: httpPort, token, multiUser, oauthProxy, createServer: () => host.newServer() });
    const endpoint = http;
    host.onToolsChanged(() => endpoint.toolsChanged());
    if (oauthProxy) process.stdout.write(`Tether's MCP OAuth proxy: remote MCP clients connect to ${oauthProxy.publicBaseUrl}/mcp and authorize with their own Atlassian account (kept in memory: after a restart they authorize again)\n`);
    else process.stdout.write(
      multiUser
        ? `Tether serves MCP over HTTP at ${http.url} for many users: each request brings its own Atlassian credential\n`
        : `Tether serves MCP over HTTP at ${http.url} (every request needs Authorization: Bearer <token>; the token is in your keychain, or set it with TETHER_HTTP_TOKEN)\n`,
    );
  }
  const ui = windowDir ? await startWindow(host, socketPath, () => http?.url, windowDir) : undefined;
  if (ui) process.stdout.write(`Tether's window: ${ui.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await ui?.close();
  await http?.close();
  await host.close();
  process.stdout.write(`Served ${host.activity.total} tool calls; ${engine.rateLimiter().granted} Atlassian requests went through one request budget.\n`);
  return 0;
}

/** The MCP OAuth proxy's settings, read before anything starts so a wrong value stops `serve` cleanly. */
function proxyConfig(engine: Engine): OAuthProxyConfig | undefined {
  try {
    return oauthProxyFromEnv(engine.env, engine.settings.writesEnabled ?? false);
  } catch (error) {
    throw error instanceof ProxyConfigError ? new UsageError(error.message) : error;
  }
}

/** The window over loopback HTTP: the same Bridge handlers the tray app's IPC serves. */
async function startWindow(host: McpHost, socketPath: string, httpUrl: () => string | undefined, dir: string) {
  const [{ createBridgeHandlers }, { startUiServer }] = await Promise.all([import('../../core/host/bridge/bridge-handlers.ts'), import('../../core/host/ui/ui-server.ts')]);
  // "Connect to AI apps" writes the same entry as `tether export`: this very CLI, by absolute path.
  const handlers = createBridgeHandlers(host, () => ({ socketPath, httpUrl: httpUrl() }), { launch: nodeLaunchCommand(realpathSync(process.argv[1]!)) });
  return startUiServer({ handlers, rendererDir: dir, events: (listener) => host.onEvent(listener), report: (channel, error) => host.engine.log.error(`bridge ${channel}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`) });
}
