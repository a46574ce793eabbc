// LM Studio: ~/.lmstudio/mcp.json in Cursor's shape, and an lmstudio:// install link.
import { inHome } from '../environment.ts';
import { jsonFormat } from '../formats/json-format.ts';
import { base64Json, SERVER_NAME, stdioEntry } from '../one-click.ts';
import type { ClientDefinition } from '../types.ts';

export const lmstudio: ClientDefinition = {
  id: 'lmstudio',
  name: 'LM Studio',
  configPath: (env) => inHome(env, '.lmstudio', 'mcp.json'),
  installedMarkers: (env) => [inHome(env, '.lmstudio')],
  format: jsonFormat({ comments: false }),
  entryPath: ['mcpServers', SERVER_NAME],
  entry: stdioEntry,
  oneClick: (launch) => [{ kind: 'link', text: `lmstudio://add_mcp?name=${SERVER_NAME}&config=${encodeURIComponent(base64Json(stdioEntry(launch)))}` }],
  afterWrite: 'LM Studio picks the change up by itself; check the Program tab.',
};
