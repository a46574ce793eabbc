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
  /** Where the running host listens: a Unix socket in a 0700 folder, or a per-user Windows named pipe. */
  socketPath: string;
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
    socketPath: env.TETHER_SOCKET ? path.resolve(env.TETHER_SOCKET) : socketPathFor(env, configDir),
  };
}

function socketPathFor(env: NodeJS.ProcessEnv, configDir: string, platform = process.platform): string {
  if (platform === 'win32') return `\\\\.\\pipe\\tether-${(env.USERNAME || os.userInfo().username).replace(/[^\w.-]/g, '_')}`;
  // Unix sockets have a short path limit (about 104 bytes): the runtime folder when there is one.
  // A moved config folder (tests, portable installs) keeps its socket with it, so instances never meet.
  const runtime = env.XDG_RUNTIME_DIR && !env.TETHER_CONFIG_DIR ? path.join(env.XDG_RUNTIME_DIR, 'tether') : path.join(configDir, 'run');
  return path.join(runtime, 'tether.sock');
}
