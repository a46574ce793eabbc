// "Start Tether at login", per platform: Electron's login items on macOS and Windows, an XDG
// autostart entry on Linux (Electron has none there). Off until the user ticks it.
import { app } from 'electron';
import { xdgLoginItem, type LoginItem } from './xdg-autostart.ts';

/** How the OS should start this Tether at login: the AppImage itself (not its temporary mount), the installed binary, or Electron + this app folder. */
function startCommand(env: NodeJS.ProcessEnv): string[] {
  if (env.APPIMAGE) return [env.APPIMAGE];
  return app.isPackaged ? [process.execPath] : [process.execPath, app.getAppPath()];
}

/** undefined where Tether cannot start at login (the switch is then not shown). */
export function loginItemFor(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): LoginItem | undefined {
  if (platform === 'darwin' || platform === 'win32') {
    return { isOn: () => app.getLoginItemSettings().openAtLogin, set: (on) => app.setLoginItemSettings({ openAtLogin: on }) };
  }
  if (platform === 'linux') return xdgLoginItem(startCommand(env), env);
  return undefined;
}
