// Writes a downloaded stream into the per-user 0700 downloads folder, never over an existing file.
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ensurePrivateDir } from '../config/private-file.ts';
import { pathInside, safeFileName } from './safe-file-name.ts';

export async function saveDownload(dir: string, wantedName: string, fallback: string, stream: Readable): Promise<{ path: string; bytes: number }> {
  await ensurePrivateDir(dir);
  const name = safeFileName(wantedName, fallback);
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 0; n < 1000; n++) {
    const candidate = pathInside(dir, n === 0 ? name : `${stem} (${n})${ext}`);
    let handle;
    try {
      handle = await fs.open(candidate, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      await pipeline(stream, createWriteStream(candidate, { fd: handle.fd, autoClose: false }));
    } catch (error) {
      await handle.close();
      await fs.rm(candidate, { force: true });
      throw error;
    }
    await handle.close();
    return { path: candidate, bytes: (await fs.stat(candidate)).size };
  }
  throw new Error(`could not find a free file name for ${name} in ${dir}`);
}
