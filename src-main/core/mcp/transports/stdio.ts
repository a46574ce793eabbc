// `tether mcp` on stdio: one server per connection, 2025-era and 2026-07-28 clients alike (the SDK's
// serveStdio picks the era from the opening message). stdout carries only MCP; logs go to stderr.
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { Engine } from '../../host/engine.ts';
import { createMcpServer } from '../create-server.ts';

export async function serveMcpOverStdio(engine: Engine, version: string): Promise<void> {
  const handle = serveStdio(() => createMcpServer({ engine, version }), { onerror: (error) => engine.log.error(`mcp: ${error.message}`) });
  await new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await handle.close();
}
