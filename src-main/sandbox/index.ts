// Public surface of the sandbox: a faithful local stand-in for Atlassian Cloud (site + the
// api.atlassian.com gateway) and Data Center, for `tether demo` and for the tests.

export { startSandbox } from './server.ts';
export { createSeed } from './seed.ts';
export type { ConfluenceSeedIds, SandboxSeed, SeedUser } from './seed.ts';
export type { Exchange, FaultInjector, FaultRule, ListenerName, Sandbox, SandboxOptions, SpaceRecord } from './types.ts';
