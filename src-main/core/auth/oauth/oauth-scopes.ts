// The scopes Tether asks for: enough for the products and toolsets in use, read-only unless the
// user allows changes, and always offline_access (without it there is no refresh token).
import type { Product } from '../../../shared/status.ts';

const READ: Record<Product, string[]> = {
  confluence: ['read:confluence-space.summary', 'read:confluence-content.all', 'read:confluence-content.summary', 'search:confluence', 'read:confluence-user', 'readonly:content.attachment:confluence', 'read:page:confluence', 'read:folder:confluence', 'read:space:confluence', 'read:comment:confluence', 'read:label:confluence', 'read:attachment:confluence', 'read:hierarchical-content:confluence', 'read:user:confluence', 'read:content.metadata:confluence', 'read:content-details:confluence'],
  jira: ['read:jira-work', 'read:jira-user'],
};

const WRITE: Record<Product, string[]> = {
  confluence: ['write:confluence-content', 'write:confluence-space', 'write:confluence-file', 'write:page:confluence', 'write:folder:confluence', 'write:comment:confluence', 'write:label:confluence', 'write:attachment:confluence', 'delete:page:confluence', 'delete:folder:confluence', 'delete:attachment:confluence'],
  jira: ['write:jira-work', 'manage:jira-project'],
};

export function defaultScopes(products: readonly Product[], writes: boolean): string[] {
  const scopes = new Set<string>();
  for (const product of products) {
    for (const s of READ[product]) scopes.add(s);
    if (writes) for (const s of WRITE[product]) scopes.add(s);
  }
  scopes.add('offline_access');
  return [...scopes];
}

/** The scopes a sign-in asks for: the app's own (TETHER_/ATLASSIAN_OAUTH_SCOPE) or Tether's, with
 * offline_access on Cloud (without it there is no refresh token); a Data Center provider has READ or WRITE. */
export function requestedScopes(configured: string | undefined, products: readonly Product[], writes: boolean, dataCenter = false): string[] {
  const scopes = configured ? configured.split(/\s+/).filter(Boolean) : dataCenter ? [writes ? 'WRITE' : 'READ'] : defaultScopes(products, writes);
  return dataCenter || scopes.includes('offline_access') ? scopes : [...scopes, 'offline_access'];
}

/** Which products a granted scope list reaches. */
export function productsOfScopes(scopes: readonly string[]): Product[] {
  const products: Product[] = [];
  if (scopes.some((s) => /confluence/.test(s))) products.push('confluence');
  if (scopes.some((s) => /jira/.test(s))) products.push('jira');
  return products;
}
