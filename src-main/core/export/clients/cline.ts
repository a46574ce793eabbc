// Cline (VS Code extension): its own settings file in VS Code's global storage. The user may switch the
// server off or auto-approve tools inside Cline: those keys are kept.
import { appSettingsDir, join, type ExportEnvironment } from '../environment.ts';
import { jsonFormat } from '../formats/json-format.ts';
import { SERVER_NAME } from '../one-click.ts';
import type { ClientDefinition } from '../types.ts';

const storage = (env: ExportEnvironment) => appSettingsDir(env, 'Code', 'User', 'globalStorage', 'saoudrizwan.claude-dev');

export const cline: ClientDefinition = {
  id: 'cline',
  name: 'Cline',
  configPath: (env) => join(env, storage(env), 'settings', 'cline_mcp_settings.json'),
  installedMarkers: (env) => [storage(env)],
  format: jsonFormat({ comments: false }),
  entryPath: ['mcpServers', SERVER_NAME],
  entry: (launch) => ({ command: launch.command, args: [...launch.args], disabled: false, autoApprove: [] }),
  userKeys: ['disabled', 'autoApprove'],
  afterWrite: 'Cline picks the change up by itself; check its MCP Servers tab.',
};
