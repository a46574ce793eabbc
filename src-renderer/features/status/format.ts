// Words for the status panel: the contract speaks in codes, people read sentences.
import type { CredentialSource, Product, TokenType } from '../../../src-main/shared/status.ts';

export const PRODUCT_TITLE: Record<Product, string> = { confluence: 'Confluence', jira: 'Jira' };

export const TOKEN_TYPE_WORDS: Record<TokenType, string> = {
  classic: 'classic API token',
  scoped: 'scoped API token',
  pat: 'personal access token',
  basic: 'user + password',
  oauth: 'OAuth',
};

/** The same, inside a sentence: "signed in with a classic API token", "… with OAuth". */
export const TOKEN_TYPE_PHRASE: Record<TokenType, string> = {
  classic: 'a classic API token',
  scoped: 'a scoped API token',
  pat: 'a personal access token',
  basic: 'user + password',
  oauth: 'OAuth',
};

/** Where the credential comes from: the engine's location ("keychain (Secret Service)", a path, variable names) in context. */
export function formatSource(source: CredentialSource, location: string | null): string {
  if (source === 'env') return location ? `environment variables ${location}` : 'environment variables';
  if (source === 'file') return location ? `file ${location}` : 'credentials file';
  return location ?? 'system keychain';
}

/** An ISO time as the user's local date and time; anything unparseable is shown as is. */
export function formatStoredAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "https://acme.atlassian.net/wiki" → "acme.atlassian.net/wiki"; a plain http:// site keeps its scheme so it shows. */
export function formatSite(url: string): string {
  return url.replace(/^https:\/\//, '').replace(/\/$/, '');
}

/** "just now", "3 minutes ago", "2 hours ago": how long since an ISO time (null: never, in this run). */
export function formatAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return 'none yet';
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(seconds)) return iso;
  if (seconds < 45) return 'just now';
  const words = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  if (seconds < 3600) return words.format(-Math.round(seconds / 60), 'minute');
  if (seconds < 86_400) return words.format(-Math.round(seconds / 3600), 'hour');
  return words.format(-Math.round(seconds / 86_400), 'day');
}
