import { describe, expect, it } from 'vitest';
import { cleanSecret, SecretInputError } from '../../../../src-main/core/credentials/clean-secret.ts';
import { maskToken } from '../../../../src-main/core/credentials/mask.ts';

describe('cleanSecret', () => {
  it('drops the newline echo adds and surrounding spaces', () => {
    expect(cleanSecret('ATATT3xFfGF0abcdef\n')).toBe('ATATT3xFfGF0abcdef');
    expect(cleanSecret('  ATATT3xFfGF0abcdef \r\n')).toBe('ATATT3xFfGF0abcdef');
  });

  it('refuses a token with white space inside, without repeating the token', () => {
    const token = 'ATATT3xFfGF0abc def';
    expect(() => cleanSecret(token)).toThrow(SecretInputError);
    try {
      cleanSecret(token);
    } catch (error) {
      expect((error as Error).message).toMatch(/space or line break inside it \(after character 15\)/);
      expect((error as Error).message).not.toContain('ATATT3x');
    }
    expect(() => cleanSecret('abc\ndef')).toThrow(/copy it again in one piece/);
  });

  it('refuses an empty token', () => {
    expect(() => cleanSecret(' \n')).toThrow(/empty/);
  });
});

describe('maskToken', () => {
  it('shows the first and last four characters, as ctk does', () => {
    expect(maskToken('ATATT3xFfGF0abcdefghijk=1A2B61F3')).toBe('ATAT...61F3');
  });
  it('hides short secrets completely', () => {
    expect(maskToken('hunter2')).toBe('****');
  });
});
