// Which scopes a scoped API token should have for Tether's tools, and which of them it really has.
// Atlassian cannot be asked for a token's scopes, so Tether tries one harmless read per read scope:
// the gateway answers "scope does not match" where one is missing. Write scopes are never tried
// (that would change something); an OAuth grant lists its scopes, so it is compared, not probed.
import type { Product, ScopeFinding, ScopeReport } from '../../shared/status.ts';
import { AtlassianError } from '../atlassian/http/atlassian-error.ts';
import type { AtlassianHttp, Query } from '../atlassian/http/atlassian-http.ts';

interface Recommended {
  scope: string;
  access: 'read' | 'write';
}

const read = (scope: string): Recommended => ({ scope, access: 'read' });
const write = (scope: string): Recommended => ({ scope, access: 'write' });

/**
 * What to tick when creating a scoped API token for Tether: for Confluence the granular scopes its
 * REST v2 and v1 calls list in Atlassian's OpenAPI documents, for Jira the classic ones (they also
 * cover boards and sprints, as mcp-atlassian's OAuth default relies on).
 */
export const API_TOKEN_SCOPES: Record<Product, readonly Recommended[]> = {
  confluence: [
    ...['read:space:confluence', 'read:page:confluence', 'read:folder:confluence', 'read:hierarchical-content:confluence', 'read:content.metadata:confluence', 'read:comment:confluence', 'read:attachment:confluence', 'read:user:confluence', 'read:content-details:confluence', 'search:confluence'].map(read),
    // read:label goes with write:label: Atlassian asks for both to add a label (reading labels needs read:page).
    ...['write:page:confluence', 'write:folder:confluence', 'write:comment:confluence', 'read:label:confluence', 'write:label:confluence', 'write:attachment:confluence', 'write:space:confluence', 'delete:page:confluence', 'delete:folder:confluence', 'delete:attachment:confluence'].map(write),
  ],
  jira: [read('read:jira-work'), read('read:jira-user'), write('write:jira-work')],
};

/** What a probe learnt: the scope works, is missing, or could not be told (and why). */
type Outcome = { state: 'works' | 'missing' } | { state: 'unchecked'; note: string };

type ProbeRequest = { method?: 'GET' | 'POST'; path: string; query?: Query; json?: unknown };

/** One read per scope, on an endpoint Tether's tools use; some need an id an earlier probe found (`found`). */
interface Probe {
  scope: string;
  request: (found: Map<string, string>) => ProbeRequest | string;
  /** Remembers ids from the answer for later probes. */
  remember?: (body: unknown, found: Map<string, string>) => void;
}

const needs = (found: Map<string, string>, key: string, what: string, request: (id: string) => ProbeRequest) => {
  const id = found.get(key);
  return id === undefined ? `Not tried: no ${what} was found to try it on.` : request(id);
};
const enc = encodeURIComponent;

