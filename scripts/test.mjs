// `npm test`: build, lint (the dependency rules fail the build), type-check, then every test.
// Keychain tests need a real Secret Service: when this session has none, the tests run inside a
// private D-Bus session with GNOME Keyring unlocked (scripts/keychain-session.sh).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (label, command, args, env = process.env) => {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${label} failed.\n`);
    process.exit(result.status ?? 1);
  }
};

function secretServiceReachable() {
  if (process.platform !== 'linux') return true;
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false;
  const probe = spawnSync(process.execPath, ['-e', `
    const { Entry } = require('@napi-rs/keyring');
    const e = new Entry('tether-test-probe', 'probe', { linux: { store: 'secret-service' } });
    e.setPassword('probe'); e.deletePassword();`], { cwd: root, stdio: 'ignore', timeout: 15_000 });
  return probe.status === 0;
}

const extra = process.argv.slice(2);
run('build', process.execPath, [path.join(root, 'scripts/build.mjs')]);
run('lint (includes the dependency rules of ARCHITECTURE.md)', bin('eslint'), ['.']);
run('type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
const vitest = [bin('vitest'), 'run', ...extra];
if (secretServiceReachable()) run('tests', vitest[0], vitest.slice(1));
else run('tests (in a private keychain session)', path.join(root, 'scripts/keychain-session.sh'), vitest);
