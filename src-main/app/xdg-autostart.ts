// "Start Tether at login" on Linux: Electron keeps login items on macOS and Windows only, so there
// Tether writes an XDG autostart entry (~/.config/autostart/tether.desktop), which GNOME, KDE, Xfce
// and the rest start at login. Plain Node, so it is tested without Electron.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LoginItem {
  isOn(): boolean;
  set(on: boolean): void;
}

/** $XDG_CONFIG_HOME/autostart/tether.desktop (~/.config when unset, as the spec says). */
export function autostartFile(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(os.homedir(), '.config');
  return path.join(config, 'autostart', 'tether.desktop');
}

/** An argument of Exec=, quoted as the Desktop Entry spec asks ("…" with \ " ` $ escaped). */
function execArgument(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

/** `command`: how this Tether is started (an AppImage's own path, the installed binary, or Electron + app folder). */
export function desktopEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Tether',
    'Comment=Connect Confluence and Jira to your AI assistant',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** On when the entry exists and is not switched off (Hidden=true or X-GNOME-Autostart-enabled=false). */
export function xdgLoginItem(command: readonly string[], env: NodeJS.ProcessEnv = process.env): LoginItem {
  const file = autostartFile(env);
  return {
    isOn() {
      if (!existsSync(file)) return false;
      const text = readFileSync(file, 'utf8');
      return !/^Hidden\s*=\s*true\s*$/m.test(text) && !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/m.test(text);
    },
    set(on) {
      if (!on) return rmSync(file, { force: true });
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, desktopEntry(command), { mode: 0o644 });
    },
  };
}
