// Public and internal types of the sandbox: a local stand-in for Atlassian Cloud / Data Center.
// The sandbox is independent of src-main/core by design (see ARCHITECTURE.md).

import type { IncomingHttpHeaders } from 'node:http';
import type { ConfluenceStore } from './confluence/model.ts';
import type { JiraStore } from './jira/model.ts';
import type { OAuthCounters, OAuthSettings } from './oauth/settings.ts';
import type { SandboxSeed, SeedUser } from './seed.ts';

/** The listeners: the Cloud site, the api.atlassian.com gateway, a Data Center server, auth.atlassian.com. */
export type ListenerName = 'site' | 'api' | 'dc' | 'auth';

export interface SandboxOptions {
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** 0 = random (default). */
  sitePort?: number;
  apiPort?: number;
  dcPort?: number;
  authPort?: number;
  /** Initial OAuth settings (lifetimes, reuse grace, approving user); `sandbox.oauth.reset()` returns to them. */
  oauth?: Partial<OAuthSettings>;
  /** Optional line logger (method, path, status, time). Never receives secrets. Default: silent. */
  log?: (line: string) => void;
}

export interface Exchange {
  listener: ListenerName;
  method: string;
  /** Pathname only, as received (percent-encoding kept). */
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-case header names, as received (this includes Authorization). */
  requestHeaders: Record<string, string>;
  /** Parsed JSON, a raw string for non-JSON bodies, or undefined when empty. */
  requestBody: unknown;
  status: number;
  /** Lower-case header names. */
  responseHeaders: Record<string, string>;
  /** Parsed JSON or a raw string; undefined when the response has no body. */
  responseBody: unknown;
}

export interface FaultRule {
  listener?: ListenerName;
  method?: string;
  /** A string is a prefix match on the pathname; a RegExp is tested against the pathname. */
  path: string | RegExp;
  /** When set, the request is answered with this status and never reaches the routes. */
  status?: number;
  /** Body of the faulted answer; default: an Atlassian-style error body matching the path. */
  body?: unknown;
  /** Extra headers: on the faulted answer, or merged into the real answer when `status` is absent. */
  headers?: Record<string, string>;
  /** Delay before answering (or before routing, when `status` is absent). */
  latencyMs?: number;
  /** How many matching requests the rule applies to. Default Infinity. */
  times?: number;
}

export interface FaultInjector {
  add(rule: FaultRule): void;
  clear(): void;
}

export interface Sandbox {
  /** The Cloud site, like https://acme.atlassian.net. */
  siteUrl: string;
  /** The api.atlassian.com gateway stand-in (separate listener). */
  apiUrl: string;
  /** A Data Center server: Confluence DC at `${dcUrl}/confluence`, Jira DC at `${dcUrl}/jira`. */
  dcUrl: string;
  /**
   * The auth.atlassian.com stand-in (separate listener): `${authUrl}/authorize` (consent page) and
   * `${authUrl}/oauth/token`. Data Center's providers live at `${dcUrl}/{jira|confluence}/rest/oauth2/latest/…`.
   */
  authUrl: string;
  /** The Cloud site's cloudId (a UUID). */
  cloudId: string;
  seed: SandboxSeed;
  /** Knobs and counters of the OAuth stand-ins (also under /__sandbox/oauth). */
  oauth: SandboxOAuth;
  /** Every request/response seen, in order, on all listeners (admin requests excluded). */
  exchanges: Exchange[];
  onExchange(listener: (e: Exchange) => void): () => void;
  faults: FaultInjector;
  /** Restores the seeded state (Confluence content, spaces, Jira issues…); exchanges, fault rules and OAuth grants are kept. */
  reset(): void;
  close(): Promise<void>;
}

export interface SandboxOAuth {
  /** Live counters: token requests by grant type, refreshes, tolerated reuses, revoked families… */
  readonly counters: OAuthCounters;
  /** A copy of the current settings. */
  settings(): OAuthSettings;
  /** Changes some settings (throws TypeError on a bad value); applies to tokens and codes issued from now on. */
  configure(patch: Partial<OAuthSettings>): void;
  /** Registers one more callback URL of the Cloud app (or of the Data Center client). */
  registerRedirectUri(uri: string, client?: 'cloud' | 'dc'): void;
  /** Moves the OAuth clock forward: codes, access tokens and refresh grace windows expire that much sooner. */
  advanceClock(seconds: number): void;
  /** Forgets every consent, code and token; back to the initial settings, seeded redirect URIs and real time; zeroes counters. */
  reset(): void;
}

/** What a route handler answers. The server adds the common headers and records the exchange. */
export interface Reply {
  status: number;
  /** JSON value (serialised), a string or Buffer (sent as is) or undefined (no body). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Default: application/json;charset=UTF-8 for non-string bodies, text/plain for strings. */
  contentType?: string;
}

/** How the caller proved who they are. `oauth`: a Cloud 3LO access token (gateway) or a DC OAuth 2.0 one. */
export type AuthMethod = 'classic-token' | 'scoped-token' | 'oauth' | 'pat' | 'password';

/** URLs the routes need to build self links the way Atlassian does. */
export interface SandboxUrls {
  siteUrl: string;
  apiUrl: string;
  dcUrl: string;
}

/** Everything a product route sees about one authenticated request. */
export interface RequestContext {
  listener: ListenerName;
  method: string;
  /** The full pathname as received. */
  pathname: string;
  /**
   * The path inside the product: gateway prefix `/ex/<product>/<cloudId>` and the DC context path
   * (`/confluence`, `/jira`) removed. Cloud: `/wiki/...` or `/rest/...`; DC: `/rest/...`.
   */
  path: string;
  /** The part of the pathname in front of `path` ('' on the site). */
  prefix: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, the raw string for non-JSON bodies, or undefined when empty. */
  body: unknown;
  /** The request body bytes as received (multipart uploads). */
  rawBody: Buffer;
  user: SeedUser;
  auth: AuthMethod;
  urls: SandboxUrls;
  state: SandboxState;
}

export interface SpaceRecord {
  id: string;
  key: string;
  name: string;
  type: 'global' | 'personal' | 'collaboration' | 'knowledge_base';
  status: 'current' | 'archived';
  authorId: string;
  spaceOwnerId: string;
  createdAt: string;
  homepageId: string;
  description: string;
  labels: string[];
}

/** Mutable state of one sandbox instance (later issues add issues, OAuth grants…). */
export interface SandboxState {
  seed: SandboxSeed;
  cloudId: string;
  /** Confluence Cloud content: spaces, pages, folders, comments, attachments, labels. */
  confluence: ConfluenceStore;
  /** Jira content: projects, issues, comments, worklogs, attachments, links, boards, sprints. */
  jira: JiraStore;
}
