// The window (src-renderer) built by Vite into dist/renderer. scripts/build.mjs runs this config
// through Vite's build() API; `npx vite build` works too. Relative base: the app loads it over file://.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(root, 'src-renderer'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  clearScreen: false,
  // Vite 8 transforms TSX itself (oxc): no React plugin needed for the production build.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.join(root, 'dist', 'renderer'),
    emptyOutDir: true,
    // Every supported Electron (≥ 38) ships Chromium ≥ 140.
    target: 'chrome140',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    sourcemap: false,
  },
});
