// `tether mcp` on stdio, standalone (no host running): one server per connection, 2025-era and
// 2026-07-28 clients alike (the SDK's serveStdio picks the era from the opening message). stdout
// carries only MCP; logs go to stderr. Switches changed in the settings file (by the window or
// another process) reach the client as tools/list_changed.
import type { Server } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { Engine } from '../../host/engine.ts';
import { watchSettingsFile } from '../../host/settings-watch.ts';
import { createMcpServer } from '../create-server.ts';

export async function serveMcpOverStdio(engine: Engine, version: string): Promise<void> {
  const servers = new Set<Server>();
  const handle = serveStdio(
    () => {
      const server = createMcpServer({ engine, version });
      servers.add(server);
      server.onclose = () => void servers.delete(server);
      return server;
    },
    { onerror: (error) => engine.log.error(`mcp: ${error.message}`) },
  );
  const stopWatching = watchSettingsFile(engine.paths.settingsFile, () => {
    void (async () => {
      if (await engine.reloadSettings()) await Promise.all([...servers].map((s) => s.sendToolListChanged().catch(() => undefined)));
    })();
  });
  await new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  stopWatching();
  await handle.close();
}
