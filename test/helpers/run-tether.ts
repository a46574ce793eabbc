// Runs the built `tether` command the way a user does: a separate process, a clean environment,
// its own config folder and its own keychain service name (so tests never touch real credentials).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const tetherBin = path.join(repoRoot, 'dist', 'cli', 'tether.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Variables that would leak a developer's real credentials or settings into a test. */
const LEAKY = /^(TETHER_|CONFLUENCE_|JIRA_|CTK_|ATLASSIAN_|READ_ONLY_MODE|ENABLED_TOOLS|TOOLSETS)/;

export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!LEAKY.test(key)) env[key] = value;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface TetherProfile {
  configDir: string;
  keychainService: string;
  env: (extra?: Record<string, string | undefined>) => NodeJS.ProcessEnv;
}

/** A fresh, isolated Tether "installation": config folder + keychain service name. */
export async function newProfile(base: Record<string, string> = {}): Promise<TetherProfile> {
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'tether-test-'));
  const keychainService = `tether-test-${randomBytes(4).toString('hex')}`;
  return {
    configDir,
    keychainService,
    env: (extra = {}) => cleanEnv({ TETHER_CONFIG_DIR: configDir, TETHER_KEYCHAIN_SERVICE: keychainService, ...base, ...extra }),
  };
}

/** `wrapper` runs tether inside another command, e.g. ['dbus-run-session', '--'] for a D-Bus session of its own. */
export function runTether(args: string[], options: { env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; wrapper?: string[] }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const [command, ...prefix] = [...(options.wrapper ?? []), process.execPath];
    const child = spawn(command!, [...prefix, tetherBin, ...args], { env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
