// Environment variables Tether reads, under its own names first and then ctk's and mcp-atlassian's,
// so people can move over without renaming anything.
import type { Product } from '../../shared/status.ts';

export interface EnvCredentialFields {
  site?: { value: string; from: string };
  email?: { value: string; from: string };
  apiToken?: { value: string; from: string };
  personalToken?: { value: string; from: string };
  tokenType?: { value: string; from: string };
  cloudId?: { value: string; from: string };
  sslVerify?: { value: string; from: string };
}

const NAMES: Record<Product, Record<keyof EnvCredentialFields, string[]>> = {
  confluence: {
    site: ['TETHER_CONFLUENCE_URL', 'TETHER_SITE', 'CONFLUENCE_URL', 'CONFLUENCE_DOMAIN'],
    email: ['TETHER_EMAIL', 'CONFLUENCE_EMAIL', 'CONFLUENCE_USERNAME'],
    apiToken: ['TETHER_API_TOKEN', 'CONFLUENCE_API_TOKEN'],
    personalToken: ['TETHER_PERSONAL_TOKEN', 'CONFLUENCE_PERSONAL_TOKEN'],
    tokenType: ['TETHER_TOKEN_TYPE', 'CONFLUENCE_TOKEN_TYPE'],
    cloudId: ['TETHER_CLOUD_ID', 'CONFLUENCE_CLOUD_ID'],
    sslVerify: ['TETHER_SSL_VERIFY', 'CONFLUENCE_SSL_VERIFY'],
  },
  jira: {
    site: ['TETHER_JIRA_URL', 'TETHER_SITE', 'JIRA_URL'],
    email: ['TETHER_EMAIL', 'JIRA_USERNAME', 'JIRA_EMAIL'],
    apiToken: ['TETHER_API_TOKEN', 'JIRA_API_TOKEN'],
    personalToken: ['TETHER_PERSONAL_TOKEN', 'JIRA_PERSONAL_TOKEN'],
    tokenType: ['TETHER_TOKEN_TYPE', 'JIRA_TOKEN_TYPE'],
    cloudId: ['TETHER_CLOUD_ID', 'JIRA_CLOUD_ID'],
    sslVerify: ['TETHER_SSL_VERIFY', 'JIRA_SSL_VERIFY'],
  },
};

export function envCredentialFields(product: Product, env: NodeJS.ProcessEnv): EnvCredentialFields {
  const fields: EnvCredentialFields = {};
  for (const [field, names] of Object.entries(NAMES[product]) as [keyof EnvCredentialFields, string[]][]) {
    for (const name of names) {
      const value = env[name];
      if (value !== undefined && value.trim() !== '') {
        fields[field] = { value, from: name };
        break;
      }
    }
  }
  return fields;
}

/** "false", "0", "no", "off" turn a switch off; anything else leaves it on. */
export function isSwitchedOff(value: string | undefined): boolean {
  return value !== undefined && ['false', '0', 'no', 'off'].includes(value.trim().toLowerCase());
}

export function gatewayUrl(env: NodeJS.ProcessEnv): string {
  return (env.TETHER_ATLASSIAN_API_URL || 'https://api.atlassian.com').replace(/\/+$/, '');
}
