// Seed data: users with credentials of every kind, Confluence spaces and their content, Jira projects
// and their issues, OAuth clients.
// Everything is deterministic so tests in another process can import the same constants.

import { createHash } from 'node:crypto';
import { buildConfluence, type ConfluenceSeedIds } from './confluence/seed-confluence.ts';
import { buildJira, type JiraSeedIds } from './jira/seed-jira.ts';
import type { SpaceRecord } from './types.ts';

export type { ConfluenceSeedIds } from './confluence/seed-confluence.ts';
export type { JiraSeedIds } from './jira/seed-jira.ts';

export interface SeedUser {
  /** Atlassian account id (new `712020:<uuid>` format). */
  accountId: string;
  email: string;
  displayName: string;
  publicName: string;
  timeZone: string;
  locale: string;
  /** Classic (unscoped) Cloud API token: works with Basic email:token on the site URL only. */
  classicToken: string;
  /** Scoped Cloud API token: works with Basic email:token on the api gateway only (every scope). */
  scopedToken: string;
  /**
   * A second scoped token, created with a few read scopes only (NARROW_TOKEN_SCOPES): what a user ends
   * up with who ticked too little on id.atlassian.com. Calls outside its scopes get the gateway's 401.
   */
  narrowScopedToken: string;
  dc: {
    username: string;
    password: string;
    /** Data Center personal access token (Authorization: Bearer). */
    pat: string;
    /** Confluence DC user key. */
    confluenceUserKey: string;
    /** Jira DC user key. */
    jiraKey: string;
  };
}

export interface SandboxSeed {
  /** Display name of the Cloud site. */
  siteName: string;
  cloudId: string;
  /** All users, alice first. */
  users: SeedUser[];
  alice: SeedUser;
  bob: SeedUser;
  /** Confluence spaces of the Cloud site, ascending id. */
  spaces: SpaceRecord[];
  /** Ids of the seeded Confluence content (ENG and OPS spaces, pages, folders, comments, attachments). */
  confluence: ConfluenceSeedIds;
  /**
   * Ids and keys of the seeded Jira content: projects ENG/OPS/DATA/SEC, issues by short name,
   * boards, sprints, versions, components, custom fields, links, comments, worklogs, attachments.
   */
  jira: JiraSeedIds;
  /** OAuth 2.0: the Cloud 3LO app, the Data Center client and the second site of the account. */
  oauth: OAuthSeed;
}

/** A registered OAuth client. */
export interface OAuthAppSeed {
  /** Shown on the consent page. */
  name: string;
  clientId: string;
  clientSecret: string;
  /** Registered callback URLs: authorize wants an exact match. Tests register more at run time. */
  redirectUris: string[];
}

export interface OAuthSeed {
  /** The Cloud OAuth 2.0 (3LO) app, at the auth.atlassian.com stand-in (`sandbox.authUrl`). */
  cloud: OAuthAppSeed;
  /**
   * The Data Center OAuth 2.0 client ("incoming application link"), registered with both Jira DC and
   * Confluence DC (the same id and secret on both, for convenience). PKCE S256 is required.
   */
  dc: OAuthAppSeed;
  /** A second site on the consenting user's account: listed by accessible-resources, not served by the gateway. */
  secondSite: { cloudId: string; name: string; url: string };
}

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Deterministic pseudo-random bytes from a label. */
function bytesFor(label: string, length: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (let i = 0; total < length; i++) {
    const chunk = createHash('sha256').update(`tether-sandbox:${label}:${i}`).digest();
    chunks.push(chunk);
    total += chunk.length;
  }
  return Buffer.concat(chunks).subarray(0, length);
}

/** Looks like a real Atlassian Cloud API token: `ATATT3xFfGF0` + url-safe chars + `=` + 8 upper-case hex. */
/** The scopes of every user's narrowScopedToken: pages, spaces and search in Confluence; Jira work items. */
export const NARROW_TOKEN_SCOPES: readonly string[] = ['read:page:confluence', 'read:space:confluence', 'search:confluence', 'read:jira-work'];

function cloudToken(label: string): string {
  const body = [...bytesFor(`${label}:body`, 150)].map((b) => URL_SAFE[b % 64]).join('');
  const check = bytesFor(`${label}:check`, 4).toString('hex').toUpperCase();
  return `ATATT3xFfGF0${body}=${check}`;
}

/** Looks like a Data Center PAT: base64 of `<12 digits>:<20 random bytes>` = 44 chars. */
function dcPat(label: string): string {
  const digits = [...bytesFor(`${label}:id`, 12)].map((b) => String(b % 10)).join('');
  return Buffer.concat([Buffer.from(`${digits}:`), bytesFor(`${label}:secret`, 20)]).toString('base64');
}

function user(
  name: string,
  displayName: string,
  accountUuid: string,
  timeZone: string,
  confluenceUserKey: string,
  jiraKey: string,
): SeedUser {
  return {
    accountId: `712020:${accountUuid}`,
    email: `${name}@example.com`,
    displayName,
    publicName: displayName,
    timeZone,
    locale: 'en_US',
    classicToken: cloudToken(`${name}:classic`),
    scopedToken: cloudToken(`${name}:scoped`),
    narrowScopedToken: cloudToken(`${name}:scoped-narrow`),
    dc: {
      username: name,
      password: `${name}-dc-password-1`,
      pat: dcPat(`${name}:pat`),
      confluenceUserKey,
      jiraKey,
    },
  };
}

