// The shell's entry (src-main/app/main.ts) started for real — engine, MCP host on its socket, Bridge
// IPC, window controller, tray — with Electron replaced by the recording fake in
// test/helpers/fake-electron.ts, because Electron's binary cannot be fetched here. It proves main.ts
// connects the pieces to each other; not that Electron starts it so (app lifecycle, the real window,
// the preload). The engine reads process.env, so the test gives it a temporary config folder, its own
// keychain service name and sandbox credentials: no real user file is touched.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as FakeElectron from '../../helpers/fake-electron.ts';
import { TRAY_TOOLTIP } from '../../../src-main/app/tray-state.ts';
import { BRIDGE_EVENT_CHANNEL } from '../../../src-main/shared/bridge-events.ts';
import { bridgeChannels } from '../../../src-main/shared/bridge.ts';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { repoRoot } from '../../helpers/run-tether.ts';

vi.mock('electron', () => import('../../helpers/fake-electron.ts'));

const LEAKY = /^(TETHER_|CONFLUENCE_|JIRA_|CTK_|ATLASSIAN_|READ_ONLY_MODE|ENABLED_TOOLS|TOOLSETS)/;
const appDir = path.join(repoRoot, 'src-main', 'app');
const ourPage = pathToFileURL(path.join(repoRoot, 'src-main', 'renderer', 'index.html')).href;
const mainFrame = (url: string) => ({ url, parent: null });

let sandbox: Sandbox;
let configDir: string;
const savedArgv = process.argv;

/** A fresh main.ts run with a fresh fake Electron (main.ts does its work at import time). */
async function startMain(setUp: (fake: typeof FakeElectron.fake) => void = () => {}) {
  vi.resetModules();
  // The 'electron' main.ts will see (vitest keeps the mocked module across resetModules).
  const electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.fake.reset();
  setUp(electron.fake);
  await import('../../../src-main/app/main.ts');
  return electron.fake;
}

beforeAll(async () => {
  sandbox = await startSandbox();
  configDir = await mkdtemp(path.join(os.tmpdir(), 'tether-main-'));
  for (const key of Object.keys(process.env)) if (LEAKY.test(key)) vi.stubEnv(key, undefined);
  vi.stubEnv('TETHER_CONFIG_DIR', configDir);
  vi.stubEnv('TETHER_KEYCHAIN_SERVICE', `tether-test-main-${process.pid}`);
  vi.stubEnv('TETHER_RATE_LIMIT_PER_MINUTE', '0');
  vi.stubEnv('CONFLUENCE_URL', sandbox.siteUrl);
  vi.stubEnv('CONFLUENCE_EMAIL', sandbox.seed.alice.email);
  vi.stubEnv('CONFLUENCE_API_TOKEN', sandbox.seed.alice.classicToken);
  vi.stubEnv('CONFLUENCE_TOKEN_TYPE', 'classic');
  vi.stubGlobal('TETHER_VERSION', '0.0.0-test');
  process.argv = [process.argv[0]!, path.join(appDir, 'main.js')];
});
afterAll(async () => {
  process.argv = savedArgv;
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  await sandbox?.close();
});

describe('main.ts in tray mode', () => {
  let fake: typeof FakeElectron.fake;
  beforeAll(async () => {
    fake = await startMain();
  });
  afterAll(() => {
    // What Electron emits on quit: main.ts closes the host (and its socket) then.
    fake?.app.emit('will-quit');
  });

  it('hardens every web contents, registers the Bridge, opens the MCP socket and shows the tray icon', () => {
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...bridgeChannels].sort());
    expect(existsSync(path.join(configDir, 'run', 'tether.sock'))).toBe(true);
    expect(fake.trays).toHaveLength(1);
    expect(fake.trays[0]!.image.isEmpty()).toBe(false);
    expect(fake.trays[0]!.toolTip).toBe(TRAY_TOOLTIP['read-only']);
  });

  it('answers Bridge calls from its own page only', async () => {
    expect(await fake.invoke('status.get', mainFrame(ourPage))).toMatchObject({ ok: true, value: { confluence: { authenticated: true } } });
    expect(await fake.invoke('status.get', mainFrame('https://evil.example/'))).toMatchObject({ ok: false });
  });

  it('a second start shows the one window, with the preload next to main', () => {
    fake.app.emit('second-instance');
    fake.app.emit('second-instance');
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.options.webPreferences).toMatchObject({ preload: path.join(appDir, 'preload.cjs'), sandbox: true });
  });

  it('"Allow changes" in the tray reaches the open window as a status.changed notice', async () => {
    const win = fake.windows[0]!;
    fake.trays[0]!.item('Allow changes').userClick();
    await vi.waitFor(() => expect(win.webContents.sent).toContainEqual({ channel: BRIDGE_EVENT_CHANNEL, args: [{ name: 'status.changed' }] }));
    await vi.waitFor(() => expect(fake.trays[0]!.toolTip).toBe(TRAY_TOOLTIP['writes-on']));
  });

  it('a switch turned in the window updates the tray', async () => {
    expect(await fake.invoke('settings.setPaused', mainFrame(ourPage), true)).toMatchObject({ ok: true, value: { paused: true } });
    await vi.waitFor(() => expect(fake.trays[0]!.toolTip).toBe(TRAY_TOOLTIP.paused));
    expect(fake.trays[0]!.item('Pause Tether').checked).toBe(true);
    await fake.invoke('settings.setPaused', mainFrame(ourPage), false);
    await vi.waitFor(() => expect(fake.trays[0]!.toolTip).toBe(TRAY_TOOLTIP['writes-on']));
  });

  it('"Quit Tether" quits the app', () => {
    fake.trays[0]!.item('Quit Tether').userClick();
    expect(fake.app.quitCalls).toBe(1);
  });
});

describe('main.ts when another Tether already runs', () => {
  it('quits at once: no tray, no IPC, no window hardening', async () => {
    const fake = await startMain((f) => (f.app.singleInstanceLock = false));
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.trays).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.app.listenerCount('web-contents-created')).toBe(0);
  });
});
