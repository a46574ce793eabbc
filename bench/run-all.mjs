// `npm run bench`: builds, then runs every benchmark in bench/ (each prints its own figures).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
spawnSync(process.execPath, [path.join(here, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
for (const file of readdirSync(here).filter((f) => f.endsWith('.mjs') && !['lib.mjs', 'run-all.mjs'].includes(f)).sort()) {
  console.log(`\n=== ${file}`);
  const result = spawnSync(process.execPath, [path.join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) process.exitCode = 1;
}
