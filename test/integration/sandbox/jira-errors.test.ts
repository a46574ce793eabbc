// Jira's error answers across the resources: 401 for the wrong credential per listener, 404 and
// 405 for unknown paths and methods, 400 for missing or broken bodies, and the faults of faults.ts
// (429 with rate-limit headers, 409, 503) arriving in Jira's `{errorMessages, errors}` shape.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { loadSpecChecker } from '../../helpers/spec-check.ts';
import { basic, call, OFF_SPEC } from './harness.ts';
import { adf, dcTarget, expectJiraConformance, jiraTargets, send, type JiraTarget } from './jira-harness.ts';

const checker = await loadSpecChecker();

let sb: Sandbox;
let site: JiraTarget;
let gateway: JiraTarget;
beforeAll(async () => {
  sb = await startSandbox();
  [site, gateway] = jiraTargets(sb);
});
afterEach(() => sb.faults.clear());
afterAll(async () => {
  await sb.close();
});

const ids = () => sb.seed.jira;
const NOT_AUTHENTICATED = { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} };

describe('authentication', () => {
  it('a scoped token on the site and a classic token through the gateway are 401s', async () => {
    const a = sb.seed.alice;
    const scopedOnSite = await call({ ...site, auth: basic(a.email, a.scopedToken) }, 'GET', `/rest/api/3/issue/${ids().keys.webhookBug}`);
    expect(scopedOnSite.status).toBe(401);
    expect(scopedOnSite.body).toEqual(NOT_AUTHENTICATED);
    const classicOnGateway = await call({ ...gateway, auth: basic(a.email, a.classicToken) }, 'POST', '/rest/api/3/search/jql', { json: { jql: 'project = ENG' } });
    expect(classicOnGateway.status).toBe(401);
    expect(classicOnGateway.body).toEqual({ code: 401, message: 'Unauthorized' });
    const none = await call({ ...site, auth: '' }, 'GET', '/rest/agile/1.0/board');
    expect(none.status).toBe(401);
  });
});

describe('paths, methods and bodies', () => {
  it('an unknown path is Jira’s "null for uri" 404; a wrong method a 405 with Allow', async () => {
    const r = await send(site, 'GET', '/rest/api/3/issue/ENG-1/nothing', undefined, OFF_SPEC);
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ errorMessages: [`null for uri: ${sb.siteUrl}/rest/api/3/issue/ENG-1/nothing`], errors: {} });
    const patch = await send(gateway, 'PATCH', `/rest/api/3/issue/${ids().keys.webhookBug}`, { fields: {} }, OFF_SPEC);
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, PUT, DELETE');
  });

  it('a missing or broken JSON body is a 400', async () => {
    const empty = await call(site, 'POST', '/rest/api/3/issue', { headers: { 'content-type': 'application/json', ...OFF_SPEC } });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ errorMessages: ['No content to map due to end-of-input'], errors: {} });
    const broken = await call(site, 'PUT', `/rest/api/3/issue/${ids().keys.webhookBug}`, { body: '{"fields": ', headers: { 'content-type': 'application/json', ...OFF_SPEC } });
    expect(broken.status).toBe(400);
    const notAnInt = await send(site, 'GET', `/rest/api/3/issue/${ids().keys.webhookBug}/comment?startAt=abc`, undefined, OFF_SPEC);
    expect(notAnInt.status).toBe(400);
  });
});

describe('faults', () => {
  it('429 on Jira: Retry-After, the rate-limit headers, Jira’s body; then the real answer', async () => {
    sb.faults.add({ path: /\/rest\/api\/3\/search\/jql$/, status: 429, times: 1 });
    const limited = await send(gateway, 'POST', '/rest/api/3/search/jql', { jql: 'project = ENG' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.body).toEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });
    expect((await send(gateway, 'POST', '/rest/api/3/search/jql', { jql: 'project = ENG' })).status).toBe(200);
  });

  it('409 for a conflicting update and 503 come from fault rules, in Jira’s shape', async () => {
    sb.faults.add({
      method: 'PUT',
      path: `/rest/api/3/issue/${ids().keys.cartStory}`,
      status: 409,
      body: { errorMessages: ['The issue could not be updated because of a conflicting update. Try again.'], errors: {} },
      times: 1,
    });
    const conflict = await send(site, 'PUT', `/rest/api/3/issue/${ids().keys.cartStory}`, { fields: { summary: 'x' } });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({ errorMessages: ['The issue could not be updated because of a conflicting update. Try again.'], errors: {} });
    sb.faults.add({ listener: 'dc', path: '/jira/rest/api/2/issue', status: 503, times: 1 });
    const dc = await send(dcTarget(sb), 'POST', `/rest/api/2/issue/${ids().keys.cartStory}/comment`, { body: 'x' });
    expect(dc.status).toBe(503);
    expect(dc.headers.get('retry-after')).toBe('1');
    expect(dc.body).toEqual({ errorMessages: ['Service unavailable, please try again later.'], errors: {} });
    const comment = await send(site, 'POST', `/rest/api/3/issue/${ids().keys.cartStory}/comment`, { body: adf('after the faults') });
    expect(comment.status).toBe(201);
  });
});

it('every exchange of this file conforms to jira-v3.json', () => {
  expectJiraConformance(checker, sb.exchanges);
});
