// The built window (dist/renderer) over HTTP: only files inside that folder, with their types.
// index.html gets one change: its CSP allows fetch to this same origin (connect-src 'self'), which the
// file:// build forbids because the Electron window talks over IPC and never needs the network.
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  type: string;
  body: Buffer;
}

export async function readRendererFile(rendererDir: string, urlPath: string): Promise<StaticFile | undefined> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return undefined;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative}`);
  // Refuses ../ escapes and anything without a known type (dotfiles, source maps).
  if (!file.startsWith(`${root}${path.sep}`)) return undefined;
  const type = TYPES[path.extname(file)];
  if (!type) return undefined;
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return undefined;
  }
  if (path.basename(file) === 'index.html') body = Buffer.from(body.toString('utf8').replace("connect-src 'none'", "connect-src 'self'"));
  return { type, body };
}
