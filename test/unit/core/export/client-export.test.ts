// The engine against real files in a temporary home: states, backups, permissions, refusals.
import { chmod, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { clientReport, previewWrite, removeEntry, writeEntry } from '../../../../src-main/core/export/client-export.ts';
import { findClient } from '../../../../src-main/core/export/clients/index.ts';
import { exportEnvironment, type ExportEnvironment } from '../../../../src-main/core/export/environment.ts';
import { nodeLaunchCommand } from '../../../../src-main/core/export/launch-command.ts';

const launch = nodeLaunchCommand('/opt/tether/dist/cli/tether.js', '/usr/bin/node');
let home: string;
let env: ExportEnvironment;

beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'tether-export-'));
  env = exportEnvironment({ HOME: home }, 'linux');
});

describe('exporting to a client', () => {
  it('walks not installed → not added → added → outdated → added → not added', async () => {
    const cursor = findClient('cursor')!;
    expect((await clientReport(cursor, launch, env)).state).toBe('not-installed');
    await mkdir(path.join(home, '.cursor'));
    expect(await clientReport(cursor, launch, env)).toEqual({ id: 'cursor', name: 'Cursor', installed: true, state: 'not-added', configPath: path.join(home, '.cursor', 'mcp.json') });
    expect(await writeEntry(cursor, launch, env)).toEqual({ configPath: path.join(home, '.cursor', 'mcp.json'), change: 'added' });
    expect((await clientReport(cursor, launch, env)).state).toBe('added');
    expect(await writeEntry(cursor, launch, env)).toMatchObject({ change: 'unchanged' });
    const moved = nodeLaunchCommand('/new/place/tether.js', '/usr/bin/node');
    expect((await clientReport(cursor, moved, env)).state).toBe('outdated');
    expect(await writeEntry(cursor, moved, env)).toMatchObject({ change: 'updated', backup: expect.stringContaining('mcp.json.tether-backup-') });
    expect((await removeEntry(cursor, env)).change).toBe('removed');
    expect((await clientReport(cursor, launch, env)).state).toBe('not-added');
    expect((await removeEntry(cursor, env)).change).toBe('absent');
  });

  it('backs up, keeps the mode, and add-then-remove gives back the original bytes', async () => {
    const file = path.join(home, '.config', 'Claude', 'claude_desktop_config.json');
    const original = '\uFEFF{\r\n  "mcpServers": {\r\n    "fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"]}\r\n  },\r\n  "preferences": {"menuBarEnabled": false}\r\n}\r\n';
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, original);
    await chmod(file, 0o640);
    const claude = findClient('claude-desktop')!;
    const added = await writeEntry(claude, launch, env);
    expect(await readFile(added.backup!, 'utf8')).toBe(original);
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    await removeEntry(claude, env);
    expect(await readFile(file, 'utf8')).toBe(original);
    expect((await readdir(path.dirname(file))).filter((f) => f.includes('tether-backup'))).toHaveLength(2);
    expect((await readdir(path.dirname(file))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps what the user tuned in the app (Cline autoApprove), and does not call it outdated', async () => {
    const cline = findClient('cline')!;
    await writeEntry(cline, launch, env);
    const file = cline.configPath(env);
    const text = (await readFile(file, 'utf8')).replace('"autoApprove": []', '"autoApprove": ["confluence_search"]');
    await writeFile(file, text);
    expect((await clientReport(cline, launch, env)).state).toBe('added');
    const moved = nodeLaunchCommand('/new/tether.js', '/usr/bin/node');
    await writeEntry(cline, moved, env);
    expect(JSON.parse(await readFile(file, 'utf8')).mcpServers.tether).toEqual({ command: '/usr/bin/node', args: ['/new/tether.js', 'mcp'], disabled: false, autoApprove: ['confluence_search'] });
  });

  it('leaves a malformed file untouched and says where it is broken', async () => {
    const gemini = findClient('gemini')!;
    const file = gemini.configPath(env);
    const broken = '{\n  // fine\n  "mcpServers": {\n    "a": {"command": "x"},,\n  }\n}\n';
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, broken);
    await expect(writeEntry(gemini, launch, env)).rejects.toThrow(`${file}:4:27: not valid JSON (with comments): PropertyNameExpected (line 4, column 27). Tether left the file unchanged`);
    await expect(clientReport(gemini, launch, env)).rejects.toThrow(/line 4/);
    expect(await readFile(file, 'utf8')).toBe(broken);
    expect(await readdir(path.dirname(file))).toEqual(['settings.json']);
  });

  it('previews without writing', async () => {
    const preview = await previewWrite(findClient('codex')!, launch, env);
    expect(preview.text).toBe('[mcp_servers.tether]\ncommand = "/usr/bin/node"\nargs = [ "/opt/tether/dist/cli/tether.js", "mcp" ]\n');
    await expect(stat(preview.configPath)).rejects.toThrow(/ENOENT/);
  });
});
