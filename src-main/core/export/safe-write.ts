// Writing a file another app owns: a timestamped backup next to it first, then temp file + rename so
// the app never reads half a file, keeping the original permissions (new files: owner-only).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readIfExists } from '../config/private-file.ts';
import { ConfigFileError } from './formats/config-file-error.ts';

/** Writes `next` over `file`, which must still hold `expected` (undefined: must not exist). Returns the backup's path. */
export async function writeConfigText(file: string, next: string, expected: string | undefined, now = new Date()): Promise<string | undefined> {
  // Follow a symlinked config (dotfiles repos) instead of replacing the link with a file.
  const target = expected === undefined ? file : await fs.realpath(file);
  if ((await readIfExists(target)) !== expected) throw new ConfigFileError(file, 'the file changed while Tether was editing it; try again');
  let mode = 0o600;
  let backup: string | undefined;
  if (expected !== undefined) {
    mode = (await fs.stat(target)).mode & 0o777;
    backup = `${target}.tether-backup-${now.toISOString().replace(/[:.]/g, '-')}`;
    await fs.copyFile(target, backup, fs.constants.COPYFILE_EXCL);
  } else {
    await fs.mkdir(path.dirname(target), { recursive: true });
  }
  const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      await handle.writeFile(next, 'utf8');
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return backup;
}
