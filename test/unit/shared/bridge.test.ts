// The Bridge contract: channel list, argument tuples, result shapes, the envelope.
import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../src-main/shared/bridge-channels.ts';
import { bridgeChannels, bridgeContract, describeArgsError, envelopeSchema, errorEnvelope, isBridgeChannel, okEnvelope } from '../../../src-main/shared/bridge.ts';

const productStatus = (product: 'confluence' | 'jira') => ({
  product,
  authenticated: true,
  source: 'keychain',
  site: 'https://acme.atlassian.net',
  email: 'ana@acme.com',
  tokenType: 'classic',
  maskedToken: 'ATAT…1234',
  storedAt: '2025-01-01T00:00:00.000Z',
  cloudId: 'c0ffee',
  location: 'keychain (Secret Service)',
  sslVerify: true,
  problem: null,
});

describe('bridge contract', () => {
  it('the zod-free channel list (used by the preload) names exactly the contract channels', () => {
    expect([...BRIDGE_CHANNELS].sort()).toEqual(Object.keys(bridgeContract).sort());
    expect(bridgeChannels).toEqual(BRIDGE_CHANNELS);
  });

  it('recognises its channels and nothing inherited from Object', () => {
    for (const channel of bridgeChannels) expect(isBridgeChannel(channel)).toBe(true);
    for (const other of ['__proto__', 'constructor', 'toString', 'status', 'status.set', '', 42, null, undefined]) expect(isBridgeChannel(other)).toBe(false);
  });

  it('status.get takes no arguments', () => {
    expect(bridgeContract['status.get'].args.safeParse([]).success).toBe(true);
    expect(bridgeContract['status.get'].args.safeParse(['jira']).success).toBe(false);
  });

  it('status.check takes one product', () => {
    const args = bridgeContract['status.check'].args;
    expect(args.parse(['jira'])).toEqual(['jira']);
    expect(args.parse(['confluence'])).toEqual(['confluence']);
    for (const bad of [[], ['bitbucket'], [1], ['jira', 'extra'], 'jira', null]) expect(args.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('explains bad arguments in one readable sentence', () => {
    const result = bridgeContract['status.check'].args.safeParse(['bitbucket']);
    expect(result.success).toBe(false);
    const message = describeArgsError('status.check', result.error!);
    expect(message).toMatch(/^status\.check: argument 1: /);
    expect(message).toContain('"confluence"');
    expect(message).not.toContain('\n');
  });

  it('status.get results follow the status report; keys outside the contract are dropped', () => {
    const report = { confluence: productStatus('confluence'), jira: { ...productStatus('jira'), secret: 'ATATT-should-not-cross' } };
    const parsed = bridgeContract['status.get'].result.parse(report);
    expect(parsed.confluence).toEqual(productStatus('confluence'));
    expect(JSON.stringify(parsed)).not.toContain('should-not-cross');
    expect(bridgeContract['status.get'].result.safeParse({ confluence: productStatus('confluence') }).success).toBe(false);
  });

  it('status.check results: a success with account, a failure with a problem', () => {
    const result = bridgeContract['status.check'].result;
    expect(result.parse({ product: 'jira', ok: true, tokenType: 'pat', apiBaseUrl: 'https://jira.example/rest/api/2', account: { displayName: 'Ana', email: 'ana@example.com', accountId: 'a1' } }).account?.displayName).toBe('Ana');
    expect(result.parse({ product: 'confluence', ok: false, problem: 'not signed in' }).problem).toBe('not signed in');
    expect(result.safeParse({ product: 'confluence', ok: true, tokenType: 'password' }).success).toBe(false);
  });

  it('wraps answers in the envelope', () => {
    expect(okEnvelope(3)).toEqual({ ok: true, value: 3 });
    expect(errorEnvelope('nope')).toEqual({ ok: false, error: 'nope' });
    const schema = envelopeSchema('status.check');
    expect(schema.safeParse({ ok: true, value: { product: 'jira', ok: false, problem: 'x' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: 'x' }).success).toBe(true);
    expect(schema.safeParse({ ok: false }).success).toBe(false);
    expect(schema.safeParse({ ok: true, value: { product: 'nope', ok: true } }).success).toBe(false);
  });
});
