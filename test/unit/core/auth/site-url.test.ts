import { describe, expect, it } from 'vitest';
import { isLoopbackHost, parseSite, SiteInputError } from '../../../../src-main/core/auth/site-url.ts';

describe('parseSite', () => {
  it.each([
    ['acme', 'https://acme.atlassian.net', true],
    ['acme.atlassian.net', 'https://acme.atlassian.net', true],
    ['https://acme.atlassian.net/wiki/', 'https://acme.atlassian.net', true],
    ['  https://acme.atlassian.net  ', 'https://acme.atlassian.net', true],
    ['https://confluence.corp.example/confluence/', 'https://confluence.corp.example/confluence', false],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080', false],
    ['http://localhost:3000/wiki', 'http://localhost:3000/wiki', false],
    ['http://[::1]:9000', 'http://[::1]:9000', false],
  ])('%s → %s', (input, baseUrl, cloud) => {
    const site = parseSite(input);
    expect(site.baseUrl).toBe(baseUrl);
    expect(site.cloudByHost).toBe(cloud);
  });

  it.each([
    ['', /No site was given/],
    ['acme corp', /has a space/],
    ['http://acme.atlassian.net', /plain http/],
    ['http://10.0.0.5:8090', /plain http/],
    ['ftp://acme.example', /uses ftp/],
    ['https://user:pw@acme.atlassian.net', /user name or password/],
    ['https://exa mple', /space/],
    ['https://[bad', /not a site name or URL/],
  ])('refuses %j with a sentence that says what to do', (input, message) => {
    expect(() => parseSite(input)).toThrow(SiteInputError);
    expect(() => parseSite(input)).toThrow(message);
  });

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('localhost.evil.com')).toBe(false);
  });
});
