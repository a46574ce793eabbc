// Builds the CLI and the Electron shell with esbuild: one bundle each, npm packages left external
// (the keychain binding is native); the preload as CommonJS (sandboxed preloads cannot be ES
// modules); the window (src-renderer) with Vite, from vite.config.ts.
// Fast enough to run before every test run and on `npm install`.
import { build } from 'esbuild';
import { chmod, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22.12',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { TETHER_VERSION: JSON.stringify(pkg.version) },
};

async function buildRenderer() {
  // Imported lazily: Vite is a devDependency, and loading it costs time only this step pays.
  const vite = await import('vite');
  await vite.build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

await rm(path.join(root, 'dist'), { recursive: true, force: true });
await Promise.all([
  // zod is bundled into the CLI: loading it as ~100 separate ES modules costs more than the command itself.
  build({ ...common, packages: undefined, external: Object.keys(pkg.dependencies).filter((d) => d !== 'zod'), entryPoints: { tether: 'src-main/cli/tether.ts' }, outdir: 'dist/cli', format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
  build({ ...common, entryPoints: { main: 'src-main/app/main.ts' }, outdir: 'dist/app', format: 'esm', external: ['electron'] }),
  build({ ...common, packages: undefined, platform: 'browser', target: 'chrome140', entryPoints: { preload: 'src-main/app/preload/preload.ts' }, outdir: 'dist/app', outExtension: { '.js': '.cjs' }, format: 'cjs', external: ['electron'] }),
  buildRenderer(),
]);
await chmod(path.join(root, 'dist/cli/tether.js'), 0o755);
