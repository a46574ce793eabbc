// The "Connect to AI apps" channels over a temporary home: statuses, add then remove, and the errors
// the window shows as one sentence (unknown app, no launch command, a file that does not parse).
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppsHandlers } from '../../../../src-main/core/host/bridge/apps-handlers.ts';
import { exportEnvironment } from '../../../../src-main/core/export/environment.ts';

const launch = { command: '/usr/bin/node', args: ['/opt/tether/dist/cli/tether.js', 'mcp'] };

async function tempHome() {
  const home = await mkdtemp(path.join(os.tmpdir(), 'tether-apps-'));
  return { home, environment: () => exportEnvironment({ HOME: home }, 'linux') };
}

describe('apps handlers', () => {
  it('lists every app, adds and removes Tether in Cursor', async () => {
    const { home, environment } = await tempHome();
    await mkdir(path.join(home, '.cursor'));
    const apps = createAppsHandlers({ launch, environment });
    const cursor = (await apps['apps.list']()).find((a) => a.id === 'cursor')!;
    expect(cursor).toMatchObject({ name: 'Cursor', installed: true, status: 'not-added', configPath: path.join(home, '.cursor', 'mcp.json') });
    expect(cursor.oneClick?.[0]?.kind).toBe('link');
    expect(await apps['apps.add']('cursor')).toMatchObject({ change: 'added', nextStep: expect.stringContaining('Settings → MCP') });
    expect(JSON.parse(await readFile(cursor.configPath, 'utf8')).mcpServers.tether).toEqual(launch);
    expect((await apps['apps.list']()).find((a) => a.id === 'cursor')?.status).toBe('added');
    expect((await apps['apps.add']('cursor')).change).toBe('unchanged');
    expect((await apps['apps.remove']('cursor')).change).toBe('removed');
    expect((await apps['apps.remove']('cursor')).change).toBe('absent');
  });

  it('a malformed file is "broken" in the list, and adding names file:line:col and leaves it alone', async () => {
    const { home, environment } = await tempHome();
    const file = path.join(home, '.cursor', 'mcp.json');
    await mkdir(path.dirname(file));
    await writeFile(file, '{\n  "mcpServers": {,\n}');
    const apps = createAppsHandlers({ launch, environment });
    const cursor = (await apps['apps.list']()).find((a) => a.id === 'cursor')!;
    expect(cursor.status).toBe('broken');
    expect(cursor.problem).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:2:\\d+: .*left the file unchanged`));
    await expect(apps['apps.add']('cursor')).rejects.toThrow(/mcp\.json:2:\d+: .*left the file unchanged/);
    expect(await readFile(file, 'utf8')).toBe('{\n  "mcpServers": {,\n}');
  });

  it('refuses an unknown app, and adding without a launch command', async () => {
    const { environment } = await tempHome();
    await expect(createAppsHandlers({ launch, environment })['apps.add']('notepad')).rejects.toThrow('Tether does not know an AI app called "notepad".');
    await expect(createAppsHandlers({ environment })['apps.add']('cursor')).rejects.toThrow(/does not know the command AI apps should start it with/);
  });
});
