// Builds the CLI and the Electron shell with esbuild: one bundle each, npm packages left external
// (the keychain binding is native); the preload as CommonJS (sandboxed preloads cannot be ES
// modules); the window (src-renderer) with Vite, from vite.config.ts.
// Fast enough to run before every test run and on `npm install`.
import { build } from 'esbuild';
import { chmod, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

const BUNDLED = ['zod', '@modelcontextprotocol/server', '@modelcontextprotocol/core'];

/** See src-main/core/mcp/sdk-node-shims.ts: the SDK's validator loads on first use, not at start. */
const lazySdkValidator = {
  name: 'lazy-sdk-validator',
  setup(b) {
    b.onResolve({ filter: /^@modelcontextprotocol\/server\/_shims$/ }, () => ({ path: path.join(root, 'src-main/core/mcp/sdk-node-shims.ts') }));
  },
};

/** The tools' argument schemas as JSON, converted once here instead of at every MCP server start. */
async function toolSchemas() {
  const outfile = path.join(root, 'node_modules', '.cache', 'tether-build', `tool-schemas-${process.pid}.mjs`);
  await build({ ...common, sourcemap: false, packages: undefined, external: ['@napi-rs/keyring'], entryPoints: ['scripts/tool-schemas-entry.ts'], outfile, format: 'esm' });
  try {
    return (await import(pathToFileURL(outfile).href)).schemas;
  } finally {
    await rm(outfile, { force: true });
  }
}

await rm(path.join(root, 'dist'), { recursive: true, force: true });
const schemas = await toolSchemas();
await Promise.all([
  // What an MCP server loads at start (zod, the MCP SDK) is bundled: loading it as hundreds of separate
  // ES modules costs more than the command itself. Everything else stays a package import.
  build({ ...common, packages: undefined, external: [...Object.keys(pkg.dependencies).filter((d) => !BUNDLED.includes(d)), 'ajv', 'ajv-formats'], plugins: [lazySdkValidator], entryPoints: { tether: 'src-main/cli/tether.ts' }, outdir: 'dist/cli', define: { ...common.define, TETHER_TOOL_SCHEMAS: JSON.stringify(schemas) }, format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
  build({ ...common, entryPoints: { main: 'src-main/app/main.ts' }, outdir: 'dist/app', define: { ...common.define, TETHER_TOOL_SCHEMAS: JSON.stringify(schemas) }, format: 'esm', external: ['electron'] }),
  build({ ...common, packages: undefined, platform: 'browser', target: 'chrome140', entryPoints: { preload: 'src-main/app/preload/preload.ts' }, outdir: 'dist/app', outExtension: { '.js': '.cjs' }, format: 'cjs', external: ['electron'] }),
  buildRenderer(),
]);
await chmod(path.join(root, 'dist/cli/tether.js'), 0o755);
