import { describe, expect, it } from 'vitest';
import { envCredential } from '../../../../src-main/core/credentials/env-credential.ts';

describe('credentials from the environment', () => {
  it("reads ctk's names", () => {
    const found = envCredential('confluence', { CONFLUENCE_DOMAIN: 'acme.atlassian.net', CONFLUENCE_EMAIL: 'me@acme.com', CONFLUENCE_API_TOKEN: 'ATATT3xFfGF0token123456', CONFLUENCE_TOKEN_TYPE: 'scoped', CONFLUENCE_CLOUD_ID: 'abc-123' });
    expect(found.state).toBe('ready');
    if (found.state !== 'ready') return;
    expect(found.record).toMatchObject({ source: 'env', site: { baseUrl: 'https://acme.atlassian.net' }, email: 'me@acme.com', tokenType: 'scoped', cloudId: 'abc-123', kind: 'api_token' });
    expect(found.record.location).toContain('CONFLUENCE_API_TOKEN');
  });

  it("reads mcp-atlassian's names, including personal tokens and the SSL switch", () => {
    const jira = envCredential('jira', { JIRA_URL: 'https://jira.corp.example', JIRA_PERSONAL_TOKEN: 'NjE2NzM0OTk0NTk2OkPAT', JIRA_SSL_VERIFY: 'false' });
    expect(jira.state === 'ready' && jira.record).toMatchObject({ kind: 'pat', tokenType: 'pat', sslVerify: false, site: { baseUrl: 'https://jira.corp.example' } });
    const confluence = envCredential('confluence', { CONFLUENCE_URL: 'https://acme.atlassian.net/wiki', CONFLUENCE_USERNAME: 'me@acme.com', CONFLUENCE_API_TOKEN: 'tok-123456789' });
    expect(confluence.state === 'ready' && confluence.record.site.baseUrl).toBe('https://acme.atlassian.net');
  });

  it("prefers Tether's own names", () => {
    const found = envCredential('jira', { TETHER_SITE: 'tether-site', JIRA_URL: 'https://other.atlassian.net', TETHER_EMAIL: 't@x.com', TETHER_API_TOKEN: 'tether-token-1234' });
    expect(found.state === 'ready' && found.record.site.baseUrl).toBe('https://tether-site.atlassian.net');
  });

  it('says what is missing instead of guessing', () => {
    const found = envCredential('jira', { JIRA_API_TOKEN: 'abc-123456789' });
    expect(found).toMatchObject({ state: 'problem', problem: expect.stringMatching(/JIRA_API_TOKEN is set but no site is: set JIRA_URL/) });
    const badType = envCredential('confluence', { CONFLUENCE_URL: 'acme', CONFLUENCE_API_TOKEN: 'abc-123456789', CONFLUENCE_TOKEN_TYPE: 'fancy' });
    expect(badType).toMatchObject({ state: 'problem', problem: expect.stringMatching(/set it to classic or scoped/) });
  });

  it('is none when no token variable is set', () => {
    expect(envCredential('confluence', { CONFLUENCE_URL: 'acme' })).toEqual({ state: 'none' });
  });
});
