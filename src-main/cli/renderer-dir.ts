// Where the built window (dist/renderer) sits next to the CLI bundle. The bundle is split into
// chunks (dist/cli/chunks/…), so the code asking may be one folder deeper than dist/cli.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function rendererDir(from = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (const up of ['..', path.join('..', '..'), path.join('..', '..', '..', 'dist')]) {
    const dir = path.resolve(from, up, 'renderer');
    if (existsSync(path.join(dir, 'index.html'))) return dir;
  }
  return undefined;
}
