// A credential as found (in the environment or in a store), before it is turned into a Connection.
import type { CredentialSource, Product, TokenType } from '../../shared/status.ts';
import type { SiteTarget } from '../auth/site-url.ts';

export interface CredentialRecord {
  product: Product;
  source: CredentialSource;
  /** Where it came from: variable names, "keychain (Secret Service)", or a file path. */
  location: string;
  site: SiteTarget;
  kind: 'api_token' | 'pat';
  email?: string;
  secret: string;
  /** Known for stored credentials (detected when saved) or when the environment says it. */
  tokenType?: TokenType;
  cloudId?: string;
  storedAt?: string;
  sslVerify: boolean;
}

export type CredentialLookup =
  | { state: 'ready'; record: CredentialRecord }
  | { state: 'none' }
  /** Something is there but unusable; `problem` says what to do, `partial` what is known. */
  | { state: 'problem'; problem: string; partial: Partial<CredentialRecord> & { source: CredentialSource; location: string } };
