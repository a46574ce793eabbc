// Shared bits of the Jira sandbox tests (not a test file itself): targets for the site, the
// gateway and Data Center, and the conformance check of recorded Jira exchanges.

import { expect } from 'vitest';
import type { Exchange, Sandbox } from '../../../src-main/sandbox/index.ts';
import type { SpecChecker } from '../../helpers/spec-check.ts';
import { basic, bearer, call, type Raw, type Target } from './harness.ts';

export interface JiraTarget extends Target {
  /** `site`, `gateway` (Cloud) or `dc` (Data Center). */
  kind: 'site' | 'gateway' | 'dc';
}

type Who = 'alice' | 'bob';

/** Cloud targets: the site with a classic token, the gateway (/ex/jira/{cloudId}) with a scoped token. */
export function jiraTargets(sb: Sandbox, who: Who = 'alice'): [JiraTarget, JiraTarget] {
  const u = sb.seed[who];
  return [
    { kind: 'site', name: 'site', root: sb.siteUrl, auth: basic(u.email, u.classicToken) },
    { kind: 'gateway', name: 'gateway', root: `${sb.apiUrl}/ex/jira/${sb.cloudId}`, auth: basic(u.email, u.scopedToken) },
  ];
}

/** Data Center: `${dcUrl}/jira` with the user's personal access token. */
export function dcTarget(sb: Sandbox, who: Who = 'alice'): JiraTarget {
  return { kind: 'dc', name: 'site', root: `${sb.dcUrl}/jira`, auth: bearer(sb.seed[who].dc.pat) };
}

/** JSON request helper: `call` with a JSON body. */
export function send(t: Target, method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<Raw> {
  return call(t, method, path, json === undefined ? { headers } : { json, headers });
}

/** An ADF document of one paragraph. */
export function adf(text: string): { type: 'doc'; version: 1; content: unknown[] } {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export const JIRA_ERROR = (messages: unknown = expect.any(Array), errors: unknown = expect.any(Object)) => ({ errorMessages: messages, errors });

/**
 * Checks the Jira exchanges against jira-v3.json. Cloud v2 exchanges are checked against the v3
 * operations (same shapes; rich text is free-form in the v3 schemas); Data Center and the agile
 * API are not in the document (notCovered). Exchanges marked off-spec are skipped.
 */
export function expectJiraConformance(checker: SpecChecker, exchanges: Exchange[], { allowUnchecked = false } = {}): void {
  if (!checker.available) return;
  const relevant = exchanges
    .filter((e) => e.requestHeaders['x-test-off-spec'] !== '1')
    .map((e) => (e.listener !== 'dc' && /(^|\/)rest\/api\/2\//.test(e.path) ? { ...e, path: e.path.replace('/rest/api/2/', '/rest/api/3/') } : e));
  const result = checker.check(relevant);
  // (Body-less 201/204 answers documented as `{}` and the bare JSON-string watcher body are handled by the checker itself.)
  expect(result.violations).toEqual([]);
  if (!allowUnchecked) expect(result.checked).toBeGreaterThan(0);
  for (const label of result.notCovered) expect(label).toMatch(/^(GET|POST|PUT|DELETE) \/(jira\/|rest\/agile\/|ex\/jira\/[^/]+\/rest\/agile\/)/);
}
