// Where secrets live: the OS keychain by default, or a 0600 file when the user chose it.
export type SecretStoreKind = 'keychain' | 'file';

export interface SecretStore {
  readonly kind: SecretStoreKind;
  /** Human-readable place, shown by `tether status` ("keychain (Secret Service)", a file path). */
  readonly location: string;
  get(account: string): Promise<string | undefined>;
  set(account: string, secret: string): Promise<void>;
  /** true when something was removed. */
  delete(account: string): Promise<boolean>;
}

/** A failure of the store itself (no keychain, locked keychain, unreadable file), in one actionable sentence. */
export class SecretStoreError extends Error {
  override name = 'SecretStoreError';
}
