// How Tether's HTTP client behaves, from the environment: budget, timeout, retries, extra headers.
import { z } from 'zod';
import type { Product } from '../../../shared/status.ts';

export interface HttpSettings {
  ratePerMinute: number;
  timeoutMs: number;
  maxRetries: number;
  customHeaders: Record<string, string>;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** mcp-atlassian's format: "Name=value,Other=value"; a value may contain "=". */
export function parseCustomHeaders(raw: string | undefined, variable: string): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!raw?.trim()) return headers;
  for (const pair of raw.split(',')) {
    if (!pair.trim()) continue;
    const at = pair.indexOf('=');
    const name = at === -1 ? '' : pair.slice(0, at).trim();
    if (!HEADER_NAME.test(name)) throw new Error(`${variable} has "${pair.trim().slice(0, 40)}", which is not Name=value: write it as Name=value,Other=value.`);
    if (/^(authorization|cookie|host)$/i.test(name)) throw new Error(`${variable} may not set ${name}: Tether sends credentials itself.`);
    headers[name] = pair.slice(at + 1).trim();
  }
  return headers;
}

const number = (value: string | undefined, fallback: number, name: string, min: number, max: number): number => {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(value);
  if (!parsed.success) throw new Error(`${name} is "${value}": give a whole number from ${min} to ${max}.`);
  return parsed.data;
};

export function httpSettingsFromEnv(env: NodeJS.ProcessEnv, product: Product): HttpSettings {
  const headersVar = product === 'jira' ? 'JIRA_CUSTOM_HEADERS' : 'CONFLUENCE_CUSTOM_HEADERS';
  return {
    ratePerMinute: number(env.TETHER_RATE_LIMIT_PER_MINUTE, 20, 'TETHER_RATE_LIMIT_PER_MINUTE', 0, 100_000),
    timeoutMs: number(env.TETHER_TIMEOUT_SECONDS, 30, 'TETHER_TIMEOUT_SECONDS', 1, 600) * 1000,
    maxRetries: number(env.TETHER_MAX_RETRIES, 3, 'TETHER_MAX_RETRIES', 0, 10),
    customHeaders: { ...parseCustomHeaders(env.TETHER_CUSTOM_HEADERS, 'TETHER_CUSTOM_HEADERS'), ...parseCustomHeaders(env[headersVar], headersVar) },
  };
}
