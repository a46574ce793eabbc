// Cursor: ~/.cursor/mcp.json, and a deeplink that opens Cursor's own "install MCP server" prompt.
import { inHome } from '../environment.ts';
import { jsonFormat } from '../formats/json-format.ts';
import { base64Json, SERVER_NAME, stdioEntry } from '../one-click.ts';
import type { ClientDefinition } from '../types.ts';

export const cursor: ClientDefinition = {
  id: 'cursor',
  name: 'Cursor',
  configPath: (env) => inHome(env, '.cursor', 'mcp.json'),
  installedMarkers: (env) => [inHome(env, '.cursor')],
  format: jsonFormat({ comments: false }),
  entryPath: ['mcpServers', SERVER_NAME],
  entry: stdioEntry,
  oneClick: (launch) => [{ kind: 'link', text: `cursor://anysphere.cursor-deeplink/mcp/install?name=${SERVER_NAME}&config=${encodeURIComponent(base64Json(stdioEntry(launch)))}` }],
  afterWrite: 'Cursor picks the change up by itself; check Settings → MCP.',
};
