// VS Code: the user mcp.json (JSONC) in the Code user folder, top-level key `servers`.
import { appSettingsDir, join } from '../environment.ts';
import { jsonFormat } from '../formats/json-format.ts';
import { commandLine, SERVER_NAME } from '../one-click.ts';
import type { ClientDefinition, LaunchCommand } from '../types.ts';

const entry = (launch: LaunchCommand) => ({ type: 'stdio', command: launch.command, args: [...launch.args] });

export const vscode: ClientDefinition = {
  id: 'vscode',
  name: 'VS Code',
  configPath: (env) => join(env, appSettingsDir(env, 'Code', 'User'), 'mcp.json'),
  installedMarkers: (env) => [appSettingsDir(env, 'Code')],
  format: jsonFormat({ comments: true }),
  entryPath: ['servers', SERVER_NAME],
  entry,
  oneClick: (launch, env) => {
    const json = JSON.stringify({ name: SERVER_NAME, ...entry(launch) });
    return [
      { kind: 'link', text: `vscode:mcp/install?${encodeURIComponent(json)}` },
      { kind: 'command', text: commandLine(['code', '--add-mcp', json], env) },
    ];
  },
  afterWrite: 'VS Code picks the change up by itself; start Tether from the MCP servers list if asked.',
};
