// Fault injection: latency, error statuses, extra headers. Rules apply before routing, in the
// order they were added; the first matching rule with uses left wins.

import type { FaultInjector, FaultRule, ListenerName } from './types.ts';

interface StoredRule {
  rule: FaultRule;
  remaining: number;
}

export class Faults implements FaultInjector {
  private rules: StoredRule[] = [];

  add(rule: FaultRule): void {
    if (typeof rule.path !== 'string' && !(rule.path instanceof RegExp)) {
      throw new TypeError('fault rule needs a path (string prefix or RegExp)');
    }
    const times = rule.times ?? Infinity;
    if (!(times > 0)) return;
    this.rules.push({ rule: { ...rule }, remaining: times });
  }

  clear(): void {
    this.rules = [];
  }

  /** The rule that applies to this request (its use is counted), or undefined. */
  take(listener: ListenerName, method: string, pathname: string): FaultRule | undefined {
    for (const stored of this.rules) {
      const { rule } = stored;
      if (stored.remaining <= 0) continue;
      if (rule.listener !== undefined && rule.listener !== listener) continue;
      if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (typeof rule.path === 'string' ? !pathname.startsWith(rule.path) : !testRegex(rule.path, pathname)) continue;
      stored.remaining -= 1;
      if (stored.remaining <= 0) this.rules = this.rules.filter((r) => r !== stored);
      return rule;
    }
    return undefined;
  }
}

function testRegex(re: RegExp, s: string): boolean {
  re.lastIndex = 0; // a /g or /y regex keeps state between calls
  return re.test(s);
}

/** Parses the JSON body of `POST /__sandbox/faults` into a rule (path string or `pathRegex`). */
export function ruleFromJson(input: unknown): FaultRule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TypeError('fault rule must be a JSON object');
  const o = input as Record<string, unknown>;
  let path: string | RegExp;
  if (typeof o.pathRegex === 'string') path = new RegExp(o.pathRegex);
  else if (typeof o.path === 'string') path = o.path;
  else throw new TypeError('fault rule needs "path" (prefix) or "pathRegex"');
  const rule: FaultRule = { path };
  if (o.listener !== undefined) {
    if (o.listener !== 'site' && o.listener !== 'api' && o.listener !== 'dc') throw new TypeError('listener must be site, api or dc');
    rule.listener = o.listener;
  }
  if (o.method !== undefined) {
    if (typeof o.method !== 'string') throw new TypeError('method must be a string');
    rule.method = o.method;
  }
  if (o.status !== undefined) {
    if (typeof o.status !== 'number' || !Number.isInteger(o.status) || o.status < 100 || o.status > 599) {
      throw new TypeError('status must be an HTTP status code');
    }
    rule.status = o.status;
  }
  if (o.body !== undefined) rule.body = o.body;
  if (o.headers !== undefined) {
    if (typeof o.headers !== 'object' || o.headers === null) throw new TypeError('headers must be an object');
    rule.headers = Object.fromEntries(Object.entries(o.headers).map(([k, v]) => [k, String(v)]));
  }
  if (o.latencyMs !== undefined) {
    if (typeof o.latencyMs !== 'number' || o.latencyMs < 0) throw new TypeError('latencyMs must be a number ≥ 0');
    rule.latencyMs = o.latencyMs;
  }
  if (o.times !== undefined && o.times !== null) {
    if (typeof o.times !== 'number' || o.times < 1) throw new TypeError('times must be a number ≥ 1');
    rule.times = o.times;
  }
  return rule;
}
