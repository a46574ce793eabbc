// Where Tether keeps its files, per platform. TETHER_CONFIG_DIR moves everything (tests, portable installs).
import os from 'node:os';
import path from 'node:path';

export interface TetherPaths {
  configDir: string;
  settingsFile: string;
  /** The 0600 credentials file used only when the user chose the file store. */
  credentialsFile: string;
  logDir: string;
  downloadsDir: string;
}

export function platformConfigDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = env.HOME || env.USERPROFILE || os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Tether');
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Tether');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'tether');
}

export function resolvePaths(env: NodeJS.ProcessEnv = process.env): TetherPaths {
  const configDir = env.TETHER_CONFIG_DIR ? path.resolve(env.TETHER_CONFIG_DIR) : platformConfigDir(env);
  return {
    configDir,
    settingsFile: path.join(configDir, 'settings.json'),
    credentialsFile: env.TETHER_CREDENTIALS_FILE ? path.resolve(env.TETHER_CREDENTIALS_FILE) : path.join(configDir, 'credentials.json'),
    logDir: path.join(configDir, 'logs'),
    downloadsDir: path.join(configDir, 'downloads'),
  };
}
