// Windsurf: ~/.codeium/windsurf/mcp_config.json; the user presses refresh in the MCP panel.
import { inHome } from '../environment.ts';
import { jsonFormat } from '../formats/json-format.ts';
import { SERVER_NAME, stdioEntry } from '../one-click.ts';
import type { ClientDefinition } from '../types.ts';

export const windsurf: ClientDefinition = {
  id: 'windsurf',
  name: 'Windsurf',
  configPath: (env) => inHome(env, '.codeium', 'windsurf', 'mcp_config.json'),
  installedMarkers: (env) => [inHome(env, '.codeium', 'windsurf')],
  format: jsonFormat({ comments: false }),
  entryPath: ['mcpServers', SERVER_NAME],
  entry: stdioEntry,
  afterWrite: 'Press the refresh button in Windsurf’s MCP panel.',
};
