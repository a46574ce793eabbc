// Where the user's folders are, taken from the environment (HOME, APPDATA, XDG_CONFIG_HOME) so tests can
// point every client at a temporary home.
import os from 'node:os';
import path from 'node:path';

export interface ExportEnvironment {
  platform: NodeJS.Platform;
  home: string;
  /** %APPDATA% (Windows only). */
  appData?: string;
  /** $XDG_CONFIG_HOME (Linux), defaulting to ~/.config. */
  xdgConfigHome?: string;
}

export function exportEnvironment(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ExportEnvironment {
  const home = (platform === 'win32' ? (env.USERPROFILE ?? env.HOME) : env.HOME) || os.homedir();
  return {
    platform,
    home,
    ...(env.APPDATA ? { appData: env.APPDATA } : {}),
    ...(env.XDG_CONFIG_HOME ? { xdgConfigHome: env.XDG_CONFIG_HOME } : {}),
  };
}

/** path.join with the target platform's separator (a Windows layout can be computed on Linux in tests). */
export function join(env: ExportEnvironment, ...parts: string[]): string {
  return env.platform === 'win32' ? path.win32.join(...parts) : path.posix.join(...parts);
}

export function inHome(env: ExportEnvironment, ...parts: string[]): string {
  return join(env, env.home, ...parts);
}

/** The per-user application-settings folder: Application Support on macOS, %APPDATA% on Windows, XDG on Linux. */
export function appSettingsDir(env: ExportEnvironment, ...parts: string[]): string {
  if (env.platform === 'darwin') return join(env, env.home, 'Library', 'Application Support', ...parts);
  if (env.platform === 'win32') return join(env, env.appData ?? join(env, env.home, 'AppData', 'Roaming'), ...parts);
  return xdgConfig(env, ...parts);
}

/** ~/.config (or $XDG_CONFIG_HOME) — also what several cross-platform CLIs use on macOS. */
export function xdgConfig(env: ExportEnvironment, ...parts: string[]): string {
  return join(env, env.platform === 'linux' && env.xdgConfigHome ? env.xdgConfigHome : join(env, env.home, '.config'), ...parts);
}
