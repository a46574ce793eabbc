// Goose: config.yaml, `extensions.tether`; ~/.config/goose on macOS and Linux, %APPDATA%\Block\goose\config on Windows.
import { appSettingsDir, join, xdgConfig, type ExportEnvironment } from '../environment.ts';
import { yamlFormat } from '../formats/yaml-format.ts';
import { SERVER_NAME } from '../one-click.ts';
import type { ClientDefinition } from '../types.ts';

const dir = (env: ExportEnvironment) => (env.platform === 'win32' ? appSettingsDir(env, 'Block', 'goose', 'config') : xdgConfig(env, 'goose'));

export const goose: ClientDefinition = {
  id: 'goose',
  name: 'Goose',
  configPath: (env) => join(env, dir(env), 'config.yaml'),
  installedMarkers: (env) => [dir(env)],
  format: yamlFormat,
  entryPath: ['extensions', SERVER_NAME],
  entry: (launch) => ({ enabled: true, type: 'stdio', name: SERVER_NAME, cmd: launch.command, args: [...launch.args], envs: {}, timeout: 300 }),
  userKeys: ['enabled', 'timeout'],
  oneClick: (launch) => {
    const query = [['cmd', launch.command], ...launch.args.map((a) => ['arg', a]), ['id', SERVER_NAME], ['name', 'Tether'], ['description', 'Confluence and Jira']];
    return [{ kind: 'link', text: `goose://extension?${query.map(([k, v]) => `${k}=${encodeURIComponent(v!)}`).join('&')}` }];
  },
  afterWrite: 'Start a new Goose session.',
};
