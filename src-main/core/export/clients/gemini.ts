// Gemini CLI: ~/.gemini/settings.json (comments allowed).
import { inHome } from '../environment.ts';
import { jsonFormat } from '../formats/json-format.ts';
import { commandLine, launchParts, SERVER_NAME, stdioEntry } from '../one-click.ts';
import type { ClientDefinition } from '../types.ts';

export const gemini: ClientDefinition = {
  id: 'gemini',
  name: 'Gemini CLI',
  configPath: (env) => inHome(env, '.gemini', 'settings.json'),
  installedMarkers: (env) => [inHome(env, '.gemini')],
  format: jsonFormat({ comments: true }),
  entryPath: ['mcpServers', SERVER_NAME],
  entry: stdioEntry,
  oneClick: (launch, env) => [{ kind: 'command', text: commandLine(['gemini', 'mcp', 'add', '-s', 'user', SERVER_NAME, ...launchParts(launch)], env) }],
  afterWrite: 'Start a new Gemini CLI session.',
};
