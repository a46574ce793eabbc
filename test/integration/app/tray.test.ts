// The tray (src-main/app/tray.ts) over a real Engine against the sandbox, with Electron replaced by
// the recording fake in test/helpers/fake-electron.ts: Electron's binary cannot be fetched here, so
// these tests prove the shell's wiring (menu, switches, icons, settings, MCP clients told), not that
// Electron draws the menu or shows the icon so. Credentials come from the environment and every
// Engine has a temporary config folder and keychain service name: no real user file is touched.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, type Tray } from '../../helpers/fake-electron.ts';
import { createBridgeHandlers } from '../../../src-main/app/ipc/bridge-handlers.ts';
import { createTray, trayIconFile, type TrayActions } from '../../../src-main/app/tray.ts';
import { TRAY_TOOLTIP, type TrayState } from '../../../src-main/app/tray-state.ts';
import { autostartFile, xdgLoginItem } from '../../../src-main/app/xdg-autostart.ts';
import { Engine } from '../../../src-main/core/host/engine.ts';
import { McpHost } from '../../../src-main/core/host/mcp-host.ts';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { startTetherMcp } from '../../helpers/mcp-client.ts';
import { newProfile, repoRoot, type TetherProfile } from '../../helpers/run-tether.ts';

vi.mock('electron', () => import('../../helpers/fake-electron.ts'));

const resources = path.join(repoRoot, 'resources');
/** As main.ts maps states to files. */
const iconFor = (state: TrayState) => path.join(resources, trayIconFile(state));

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

const credentials = () => ({
  CONFLUENCE_URL: sandbox.siteUrl,
  CONFLUENCE_EMAIL: sandbox.seed.alice.email,
  CONFLUENCE_API_TOKEN: sandbox.seed.alice.classicToken,
  CONFLUENCE_TOKEN_TYPE: 'classic',
  JIRA_URL: sandbox.siteUrl,
  JIRA_USERNAME: sandbox.seed.alice.email,
  JIRA_API_TOKEN: sandbox.seed.alice.scopedToken,
  TETHER_ATLASSIAN_API_URL: sandbox.apiUrl,
  TETHER_RATE_LIMIT_PER_MINUTE: '0',
});

let profile: TetherProfile;
const realPlatform = process.platform;
const setPlatform = (platform: NodeJS.Platform) => Object.defineProperty(process, 'platform', { value: platform, configurable: true });

beforeEach(async () => {
  fake.reset();
  // Linux unless a test says otherwise: the menu and the icon files differ per platform.
  setPlatform('linux');
  profile = await newProfile();
  // "Start Tether at login" on Linux writes an autostart entry: never into the real ~/.config.
  vi.stubEnv('XDG_CONFIG_HOME', profile.configDir);
});
afterEach(() => {
  setPlatform(realPlatform);
  vi.unstubAllEnvs();
});

async function openTray(extraEnv: Record<string, string> = {}) {
  const engine = await Engine.open({ env: profile.env({ ...credentials(), ...extraEnv }) });
  const actions = { open: vi.fn(), quit: vi.fn(), settingsChanged: vi.fn(async () => {}) } satisfies TrayActions;
  await createTray(engine, iconFor, actions);
  expect(fake.trays).toHaveLength(1);
  return { engine, actions, tray: fake.trays[0]! };
}

const labels = (tray: Tray) => tray.contextMenu!.items.filter((i) => i.type !== 'separator' && i.visible).map((i) => i.label);
const savedSettings = async (engine: Engine) => JSON.parse(await readFile(engine.paths.settingsFile, 'utf8')) as Record<string, unknown>;

