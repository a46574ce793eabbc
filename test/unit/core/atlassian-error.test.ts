import { describe, expect, it } from 'vitest';
import { atlassianErrorDetail, errorFromResponse, retryAfterSeconds } from '../../../src-main/core/atlassian/http/atlassian-error.ts';

describe('Atlassian error bodies', () => {
  it.each([
    [{ errorMessages: ['Issue does not exist'], errors: {} }, 'Issue does not exist'],
    [{ errorMessages: [], errors: { summary: 'Summary is required.' } }, 'summary: Summary is required.'],
    [{ errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] }, 'Not Found'],
    [{ statusCode: 400, message: 'Could not parse cql : x = ', data: {} }, 'Could not parse cql : x = '],
    [{ code: 401, message: 'Unauthorized' }, 'Unauthorized'],
    ['<html>big error page</html>', undefined],
  ])('%j → %s', (body, detail) => {
    expect(atlassianErrorDetail(body)).toBe(detail);
  });

  it.each([
    [401, 'auth', /sign in again with `tether auth`/],
    [403, 'permission', /lacks the permission or scope/],
    [404, 'not_found', /has nothing at that address/],
    [409, 'conflict', /fetch the latest version and try again/],
    [429, 'rate_limit', /try again in a moment/],
    [503, 'server', /HTTP 503.*try again later/],
  ])('HTTP %i is a %s error with a next step', (status, kind, message) => {
    const error = errorFromResponse({ where: 'Jira on acme.atlassian.net', status, body: undefined });
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });
});

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('reads seconds, HTTP dates and X-RateLimit-Reset', () => {
    expect(retryAfterSeconds({ 'retry-after': '7' }, now)).toBe(7);
    expect(retryAfterSeconds({ 'retry-after': '0' }, now)).toBe(0);
    expect(retryAfterSeconds({ 'retry-after': 'Mon, 23 Nov 2026 12:00:30 GMT' }, now)).toBe(30);
    expect(retryAfterSeconds({ 'x-ratelimit-reset': '2026-11-23T12:01:00Z' }, now)).toBe(60);
    expect(retryAfterSeconds({}, now)).toBeUndefined();
  });
});
