// Site-level endpoints outside the products: `/_edge/tenant_info` (no auth needed).

import type { Reply, SandboxState } from '../types.ts';

/** Answers the unauthenticated site endpoints, or undefined when the path is not one of them. */
export function edgeRoute(method: string, pathname: string, state: SandboxState): Reply | undefined {
  if (pathname !== '/_edge/tenant_info') return undefined;
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  return { status: 200, body: { cloudId: state.cloudId } };
}
