// Turns what a user types as "site" (acme, acme.atlassian.net, https://acme.atlassian.net/wiki,
// https://confluence.corp.example/confluence) into one base URL, refusing what cannot be right.
import { isIP } from 'node:net';

export class SiteInputError extends Error {
  override name = 'SiteInputError';
}

const CLOUD_HOST = /\.(atlassian\.net|jira\.com|jira-dev\.com)$/i;

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}

export function isCloudHost(hostname: string): boolean {
  return CLOUD_HOST.test(hostname);
}

export interface SiteTarget {
  /** Base URL without a trailing slash; for Cloud the origin only, for Server/DC with its context path. */
  baseUrl: string;
  hostname: string;
  /** Known from the host name alone (*.atlassian.net); other hosts are probed. */
  cloudByHost: boolean;
}

export function parseSite(input: string): SiteTarget {
  const raw = input.trim();
  const hint = 'give your site as acme, acme.atlassian.net or https://acme.atlassian.net (Server/Data Center: its full URL)';
  if (raw === '') throw new SiteInputError(`No site was given: ${hint}.`);
  if (/\s/.test(raw)) throw new SiteInputError(`"${raw}" has a space in it, so it is not a site name or URL: ${hint}.`);
  let candidate = raw;
  if (/^[a-z0-9][a-z0-9-]*$/i.test(raw)) candidate = `https://${raw}.atlassian.net`;
  else if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) candidate = `https://${raw}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new SiteInputError(`"${raw}" is not a site name or URL: ${hint}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SiteInputError(`"${raw}" uses ${url.protocol.replace(':', '')}, not https: ${hint}.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new SiteInputError(`"${raw}" uses plain http, which would send your token unencrypted: use https:// (plain http is allowed only for this computer, such as http://127.0.0.1).`);
  }
  if (url.username || url.password) throw new SiteInputError(`"${raw}" has a user name or password in it: give the site alone and the credentials separately.`);
  const cloudByHost = isCloudHost(url.hostname);
  const path = cloudByHost ? '' : url.pathname.replace(/\/+$/, '');
  return { baseUrl: `${url.protocol}//${url.host}${path}`, hostname: url.hostname, cloudByHost };
}

/** Cloud sites are reached at their origin; mcp-atlassian users often write CONFLUENCE_URL with /wiki. */
export function cloudBaseUrl(site: SiteTarget): string {
  return site.baseUrl.replace(/\/wiki$/, '');
}
