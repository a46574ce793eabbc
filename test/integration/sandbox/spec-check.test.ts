// The spec checker itself: it must catch real shape errors, map paths correctly, and say loudly
// when the specs are missing.

import { describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';

const checker = await loadSpecChecker();
const CLOUD_ID = '4c1a7f52-9e0b-4d3a-a6f1-2b8c5d9e7f30';

function exchange(partial: Partial<Exchange> & Pick<Exchange, 'path'>): Exchange {
  return {
    listener: 'site',
    method: 'GET',
    query: {},
    requestHeaders: {},
    requestBody: undefined,
    status: 200,
    responseHeaders: { 'content-type': 'application/json;charset=UTF-8' },
    responseBody: undefined,
    ...partial,
  };
}

const goodMyself = {
  self: 'https://acme.atlassian.net/rest/api/3/user?accountId=712020:abc',
  accountId: '712020:abc',
  accountType: 'atlassian',
  emailAddress: 'alice@example.com',
  displayName: 'Alice Example',
  active: true,
  timeZone: 'Europe/Berlin',
  locale: 'en_US',
  avatarUrls: { '48x48': 'https://secure.gravatar.com/avatar/x' },
  groups: { size: 0, items: [] },
  applicationRoles: { size: 0, items: [] },
  expand: 'groups,applicationRoles',
};

describe.skipIf(!checker.available)('spec checker against the official specs', () => {
  it('accepts a correct Jira myself answer', () => {
    const r = checker.check([exchange({ path: '/rest/api/3/myself', responseBody: goodMyself })]);
    expect(r).toEqual({ checked: 1, notCovered: [], violations: [] });
  });

  it('catches a wrong type (accountId: 5) and a wrong enum value', () => {
    const r = checker.check([
      exchange({ path: '/rest/api/3/myself', responseBody: { ...goodMyself, accountId: 5, accountType: 'human' } }),
    ]);
    expect(r.checked).toBe(1);
    expect(r.violations).toContain('GET /rest/api/3/myself 200: response body: /accountId must be string');
    expect(r.violations.some((v) => v.startsWith('GET /rest/api/3/myself 200: response body: /accountType must be equal to one of the allowed values'))).toBe(
      true,
    );
  });

  it('catches a property the spec forbids (Jira User has additionalProperties: false)', () => {
    const r = checker.check([exchange({ path: '/rest/api/3/myself', responseBody: { ...goodMyself, nickname: 'al' } })]);
    expect(r.violations).toEqual(["GET /rest/api/3/myself 200: response body: / must NOT have additional properties ('nickname')"]);
  });

  it('catches a missing required field (Confluence v1 User needs `type`)', () => {
    const r = checker.check([
      exchange({ path: '/wiki/rest/api/user/current', responseBody: { accountId: '712020:abc', displayName: 'Alice' } }),
    ]);
    expect(r.violations).toEqual(["GET /wiki/rest/api/user/current 200: response body: / must have required property 'type'"]);
  });

  it('honours OpenAPI 3.0 nullable', () => {
    const body = {
      type: 'known',
      accountId: '712020:abc',
      email: null,
      displayName: null,
      profilePicture: null,
      publicName: 'Alice',
    };
    expect(checker.check([exchange({ path: '/wiki/rest/api/user/current', responseBody: body })]).violations).toEqual([]);
    const bad = checker.check([exchange({ path: '/wiki/rest/api/user/current', responseBody: { ...body, publicName: null } })]);
    expect(bad.violations).toEqual(['GET /wiki/rest/api/user/current 200: response body: /publicName must be string']);
  });

  it('checks query parameters: types, ranges, undocumented names', () => {
    const r = checker.check([
      exchange({ path: '/wiki/api/v2/spaces', query: { limit: 'ten' }, responseBody: { results: [] } }),
      exchange({ path: '/wiki/api/v2/spaces', query: { limit: '500' }, responseBody: { results: [] } }),
      exchange({ path: '/wiki/api/v2/spaces', query: { start: '25' }, responseBody: { results: [] } }),
      exchange({ path: '/wiki/api/v2/spaces', query: { ids: '1,2', status: 'current', limit: '5' }, responseBody: { results: [] } }),
    ]);
    expect(r.checked).toBe(4);
    expect(r.violations).toEqual([
      "GET /wiki/api/v2/spaces 200: query parameter 'limit': / must be integer",
      "GET /wiki/api/v2/spaces 200: query parameter 'limit': / must be <= 250",
      "GET /wiki/api/v2/spaces 200: query parameter 'start' is not documented for GET /spaces (confluence-v2)",
    ]);
  });

  it('checks v2 list results item by item', () => {
    const r = checker.check([
      exchange({
        path: '/wiki/api/v2/spaces',
        responseBody: { results: [{ id: '1', key: 'ENG', type: 'global' }, { id: 2, key: 'X', status: 'gone' }], _links: {} },
      }),
    ]);
    expect(r.violations).toEqual([
      'GET /wiki/api/v2/spaces 200: response body: /results/1/id must be string',
      'GET /wiki/api/v2/spaces 200: response body: /results/1/status must be equal to one of the allowed values (["current","archived"])',
    ]);
  });

  it('statuses: undocumented 401/403/404/429/5xx pass, other undocumented ones do not', () => {
    const statuses = [401, 403, 404, 429, 500, 503];
    const ok = checker.check(statuses.map((status) => exchange({ path: '/rest/api/3/myself', status, responseBody: { errorMessages: ['x'], errors: {} } })));
    expect(ok.violations).toEqual([]);
    const r = checker.check([exchange({ path: '/rest/api/3/myself', status: 400, responseBody: { errorMessages: ['x'], errors: {} } })]);
    expect(r.violations).toEqual(['GET /rest/api/3/myself 400: status 400 is not documented (documented: 200, 401)']);
  });

  it('validates a documented error schema (Jira ErrorCollection) when the spec has one', () => {
    // GET /rest/api/3/dashboard documents its 400 with the ErrorCollection schema
    const r = checker.check([
      exchange({ path: '/rest/api/3/dashboard', status: 400, responseBody: { errorMessages: 'wrong', errors: {} } }),
      exchange({ path: '/rest/api/3/dashboard', status: 400, responseBody: { errorMessages: ['right'], errors: {} } }),
    ]);
    expect(r.violations).toEqual(['GET /rest/api/3/dashboard 400: response body: /errorMessages must be array']);
  });

  it('checks request bodies and their content type', () => {
    const r = checker.check([
      exchange({
        method: 'POST',
        path: '/wiki/api/v2/pages',
        requestHeaders: { 'content-type': 'text/plain' },
        requestBody: { spaceId: 123, status: 'current', title: 'T', body: { representation: 'storage', value: '<p/>' } },
        status: 200,
        responseBody: { id: '1' },
      }),
    ]);
    expect(r.violations).toContain('POST /wiki/api/v2/pages 200: request Content-Type is not application/json');
    expect(r.violations).toContain('POST /wiki/api/v2/pages 200: request body: /spaceId must be string');
  });

  it('reads Atlassian’s overlapping oneOf as anyOf: both v2 page body forms pass, a string body does not', () => {
    const post = (body: unknown) =>
      exchange({
        method: 'POST',
        path: '/wiki/api/v2/pages',
        requestHeaders: { 'content-type': 'application/json' },
        requestBody: { spaceId: '1', title: 'T', body },
        responseBody: { id: '1' },
      });
    const r = checker.check([
      post({ representation: 'storage', value: '<p/>' }),
      post({ storage: { representation: 'storage', value: '<p/>' } }),
      post('<p/>'),
    ]);
    expect(r.checked).toBe(3);
    expect(r.violations.length).toBeGreaterThan(0);
    expect(r.violations.every((v) => v.startsWith('POST /wiki/api/v2/pages 200: request body: /body '))).toBe(true);
  });

  it('tolerates an undocumented 409 (stale version on PUT /pages/{id})', () => {
    const r = checker.check([
      exchange({
        method: 'PUT',
        path: '/wiki/api/v2/pages/1',
        status: 409,
        requestHeaders: { 'content-type': 'application/json' },
        requestBody: { id: '1', status: 'current', title: 'T', body: { representation: 'storage', value: '<p/>' }, version: { number: 1 } },
        responseBody: { errors: [{ status: 409, code: 'CONFLICT', title: 'Version must be incremented on update. Current version is: 1', detail: null }] },
      }),
    ]);
    expect(r).toEqual({ checked: 1, notCovered: [], violations: [] });
  });

  it('maps paths: gateway prefix stripped; DC, tenant_info, Jira v2 are not covered', () => {
    const r = checker.check([
      exchange({ listener: 'api', path: `/ex/jira/${CLOUD_ID}/rest/api/3/myself`, responseBody: goodMyself }),
      exchange({ listener: 'api', path: `/ex/confluence/${CLOUD_ID}/wiki/api/v2/spaces`, responseBody: { results: [] } }),
      exchange({ path: '/_edge/tenant_info', responseBody: { cloudId: CLOUD_ID } }),
      exchange({ path: '/rest/api/2/myself', responseBody: {} }),
      exchange({ listener: 'dc', path: '/jira/rest/api/2/myself', responseBody: {} }),
      exchange({ listener: 'dc', path: '/confluence/rest/api/user/current', responseBody: {} }),
      exchange({ path: '/rest/api/2/myself', responseBody: {} }),
    ]);
    expect(r.checked).toBe(2);
    expect(r.violations).toEqual([]);
    expect(r.notCovered).toEqual([
      'GET /_edge/tenant_info',
      'GET /rest/api/2/myself',
      'GET /jira/rest/api/2/myself',
      'GET /confluence/rest/api/user/current',
    ]);
  });

  it('flags paths and methods the spec does not have', () => {
    const r = checker.check([
      exchange({ path: '/rest/api/3/nothing-here', status: 404 }),
      exchange({ method: 'DELETE', path: '/rest/api/3/myself', status: 204 }),
    ]);
    expect(r.violations).toEqual([
      'GET /rest/api/3/nothing-here 404: no path of jira-v3.json matches /rest/api/3/nothing-here',
      'DELETE /rest/api/3/myself 204: jira-v3.json has /rest/api/3/myself but no DELETE operation',
    ]);
  });

  it('prefers a literal segment over a parameter (issue/createmeta vs issue/{issueIdOrKey})', () => {
    const r = checker.check([exchange({ path: '/rest/api/3/issue/createmeta', query: { projectKeys: 'ENG' }, responseBody: {} })]);
    expect(r.violations).toEqual([]);
  });
});

describe('without specs', () => {
  it('is unavailable, says why on stderr (one line), and never reports a pass as checked', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const c = await loadSpecChecker('/nonexistent/specs-dir');
      expect(c.available).toBe(false);
      expect(c.reason).toContain('not found');
      const r = c.check([exchange({ path: '/rest/api/3/myself', responseBody: { accountId: 5 } })]);
      expect(r).toEqual({ checked: 0, notCovered: ['GET /rest/api/3/myself'], violations: [] });
      if (checker.available) {
        // this process has not printed the warning before (the real specs were found)
        expect(write).toHaveBeenCalledTimes(1);
        expect(String(write.mock.calls[0]![0])).toMatch(/^spec-check: .* — requests were NOT checked against Atlassian's OpenAPI\n$/);
      }
    } finally {
      write.mockRestore();
    }
  });
});
