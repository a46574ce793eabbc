// "Connect to AI apps" in a real browser against `tether serve --ui`, with HOME pointed at a temporary
// folder: Cursor's file (another server, odd formatting) gets Tether's entry and nothing else changes
// — proved by the CLI's own --remove giving back the original bytes — and Remove restores them too.
// Run under scripts/keychain-session.sh like the other window tests (the host opens the keychain).
import { copyFile, mkdir, mkdtemp, readFile, realpath, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProfile, runTether, tetherBin, type TetherProfile } from '../../helpers/run-tether.ts';
import { ARTIFACTS, launchChromium, startUiHost, type UiHost } from './window-harness.ts';

// Tabs, spaces before colons, no final newline: formatting a careless rewrite would not keep.
const ORIGINAL = '{\n\t"mcpServers" : {\n\t\t"other":   { "command": "/usr/bin/other", "args": ["--x"] }\n\t},\n  "theme":"dark"   }';
// A Claude Desktop file with a syntax error on line 3: the row must say where, and leave it alone.
const BROKEN = '{\n  "mcpServers": {\n    "x": { "command": "a", }\n  }\n}\n';

let home: string;
let profile: TetherProfile;
let host: UiHost;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const cursorFile = () => path.join(home, '.cursor', 'mcp.json');
const claudeFile = () => path.join(home, '.config', 'Claude', 'claude_desktop_config.json');
const homeEnv = (dir: string) => ({ HOME: dir, XDG_CONFIG_HOME: path.join(dir, '.config'), APPDATA: undefined });

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  home = await mkdtemp(path.join(os.tmpdir(), 'tether-home-'));
  await mkdir(path.dirname(cursorFile()), { recursive: true });
  await writeFile(cursorFile(), ORIGINAL);
  await mkdir(path.dirname(claudeFile()), { recursive: true });
  await writeFile(claudeFile(), BROKEN);
  profile = await newProfile();
  host = await startUiHost(profile, { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 360, height: 560 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
const cursorRow = () => page.getByRole('listitem', { name: 'Cursor', exact: true });

describe('Connect to AI apps', () => {
  it('lists the apps; a malformed file is named with line and column and left alone', async () => {
    await page.goto(host.url);
    await page.getByRole('tab', { name: 'Connect to AI apps' }).click();
    await page.getByRole('heading', { name: 'Connect to AI apps' }).waitFor();
    await expect.poll(() => cursorRow().textContent()).toContain('Not added');
    const claude = page.getByRole('listitem', { name: 'Claude Desktop', exact: true });
    expect(await claude.textContent()).toMatch(/claude_desktop_config\.json:3:\d+.*left the file unchanged/);
    expect(await readFile(claudeFile(), 'utf8')).toBe(BROKEN);

    // Cursor's one-click link: copied as-is, with no secret in it (only the command that starts Tether).
    await cursorRow().getByText('One-click link').click();
    await cursorRow().getByRole('button', { name: 'Copy cursor link' }).click();
    await expect.poll(() => cursorRow().textContent()).toContain('Copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^cursor:\/\/anysphere\.cursor-deeplink\/mcp\/install\?name=tether&config=/);
    await shot('apps-1-list');
  });

  it('"Add to Cursor" merges Tether\'s entry and changes nothing else', async () => {
    await cursorRow().getByRole('button', { name: 'Add to Cursor' }).click();
    await expect.poll(() => cursorRow().textContent()).toContain('Added Tether to Cursor.');
    expect(await cursorRow().textContent()).toContain('Next: Cursor picks the change up by itself');
    await cursorRow().getByRole('button', { name: 'Remove Tether from Cursor' }).waitFor();
    await shot('apps-2-added');

    const added = await readFile(cursorFile(), 'utf8');
    expect(JSON.parse(added).mcpServers.tether).toEqual({ command: process.execPath, args: [await realpath(tetherBin), 'mcp'] });
    expect(JSON.parse(added).mcpServers.other).toEqual({ command: '/usr/bin/other', args: ['--x'] });
    // The CLI takes the entry out of a copy: what is left must be the user's file, byte for byte.
    const other = await mkdtemp(path.join(os.tmpdir(), 'tether-home-'));
    await mkdir(path.join(other, '.cursor'));
    await copyFile(cursorFile(), path.join(other, '.cursor', 'mcp.json'));
    const removed = await runTether(['export', 'cursor', '--remove'], { env: profile.env(homeEnv(other)) });
    expect(removed.code, removed.stderr).toBe(0);
    expect(await readFile(path.join(other, '.cursor', 'mcp.json'), 'utf8')).toBe(ORIGINAL);
  });

  it('"Remove" gives the original file back, byte for byte', async () => {
    await cursorRow().getByRole('button', { name: 'Remove Tether from Cursor' }).click();
    await expect.poll(() => cursorRow().textContent()).toContain('Removed Tether from Cursor.');
    await cursorRow().getByRole('button', { name: 'Add to Cursor' }).waitFor();
    expect(await readFile(cursorFile(), 'utf8')).toBe(ORIGINAL);
    await shot('apps-3-removed');
  });
});
