// Stored credentials: secrets in a SecretStore, the non-secret index in the settings file.
// Saving is all-or-nothing: secrets first, then the index; a failed index write takes the secrets back.
import type { Product } from '../../shared/status.ts';
import type { Connection } from '../auth/connection.ts';
import { parseSite } from '../auth/site-url.ts';
import type { TetherPaths } from '../config/paths.ts';
import { saveSettings, type CredentialIndexEntry, type Settings } from '../config/settings.ts';
import type { CredentialLookup } from './credential-record.ts';
import { FileStore } from './file-store.ts';
import { KeychainStore } from './keychain-store.ts';
import { SecretStoreError, type SecretStore, type SecretStoreKind } from './secret-store.ts';

export interface RemovedCredential {
  product: Product;
  site: string;
  email?: string;
  store: SecretStoreKind;
  location: string;
}

export class CredentialVault {
  private readonly stores: Record<SecretStoreKind, SecretStore>;

  constructor(
    private readonly paths: TetherPaths,
    private settings: Settings,
    stores?: Partial<Record<SecretStoreKind, SecretStore>>,
  ) {
    this.stores = { keychain: stores?.keychain ?? new KeychainStore(), file: stores?.file ?? new FileStore(paths.credentialsFile) };
  }

  /** The settings as last loaded or saved by this vault. */
  get currentSettings(): Settings {
    return this.settings;
  }

  /** Settings read again from the file (another process or the window changed them). */
  replaceSettings(settings: Settings): void {
    this.settings = settings;
  }

  store(kind: SecretStoreKind): SecretStore {
    return this.stores[kind];
  }

  indexEntry(product: Product): CredentialIndexEntry | undefined {
    return this.settings.credentials[product];
  }

  async lookup(product: Product): Promise<CredentialLookup> {
    const entry = this.settings.credentials[product];
    if (!entry) return { state: 'none' };
    const store = this.stores[entry.store];
    const site = parseSite(entry.site);
    const partial = { source: entry.store, location: store.location, site, tokenType: entry.tokenType, storedAt: entry.storedAt, sslVerify: entry.sslVerify, ...(entry.email ? { email: entry.email } : {}), ...(entry.cloudId ? { cloudId: entry.cloudId } : {}) };
    let secret: string | undefined;
    try {
      secret = await store.get(entry.account);
    } catch (error) {
      if (error instanceof SecretStoreError) return { state: 'problem', problem: error.message, partial };
      throw error;
    }
    if (secret === undefined) {
      return { state: 'problem', problem: `The ${product} token is no longer in the ${store.location}: run \`tether auth\` to sign in again.`, partial };
    }
    return {
      state: 'ready',
      record: { product, ...partial, kind: entry.tokenType === 'pat' ? 'pat' : 'api_token', secret },
    };
  }

  /** Saves verified connections for one or more products, all or nothing. */
  async save(connections: Connection[], storeKind: SecretStoreKind): Promise<CredentialIndexEntry[]> {
    const store = this.stores[storeKind];
    const storedAt = new Date().toISOString();
    const previous = { ...this.settings.credentials };
    const entries: [Product, CredentialIndexEntry][] = connections.map((c) => [
      c.product,
      {
        site: c.siteUrl,
        ...(c.email ? { email: c.email } : {}),
        tokenType: c.tokenType,
        ...(c.cloudId ? { cloudId: c.cloudId } : {}),
        store: storeKind,
        account: accountKey(c),
        storedAt,
        sslVerify: c.sslVerify,
      },
    ]);
    // What each written item held before, so a failure can put it back exactly.
    const written: { account: string; before: string | undefined }[] = [];
    try {
      for (const [i, connection] of connections.entries()) {
        const account = entries[i]![1].account;
        const before = await store.get(account);
        await store.set(account, connection.secret);
        written.push({ account, before });
      }
      const next: Settings = { ...this.settings, credentials: { ...this.settings.credentials, ...Object.fromEntries(entries) } };
      await saveSettings(this.paths, next);
      this.settings = next;
    } catch (error) {
      for (const { account, before } of written.reverse()) {
        await (before === undefined ? store.delete(account) : store.set(account, before)).catch(() => undefined);
      }
      throw error;
    }
    // Secrets the new entries replaced (another site, email or store) are not left behind.
    for (const [product] of entries) await this.dropIfUnreferenced(previous[product]);
    return entries.map(([, e]) => e);
  }

  async remove(products: Product[]): Promise<RemovedCredential[]> {
    const removed: RemovedCredential[] = [];
    const before = { ...this.settings.credentials };
    const credentials = { ...this.settings.credentials };
    for (const product of products) {
      const entry = credentials[product];
      if (!entry) continue;
      delete credentials[product];
      removed.push({ product, site: entry.site, ...(entry.email ? { email: entry.email } : {}), store: entry.store, location: this.stores[entry.store].location });
    }
    if (removed.length === 0) return removed;
    const next: Settings = { ...this.settings, credentials };
    await saveSettings(this.paths, next);
    this.settings = next;
    for (const product of products) await this.dropIfUnreferenced(before[product]);
    return removed;
  }

  private async dropIfUnreferenced(entry: CredentialIndexEntry | undefined): Promise<void> {
    if (!entry) return;
    const stillUsed = Object.values(this.settings.credentials).some((e) => e?.account === entry.account && e.store === entry.store);
    if (!stillUsed) await this.stores[entry.store].delete(entry.account);
  }
}

/** One keychain item per product, named so that `secret-tool search service tether` explains itself. */
export function accountKey(connection: Pick<Connection, 'product' | 'siteUrl' | 'email' | 'tokenType'>): string {
  // One OAuth grant serves both products: one item, so its refresh token is rotated in one place.
  if (connection.tokenType === 'oauth') return `oauth@${connection.siteUrl}`;
  return `${connection.product}:${connection.tokenType === 'pat' ? 'pat' : connection.email ?? 'user'}@${connection.siteUrl}`;
}
