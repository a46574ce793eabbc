// Public surface of the sandbox: a faithful local stand-in for Atlassian Cloud (site, the
// api.atlassian.com gateway, the auth.atlassian.com OAuth server) and Data Center, for `tether demo`
// and for the tests.

export { startSandbox } from './server.ts';
export { createSeed } from './seed.ts';
export type { ConfluenceSeedIds, JiraSeedIds, OAuthAppSeed, OAuthSeed, SandboxSeed, SeedUser } from './seed.ts';
export type { ApprovingUser, GrantTypeCounters, OAuthCounters, OAuthSettings } from './oauth/settings.ts';
export type { Exchange, FaultInjector, FaultRule, ListenerName, Sandbox, SandboxOAuth, SandboxOptions, SpaceRecord } from './types.ts';
