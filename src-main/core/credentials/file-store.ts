// The explicit opt-in alternative to the keychain (as ctk offers): one JSON file, 0600, written atomically.
import { z } from 'zod';
import { readIfExists, writePrivateFile } from '../config/private-file.ts';
import { SecretStoreError, type SecretStore } from './secret-store.ts';

const fileSchema = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });
type SecretFile = z.infer<typeof fileSchema>;

export class FileStore implements SecretStore {
  readonly kind = 'file' as const;

  constructor(readonly location: string) {}

  private async read(): Promise<SecretFile> {
    const text = await readIfExists(this.location);
    if (text === undefined) return { version: 1, secrets: {} };
    try {
      return fileSchema.parse(JSON.parse(text));
    } catch {
      // Never overwrite a file we cannot read: it may hold the only copy of someone's tokens.
      throw new SecretStoreError(
        `The credentials file ${this.location} is not in Tether's format: move it away (or fix it) and run \`tether auth\` again.`,
      );
    }
  }

  async get(account: string): Promise<string | undefined> {
    return (await this.read()).secrets[account];
  }

  async set(account: string, secret: string): Promise<void> {
    const file = await this.read();
    file.secrets[account] = secret;
    await writePrivateFile(this.location, `${JSON.stringify(file, null, 2)}\n`);
  }

  async delete(account: string): Promise<boolean> {
    const file = await this.read();
    if (!(account in file.secrets)) return false;
    delete file.secrets[account];
    await writePrivateFile(this.location, `${JSON.stringify(file, null, 2)}\n`);
    return true;
  }
}