// Ordered so that ids found by one probe serve the next ones.
const PROBES: Record<Product, readonly Probe[]> = {
  confluence: [
    { scope: 'read:space:confluence', request: () => ({ path: '/wiki/api/v2/spaces', query: { limit: 1 } }) },
    {
      scope: 'read:page:confluence',
      request: () => ({ path: '/wiki/api/v2/pages', query: { limit: 1 } }),
      remember: (body, found) => {
        const page = (body as { results?: { id?: unknown; authorId?: unknown }[] } | undefined)?.results?.[0];
        if (page?.id !== undefined) found.set('page', String(page.id));
        if (typeof page?.authorId === 'string') found.set('account', page.authorId);
      },
    },
    {
      scope: 'search:confluence',
      request: () => ({ path: '/wiki/rest/api/search', query: { cql: 'type = folder', limit: 1 } }),
      remember: (body, found) => {
        const id = (body as { results?: { content?: { id?: unknown } }[] } | undefined)?.results?.[0]?.content?.id;
        if (id !== undefined) found.set('folder', String(id));
      },
    },
    { scope: 'read:hierarchical-content:confluence', request: (found) => needs(found, 'page', 'page', (id) => ({ path: `/wiki/api/v2/pages/${enc(id)}/direct-children`, query: { limit: 1 } })) },
    { scope: 'read:content.metadata:confluence', request: (found) => needs(found, 'page', 'page', (id) => ({ path: `/wiki/api/v2/pages/${enc(id)}/ancestors`, query: { limit: 1 } })) },
    { scope: 'read:folder:confluence', request: (found) => needs(found, 'folder', 'folder', (id) => ({ path: `/wiki/api/v2/folders/${enc(id)}` })) },
    { scope: 'read:comment:confluence', request: (found) => needs(found, 'page', 'page', (id) => ({ path: `/wiki/api/v2/pages/${enc(id)}/footer-comments`, query: { limit: 1 } })) },
    { scope: 'read:attachment:confluence', request: (found) => needs(found, 'page', 'page', (id) => ({ path: `/wiki/api/v2/pages/${enc(id)}/attachments`, query: { limit: 1 } })) },
    // A POST that only reads: who wrote a page, for readable @mentions.
    { scope: 'read:user:confluence', request: (found) => needs(found, 'account', 'page author', (id) => ({ method: 'POST', path: '/wiki/api/v2/users-bulk', json: { accountIds: [id] } })) },
    { scope: 'read:content-details:confluence', request: () => ({ path: '/wiki/rest/api/search/user', query: { cql: 'type = user', limit: 1 } }) },
  ],
  jira: [
    { scope: 'read:jira-work', request: () => ({ path: '/rest/api/3/project/search', query: { maxResults: 1 } }) },
    { scope: 'read:jira-user', request: () => ({ path: '/rest/api/3/myself' }) },
  ],
};

async function runProbe(http: AtlassianHttp, probe: Probe, found: Map<string, string>): Promise<Outcome> {
  const request = probe.request(found);
  if (typeof request === 'string') return { state: 'unchecked', note: request };
  try {
    const answer = await http.request(request);
    probe.remember?.(answer.body, found);
    return { state: 'works' };
  } catch (error) {
    if (error instanceof AtlassianError && error.kind === 'scope') return { state: 'missing' };
    // A page or board the account may not open proves nothing about the scope either way.
    if (error instanceof AtlassianError) return { state: 'unchecked', note: `Not told: ${error.message}` };
    throw error;
  }
}

/** Tries every read scope Tether recommends for a scoped API token, one call each, in order. */
export async function probeTokenScopes(http: AtlassianHttp, product: Product, now = new Date()): Promise<ScopeReport> {
  const found = new Map<string, string>();
  const outcomes = new Map<string, Outcome>();
  for (const probe of PROBES[product]) outcomes.set(probe.scope, await runProbe(http, probe, found));
  const findings = API_TOKEN_SCOPES[product].map((r): ScopeFinding => {
    const outcome: Outcome = outcomes.get(r.scope) ?? { state: 'unchecked', note: 'Not tried: Tether never changes anything just to test a scope.' };
    return { ...r, state: outcome.state, ...('note' in outcome ? { note: outcome.note } : {}) };
  });
  return { basis: 'probed', checkedAt: now.toISOString(), findings };
}

/** A scoped token before any check: what to tick, nothing known yet. */
export function unprobedTokenScopes(product: Product): ScopeReport {
  return { basis: 'recommended', checkedAt: null, findings: API_TOKEN_SCOPES[product].map((r) => ({ ...r, state: 'unchecked' })) };
}

/** An OAuth grant: the scopes Tether asks for, each granted or not (`recommended` from oauth-scopes.ts). */
export function grantedScopes(recommended: readonly string[], granted: readonly string[]): ScopeReport {
  const findings = recommended.map((scope): ScopeFinding => ({ scope, access: /^(write|delete|manage):/.test(scope) ? 'write' : 'read', state: granted.includes(scope) ? 'granted' : 'missing' }));
  return { basis: 'granted', checkedAt: null, findings };
}
