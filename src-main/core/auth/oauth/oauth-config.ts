// Where the OAuth 2.0 (3LO) app and servers are: Tether's names and mcp-atlassian's, from the
// environment, over what the user typed.
export interface OAuthAppConfig {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  redirectUri?: string | undefined;
  scope?: string | undefined;
  cloudId?: string | undefined;
}

export function oauthAppFromEnv(env: NodeJS.ProcessEnv): OAuthAppConfig {
  const pick = (...names: string[]) => names.map((n) => env[n]?.trim()).find((v) => v !== undefined && v !== '');
  return {
    clientId: pick('TETHER_OAUTH_CLIENT_ID', 'ATLASSIAN_OAUTH_CLIENT_ID'),
    clientSecret: pick('TETHER_OAUTH_CLIENT_SECRET', 'ATLASSIAN_OAUTH_CLIENT_SECRET'),
    redirectUri: pick('TETHER_OAUTH_REDIRECT_URI', 'ATLASSIAN_OAUTH_REDIRECT_URI'),
    scope: pick('TETHER_OAUTH_SCOPE', 'ATLASSIAN_OAUTH_SCOPE'),
    cloudId: pick('TETHER_OAUTH_CLOUD_ID', 'ATLASSIAN_OAUTH_CLOUD_ID'),
  };
}

/** The authorization server (https://auth.atlassian.com unless TETHER_ATLASSIAN_AUTH_URL moves it). */
export function authServerUrl(env: NodeJS.ProcessEnv): string {
  return (env.TETHER_ATLASSIAN_AUTH_URL || 'https://auth.atlassian.com').replace(/\/+$/, '');
}

/** A token the user brings (ATLASSIAN_OAUTH_ACCESS_TOKEN + ATLASSIAN_OAUTH_CLOUD_ID): used as is, never refreshed. */
export function broughtToken(env: NodeJS.ProcessEnv): { accessToken: string; cloudId: string } | undefined {
  const accessToken = (env.TETHER_OAUTH_ACCESS_TOKEN ?? env.ATLASSIAN_OAUTH_ACCESS_TOKEN)?.trim();
  const cloudId = (env.TETHER_OAUTH_CLOUD_ID ?? env.ATLASSIAN_OAUTH_CLOUD_ID)?.trim();
  return accessToken && cloudId ? { accessToken, cloudId } : undefined;
}
