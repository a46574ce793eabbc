// The one object every shell talks to: it owns settings, credentials and auth. The CLI, the tray
// app and the MCP server all go through it, so a rule lives in exactly one place.
import type { Product, ProductStatus, ScopeReport, StatusReport } from '../../shared/status.ts';
import { AtlassianError } from '../atlassian/http/atlassian-error.ts';
import { currentUserPath, gatewayBaseUrl, type Connection } from '../auth/connection.ts';
import { accountFrom, detectCredential, type AccountSummary } from '../auth/detect-credential.ts';
import { cloudBaseUrl, parseSite, type SiteTarget } from '../auth/site-url.ts';
import { gatewayUrl } from '../config/env.ts';
import { resolvePaths, type TetherPaths } from '../config/paths.ts';
import { loadSettings, saveSettings, type Settings, type SettingsProblem } from '../config/settings.ts';
import { cleanSecret } from '../credentials/clean-secret.ts';
import type { CredentialLookup, CredentialRecord } from '../credentials/credential-record.ts';
import { CredentialVault, type RemovedCredential } from '../credentials/credential-vault.ts';
import { envCredential } from '../credentials/env-credential.ts';
import { maskToken } from '../credentials/mask.ts';
import type { SecretStore, SecretStoreKind } from '../credentials/secret-store.ts';
import { registerSecret } from '../log/redact.ts';
import { AtlassianHttp } from '../atlassian/http/atlassian-http.ts';
import { broughtToken } from '../auth/oauth/oauth-config.ts';
import { parseGrant, serializeGrant, type OAuthGrant } from '../auth/oauth/oauth-grant.ts';
import { defaultScopes } from '../auth/oauth/oauth-scopes.ts';
import { grantedScopes, probeTokenScopes, unprobedTokenScopes } from '../auth/scope-check.ts';
import type { OAuthSession } from '../auth/oauth/oauth-session.ts';
import { httpSettingsFromEnv } from '../atlassian/http/http-settings.ts';
import { RateLimiter } from '../atlassian/http/rate-limiter.ts';
import { createLogger, levelFromEnv, type Logger } from '../log/logger.ts';

export const PRODUCTS: readonly Product[] = ['confluence', 'jira'];

export interface EngineOptions {
  env?: NodeJS.ProcessEnv;
  paths?: TetherPaths;
  /** Replace a store (only for tests of failure paths; the real keychain is the default). */
  stores?: Partial<Record<SecretStoreKind, SecretStore>>;
  /** false: only credentials from `env` count (a multi-user request's engine never falls back to the host's own). */
  storedCredentials?: boolean;
  /** The current value of the brought OAuth access token (ATLASSIAN_OAUTH_ACCESS_TOKEN then only names
   * the first): a proxy grant's engine reads the token its grant holds now, refreshed as due. */
  tokenSource?: () => Promise<string>;
}

export interface LoginInput {
  site: string;
  products: Product[];
  kind: 'api_token' | 'pat';
  email?: string;
  secret: string;
  store?: SecretStoreKind;
  sslVerify?: boolean;
}

export interface LoginResult {
  products: Product[];
  site: string;
  tokenType: Connection['tokenType'];
  cloudId?: string;
  account: AccountSummary;
  store: SecretStoreKind;
  location: string;
  maskedToken: string;
}

export interface VerifyResult {
  product: Product;
  ok: boolean;
  tokenType?: Connection['tokenType'];
  apiBaseUrl?: string;
  account?: AccountSummary;
  problem?: string;
  /** Scoped API tokens: the recommended scopes, each tried with one harmless read. */
  scopes?: ScopeReport;
}

export class Engine {
  readonly env: NodeJS.ProcessEnv;
  readonly paths: TetherPaths;
  readonly settingsProblem: SettingsProblem | undefined;
  private readonly vault: CredentialVault;
  private readonly connections = new Map<Product, Promise<Connection>>();
  private readonly clients = new Map<Product, Promise<AtlassianHttp>>();
  private readonly oauthSessions = new Map<string, OAuthSession>();
  /** Per product: when Atlassian last answered with success, and the last scope check of a scoped token. */
  private readonly lastGoodCall = new Map<Product, string>();
  private readonly scopeReports = new Map<Product, ScopeReport>();
  private limiter: RateLimiter | undefined;
  private logger: Logger | undefined;

