// Multi-user header mode: each HTTP request brings its own Atlassian OAuth token and cloud id; the
// host's own sign-in (alice's API token here) never answers for them, and one user's session cannot
// be used with another user's credential.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../src-main/core/host/engine.ts';
import { serveMcpOverHttp, type HttpEndpoint } from '../../../src-main/core/host/http-transport.ts';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { cloudAuthorizeUrl, cloudToken, CALLBACK, consent } from '../sandbox/oauth-harness.ts';

let sandbox: Sandbox;
let endpoint: HttpEndpoint;

/** An OAuth access token for one sandbox user, through the real consent flow. */
async function tokenFor(account: 'alice' | 'bob'): Promise<string> {
  const back = await consent(cloudAuthorizeUrl(sandbox), 'approve', account);
  const answer = await cloudToken(sandbox, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: CALLBACK });
  return answer.body.access_token as string;
}

async function connect(headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: 'multi-user-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(endpoint.url), { requestInit: { headers } }));
  return client;
}

async function whoAmI(client: Client): Promise<string> {
  const result = await client.callTool({ name: 'confluence_get_current_user', arguments: {} });
  expect(result.isError, JSON.stringify(result.content)).not.toBe(true);
  return JSON.parse((result.content as { text: string }[])[0]!.text).email as string;
}

beforeAll(async () => {
  sandbox = await startSandbox();
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'tether-multi-'));
  // The host itself is signed in as alice with an API token: that must never serve a header request.
  const engine = await Engine.open({
    env: { TETHER_CONFIG_DIR: configDir, CONFLUENCE_URL: sandbox.siteUrl, CONFLUENCE_EMAIL: sandbox.seed.alice.email, CONFLUENCE_API_TOKEN: sandbox.seed.alice.classicToken, TETHER_ATLASSIAN_API_URL: sandbox.apiUrl, TETHER_RATE_LIMIT_PER_MINUTE: '0' },
  });
  endpoint = await serveMcpOverHttp({ engine, version: 'test', port: 0, token: '', multiUser: true });
});
afterAll(async () => {
  await endpoint.close();
  await sandbox.close();
});

describe('multi-user header mode', () => {
  it("serves each user with that user's own token, side by side", async () => {
    const [aliceToken, bobToken] = await Promise.all([tokenFor('alice'), tokenFor('bob')]);
    const alice = await connect({ authorization: `Bearer ${aliceToken}`, 'x-atlassian-cloud-id': sandbox.cloudId });
    const bob = await connect({ authorization: `Bearer ${bobToken}`, 'x-atlassian-cloud-id': sandbox.cloudId });
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => whoAmI(i % 2 ? bob : alice)));
      answers.forEach((email, i) => expect(email).toBe(i % 2 ? sandbox.seed.bob.email : sandbox.seed.alice.email));
    } finally {
      await Promise.all([alice.close(), bob.close()]);
    }
  });

  it('refuses a request without a credential of its own (the host sign-in is not a fallback)', async () => {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }),
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/Multi-user mode: send Authorization: Bearer <Atlassian OAuth token> with X-Atlassian-Cloud-Id/);
  });

  it("refuses one user's session used with another user's credential", async () => {
    const [aliceToken, bobToken] = await Promise.all([tokenFor('alice'), tokenFor('bob')]);
    const init = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${aliceToken}`, 'x-atlassian-cloud-id': sandbox.cloudId },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }),
    });
    const session = init.headers.get('mcp-session-id');
    expect(session).toBeTruthy();
    await init.text();
    const stolen = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${bobToken}`, 'x-atlassian-cloud-id': sandbox.cloudId, 'mcp-session-id': session!, 'mcp-protocol-version': '2025-06-18' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    expect(stolen.status).toBe(403);
  });
});
