// Which scopes the sandbox apps may ask for, and the coarse scope check of the gateway.
// Atlassian checks every operation against the scopes in its `x-atlassian-oauth2-scopes`; the sandbox
// has no spec at run time, so it only refuses what it is sure about: a token with no scope of the
// product at all, and writes without any write scope of the product. Everything finer is let through.

import { errorReply } from '../errors.ts';
import type { Reply } from '../types.ts';

/** Classic Cloud scopes the seeded app has enabled (developer console → Permissions). */
export const CLASSIC_SCOPES: readonly string[] = [
  'read:jira-work',
  'write:jira-work',
  'read:jira-user',
  'manage:jira-project',
  'manage:jira-configuration',
  'manage:jira-webhook',
  'manage:jira-data-provider',
  'read:confluence-content.all',
  'read:confluence-content.summary',
  'read:confluence-content.permission',
  'read:confluence-space.summary',
  'read:confluence-props',
  'read:confluence-user',
  'read:confluence-groups',
  'write:confluence-content',
  'write:confluence-space',
  'write:confluence-file',
  'write:confluence-props',
  'write:confluence-groups',
  'search:confluence',
  'readonly:content.attachment:confluence',
  'manage:confluence-configuration',
  'read:me',
  'read:account',
  'offline_access',
];

/**
 * Granular scopes: `<action>:<resource>:<product>` like read:page:confluence or write:sprint:jira-software.
 * guess: any well-formed granular scope is accepted (the real list is long and the app is assumed to
 * have them all enabled).
 */
const GRANULAR = /^(read|write|delete|manage|search|readonly|admin|validate|execute)(:[a-z][a-z0-9.-]*)+:(confluence|jira|jira-software|jira-service-management)$/;

/** Data Center OAuth 2.0 scopes (Jira and Confluence DC use the same four). */
export const DC_SCOPES: readonly string[] = ['READ', 'WRITE', 'ADMIN', 'SYSTEM_ADMIN'];

/** Scopes of a space-separated `scope` parameter, duplicates removed, order kept. */
export function splitScopes(scope: string | null | undefined): string[] {
  return [...new Set((scope ?? '').split(/\s+/).filter((s) => s !== ''))];
}

/** The scopes a Cloud app may not ask for (empty when all are fine). */
export function unknownCloudScopes(scopes: string[]): string[] {
  return scopes.filter((s) => !CLASSIC_SCOPES.includes(s) && !GRANULAR.test(s));
}

export function unknownDcScopes(scopes: string[]): string[] {
  return scopes.filter((s) => !DC_SCOPES.includes(s));
}

type Product = 'jira' | 'confluence';

function isProductScope(product: Product, scope: string): boolean {
  if (product === 'jira') return /^[a-z]+:jira-|:jira(-software|-service-management)?$/.test(scope);
  return /^[a-z]+:confluence-|:confluence$/.test(scope);
}

function isWriteScope(scope: string): boolean {
  return /^(write|delete|manage|admin):/.test(scope);
}

/** POSTs that only read (search, JQL tools, body conversion): they need a read scope, not a write one. */
const READ_POSTS: Record<Product, RegExp> = {
  jira: /^\/rest\/api\/[23]\/(search(\/jql|\/approximate-count)?|jql\/(parse|match|sanitize)|issue\/bulkfetch|expression\/(eval|evaluate|analyse)|issue\/picker)\/?$/,
  confluence: /^\/wiki\/rest\/api\/contentbody\/convert(\/async)?\/[^/]+\/?$/,
};

/**
 * Operations whose scopes the sandbox checks exactly, as their `x-atlassian-oauth2-scopes` say (a test
 * compares this table with the OpenAPI documents): each entry is allowed with ANY one of its scope
 * sets, a set needing ALL its scopes. These are the calls Tether uses to learn what a scoped token
 * can do; every other operation gets the coarse check below.
 */