  private readonly storedCredentials: boolean;
  private readonly tokenSource: (() => Promise<string>) | undefined;

  private constructor(env: NodeJS.ProcessEnv, paths: TetherPaths, settings: Settings, problem: SettingsProblem | undefined, stores: EngineOptions['stores'], storedCredentials = true, tokenSource?: () => Promise<string>) {
    this.storedCredentials = storedCredentials;
    this.tokenSource = tokenSource;
    this.env = env;
    this.paths = paths;
    this.settingsProblem = problem;
    this.vault = new CredentialVault(paths, settings, stores);
  }

  static async open(options: EngineOptions = {}): Promise<Engine> {
    const env = options.env ?? process.env;
    const paths = options.paths ?? resolvePaths(env);
    const { settings, problem } = await loadSettings(paths);
    return new Engine(env, paths, settings, problem, options.stores, options.storedCredentials, options.tokenSource);
  }

  get settings(): Settings {
    return this.vault.currentSettings;
  }

  /** Reads the settings file again; a file that became unreadable keeps the settings in use. */
  /** Whether anything changed: a reload that finds what this process just saved itself is no news. */
  async reloadSettings(): Promise<boolean> {
    const { settings, problem } = await loadSettings(this.paths);
    if (problem || JSON.stringify(settings) === JSON.stringify(this.settings)) return false;
    this.vault.replaceSettings(settings);
    return true;
  }

  /** Changes switches (writes, tools, toolsets, limits) and saves them; connected clients are told by the host. */
  async updateSettings(change: Partial<Omit<Settings, 'credentials' | 'version'>>): Promise<Settings> {
    await this.reloadSettings();
    const next = { ...this.settings, ...change } as Settings;
    await saveSettings(this.paths, next);
    this.vault.replaceSettings(next);
    return next;
  }

  /** Logs to stderr and the log file in the config folder, redacted. */
  get log(): Logger {
    this.logger ??= createLogger({ level: levelFromEnv(this.env), dir: this.paths.logDir });
    return this.logger;
  }

  /** One request budget for everything this engine does (ctk's 20 a minute unless changed). */
  rateLimiter(): RateLimiter {
    if (!this.limiter) {
      const fromEnv = this.env.TETHER_RATE_LIMIT_PER_MINUTE;
      const perMinute = fromEnv !== undefined && fromEnv.trim() !== '' ? httpSettingsFromEnv(this.env, 'confluence').ratePerMinute : (this.settings.rateLimitPerMinute ?? 20);
      this.limiter = new RateLimiter({ perMinute });
    }
    return this.limiter;
  }

  /** The HTTP client of a product, signed in with whatever credential is in use. */
  async http(product: Product): Promise<AtlassianHttp> {
    let pending = this.clients.get(product);
    if (!pending) {
      const answered = (status: number) => {
        if (status < 400) this.lastGoodCall.set(product, new Date().toISOString());
      };
      pending = this.connection(product).then((connection) => new AtlassianHttp(connection, httpSettingsFromEnv(this.env, product), this.rateLimiter(), (line) => this.log.debug(line), answered));
      this.clients.set(product, pending);
      pending.catch(() => this.clients.delete(product));
    }
    return pending;
  }

  /** The store new credentials go to: the file only when the user chose it. */
  defaultStore(): SecretStoreKind {
    return this.env.TETHER_CREDENTIALS_FILE ? 'file' : 'keychain';
  }

  /** Whether a credential is set up for a product (environment or stored), without touching the keychain. */
  configured(product: Product): boolean {
    return envCredential(product, this.env).state !== 'none' || broughtToken(this.env) !== undefined || (this.storedCredentials && this.settings.credentials[product] !== undefined);
  }

  /** Environment first (Tether's, ctk's and mcp-atlassian's names), then what `tether auth` stored. */
  async lookup(product: Product): Promise<CredentialLookup> {
    let fromEnv = envCredential(product, this.env);
    if (fromEnv.state === 'none') fromEnv = broughtOAuthCredential(product, this.env);
    const found = fromEnv.state === 'none' && this.storedCredentials ? await this.vault.lookup(product) : fromEnv;
    if (found.state === 'ready') registerSecret(found.record.secret);
    if (found.state === 'ready' && found.record.tokenType === 'oauth') {
      const grant = parseGrant(found.record.secret);
      for (const secret of [grant?.accessToken, grant?.refreshToken, grant?.clientSecret]) if (secret) registerSecret(secret);
    }
    return found;
  }

