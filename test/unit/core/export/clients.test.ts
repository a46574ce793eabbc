// Golden tests: for each client, where its file is on each OS and exactly what Tether writes there.
import { describe, expect, it } from 'vitest';
import { CLIENTS, findClient } from '../../../../src-main/core/export/clients/index.ts';
import type { ExportEnvironment } from '../../../../src-main/core/export/environment.ts';
import { appLaunchCommand, nodeLaunchCommand } from '../../../../src-main/core/export/launch-command.ts';
import type { ClientId } from '../../../../src-main/core/export/types.ts';

const launch = nodeLaunchCommand('/opt/tether/dist/cli/tether.js', '/usr/bin/node');
const linux: ExportEnvironment = { platform: 'linux', home: '/home/ann' };
const mac: ExportEnvironment = { platform: 'darwin', home: '/Users/ann' };
const win: ExportEnvironment = { platform: 'win32', home: 'C:\\Users\\ann', appData: 'C:\\Users\\ann\\AppData\\Roaming' };
const client = (id: ClientId) => findClient(id)!;

describe('the clients', () => {
  it('are the twelve of clients.md, found by id in any case', () => {
    expect(CLIENTS.map((c) => c.id)).toEqual(['claude-desktop', 'claude-code', 'cursor', 'vscode', 'windsurf', 'zed', 'cline', 'gemini', 'codex', 'opencode', 'lmstudio', 'goose']);
    expect(findClient('Cursor')?.name).toBe('Cursor');
    expect(findClient('nope')).toBeUndefined();
  });

  it('keep their configuration where clients.md says', () => {
    const paths = (env: ExportEnvironment) => Object.fromEntries(CLIENTS.map((c) => [c.id, c.configPath(env)]));
    expect(paths(mac)).toEqual({
      'claude-desktop': '/Users/ann/Library/Application Support/Claude/claude_desktop_config.json',
      'claude-code': '/Users/ann/.claude.json',
      cursor: '/Users/ann/.cursor/mcp.json',
      vscode: '/Users/ann/Library/Application Support/Code/User/mcp.json',
      windsurf: '/Users/ann/.codeium/windsurf/mcp_config.json',
      zed: '/Users/ann/.config/zed/settings.json',
      cline: '/Users/ann/Library/Application Support/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
      gemini: '/Users/ann/.gemini/settings.json',
      codex: '/Users/ann/.codex/config.toml',
      opencode: '/Users/ann/.config/opencode/opencode.json',
      lmstudio: '/Users/ann/.lmstudio/mcp.json',
      goose: '/Users/ann/.config/goose/config.yaml',
    });
    expect(paths(win)).toMatchObject({
      'claude-desktop': 'C:\\Users\\ann\\AppData\\Roaming\\Claude\\claude_desktop_config.json',
      cursor: 'C:\\Users\\ann\\.cursor\\mcp.json',
      vscode: 'C:\\Users\\ann\\AppData\\Roaming\\Code\\User\\mcp.json',
      zed: 'C:\\Users\\ann\\AppData\\Roaming\\Zed\\settings.json',
      goose: 'C:\\Users\\ann\\AppData\\Roaming\\Block\\goose\\config\\config.yaml',
    });
    expect(paths({ ...linux, xdgConfigHome: '/xdg' })).toMatchObject({
      'claude-desktop': '/xdg/Claude/claude_desktop_config.json',
      vscode: '/xdg/Code/User/mcp.json',
      zed: '/xdg/zed/settings.json',
      codex: '/home/ann/.codex/config.toml',
    });
  });

  it('write these entries (no env, no secret)', () => {
    const entries = Object.fromEntries(CLIENTS.map((c) => [c.id, { at: c.entryPath.join('.'), entry: c.entry(launch) }]));
    const plain = { command: '/usr/bin/node', args: ['/opt/tether/dist/cli/tether.js', 'mcp'] };
    expect(entries).toEqual({
      'claude-desktop': { at: 'mcpServers.tether', entry: plain },
      'claude-code': { at: 'mcpServers.tether', entry: { type: 'stdio', ...plain } },
      cursor: { at: 'mcpServers.tether', entry: plain },
      vscode: { at: 'servers.tether', entry: { type: 'stdio', ...plain } },
      windsurf: { at: 'mcpServers.tether', entry: plain },
      zed: { at: 'context_servers.tether', entry: plain },
      cline: { at: 'mcpServers.tether', entry: { ...plain, disabled: false, autoApprove: [] } },
      gemini: { at: 'mcpServers.tether', entry: plain },
      codex: { at: 'mcp_servers.tether', entry: plain },
      opencode: { at: 'mcp.tether', entry: { type: 'local', command: ['/usr/bin/node', '/opt/tether/dist/cli/tether.js', 'mcp'], enabled: true } },
      lmstudio: { at: 'mcpServers.tether', entry: plain },
      goose: { at: 'extensions.tether', entry: { enabled: true, type: 'stdio', name: 'tether', cmd: '/usr/bin/node', args: ['/opt/tether/dist/cli/tether.js', 'mcp'], envs: {}, timeout: 300 } },
    });
    expect(JSON.stringify(entries)).not.toMatch(/env"|token|password/i);
  });

  it('launch the packaged app by its own executable', () => {
    expect(appLaunchCommand('C:\\Program Files\\Tether\\Tether.exe', ['--cli'])).toEqual({ command: 'C:\\Program Files\\Tether\\Tether.exe', args: ['--cli', 'mcp'] });
    expect(() => nodeLaunchCommand('dist/cli/tether.js')).toThrow(/absolute/);
  });
});

describe('one-click routes', () => {
  const routes = (id: ClientId, env = linux) => client(id).oneClick?.(launch, env).map((r) => r.text);

  it('Cursor and LM Studio: base64 of the entry', () => {
    const config = encodeURIComponent(Buffer.from(JSON.stringify({ command: '/usr/bin/node', args: ['/opt/tether/dist/cli/tether.js', 'mcp'] })).toString('base64'));
    expect(routes('cursor')).toEqual([`cursor://anysphere.cursor-deeplink/mcp/install?name=tether&config=${config}`]);
    expect(routes('lmstudio')).toEqual([`lmstudio://add_mcp?name=tether&config=${config}`]);
  });

  it('VS Code: the URL-encoded entry with its name, and `code --add-mcp`', () => {
    const [link, command] = routes('vscode')!;
    expect(link).toBe(`vscode:mcp/install?${encodeURIComponent('{"name":"tether","type":"stdio","command":"/usr/bin/node","args":["/opt/tether/dist/cli/tether.js","mcp"]}')}`);
    expect(command).toBe(`code --add-mcp '{"name":"tether","type":"stdio","command":"/usr/bin/node","args":["/opt/tether/dist/cli/tether.js","mcp"]}'`);
  });

  it('Goose: cmd, one arg= per argument, id and name', () => {
    expect(routes('goose')).toEqual(['goose://extension?cmd=%2Fusr%2Fbin%2Fnode&arg=%2Fopt%2Ftether%2Fdist%2Fcli%2Ftether.js&arg=mcp&id=tether&name=Tether&description=Confluence%20and%20Jira']);
  });

  it('Claude Code, Gemini and Codex: a command to paste, quoted for the shell', () => {
    expect(routes('claude-code')).toEqual(['claude mcp add --transport stdio --scope user tether -- /usr/bin/node /opt/tether/dist/cli/tether.js mcp']);
    expect(routes('gemini')).toEqual(['gemini mcp add -s user tether /usr/bin/node /opt/tether/dist/cli/tether.js mcp']);
    expect(routes('codex')).toEqual(['codex mcp add tether -- /usr/bin/node /opt/tether/dist/cli/tether.js mcp']);
    const spaced = nodeLaunchCommand("/Users/ann/My Apps/it's/tether.js", '/usr/local/bin/node');
    expect(client('codex').oneClick!(spaced, mac)[0]!.text).toBe(`codex mcp add tether -- /usr/local/bin/node '/Users/ann/My Apps/it'\\''s/tether.js' mcp`);
    const windows = nodeLaunchCommand('C:\\Program Files\\Tether\\tether.js', 'C:\\Program Files\\nodejs\\node.exe');
    expect(client('claude-code').oneClick!(windows, win)[0]!.text).toBe('claude mcp add --transport stdio --scope user tether -- "C:\\Program Files\\nodejs\\node.exe" "C:\\Program Files\\Tether\\tether.js" mcp');
  });

  it('the file-edit-only clients have no link', () => {
    expect(CLIENTS.filter((c) => !c.oneClick).map((c) => c.id)).toEqual(['claude-desktop', 'windsurf', 'zed', 'cline', 'opencode']);
  });
});
