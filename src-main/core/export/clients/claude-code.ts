// Claude Code: user-scope servers live at the top of ~/.claude.json (a file Claude Code rewrites often).
import { inHome } from '../environment.ts';
import { jsonFormat } from '../formats/json-format.ts';
import { commandLine, launchParts, SERVER_NAME } from '../one-click.ts';
import type { ClientDefinition } from '../types.ts';

export const claudeCode: ClientDefinition = {
  id: 'claude-code',
  name: 'Claude Code',
  configPath: (env) => inHome(env, '.claude.json'),
  installedMarkers: (env) => [inHome(env, '.claude.json'), inHome(env, '.claude')],
  format: jsonFormat({ comments: false }),
  entryPath: ['mcpServers', SERVER_NAME],
  entry: (launch) => ({ type: 'stdio', command: launch.command, args: [...launch.args] }),
  oneClick: (launch, env) => [{ kind: 'command', text: commandLine(['claude', 'mcp', 'add', '--transport', 'stdio', '--scope', 'user', SERVER_NAME, '--', ...launchParts(launch)], env) }],
  afterWrite: 'Start a new Claude Code session (or run /mcp) to see Tether.',
};
