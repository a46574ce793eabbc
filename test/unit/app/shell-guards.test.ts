// Cheap static guards on the Electron shell and the built window, for what a unit test cannot
// launch: IPC lives in one file, the window keeps its hardening, the bundles stay free of Node.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
/** Source without comments, so a comment that names ipcMain is not a use of it. */
const code = (file: string) => read(file).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

describe('Electron shell', () => {
  it('listens for IPC in register-bridge-handlers.ts only, and talks IPC from the preload only', () => {
    const main = sourceFiles('src-main').filter((f) => /\bipcMain\b/.test(code(f)));
    const renderer = [...sourceFiles('src-main'), ...sourceFiles('src-renderer')].filter((f) => /\bipcRenderer\b/.test(code(f)));
    expect(main).toEqual(['src-main/app/ipc/register-bridge-handlers.ts']);
    expect(renderer).toEqual(['src-main/app/preload/preload.ts']);
  });

  it('the window keeps its hardening', () => {
    const window = read('src-main/app/window.ts');
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true', 'webviewTag: false']) expect(window).toContain(setting);
    expect(window).toMatch(/will-navigate', \(event\) => event\.preventDefault\(\)/);
    expect(window).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
  });

  it('the page declares the strict Content-Security-Policy', () => {
    expect(read('src-renderer/index.html')).toContain(`content="${CSP}"`);
  });
});

describe('built bundles (run `npm run build` first)', () => {
  const dist = path.join(root, 'dist');

  it('dist/renderer loads over file:// and carries no Node code', () => {
    expect(existsSync(path.join(dist, 'renderer/index.html')), 'dist/renderer is missing: run `npm run build`').toBe(true);
    const html = readFileSync(path.join(dist, 'renderer/index.html'), 'utf8');
    expect(html).toContain(`content="${CSP}"`);
    expect(html).toMatch(/src="\.\/assets\/[^"]+\.js"/);
    const scripts = readdirSync(path.join(dist, 'renderer/assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const js = readFileSync(path.join(dist, 'renderer/assets', script), 'utf8');
      expect(js, script).not.toMatch(/\brequire\(/);
      expect(js, script).not.toMatch(/["']node:/);
      expect(js, script).not.toMatch(/["']electron["']/);
    }
  });

  it('dist/app/preload.cjs is CommonJS that requires electron and nothing else', () => {
    const preload = readFileSync(path.join(dist, 'app/preload.cjs'), 'utf8');
    expect([...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld("tether"');
  });
});
