// The one place that serves MCP while Tether runs (tray app or `tether serve`): every client —
// over the local socket, the stdio bridge, or HTTP — gets its own MCP session on the same Engine,
// so there is one set of credentials, one OAuth refresher and one rate budget. A switch changed
// here, in the window or in the settings file reaches every session as tools/list_changed.
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Server } from '@modelcontextprotocol/server';
import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import type { BridgeEvent } from '../../shared/bridge-events.ts';
import { createMcpServer } from '../mcp/create-server.ts';
import { ActivityLog } from './activity-log.ts';
import type { Engine } from './engine.ts';
import { watchSettingsFile } from './settings-watch.ts';
import { socketAnswers } from './stdio-bridge.ts';

export class McpHost {
  readonly activity = new ActivityLog();
  private readonly servers = new Set<Server>();
  private socketServer: net.Server | undefined;
  private stopWatching: (() => void) | undefined;
  private readonly changeListeners = new Set<() => void | Promise<void>>();
  private readonly eventListeners = new Set<(event: BridgeEvent) => void>();

  constructor(
    readonly engine: Engine,
    private readonly version: string,
  ) {}

  /** A new MCP server for one client connection, tracked for change notices. */
  newServer(): Server {
    const server = createMcpServer({
      engine: this.engine,
      version: this.version,
      onToolCall: (call) => {
        this.activity.add(call);
        this.emit({ name: 'activity.added' });
      },
    });
    this.track(server);
    return server;
  }

  /** Servers made elsewhere (the HTTP transport) join the change notices through this. */
  track(server: Server): void {
    this.servers.add(server);
    const previous = server.onclose;
    server.onclose = () => {
      this.servers.delete(server);
      previous?.();
    };
  }

  get sessions(): number {
    return this.servers.size;
  }

  /** Listens on the local socket (owner-only); refuses when another host already answers there. */
  async listenOnSocket(socketPath = this.engine.paths.socketPath): Promise<string> {
    if (process.platform !== 'win32') {
      await fs.mkdir(path.dirname(socketPath), { recursive: true, mode: 0o700 });
      await fs.chmod(path.dirname(socketPath), 0o700);
      if (await socketAnswers(socketPath)) throw new Error(`Another Tether host is already running on ${socketPath}: use that one, or stop it first.`);
      await fs.rm(socketPath, { force: true });
    }
    const server = net.createServer((socket) => {
      const transport = new StdioServerTransport(socket, socket);
      const handle = serveStdio(() => this.newServer(), { transport, onerror: (error) => this.engine.log.warn(`socket client: ${error.message}`) });
      socket.once('close', () => void handle.close());
      socket.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
    if (process.platform !== 'win32') await fs.chmod(socketPath, 0o600);
    this.socketServer = server;
    this.stopWatching = watchSettingsFile(this.engine.paths.settingsFile, () => void this.settingsChanged());
    return socketPath;
  }

  /** Re-reads the settings and tells every session that its tool list may have changed. */
  async settingsChanged(): Promise<void> {
    // The window and the tray notify after their own saves; the watcher then only reports news.
    if (await this.engine.reloadSettings()) await this.notifyToolsChanged();
  }

  async notifyToolsChanged(): Promise<void> {
    await Promise.all([...this.servers].map((server) => server.sendToolListChanged().catch(() => undefined)));
    for (const listener of this.changeListeners) await Promise.resolve(listener()).catch(() => undefined);
    this.emit({ name: 'status.changed' });
  }

  /** The window's pushed notices (status changed, a tool call happened); returns the unsubscribe. */
  onEvent(listener: (event: BridgeEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  private emit(event: BridgeEvent): void {
    for (const listener of this.eventListeners) {
      try {
        listener(event);
      } catch {
        // A window that went away must not stop the others hearing it.
      }
    }
  }

  /** Other listeners of switch changes (the HTTP endpoint's stateless 2026 clients). */
  onToolsChanged(listener: () => void | Promise<void>): void {
    this.changeListeners.add(listener);
  }

  async close(): Promise<void> {
    this.stopWatching?.();
    await Promise.all([...this.servers].map((server) => server.close().catch(() => undefined)));
    if (this.socketServer) {
      const server = this.socketServer;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.unref();
    }
  }
}