describe('the tray menu over a real engine', () => {
  it('has every state icon file it can ask for in resources/ (scripts/make-tray-icons.mjs)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      for (const state of Object.keys(TRAY_TOOLTIP) as TrayState[]) expect(existsSync(path.join(resources, trayIconFile(state, platform))), trayIconFile(state, platform)).toBe(true);
    }
  });

  it('shows the state, one connected line per product, and the switches: Allow changes and Pause off by default', async () => {
    const { tray } = await openTray();
    const host = new URL(sandbox.siteUrl).host;
    expect(labels(tray)).toEqual([
      'connected, read-only',
      expect.stringMatching(new RegExp(`^Confluence: connected to .*${host.replace(/[.]/g, '\\.')}`)),
      expect.stringMatching(new RegExp(`^Jira: connected to .*${host.replace(/[.]/g, '\\.')}`)),
      'Allow changes',
      'Pause Tether',
      'Start Tether at login',
      'Open Tether',
      'Add to an AI app…',
      'Refresh',
      'Quit Tether',
    ]);
    expect(tray.item('Allow changes')).toMatchObject({ type: 'checkbox', checked: false, enabled: true });
    expect(tray.item('Pause Tether')).toMatchObject({ type: 'checkbox', checked: false, enabled: true });
    // Opt-in: off until the user ticks it.
    expect(tray.item('Start Tether at login')).toMatchObject({ type: 'checkbox', checked: false, visible: true });
    expect(tray.toolTip).toBe(TRAY_TOOLTIP['read-only']);
    expect(tray.image.path).toBe(path.join(resources, 'tray-read-only.png'));
    expect(tray.image.isEmpty()).toBe(false);
  });

  it('says "not connected" with the faded icon when no product has a credential', async () => {
    const engine = await Engine.open({ env: profile.env({ TETHER_RATE_LIMIT_PER_MINUTE: '0' }), storedCredentials: false });
    await createTray(engine, iconFor, { open: vi.fn(), quit: vi.fn(), settingsChanged: vi.fn(async () => {}) });
    const tray = fake.trays[0]!;
    expect(labels(tray).slice(0, 3)).toEqual(['not connected: open Tether to sign in', 'Confluence: not connected', 'Jira: not connected']);
    expect(tray.image.path).toBe(path.join(resources, 'tray-not-connected.png'));
  });

  it('"Allow changes" saves writesEnabled, tells the host, and switches the icon and tooltip to changes allowed; a second click turns it off', async () => {
    const { engine, actions, tray } = await openTray();
    tray.item('Allow changes').userClick();
    await vi.waitFor(() => expect(tray.toolTip).toBe(TRAY_TOOLTIP['writes-on']));
    expect(actions.settingsChanged).toHaveBeenCalledTimes(1);
    expect(engine.settings.writesEnabled).toBe(true);
    expect((await savedSettings(engine)).writesEnabled).toBe(true);
    expect(tray.image.path).toBe(path.join(resources, 'tray-writes-on.png'));
    expect(tray.image.isEmpty()).toBe(false);
    expect(tray.item('Allow changes').checked).toBe(true);
    expect(labels(tray)[0]).toBe('connected, changes allowed');

    tray.item('Allow changes').userClick();
    await vi.waitFor(() => expect(tray.toolTip).toBe(TRAY_TOOLTIP['read-only']));
    expect((await savedSettings(engine)).writesEnabled).toBe(false);
    expect(actions.settingsChanged).toHaveBeenCalledTimes(2);
    expect(tray.item('Allow changes').checked).toBe(false);
  });

  it.each([
    ['TETHER_ENABLE_WRITES', 'true', true],
    ['READ_ONLY_MODE', 'false', true],
    ['READ_ONLY_MODE', 'true', false],
    ['TETHER_ENABLE_WRITES', 'false', false],
  ] as const)('with %s=%s in the environment "Allow changes" shows what is in force (%s) and cannot be clicked', async (name, value, on) => {
    const { actions, tray } = await openTray({ [name]: value });
    expect(tray.item('Allow changes')).toMatchObject({ checked: on, enabled: false });
    expect(tray.toolTip).toBe(TRAY_TOOLTIP[on ? 'writes-on' : 'read-only']);
    expect(() => tray.item('Allow changes').userClick()).toThrow(/cannot be clicked/);
    expect(actions.settingsChanged).not.toHaveBeenCalled();
  });

  it('"Pause Tether" saves paused, tells the host, and shows the paused icon; a second click resumes', async () => {
    const { engine, actions, tray } = await openTray();
    tray.item('Pause Tether').userClick();
    await vi.waitFor(() => expect(tray.toolTip).toBe(TRAY_TOOLTIP.paused));
    expect((await savedSettings(engine)).paused).toBe(true);
    expect(actions.settingsChanged).toHaveBeenCalledTimes(1);
    expect(tray.image.path).toBe(path.join(resources, 'tray-paused.png'));
    expect(tray.item('Pause Tether').checked).toBe(true);

    tray.item('Pause Tether').userClick();
    await vi.waitFor(() => expect(tray.toolTip).toBe(TRAY_TOOLTIP['read-only']));
    expect((await savedSettings(engine)).paused).toBe(false);
  });

  it('"Open Tether" and "Add to an AI app…" open the window, "Quit Tether" quits', async () => {
    const { actions, tray } = await openTray();
    tray.item('Open Tether').userClick();
    tray.item('Add to an AI app…').userClick();
    expect(actions.open).toHaveBeenCalledTimes(2);
    expect(actions.quit).not.toHaveBeenCalled();
    tray.item('Quit Tether').userClick();
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });

  it('on Linux "Start Tether at login" writes an XDG autostart entry (Electron keeps no login items there)', async () => {
    setPlatform('linux');
    const config = await mkdtemp(path.join(os.tmpdir(), 'tether-xdg-'));
    const entry = path.join(config, 'autostart', 'tether.desktop');
    vi.stubEnv('XDG_CONFIG_HOME', config);
    vi.stubEnv('APPIMAGE', '/home/me/Apps/Tether 1.0.AppImage');
    try {
      const { tray } = await openTray();
      expect(tray.item('Start Tether at login')).toMatchObject({ type: 'checkbox', checked: false, visible: true });
      expect(existsSync(entry)).toBe(false);
      tray.item('Start Tether at login').userClick();
      await vi.waitFor(() => expect(tray.item('Start Tether at login').checked).toBe(true));
      // The AppImage itself, not its temporary mount, quoted as the Desktop Entry spec asks.
      expect(await readFile(entry, 'utf8')).toMatch(/^Exec="\/home\/me\/Apps\/Tether 1\.0\.AppImage"$/m);
      tray.item('Start Tether at login').userClick();
      await vi.waitFor(() => expect(tray.item('Start Tether at login').checked).toBe(false));
      expect(existsSync(entry)).toBe(false);
    } finally {
      await rm(config, { recursive: true, force: true });
    }
  });

  it('an autostart entry switched off in the desktop settings counts as off', () => {
    const config = profile.configDir;
    const item = xdgLoginItem(['/opt/Tether/tether'], { XDG_CONFIG_HOME: config });
    item.set(true);
    expect(item.isOn()).toBe(true);
    const file = autostartFile({ XDG_CONFIG_HOME: config });
    writeFileSync(file, readFileSync(file, 'utf8').replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'));
    expect(item.isOn()).toBe(false);
    item.set(false);
    expect(existsSync(file)).toBe(false);
  });

  it.each(['darwin', 'win32'] as const)('on %s "Start Tether at login" is off until ticked, then the OS login item is on', async (platform) => {
    setPlatform(platform);
    const { tray } = await openTray();
    expect(tray.item('Start Tether at login')).toMatchObject({ type: 'checkbox', checked: false, visible: true });
    expect(fake.app.openAtLogin).toBe(false);
    tray.item('Start Tether at login').userClick();
    expect(fake.app.openAtLogin).toBe(true);
    await vi.waitFor(() => expect(tray.item('Start Tether at login').checked).toBe(true));
    if (platform === 'darwin') expect(tray.image.path).toBe(path.join(resources, 'trayTemplate-read-only.png'));
  });

  it('on Windows a left click on the icon opens the window; elsewhere it does not', async () => {
    setPlatform('win32');
    const win = await openTray();
    win.tray.emit('click');
    expect(win.actions.open).toHaveBeenCalledTimes(1);
    fake.reset();
    setPlatform('linux');
    const linux = await openTray();
    linux.tray.emit('click');
    expect(linux.actions.open).not.toHaveBeenCalled();
  });
});