  async status(): Promise<StatusReport> {
    const [confluence, jira] = await Promise.all(PRODUCTS.map((p) => this.productStatus(p)));
    return { confluence: confluence!, jira: jira! };
  }

  private async productStatus(product: Product): Promise<ProductStatus> {
    const found = await this.lookup(product);
    const empty: ProductStatus = { product, authenticated: false, source: null, site: null, email: null, tokenType: null, maskedToken: null, storedAt: null, cloudId: null, location: null, sslVerify: true, problem: null };
    if (found.state === 'none') return { ...empty, problem: `Not signed in to ${product === 'jira' ? 'Jira' : 'Confluence'}: run \`tether auth\`.` };
    const r = found.state === 'ready' ? found.record : found.partial;
    const base: ProductStatus = {
      ...empty,
      source: r.source,
      location: r.location,
      site: r.site?.baseUrl ?? null,
      email: r.email ?? null,
      tokenType: r.tokenType ?? null,
      cloudId: r.cloudId ?? null,
      storedAt: r.storedAt ?? null,
      sslVerify: r.sslVerify ?? true,
    };
    if (found.state === 'problem') return { ...base, problem: found.problem };
    if (found.record.tokenType === 'oauth' && found.record.source !== 'env') {
      const grant = parseGrant(found.record.secret);
      if (!grant) return { ...base, problem: 'The stored OAuth sign-in cannot be read: sign in again with `tether auth --oauth`.' };
      const details = {
        scopes: grant.scope,
        expiresAt: new Date(grant.expiresAt).toISOString(),
        maskedToken: maskToken(grant.accessToken),
        // Data Center grants use READ/WRITE scopes, which Tether does not split further.
        ...(found.record.cloudId ? { scopeReport: grantedScopes(defaultScopes([product], true), grant.scope) } : {}),
        lastGoodCallAt: this.lastGoodCall.get(product) ?? null,
      };
      if (grant.revoked) return { ...base, ...details, problem: `The OAuth sign-in has expired or was revoked (${grant.revoked}): sign in again with \`tether auth --oauth\`.` };
      return { ...base, ...details, authenticated: true };
    }
    // An environment token's type is known only once used: a check that found it scoped has a report.
    const scopeReport = this.scopeReports.get(product) ?? (found.record.tokenType === 'scoped' ? unprobedTokenScopes(product) : null);
    return { ...base, authenticated: true, maskedToken: maskToken(found.record.secret), scopeReport, lastGoodCallAt: this.lastGoodCall.get(product) ?? null };
  }

  /** Tries each recommended read scope of a scoped API token once; the report shows in status from then on. */
  async checkScopes(product: Product): Promise<ScopeReport> {
    const report = await probeTokenScopes(await this.http(product), product);
    this.scopeReports.set(product, report);
    return report;
  }

  /** A ready-to-use connection; an environment credential of unknown type is probed once per process. */
  async connection(product: Product): Promise<Connection> {
    let pending = this.connections.get(product);
    if (!pending) {
      pending = this.buildConnection(product);
      this.connections.set(product, pending);
      pending.catch(() => this.connections.delete(product));
    }
    return pending;
  }

  private async buildConnection(product: Product): Promise<Connection> {
    const found = await this.lookup(product);
    if (found.state === 'none') throw new AtlassianError('auth', `Tether is not signed in to ${product === 'jira' ? 'Jira' : 'Confluence'}: run \`tether auth\` (or set the environment variables) first.`);
    if (found.state === 'problem') throw new AtlassianError('auth', found.problem);
    const r = found.record;
    if (r.tokenType === 'oauth' && r.source !== 'env') return this.oauthConnection(product, r);
    const known = connectionFromKnownType(r, gatewayUrl(this.env));
    // A brought token kept current by someone else (a proxy grant's refresher): read it per request.
    const source = this.tokenSource;
    if (known?.tokenType === 'oauth' && r.source === 'env' && source) {
      const tokenSource = async () => {
        const token = await source();
        registerSecret(token);
        return token;
      };
      return { ...known, secret: '', tokenSource };
    }
    if (known) return known;
    const detected = await detectCredential({ ...credentialInput(r), gatewayUrl: gatewayUrl(this.env) });
    return detected.connection;
  }

