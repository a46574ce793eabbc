// Codex CLI: ~/.codex/config.toml, table [mcp_servers.tether].
import { inHome } from '../environment.ts';
import { tomlFormat } from '../formats/toml-format.ts';
import { commandLine, launchParts, SERVER_NAME, stdioEntry } from '../one-click.ts';
import type { ClientDefinition } from '../types.ts';

export const codex: ClientDefinition = {
  id: 'codex',
  name: 'Codex CLI',
  configPath: (env) => inHome(env, '.codex', 'config.toml'),
  installedMarkers: (env) => [inHome(env, '.codex')],
  format: tomlFormat,
  entryPath: ['mcp_servers', SERVER_NAME],
  entry: stdioEntry,
  oneClick: (launch, env) => [{ kind: 'command', text: commandLine(['codex', 'mcp', 'add', SERVER_NAME, '--', ...launchParts(launch)], env) }],
  afterWrite: 'Start a new Codex session.',
};
