import { describe, expect, it } from 'vitest';
import { redact, registerSecret } from '../../../../src-main/core/log/redact.ts';

describe('redact', () => {
  it('removes registered secrets wherever they appear', () => {
    registerSecret('s3cr3t-personal-token-xyz');
    expect(redact('token=s3cr3t-personal-token-xyz in a url')).not.toContain('s3cr3t-personal-token-xyz');
  });

  it('catches Authorization values and Atlassian-shaped tokens it was not told about', () => {
    const line = 'GET / authorization: Basic YWxpY2VAZXhhbXBsZS5jb206QVRBVFQ= and ATATT3xFfGF0T2tlbk9mU29tZW9uZUVsc2U=1234ABCD';
    const out = redact(line);
    expect(out).toContain('Basic [redacted]');
    expect(out).not.toContain('YWxpY2VA');
    expect(out).not.toContain('ATATT3xFfGF0T2tl');
  });

  it('masks key=value secrets in JSON and query strings', () => {
    expect(redact('{"refresh_token":"abcdef123456"}')).toBe('{"refresh_token":"[redacted]"}');
    expect(redact('client_secret=abcdefgh&x=1')).toBe('client_secret=[redacted]&x=1');
  });
});
