// A lock shared by every Tether process of one user: a file created exclusively in the config
// folder. A holder that died leaves a stale file, which is taken over after `staleMs`.
import fs from 'node:fs/promises';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withFileLock<T>(file: string, work: () => Promise<T>, options: { staleMs?: number; timeoutMs?: number } = {}): Promise<T> {
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    try {
      const handle = await fs.open(file, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > staleMs) await fs.rm(file, { force: true });
      else if (Date.now() > deadline) throw new Error(`Another Tether process has held ${file} for too long: close other Tether windows and commands, or delete that file, then try again.`, { cause: error });
      else await sleep(25 + Math.random() * 50);
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(file, { force: true });
  }
}
