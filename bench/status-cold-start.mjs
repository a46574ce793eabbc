// Cold start of `tether status --json` against `node -e 0`, run side by side (issue: foundation).
// Variants: nothing stored; a credential from the environment; a credential in the keychain (when a
// Secret Service is reachable). No network is involved: status reads settings and the store only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable, timeCommandsSideBySide } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tether = path.join(root, 'dist', 'cli', 'tether.js');
const runs = Number(process.env.BENCH_RUNS ?? 30);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'tether-bench-'));
const base = { ...process.env, TETHER_CONFIG_DIR: scratch, TETHER_KEYCHAIN_SERVICE: 'tether-bench' };
for (const key of Object.keys(base)) if (/^(CONFLUENCE_|JIRA_|TETHER_(SITE|EMAIL|API_TOKEN))/.test(key)) delete base[key];

const token = 'bench-placeholder-not-a-credential-0123456789';
const envCreds = { ...base, CONFLUENCE_URL: 'https://acme.atlassian.net', CONFLUENCE_EMAIL: 'me@acme.com', CONFLUENCE_API_TOKEN: token };

const variants = [
  { name: 'node -e 0', command: process.execPath, args: ['-e', '0'] },
  { name: 'tether status --json (not signed in)', command: process.execPath, args: [tether, 'status', '--json'], env: base, expectStatus: 1 },
  { name: 'tether status --json (env credential)', command: process.execPath, args: [tether, 'status', '--json'], env: envCreds },
];

// A stored keychain credential, written the way `tether auth` writes it (settings index + keychain).
const keychainDir = mkdtempSync(path.join(os.tmpdir(), 'tether-bench-kc-'));
const keychainEnv = { ...base, TETHER_CONFIG_DIR: keychainDir };
const storeProbe = spawnSync(process.execPath, ['-e', `
  const { Entry } = require('@napi-rs/keyring');
  new Entry('tether-bench', 'confluence:me@acme.com@https://acme.atlassian.net', { linux: { store: 'secret-service' } }).setPassword(${JSON.stringify(token)});
  require('fs').writeFileSync(${JSON.stringify(path.join(keychainDir, 'settings.json'))}, JSON.stringify({ version: 1, credentials: { confluence: {
    site: 'https://acme.atlassian.net', email: 'me@acme.com', tokenType: 'classic', store: 'keychain',
    account: 'confluence:me@acme.com@https://acme.atlassian.net', storedAt: new Date().toISOString(), sslVerify: true } } }), { mode: 0o600 });
`], { cwd: root, stdio: 'ignore' });
if (storeProbe.status === 0) {
  variants.push({ name: 'tether status --json (keychain credential)', command: process.execPath, args: [tether, 'status', '--json'], env: keychainEnv });
} else {
  console.log('(no Secret Service reachable: the keychain variant is skipped — run under scripts/keychain-session.sh)');
}

const stats = timeCommandsSideBySide(variants, { runs });
printTable(`Cold start, ${runs} runs each, interleaved (Node ${process.versions.node})`, stats, 'node -e 0');
rmSync(scratch, { recursive: true, force: true });
rmSync(keychainDir, { recursive: true, force: true });
if (storeProbe.status === 0) {
  spawnSync(process.execPath, ['-e', `
    const { Entry } = require('@napi-rs/keyring');
    new Entry('tether-bench', 'confluence:me@acme.com@https://acme.atlassian.net', { linux: { store: 'secret-service' } }).deletePassword();
  `], { cwd: root, stdio: 'ignore' });
}
