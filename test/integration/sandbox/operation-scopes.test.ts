// The sandbox holds scoped tokens and OAuth grants to the scopes Atlassian documents per operation:
// its table (OPERATION_SCOPES) must say what the OpenAPI documents say, and a token created with too
// few scopes gets the gateway's "scope does not match" where Atlassian would refuse it.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { OPERATION_SCOPES } from '../../../src-main/sandbox/oauth/scopes.ts';
import { NARROW_TOKEN_SCOPES } from '../../../src-main/sandbox/seed.ts';
import { basic, get } from './harness.ts';

const SPECS = process.env.TETHER_SPECS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/specs');
type Operation = { 'x-atlassian-oauth2-scopes'?: { scopes: string[] }[] };
const spec = (file: string) => JSON.parse(readFileSync(path.join(SPECS, file), 'utf8')) as { paths: Record<string, Record<string, Operation>> };
const documents = { v2: spec('confluence-v2.json'), v1: spec('confluence-v1.json'), jira: spec('jira-v3.json') };

/** The documented operation behind a sandbox path (v2 paths are relative to /wiki/api/v2 in its document). */
function documented(method: string, apiPath: string): Operation | undefined {
  const [document, key] = apiPath.startsWith('/wiki/api/v2/') ? [documents.v2, apiPath.slice('/wiki/api/v2'.length)] : apiPath.startsWith('/wiki/') ? [documents.v1, apiPath] : [documents.jira, apiPath];
  return document.paths[key]?.[method.toLowerCase()];
}

const asSets = (sets: readonly (readonly string[])[]) => sets.map((set) => [...set].sort().join(' ')).sort();

describe('the sandbox scope table', () => {
  it.each(OPERATION_SCOPES.map((op) => [`${op.method} ${op.path}`, op] as const))('%s needs what the OpenAPI document lists', (_name, op) => {
    const operation = documented(op.method, op.path);
    expect(operation, `${op.method} ${op.path} is not in the specs`).toBeDefined();
    const listed = (operation!['x-atlassian-oauth2-scopes'] ?? []).map((entry) => entry.scopes);
    expect(asSets(op.anyOf)).toEqual(asSets(listed));
  });
});

describe('a scoped token created with too few scopes', () => {
  let sb: Sandbox;
  let auth: string;
  let confluence: string;
  beforeAll(async () => {
    sb = await startSandbox();
    auth = basic(sb.seed.alice.email, sb.seed.alice.narrowScopedToken);
    confluence = `${sb.apiUrl}/ex/confluence/${sb.cloudId}`;
  });
  afterAll(async () => {
    await sb.close();
  });

  it('reads what its scopes cover', async () => {
    expect(NARROW_TOKEN_SCOPES).toContain('read:page:confluence');
    expect((await get(`${confluence}/wiki/api/v2/pages?limit=1`, auth)).status).toBe(200);
    expect((await get(`${confluence}/wiki/rest/api/search?cql=type%3Dpage&limit=1`, auth)).status).toBe(200);
    expect((await get(`${sb.apiUrl}/ex/jira/${sb.cloudId}/rest/api/3/search/jql?jql=project%3DENG&maxResults=1`, auth)).status).toBe(200);
  });

  it('is refused, as the gateway refuses it, where a scope is missing', async () => {
    for (const url of [`${confluence}/wiki/api/v2/footer-comments?limit=1`, `${sb.apiUrl}/ex/jira/${sb.cloudId}/rest/api/3/myself`]) {
      const answer = await get(url, auth);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ message: 'Unauthorized; scope does not match' });
    }
  });

  it('never works on the site URL, like any scoped token', async () => {
    expect((await get(`${sb.siteUrl}/wiki/api/v2/pages?limit=1`, auth)).status).toBe(401);
  });
});