export const OPERATION_SCOPES: ReadonlyArray<{ method: string; path: string; anyOf: readonly (readonly string[])[] }> = [
  { method: 'GET', path: '/wiki/api/v2/spaces', anyOf: [['read:space:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/pages', anyOf: [['read:page:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}', anyOf: [['read:page:confluence']] },
  { method: 'POST', path: '/wiki/api/v2/pages', anyOf: [['write:page:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/descendants', anyOf: [['read:hierarchical-content:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/folders/{id}', anyOf: [['read:folder:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/footer-comments', anyOf: [['read:comment:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/footer-comments', anyOf: [['read:comment:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/inline-comments', anyOf: [['read:comment:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/labels', anyOf: [['read:page:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/attachments', anyOf: [['read:attachment:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/children', anyOf: [['read:page:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/direct-children', anyOf: [['read:hierarchical-content:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/ancestors', anyOf: [['read:content.metadata:confluence']] },
  { method: 'POST', path: '/wiki/api/v2/users-bulk', anyOf: [['read:user:confluence']] },
  { method: 'GET', path: '/wiki/rest/api/search/user', anyOf: [['read:content-details:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/spaces/{id}', anyOf: [['read:space:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/folders/{id}/descendants', anyOf: [['read:hierarchical-content:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/labels', anyOf: [['read:label:confluence']] },
  { method: 'GET', path: '/wiki/api/v2/attachments', anyOf: [['read:attachment:confluence']] },
  { method: 'GET', path: '/wiki/rest/api/search', anyOf: [['search:confluence'], ['read:content-details:confluence']] },
  { method: 'GET', path: '/rest/api/3/myself', anyOf: [['read:jira-user'], ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira']] },
  {
    method: 'GET',
    path: '/rest/api/3/search/jql',
    anyOf: [['read:jira-work'], ['read:issue-details:jira', 'read:audit-log:jira', 'read:avatar:jira', 'read:field-configuration:jira', 'read:issue-meta:jira']],
  },
  {
    method: 'GET',
    path: '/rest/api/3/project/search',
    anyOf: [
      ['read:jira-work'],
      ['read:issue-type:jira', 'read:project:jira', 'read:project.property:jira', 'read:user:jira', 'read:application-role:jira', 'read:avatar:jira', 'read:group:jira', 'read:issue-type-hierarchy:jira', 'read:project-category:jira', 'read:project-version:jira', 'read:project.component:jira'],
    ],
  },
  { method: 'POST', path: '/rest/api/3/issue', anyOf: [['write:jira-work'], ['write:issue:jira', 'write:comment:jira', 'write:comment.property:jira', 'write:attachment:jira', 'read:issue:jira']] },
];

const OPERATION_PATTERNS = OPERATION_SCOPES.map((op) => ({ ...op, pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`) }));

/**
 * Whether a token with `scopes` may call `method path` of `product` through the gateway (`path` is
 * the product path, e.g. /rest/api/3/issue). Operations of OPERATION_SCOPES are checked exactly.
 * guess, for the rest: read-vs-write is decided by the method, and any write scope of the product
 * opens every write.
 */
export function gatewayScopeAllows(product: Product, method: string, path: string, scopes: readonly string[]): boolean {
  const exact = OPERATION_PATTERNS.find((op) => op.method === method.toUpperCase() && op.pattern.test(path));
  if (exact) return exact.anyOf.some((set) => set.every((scope) => scopes.includes(scope)));
  const own = scopes.filter((s) => isProductScope(product, s));
  if (own.length === 0) return false;
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS' || READ_POSTS[product].test(path)) return true;
  return own.some(isWriteScope);
}

/**
 * The gateway's answer when an OAuth or scoped API token lacks the scope of an operation (seen in the wild:
 * 401 {"code":401,"message":"Unauthorized; scope does not match"} with X-Failure-Category), or
 * undefined when the coarse check lets the request through.
 */
export function gatewayScopeDenial(product: Product, method: string, path: string, scopes: readonly string[]): Reply | undefined {
  if (gatewayScopeAllows(product, method, path, scopes)) return undefined;
  return errorReply('gateway', 401, {
    message: 'Unauthorized; scope does not match',
    headers: { 'X-Failure-Category': 'FAILURE_CLIENT_SCOPE_CHECK' },
  });
}
