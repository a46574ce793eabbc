// Works out what kind of credential the user gave and proves it with a real call, as ctk does:
// Basic on the site → anything but 401 means a classic token; on 401, read the cloudId and try the
// gateway → success means a scoped token. Personal access tokens (Server/DC) go as Bearer.
import type { Product, TokenType } from '../../shared/status.ts';
import { AtlassianError, errorFromResponse, isScopeMismatch, retryAfterSeconds } from '../atlassian/http/atlassian-error.ts';
import { sendRequest, type RawResponse } from '../atlassian/http/send-request.ts';
import { authorizationHeader, currentUserPath, gatewayBaseUrl, type Connection } from './connection.ts';
import { cloudBaseUrl, type SiteTarget } from './site-url.ts';
import { fetchCloudId } from './tenant-info.ts';

export interface CredentialInput {
  product: Product;
  site: SiteTarget;
  kind: 'api_token' | 'pat';
  email?: string;
  secret: string;
  sslVerify: boolean;
  gatewayUrl: string;
  /** Skips the probe when the user said which kind of Cloud token it is (CONFLUENCE_TOKEN_TYPE). */
  tokenTypeHint?: 'classic' | 'scoped';
  cloudIdHint?: string;
}

export interface AccountSummary {
  displayName?: string;
  email?: string;
  accountId?: string;
}

export interface DetectedCredential {
  connection: Connection;
  account: AccountSummary;
}

const PRODUCT_NAME: Record<Product, string> = { confluence: 'Confluence', jira: 'Jira' };

export async function detectCredential(input: CredentialInput): Promise<DetectedCredential> {
  const { product, site, sslVerify } = input;
  const where = `${PRODUCT_NAME[product]} on ${site.hostname}`;

  if (input.kind === 'pat') {
    if (site.cloudByHost) {
      throw new AtlassianError('auth', `${site.hostname} is an Atlassian Cloud site, and personal access tokens are for Server/Data Center: sign in with your email and an API token instead (\`tether auth --email …\`).`);
    }
    const connection: Connection = { product, apiBaseUrl: site.baseUrl, siteUrl: site.baseUrl, tokenType: 'pat', secret: input.secret, sslVerify };
    const response = await whoAmI(connection, false);
    if (response.status === 401) {
      throw new AtlassianError('auth', `${where} did not accept this personal access token: create a new one under your profile → Personal Access Tokens, and try again.`, 401);
    }
    return { connection, account: accountFrom(expectOk(response, where)) };
  }

  if (!input.email) {
    throw new AtlassianError('auth', `An API token needs the email address of its Atlassian account: add --email (or set ${product === 'jira' ? 'JIRA_USERNAME' : 'CONFLUENCE_EMAIL'}); for Server/Data Center personal access tokens use --pat-stdin.`);
  }

  const cloudId = input.cloudIdHint ?? (await fetchCloudId(cloudBaseUrl(site), sslVerify));
  if (!cloudId && !site.cloudByHost) {
    // Not a Cloud site: Server/Data Center with user name + password (or token) over Basic.
    const connection: Connection = { product, apiBaseUrl: site.baseUrl, siteUrl: site.baseUrl, tokenType: 'basic', email: input.email, secret: input.secret, sslVerify };
    const response = await whoAmI(connection, false);
    if (response.status === 401) {
      throw new AtlassianError('auth', `${where} did not accept this user name and password: check both, or use a personal access token with --pat-stdin.`, 401);
    }
    return { connection, account: accountFrom(expectOk(response, where)) };
  }

  const siteUrl = cloudBaseUrl(site);
  const onSite: Connection = { product, apiBaseUrl: siteUrl, siteUrl, tokenType: 'classic', email: input.email, secret: input.secret, sslVerify, ...(cloudId ? { cloudId } : {}) };
  if (input.tokenTypeHint !== 'scoped') {
    const response = await whoAmI(onSite, true);
    if (response.status !== 401) return { connection: onSite, account: accountFrom(expectOk(response, where)) };
    if (input.tokenTypeHint === 'classic') throw wrongToken(where, input.email, site.hostname);
  }
  if (!cloudId) {
    throw new AtlassianError('auth', `${where} did not accept this token, and its cloudId could not be read to try it as a scoped token: check the email and token, or set CONFLUENCE_CLOUD_ID.`, 401);
  }
  const viaGateway: Connection = { ...onSite, tokenType: 'scoped', apiBaseUrl: gatewayBaseUrl(input.gatewayUrl, product, cloudId) };
  const response = await whoAmI(viaGateway, true);
  // The gateway knew the token and only lacked a scope to read the profile: a scoped token all the same.
  if (isScopeMismatch(response.status, response.body)) return { connection: viaGateway, account: {} };
  if (response.status === 401) throw wrongToken(where, input.email, site.hostname);
  return { connection: viaGateway, account: accountFrom(expectOk(response, where)) };
}

function wrongToken(where: string, email: string, host: string): AtlassianError {
  return new AtlassianError('auth', `${where} did not accept this API token for ${email}: check that the email is your Atlassian account's and that the token belongs to ${host}, or create a new one at https://id.atlassian.com/manage-profile/security/api-tokens and try again.`, 401);
}

async function whoAmI(connection: Connection, cloud: boolean): Promise<RawResponse> {
  return sendRequest({
    url: `${connection.apiBaseUrl}${currentUserPath(connection.product, cloud)}`,
    headers: { authorization: authorizationHeader(connection) },
    sslVerify: connection.sslVerify,
  });
}

function expectOk(response: RawResponse, where: string): unknown {
  if (response.status >= 200 && response.status < 300) return response.body;
  const wait = retryAfterSeconds(response.headers);
  throw errorFromResponse({ where, status: response.status, body: response.body, ...(wait !== undefined ? { retryAfterSeconds: wait } : {}) });
}

/** Who a current-user answer (Cloud or Data Center, Confluence or Jira) says the account is. */
export function accountFrom(body: unknown): AccountSummary {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const summary: AccountSummary = {};
  const displayName = text(b.displayName) ?? text(b.publicName) ?? text(b.name);
  const email = text(b.emailAddress) ?? text(b.email);
  const accountId = text(b.accountId) ?? text(b.userKey) ?? text(b.key);
  if (displayName) summary.displayName = displayName;
  if (email) summary.email = email;
  if (accountId) summary.accountId = accountId;
  return summary;
}

export type { TokenType };
