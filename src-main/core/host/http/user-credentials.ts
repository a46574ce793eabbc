// Multi-user mode (opt-in, as mcp-atlassian offers it): each HTTP request brings its own Atlassian
// credential — `Authorization: Bearer <OAuth access token>` with `X-Atlassian-Cloud-Id`, or
// `Authorization: Token <personal access token>` for the host's Server/Data Center URLs — and is
// served by an engine that knows only that credential. The host's own sign-in never serves it.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Engine } from '../engine.ts';

export type UserCredential = { kind: 'oauth'; token: string; cloudId: string } | { kind: 'pat'; token: string };

/** A grant of the MCP OAuth proxy (oauth-proxy/): its engine outlives the grant's Atlassian access
 * tokens, reading the current one from `tokenSource`; `token` is the one it starts with. */
export interface GrantCredential {
  kind: 'grant';
  grantId: string;
  cloudId: string;
  token: string;
  tokenSource: () => Promise<string>;
}

export function userCredentialFrom(headers: IncomingHttpHeaders | Headers): UserCredential | undefined {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : ((headers[name] as string | undefined) ?? null));
  const auth = get('authorization')?.trim() ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  const cloudId = get('x-atlassian-cloud-id')?.trim();
  if (bearer && cloudId) return { kind: 'oauth', token: bearer, cloudId };
  const pat = /^Token\s+(\S+)$/i.exec(auth)?.[1];
  if (pat) return { kind: 'pat', token: pat };
  return undefined;
}

/** Who a credential belongs to, without keeping the credential itself as a key. */
export function credentialKey(credential: UserCredential): string {
  return createHash('sha256').update(`${credential.kind}\0${credential.token}\0${credential.kind === 'oauth' ? credential.cloudId : ''}`).digest('hex');
}

// Variables that name a credential: none of the host's may reach a user's engine.
const CREDENTIAL_VARIABLE = /^(CONFLUENCE_(API_TOKEN|PERSONAL_TOKEN|EMAIL|USERNAME|TOKEN_TYPE|CLOUD_ID)|JIRA_(API_TOKEN|PERSONAL_TOKEN|USERNAME)|ATLASSIAN_OAUTH_|TETHER_(API_TOKEN|PERSONAL_TOKEN|EMAIL|TOKEN_TYPE|CLOUD_ID|OAUTH_)|TETHER_CREDENTIALS_FILE)/;

const grantKey = (grantId: string) => `grant\0${grantId}`;

/** One engine per user (its own request budget), reused while that user keeps calling: per
 * credential in header mode, per grant (whatever its current token) with the OAuth proxy. */
export class UserEngines {
  private readonly engines = new Map<string, { engine: Promise<Engine>; lastUsed: number }>();
  private openedCount = 0;

  constructor(
    private readonly host: Engine,
    private readonly max = 32,
  ) {}

  /** Engines opened so far (a user whose engine was kept counts once). */
  get opened(): number {
    return this.openedCount;
  }

  /** Engines kept now. */
  get size(): number {
    return this.engines.size;
  }

  for(credential: UserCredential | GrantCredential): Promise<Engine> {
    const key = credential.kind === 'grant' ? grantKey(credential.grantId) : credentialKey(credential);
    const known = this.engines.get(key);
    if (known) {
      known.lastUsed = Date.now();
      return known.engine;
    }
    const env = Object.fromEntries(Object.entries(this.host.env).filter(([name]) => !CREDENTIAL_VARIABLE.test(name)));
    if (credential.kind === 'pat') Object.assign(env, { CONFLUENCE_PERSONAL_TOKEN: credential.token, JIRA_PERSONAL_TOKEN: credential.token });
    else Object.assign(env, { ATLASSIAN_OAUTH_ACCESS_TOKEN: credential.token, ATLASSIAN_OAUTH_CLOUD_ID: credential.cloudId });
    const engine = Engine.open({ env, paths: this.host.paths, storedCredentials: false, ...(credential.kind === 'grant' ? { tokenSource: credential.tokenSource } : {}) });
    this.openedCount += 1;
    this.engines.set(key, { engine, lastUsed: Date.now() });
    if (this.engines.size > this.max) {
      const oldest = [...this.engines.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0];
      if (oldest) this.engines.delete(oldest[0]);
    }
    return engine;
  }

  /** Lets a grant's engine go (the grant was revoked). */
  forgetGrant(grantId: string): void {
    this.engines.delete(grantKey(grantId));
  }
}
