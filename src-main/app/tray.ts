// The tray icon and its menu: one status line per product, refreshed when the menu opens.
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { Engine } from '../core/host/engine.ts';
import type { ProductStatus } from '../shared/status.ts';

export function statusLine(s: ProductStatus): string {
  const title = s.product === 'jira' ? 'Jira' : 'Confluence';
  if (s.authenticated) return `${title}: connected to ${s.site ?? 'site'}${s.tokenType ? ` (${s.tokenType})` : ''}`;
  return `${title}: not connected`;
}

export interface TrayActions {
  /** Shows Tether's window. */
  open: () => void;
  quit: () => void;
}

export async function createTray(engine: Engine, iconPath: string, actions: TrayActions): Promise<Tray> {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Tether');
  // Windows users expect a left click on the icon to open the app; elsewhere it opens the menu.
  if (process.platform === 'win32') tray.on('click', actions.open);
  const refresh = async () => {
    const status = await engine.status();
    const items: MenuItemConstructorOptions[] = [
      { label: 'Open Tether', click: actions.open },
      { type: 'separator' },
      { label: statusLine(status.confluence), enabled: false },
      { label: statusLine(status.jira), enabled: false },
      { type: 'separator' },
      { label: 'Refresh', click: () => void refresh() },
      { label: 'Quit Tether', click: actions.quit },
    ];
    tray.setContextMenu(Menu.buildFromTemplate(items));
  };
  await refresh();
  return tray;
}
