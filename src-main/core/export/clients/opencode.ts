// opencode: ~/.config/opencode/opencode.json (JSONC); the command is one array, there is no `args`.
import { xdgConfig, join } from '../environment.ts';
import { jsonFormat } from '../formats/json-format.ts';
import { launchParts, SERVER_NAME } from '../one-click.ts';
import type { ClientDefinition } from '../types.ts';

export const opencode: ClientDefinition = {
  id: 'opencode',
  name: 'opencode',
  configPath: (env) => join(env, xdgConfig(env, 'opencode'), 'opencode.json'),
  installedMarkers: (env) => [xdgConfig(env, 'opencode'), join(env, env.home, '.opencode')],
  format: jsonFormat({ comments: true }),
  entryPath: ['mcp', SERVER_NAME],
  entry: (launch) => ({ type: 'local', command: launchParts(launch), enabled: true }),
  userKeys: ['enabled'],
  afterWrite: 'Start a new opencode session.',
};
