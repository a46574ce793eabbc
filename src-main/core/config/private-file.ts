// Files Tether owns: written atomically (temp file + rename), 0600, inside 0700 folders.
import fs from 'node:fs/promises';
import path from 'node:path';

export async function ensurePrivateDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by umask and ignored for existing folders; our own folder must be 0700.
  if (process.platform !== 'win32') await fs.chmod(dir, 0o700);
}

export async function writePrivateFile(file: string, data: string): Promise<void> {
  await ensurePrivateDir(path.dirname(file));
  // Loaded here, not at start: node:crypto costs more to load than most commands take to run.
  const { randomBytes } = await import('node:crypto');
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