  /** A stored OAuth grant: one session (one refresher) per grant, shared by both products. */
  private async oauthConnection(product: Product, r: CredentialRecord): Promise<Connection> {
    const entry = this.vault.indexEntry(product);
    if (!entry) throw new AtlassianError('auth', 'The stored OAuth sign-in is incomplete: sign in again with `tether auth --oauth`.');
    const key = `${entry.store}:${entry.account}`;
    let session = this.oauthSessions.get(key);
    if (!session) {
      const { OAuthSession } = await import('../auth/oauth/oauth-session.ts');
      session = new OAuthSession(this.vault.store(entry.store), entry.account, this.paths.configDir);
      this.oauthSessions.set(key, session);
    }
    const source = session;
    return {
      product,
      tokenType: 'oauth',
      siteUrl: r.site.baseUrl,
      // Cloud grants go through the gateway; a Data Center grant is used on the site itself.
      apiBaseUrl: r.cloudId ? gatewayBaseUrl(gatewayUrl(this.env), product, r.cloudId) : r.site.baseUrl,
      ...(r.cloudId ? { cloudId: r.cloudId } : {}),
      secret: '',
      sslVerify: r.sslVerify,
      tokenSource: async () => {
        const token = await source.accessToken();
        registerSecret(token);
        return token;
      },
    };
  }

  /** A new or removed credential: nothing learnt with the old one still holds. */
  private forgetConnection(product: Product): void {
    this.connections.delete(product);
    this.clients.delete(product);
    this.scopeReports.delete(product);
    this.lastGoodCall.delete(product);
  }

  /** Saves an OAuth grant from the browser sign-in for the products it reaches (one keychain item for both). */
  async saveOAuth(input: { products: Product[]; siteUrl: string; cloudId?: string; grant: OAuthGrant; store?: SecretStoreKind }): Promise<{ store: SecretStoreKind; location: string }> {
    const store = input.store ?? this.defaultStore();
    registerSecret(input.grant.accessToken);
    if (input.grant.refreshToken) registerSecret(input.grant.refreshToken);
    if (input.grant.clientSecret) registerSecret(input.grant.clientSecret);
    const secret = serializeGrant(input.grant);
    await this.vault.save(
      input.products.map((product) => ({
        product,
        tokenType: 'oauth' as const,
        siteUrl: input.siteUrl,
        apiBaseUrl: input.cloudId ? gatewayBaseUrl(gatewayUrl(this.env), product, input.cloudId) : input.siteUrl,
        ...(input.cloudId ? { cloudId: input.cloudId } : {}),
        secret,
        sslVerify: true,
      })),
      store,
    );
    for (const product of input.products) this.forgetConnection(product);
    this.oauthSessions.clear();
    return { store, location: this.vault.store(store).location };
  }

  /** Proves each credential with a real call (detecting the token type on the way). */
  async verify(product: Product): Promise<VerifyResult> {
    const found = await this.lookup(product);
    if (found.state !== 'ready') return { product, ok: false, problem: found.state === 'none' ? 'not signed in' : found.problem };
    try {
      // OAuth has nothing to detect: ask who the grant signs in as, with the current (refreshed) token.
      if (found.record.tokenType === 'oauth') {
        const http = await this.http(product);
        const me = await http.get(currentUserPath(product, http.connection.cloudId !== undefined));
        return { product, ok: true, tokenType: 'oauth', apiBaseUrl: http.connection.apiBaseUrl, account: accountFrom(me) };
      }
      const known = connectionFromKnownType(found.record, gatewayUrl(this.env));
      const detected = await detectCredential({
        ...credentialInput(found.record),
        gatewayUrl: gatewayUrl(this.env),
        ...(known && (known.tokenType === 'classic' || known.tokenType === 'scoped') ? { tokenTypeHint: known.tokenType } : {}),
      });
      const scopes = detected.connection.tokenType === 'scoped' ? await this.checkScopes(product) : undefined;
      return { product, ok: true, tokenType: detected.connection.tokenType, apiBaseUrl: detected.connection.apiBaseUrl, account: detected.account, ...(scopes ? { scopes } : {}) };
    } catch (error) {
      if (error instanceof AtlassianError) return { product, ok: false, problem: error.message };
      throw error;
    }
  }

