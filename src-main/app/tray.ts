// The tray icon and its menu: the state at a glance (tooltip, and title on macOS), one status line
// per product, and the switches people reach for: "Allow changes" and "Pause". The menu is rebuilt
// when something changes, so it always tells the truth.
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { Engine } from '../core/host/engine.ts';
import { toolPolicyFrom } from '../core/mcp/tool-policy.ts';
import type { ProductStatus } from '../shared/status.ts';
import { loginItemFor } from './login-item.ts';
import { TRAY_TOOLTIP, trayState, type TrayState } from './tray-state.ts';

export function statusLine(s: ProductStatus): string {
  const title = s.product === 'jira' ? 'Jira' : 'Confluence';
  if (s.authenticated) return `${title}: connected to ${s.site ?? 'site'}${s.tokenType ? ` (${s.tokenType})` : ''}`;
  return `${title}: ${s.source ? 'needs attention' : 'not connected'}`;
}

export interface TrayActions {
  /** Shows Tether's window. */
  open: () => void;
  quit: () => void;
  /** A switch changed: connected AI apps must hear it (tools/list_changed). */
  settingsChanged: () => Promise<void>;
  /** Calls `listener` whenever the status or a switch changed elsewhere (the window, a sign-in, the settings file). */
  onStatusChanged?: (listener: () => void) => void;
}

/** The icon file for a state, in resources/ (made by scripts/make-tray-icons.mjs). macOS wants monochrome template images (it tints them); elsewhere the coloured badges show the state. */
export function trayIconFile(state: TrayState, platform: NodeJS.Platform = process.platform): string {
  return platform === 'darwin' ? `trayTemplate-${state}.png` : `tray-${state}.png`;
}

/** `iconFor(state)`: the icon file for a state (see scripts/make-tray-icons.mjs). */
export async function createTray(engine: Engine, iconFor: (state: TrayState) => string, actions: TrayActions): Promise<Tray> {
  const tray = new Tray(nativeImage.createFromPath(iconFor('not-connected')));
  const loginItem = loginItemFor();
  // Windows users expect a left click on the icon to open the app; elsewhere it opens the menu.
  if (process.platform === 'win32') tray.on('click', actions.open);
  const change = async (patch: { writesEnabled?: boolean; paused?: boolean }) => {
    await engine.updateSettings(patch);
    await actions.settingsChanged();
    await refresh();
  };
  const refresh = async (): Promise<void> => {
    const status = await engine.status();
    // The environment can force writes on or off; the menu shows what is in force.
    const policy = toolPolicyFrom(engine.env, engine.settings);
    const paused = engine.settings.paused === true;
    const state = trayState(status, { writesEnabled: policy.writesEnabled, paused });
    tray.setImage(nativeImage.createFromPath(iconFor(state)));
    tray.setToolTip(TRAY_TOOLTIP[state]);
    if (process.platform === 'darwin') tray.setTitle(state === 'writes-on' ? '✎' : state === 'paused' ? '⏸' : state === 'error' ? '!' : '');
    const items: MenuItemConstructorOptions[] = [
      { label: TRAY_TOOLTIP[state].replace(/^Tether — /, ''), enabled: false },
      { label: statusLine(status.confluence), enabled: false },
      { label: statusLine(status.jira), enabled: false },
      { type: 'separator' },
      {
        label: 'Allow changes',
        type: 'checkbox',
        checked: policy.writesEnabled,
        // Set by TETHER_ENABLE_WRITES / READ_ONLY_MODE: the menu cannot override the environment.
        enabled: policy.writesSource === 'settings',
        click: () => void change({ writesEnabled: !policy.writesEnabled }),
      },
      { label: 'Pause Tether', type: 'checkbox', checked: paused, click: () => void change({ paused: !paused }) },
      {
        // Opt-in: off until the user ticks it (the OS keeps the setting, per user).
        label: 'Start Tether at login',
        visible: loginItem !== undefined,
        type: 'checkbox',
        checked: loginItem?.isOn() ?? false,
        click: () => {
          loginItem?.set(!loginItem.isOn());
          void refresh();
        },
      },
      { type: 'separator' },
      { label: 'Open Tether', click: actions.open },
      { label: 'Add to an AI app…', click: actions.open },
      { label: 'Refresh', click: () => void refresh() },
      { type: 'separator' },
      { label: 'Quit Tether', click: actions.quit },
    ];
    tray.setContextMenu(Menu.buildFromTemplate(items));
  };
  actions.onStatusChanged?.(() => void refresh());
  await refresh();
  return tray;
}
