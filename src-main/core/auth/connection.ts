// A resolved way to talk to one product: where requests go and how they authenticate.
import type { Product, TokenType } from '../../shared/status.ts';

export interface Connection {
  product: Product;
  /** Requests go to apiBaseUrl + product path: the site for classic/PAT/basic, the gateway for scoped/OAuth. */
  apiBaseUrl: string;
  siteUrl: string;
  tokenType: TokenType;
  cloudId?: string;
  email?: string;
  secret: string;
  sslVerify: boolean;
  /** OAuth: the current access token, refreshed when due (the secret then stays unused). */
  tokenSource?: () => Promise<string>;
}

export function isCloudTokenType(tokenType: TokenType): boolean {
  return tokenType === 'classic' || tokenType === 'scoped' || tokenType === 'oauth';
}

/** Cloud or Server/Data Center: an OAuth grant is Cloud when it names a cloudId (Data Center grants do not). */
export function isCloudConnection(connection: Pick<Connection, 'tokenType' | 'cloudId'>): boolean {
  return connection.tokenType === 'oauth' ? connection.cloudId !== undefined : isCloudTokenType(connection.tokenType);
}

export function authorizationHeader(connection: Pick<Connection, 'tokenType' | 'email' | 'secret'>): string {
  if (connection.tokenType === 'pat' || connection.tokenType === 'oauth') return `Bearer ${connection.secret}`;
  return `Basic ${Buffer.from(`${connection.email ?? ''}:${connection.secret}`).toString('base64')}`;
}

export function gatewayBaseUrl(gatewayUrl: string, product: Product, cloudId: string): string {
  return `${gatewayUrl}/ex/${product}/${cloudId}`;
}

/** The cheapest authenticated call of each product: who am I. */
export function currentUserPath(product: Product, cloud: boolean): string {
  if (product === 'confluence') return cloud ? '/wiki/rest/api/user/current' : '/rest/api/user/current';
  return cloud ? '/rest/api/3/myself' : '/rest/api/2/myself';
}