describe('the tray, a host and a connected AI app (as main.ts wires them)', () => {
  let engine: Engine;
  let host: McpHost;
  let tray: Tray;

  beforeEach(async () => {
    engine = await Engine.open({ env: profile.env(credentials()) });
    host = new McpHost(engine, '0.0.0-test');
    await host.listenOnSocket();
    await createTray(engine, iconFor, {
      open: vi.fn(),
      quit: vi.fn(),
      settingsChanged: () => host.notifyToolsChanged(),
      onStatusChanged: (listener) => {
        host.onEvent((event) => {
          if (event.name === 'status.changed') listener();
        });
      },
    });
    tray = fake.trays[0]!;
  });
  afterEach(async () => {
    await host.close();
  });

  it('clicking "Allow changes" gives a client connected over the socket the write tools (tools/list_changed, then tools/list)', async () => {
    // `tether mcp` with no credentials of its own finds the host's socket (same config folder) and bridges to it.
    const mcp = await startTetherMcp(profile.env({}));
    try {
      expect(host.sessions).toBe(1);
      const before = (await mcp.client.listTools()).tools.map((t) => t.name);
      expect(before).toContain('confluence_get_page');
      expect(before).not.toContain('confluence_create_page');
      const heard = new Promise<void>((resolve) => mcp.client.setNotificationHandler('notifications/tools/list_changed', () => resolve()));
      tray.item('Allow changes').userClick();
      await heard;
      const after = (await mcp.client.listTools()).tools.map((t) => t.name);
      expect(after).toEqual(expect.arrayContaining(['confluence_create_page', 'jira_create_issue']));

      const paused = new Promise<void>((resolve) => mcp.client.setNotificationHandler('notifications/tools/list_changed', () => resolve()));
      tray.item('Pause Tether').userClick();
      await paused;
      expect((await mcp.client.listTools()).tools).toEqual([]);
    } finally {
      await mcp.close();
    }
  });

  it('follows a switch turned in the window (the Bridge): icon, tooltip and checkbox update without a click on the tray', async () => {
    const handlers = createBridgeHandlers(host);
    expect(tray.item('Allow changes').checked).toBe(false);
    await handlers['settings.setWrites'](true);
    await vi.waitFor(() => expect(tray.toolTip).toBe(TRAY_TOOLTIP['writes-on']));
    expect(tray.item('Allow changes').checked).toBe(true);
    expect(tray.image.path).toBe(path.join(resources, 'tray-writes-on.png'));
    await handlers['settings.setPaused'](true);
    await vi.waitFor(() => expect(tray.toolTip).toBe(TRAY_TOOLTIP.paused));
  });
});
