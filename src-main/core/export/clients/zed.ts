// Zed: settings.json (JSONC), key `context_servers`; ~/.config/zed on macOS and Linux, %APPDATA%\Zed on Windows.
import { appSettingsDir, join, xdgConfig, type ExportEnvironment } from '../environment.ts';
import { jsonFormat } from '../formats/json-format.ts';
import { SERVER_NAME, stdioEntry } from '../one-click.ts';
import type { ClientDefinition } from '../types.ts';

const dir = (env: ExportEnvironment) => (env.platform === 'win32' ? appSettingsDir(env, 'Zed') : xdgConfig(env, 'zed'));

export const zed: ClientDefinition = {
  id: 'zed',
  name: 'Zed',
  configPath: (env) => join(env, dir(env), 'settings.json'),
  installedMarkers: (env) => [dir(env)],
  format: jsonFormat({ comments: true }),
  entryPath: ['context_servers', SERVER_NAME],
  entry: stdioEntry,
  afterWrite: 'Zed picks the change up by itself.',
};
