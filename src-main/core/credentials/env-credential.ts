// A credential given through environment variables (Tether's, ctk's or mcp-atlassian's names).
import type { Product, TokenType } from '../../shared/status.ts';
import { parseSite, SiteInputError } from '../auth/site-url.ts';
import { envCredentialFields, isSwitchedOff } from '../config/env.ts';
import { cleanSecret, SecretInputError } from './clean-secret.ts';
import type { CredentialLookup } from './credential-record.ts';

export function envCredential(product: Product, env: NodeJS.ProcessEnv): CredentialLookup {
  const f = envCredentialFields(product, env);
  const token = f.personalToken ?? f.apiToken;
  if (!token) return { state: 'none' };
  const names = [f.site?.from, f.email?.from, token.from].filter(Boolean).join(', ');
  const location = `environment (${names})`;
  const sslVerify = !isSwitchedOff(f.sslVerify?.value);
  const siteVar = product === 'jira' ? 'JIRA_URL' : 'CONFLUENCE_URL';
  if (!f.site) {
    return { state: 'problem', problem: `${token.from} is set but no site is: set ${siteVar} (or TETHER_SITE) to your site's URL.`, partial: { source: 'env', location, sslVerify } };
  }
  try {
    const site = parseSite(f.site.value);
    const secret = cleanSecret(token.value, `token in ${token.from}`);
    const kind = token === f.personalToken ? 'pat' : 'api_token';
    let tokenType: TokenType | undefined;
    if (kind === 'pat') tokenType = 'pat';
    else if (f.tokenType) {
      const hint = f.tokenType.value.trim().toLowerCase();
      if (hint !== 'classic' && hint !== 'scoped') {
        return { state: 'problem', problem: `${f.tokenType.from} is "${f.tokenType.value}": set it to classic or scoped, or remove it to let Tether detect the type.`, partial: { source: 'env', location, site, sslVerify } };
      }
      tokenType = hint;
    }
    return {
      state: 'ready',
      record: {
        product,
        source: 'env',
        location,
        site,
        kind,
        secret,
        sslVerify,
        ...(f.email ? { email: f.email.value.trim() } : {}),
        ...(tokenType ? { tokenType } : {}),
        ...(f.cloudId ? { cloudId: f.cloudId.value.trim() } : {}),
      },
    };
  } catch (error) {
    if (error instanceof SiteInputError || error instanceof SecretInputError) {
      return { state: 'problem', problem: `${f.site.from}/${token.from}: ${error.message}`, partial: { source: 'env', location, sslVerify } };
    }
    throw error;
  }
}