  /** Detects, verifies with a real call, then saves; nothing is stored unless every product verified. */
  async login(input: LoginInput): Promise<LoginResult> {
    const site = parseSite(input.site);
    const secret = cleanSecret(input.secret, input.kind === 'pat' ? 'personal access token' : 'API token');
    registerSecret(secret);
    const email = input.email?.trim() || undefined;
    const sslVerify = input.sslVerify ?? true;
    const detected = [];
    for (const product of input.products) {
      detected.push(
        await detectCredential({ product, site, kind: input.kind, secret, sslVerify, gatewayUrl: gatewayUrl(this.env), ...(email ? { email } : {}) }),
      );
    }
    const store = input.store ?? this.defaultStore();
    await this.vault.save(detected.map((d) => d.connection), store);
    for (const product of input.products) this.forgetConnection(product);
    const first = detected[0]!;
    return {
      products: input.products,
      site: first.connection.siteUrl,
      tokenType: first.connection.tokenType,
      ...(first.connection.cloudId ? { cloudId: first.connection.cloudId } : {}),
      account: first.account,
      store,
      location: this.vault.store(store).location,
      maskedToken: maskToken(secret),
    };
  }

  async logout(products: readonly Product[] = PRODUCTS): Promise<RemovedCredential[]> {
    for (const product of products) this.forgetConnection(product);
    return this.vault.remove([...products]);
  }
}

/** ATLASSIAN_OAUTH_ACCESS_TOKEN + ATLASSIAN_OAUTH_CLOUD_ID: a token the user brings, used as is (no refresh). */
function broughtOAuthCredential(product: Product, env: NodeJS.ProcessEnv): CredentialLookup {
  const brought = broughtToken(env);
  if (!brought) return { state: 'none' };
  const gateway = gatewayUrl(env);
  return {
    state: 'ready',
    record: {
      product,
      source: 'env',
      location: 'environment (ATLASSIAN_OAUTH_ACCESS_TOKEN, ATLASSIAN_OAUTH_CLOUD_ID)',
      site: parseSite(`${gateway}/ex/${product}/${brought.cloudId}`),
      kind: 'api_token',
      secret: brought.accessToken,
      tokenType: 'oauth',
      cloudId: brought.cloudId,
      sslVerify: true,
    },
  };
}

function credentialInput(r: CredentialRecord) {
  const site: SiteTarget = r.site;
  return {
    product: r.product,
    site,
    kind: r.kind,
    secret: r.secret,
    sslVerify: r.sslVerify,
    ...(r.email ? { email: r.email } : {}),
    ...(r.cloudId ? { cloudIdHint: r.cloudId } : {}),
    ...(r.tokenType === 'classic' || r.tokenType === 'scoped' ? { tokenTypeHint: r.tokenType } : {}),
  };
}

/** Stored credentials carry their detected type, so using them needs no probe. */
function connectionFromKnownType(r: CredentialRecord, gateway: string): Connection | undefined {
  const common = { product: r.product, siteUrl: r.site.baseUrl, secret: r.secret, sslVerify: r.sslVerify, ...(r.email ? { email: r.email } : {}), ...(r.cloudId ? { cloudId: r.cloudId } : {}) };
  if (r.tokenType === 'pat' || r.tokenType === 'basic') return { ...common, tokenType: r.tokenType, apiBaseUrl: r.site.baseUrl };
  if (r.tokenType === 'classic') return { ...common, siteUrl: cloudBaseUrl(r.site), tokenType: 'classic', apiBaseUrl: cloudBaseUrl(r.site) };
  if (r.tokenType === 'scoped' && r.cloudId) return { ...common, siteUrl: cloudBaseUrl(r.site), tokenType: 'scoped', apiBaseUrl: gatewayBaseUrl(gateway, r.product, r.cloudId) };
  if (r.tokenType === 'oauth' && r.cloudId) return { ...common, tokenType: 'oauth', apiBaseUrl: gatewayBaseUrl(gateway, r.product, r.cloudId) };
  return undefined;
}
