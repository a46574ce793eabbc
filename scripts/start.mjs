// `npm start`: build, fetch Electron's binary if this machine lacks it, open the tray app.
// Where the binary cannot be fetched (no access to GitHub), say so in one sentence and point to the demo.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const require = createRequire(import.meta.url);
let electronPath;
try {
  // Electron's package downloads its binary on first use and throws when it cannot.
  electronPath = require('electron');
} catch {
  process.stderr.write(
    "\nTether's tray app needs Electron's binary, which could not be downloaded on this machine (is GitHub reachable?); run `npm run demo` to try Tether without it.\n",
  );
  process.exit(1);
}
const child = spawn(electronPath, [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
