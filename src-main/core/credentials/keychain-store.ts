// Secrets in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux)
// through @napi-rs/keyring. On Linux the entry is pinned to the Secret Service: the binding would
// otherwise fall back to the kernel keyring, which forgets everything at reboot.
import type { AsyncEntry, EntryOptions } from '@napi-rs/keyring';
import { SecretStoreError, type SecretStore } from './secret-store.ts';

const PINNED: EntryOptions = { linux: { store: 'secret-service' } };

export function keychainServiceName(env: NodeJS.ProcessEnv = process.env): string {
  return env.TETHER_KEYCHAIN_SERVICE || 'tether';
}

export function keychainLocation(platform = process.platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'keychain (Secret Service)';
}

export function explainKeychainFailure(error: unknown): SecretStoreError {
  const message = error instanceof Error ? error.message : String(error);
  if (/unlock|locked|dismissed/i.test(message)) {
    return new SecretStoreError(
      'The keychain is locked: unlock it (log in to your desktop session, or unlock the "login" keyring) and try again.',
    );
  }
  if (/DBUS|D-Bus|dbus|org\.freedesktop\.secrets|ServiceUnknown|autolaunch|no such/i.test(message)) {
    return new SecretStoreError(
      'No keychain (Secret Service) is running in this session, so the token cannot be stored safely: start your desktop keyring (GNOME Keyring or KWallet), or choose the 0600 file store with `--store file` (or TETHER_CREDENTIALS_FILE) and try again.',
    );
  }
  return new SecretStoreError(`The keychain refused the request (${message}): check that your keyring is running and unlocked, then try again.`);
}

export class KeychainStore implements SecretStore {
  readonly kind = 'keychain' as const;
  readonly location = keychainLocation();

  constructor(private readonly service: string = keychainServiceName()) {}

  // The native binding loads on first use: commands that never touch the keychain (an MCP server
  // signed in from the environment) do not pay for it.
  private async entry(account: string): Promise<AsyncEntry> {
    const { AsyncEntry } = await import('@napi-rs/keyring');
    return new AsyncEntry(this.service, account, PINNED);
  }

  async get(account: string): Promise<string | undefined> {
    try {
      return (await (await this.entry(account)).getPassword()) ?? undefined;
    } catch (error) {
      throw explainKeychainFailure(error);
    }
  }

  async set(account: string, secret: string): Promise<void> {
    try {
      await (await this.entry(account)).setPassword(secret);
    } catch (error) {
      throw explainKeychainFailure(error);
    }
  }

  async delete(account: string): Promise<boolean> {
    try {
      return await (await this.entry(account)).deleteCredential();
    } catch (error) {
      throw explainKeychainFailure(error);
    }
  }
}
