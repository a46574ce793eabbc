// `tether export` as a user runs it: the built CLI, HOME pointed at a temporary folder. And the proof
// that counts: a real MCP client starts exactly the command an exported config holds, with no PATH.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { cleanEnv, newProfile, runTether, tetherBin } from '../../helpers/run-tether.ts';

let home: string;
const env = () => cleanEnv({ HOME: home, XDG_CONFIG_HOME: undefined, APPDATA: undefined });
const tether = (...args: string[]) => runTether(['export', ...args], { env: env() });
const claudeFile = () => path.join(home, '.config', 'Claude', 'claude_desktop_config.json');

beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'tether-export-home-'));
});

describe('tether export', () => {
  it('lists every client with whether it is installed, Tether’s status and the file', async () => {
    await mkdir(path.join(home, '.cursor'));
    await mkdir(path.join(home, '.codex'));
    await writeFile(path.join(home, '.codex', 'config.toml'), '[mcp_servers.tether]\ncommand = "/old/node"\nargs = ["/old/tether.js", "mcp"]\n');
    const result = await tether('--list');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^CLIENT\s+INSTALLED\s+STATUS\s+CONFIG FILE$/);
    expect(lines).toHaveLength(13);
    expect(result.stdout).toMatch(new RegExp(`cursor\\s+yes\\s+not added\\s+${path.join(home, '.cursor', 'mcp.json')}`));
    expect(result.stdout).toMatch(/codex\s+yes\s+outdated — run --write/);
    expect(result.stdout).toMatch(/goose\s+no\s+not installed/);
  });

  it('prints the entry without writing, writes it, and removes it leaving the original bytes', async () => {
    const original = '{\r\n  "mcpServers": {\r\n    "filesystem": {\r\n      "command": "npx",\r\n      "args": ["-y", "@modelcontextprotocol/server-filesystem", "C:\\\\Users\\\\ann"]\r\n    }\r\n  },\r\n  "preferences": {\r\n    "menuBarEnabled": false\r\n  }\r\n}\r\n';
    await mkdir(path.dirname(claudeFile()), { recursive: true });
    await writeFile(claudeFile(), original);

    const printed = await tether('claude-desktop', '--print');
    expect(printed.stdout).toContain(`"command": ${JSON.stringify(process.execPath)}`);
    expect(await readFile(claudeFile(), 'utf8')).toBe(original);

    const written = await tether('claude-desktop', '--write');
    expect(written.stdout).toMatch(/^Added Tether to Claude Desktop: .*\nBackup of the previous file: .*tether-backup-.*\nQuit Claude Desktop completely/);
    const config = JSON.parse(await readFile(claudeFile(), 'utf8'));
    expect(config.mcpServers.tether).toEqual({ command: process.execPath, args: [tetherBin, 'mcp'] });
    expect(config.preferences).toEqual({ menuBarEnabled: false });
    expect((await tether('claude-desktop', '--write')).stdout).toMatch(/already in Claude Desktop's configuration/);

    expect((await tether('claude-desktop', '--remove')).code).toBe(0);
    expect(await readFile(claudeFile(), 'utf8')).toBe(original);
  });

  it('prints one-click links and commands', async () => {
    expect((await tether('cursor', '--link')).stdout).toMatch(/^Open this link:\ncursor:\/\/anysphere\.cursor-deeplink\/mcp\/install\?name=tether&config=/);
    expect((await tether('claude-code', '--link')).stdout).toContain(`claude mcp add --transport stdio --scope user tether -- ${process.execPath} ${tetherBin} mcp`);
    expect((await tether('windsurf', '--link')).stdout).toMatch(/no one-click link: run `tether export windsurf --write`/);
  });

  it('refuses a malformed file, saying where, and leaves it alone', async () => {
    const broken = '{\n  "mcpServers": {\n    "a": {"command": "x"}\n    "b": {}\n  }\n}\n';
    await mkdir(path.dirname(claudeFile()), { recursive: true });
    await writeFile(claudeFile(), broken);
    const result = await tether('claude-desktop', '--write');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${claudeFile()}:4:5: not valid JSON: CommaExpected (line 4, column 5). Tether left the file unchanged`);
    expect(await readFile(claudeFile(), 'utf8')).toBe(broken);
    expect(await readdir(path.dirname(claudeFile()))).toEqual(['claude_desktop_config.json']);
  });

  it('names the known clients when given an unknown one', async () => {
    const result = await tether('chatgpt');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"chatgpt" is not a client Tether knows: use one of claude-desktop, claude-code, cursor, vscode, windsurf, zed, cline, gemini, codex, opencode, lmstudio, goose\./);
  });
});

describe('an exported Claude Desktop entry', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('starts Tether for a real MCP client with an empty PATH and no secret in the file', async () => {
    expect((await tether('claude-desktop', '--write')).code).toBe(0);
    const text = await readFile(claudeFile(), 'utf8');
    const { command, args, ...rest } = JSON.parse(text).mcpServers.tether as { command: string; args: string[] };
    expect(rest).toEqual({});
    expect(text).not.toContain(sandbox.seed.alice.classicToken);

    const profile = await newProfile();
    const emptyBin = await mkdtemp(path.join(os.tmpdir(), 'tether-no-path-'));
    // Only what an AI app would hand over: no PATH to find node or tether with. Credentials come from the
    // test's environment (as a signed-in user's keychain would provide them), never from the config file.
    const childEnv: Record<string, string> = {
      PATH: emptyBin,
      HOME: home,
      TETHER_CONFIG_DIR: profile.configDir,
      TETHER_KEYCHAIN_SERVICE: profile.keychainService,
      CONFLUENCE_URL: sandbox.siteUrl,
      CONFLUENCE_EMAIL: sandbox.seed.alice.email,
      CONFLUENCE_API_TOKEN: sandbox.seed.alice.classicToken,
      TETHER_RATE_LIMIT_PER_MINUTE: '0',
    };
    const transport = new StdioClientTransport({ command, args, env: childEnv, cwd: emptyBin, stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'claude-desktop-stand-in', version: '1.0.0' });
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name), stderr).toContain('confluence_list_spaces');
      const result = await client.callTool({ name: 'confluence_list_spaces', arguments: { limit: 1 } });
      expect(result.isError, stderr).not.toBe(true);
    } finally {
      await client.close();
    }
  });
});