const GLOBAL_SPACES: Array<[key: string, name: string]> = [
  ['ENG', 'Engineering'],
  ['DOCS', 'Documentation'],
  ['HR', 'People & Culture'],
  ['MKT', 'Marketing'],
  ['SALES', 'Sales'],
  ['OPS', 'Operations'],
  ['SEC', 'Security'],
  ['DESIGN', 'Design'],
  ['QA', 'Quality Assurance'],
  ['SUP', 'Customer Support'],
  ['FIN', 'Finance'],
  ['LEGAL', 'Legal'],
  ['IT', 'IT Help Desk'],
  ['PM', 'Product Management'],
  ['DATA', 'Data & Analytics'],
  ['MOB', 'Mobile'],
  ['WEB', 'Web Platform'],
  ['API', 'Public API'],
  ['INFRA', 'Infrastructure'],
  ['PLAT', 'Platform'],
  ['GROWTH', 'Growth'],
  ['RES', 'Research'],
  ['TRAIN', 'Training'],
  ['EVENTS', 'Events'],
  ['PARTN', 'Partners'],
  ['BRAND', 'Brand'],
  ['ONB', 'Onboarding'],
  ['ARCH', 'Architecture Decisions'],
];

function seedSpaces(alice: SeedUser, bob: SeedUser): SpaceRecord[] {
  const spaces: SpaceRecord[] = [];
  let id = 98_305;
  const created = Date.UTC(2023, 0, 9, 9, 30, 0);
  GLOBAL_SPACES.forEach(([key, name], i) => {
    const owner = i % 3 === 2 ? bob : alice;
    spaces.push({
      id: String(id),
      key,
      name,
      type: 'global',
      status: key === 'EVENTS' || key === 'BRAND' ? 'archived' : 'current',
      authorId: owner.accountId,
      spaceOwnerId: owner.accountId,
      createdAt: new Date(created + i * 86_400_000 * 7 + i * 1_234).toISOString(),
      homepageId: String(id + 1),
      description: `${name} space of Acme.`,
      labels: i % 4 === 0 ? ['team'] : [],
    });
    id += 32_768 + (i % 5) * 4_096;
  });
  for (const [i, owner] of [alice, bob].entries()) {
    spaces.push({
      id: String(id),
      key: `~${owner.accountId.replace(':', '').replace(/-/g, '')}`,
      name: owner.displayName,
      type: 'personal',
      status: 'current',
      authorId: owner.accountId,
      spaceOwnerId: owner.accountId,
      createdAt: new Date(created + (GLOBAL_SPACES.length + i) * 86_400_000 * 7).toISOString(),
      homepageId: String(id + 1),
      description: '',
      labels: [],
    });
    id += 32_768;
  }
  return spaces;
}

/** Default callback URLs (mcp-atlassian's wizard listens on localhost:8080/callback). */
const OAUTH_REDIRECT_URIS = ['http://127.0.0.1:8080/callback', 'http://localhost:8080/callback'];

function seedOAuth(): OAuthSeed {
  const alnum = (label: string, n: number): string => [...bytesFor(label, n)].map((b) => URL_SAFE[b % 62]).join('');
  return {
    // guess: Cloud client ids are 32 alphanumerics; secrets start with ATOA.
    cloud: {
      name: 'Tether (sandbox)',
      clientId: alnum('oauth:cloud:client-id', 32),
      clientSecret: `ATOA${bytesFor('oauth:cloud:secret', 32).toString('hex')}${bytesFor('oauth:cloud:check', 4).toString('hex').toUpperCase()}`,
      redirectUris: [...OAUTH_REDIRECT_URIS],
    },
    // guess: Data Center client ids are 32 hex digits, secrets 64.
    dc: {
      name: 'Tether (sandbox, Data Center)',
      clientId: bytesFor('oauth:dc:client-id', 16).toString('hex'),
      clientSecret: bytesFor('oauth:dc:secret', 32).toString('hex'),
      redirectUris: [...OAUTH_REDIRECT_URIS],
    },
    secondSite: { cloudId: 'b7e2d1c4-6a39-4f8e-9d05-3c1f8a2e6b47', name: 'acme-labs', url: 'https://acme-labs.atlassian.net' },
  };
}

/** A fresh copy of the deterministic seed (safe to mutate). */
export function createSeed(): SandboxSeed {
  const alice = user(
    'alice',
    'Alice Example',
    '5f0c2b7e-3d1a-4c8e-9b57-2e8f0a6c1d11',
    'Europe/Berlin',
    'ff8080818c1a2b3c018c1a2b3c4d0001',
    'JIRAUSER10100',
  );
  const bob = user(
    'bob',
    'Bob Example',
    'a3e9d5c1-7b2f-4e60-8d14-6c0b9f2a4e22',
    'America/New_York',
    'ff8080818c1a2b3c018c1a2b3c4d0002',
    'JIRAUSER10101',
  );
  const spaces = seedSpaces(alice, bob);
  return {
    siteName: 'acme',
    cloudId: '4c1a7f52-9e0b-4d3a-a6f1-2b8c5d9e7f30',
    users: [alice, bob],
    alice,
    bob,
    spaces,
    confluence: buildConfluence(spaces, [alice, bob]).ids,
    jira: buildJira([alice, bob]).ids,
    oauth: seedOAuth(),
  };
}
