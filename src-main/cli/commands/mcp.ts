// `tether mcp`: what AI clients start. MCP on stdin/stdout; every log line goes to stderr and the log file.
import { parseArgs } from 'node:util';
import type { Engine } from '../../core/host/engine.ts';

export const mcpHelp = `Usage: tether mcp

Serves Tether's Confluence and Jira tools to an AI client over stdio (the client starts this
command). When the tray app or \`tether serve\` runs, it passes everything through to that host
(one sign-in, one request budget, switches that apply at once); otherwise it runs on its own, with
credentials from the keychain (\`tether auth\`) or the environment. Writes stay off unless
TETHER_ENABLE_WRITES=true (or "Allow changes" in the window).

  --standalone   run on its own even when a host is running`;

export async function mcpCommand(engine: Engine, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, standalone: { type: 'boolean' } }, strict: true });
  if (values.help) {
    process.stdout.write(`${mcpHelp}\n`);
    return 0;
  }
  const { serveMcpOverStdio } = await import('../../core/mcp/transports/stdio.ts');
  await serveMcpOverStdio(engine, TETHER_VERSION);
  return 0;
}
