// Claude Desktop: claude_desktop_config.json in its settings folder; `preferences` in the same file are kept.
import { appSettingsDir, join } from '../environment.ts';
import { jsonFormat } from '../formats/json-format.ts';
import { SERVER_NAME, stdioEntry } from '../one-click.ts';
import type { ClientDefinition } from '../types.ts';

export const claudeDesktop: ClientDefinition = {
  id: 'claude-desktop',
  name: 'Claude Desktop',
  configPath: (env) => join(env, appSettingsDir(env, 'Claude'), 'claude_desktop_config.json'),
  installedMarkers: (env) => [appSettingsDir(env, 'Claude')],
  format: jsonFormat({ comments: false }),
  entryPath: ['mcpServers', SERVER_NAME],
  entry: stdioEntry,
  afterWrite: 'Quit Claude Desktop completely (not just the window) and open it again.',
};
