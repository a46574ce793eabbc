// `tether mcp` as AI apps use it: spawned over stdio, spoken to by the SDK's own client, in both
// protocol eras, against the sandbox.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTools } from '../../../src-main/core/mcp/tool-catalogue.ts';
import { convertInputSchema } from '../../../src-main/core/mcp/tool-input-schemas.ts';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { startTetherMcp, type Era, type TetherMcp } from '../../helpers/mcp-client.ts';
import { newProfile, type TetherProfile } from '../../helpers/run-tether.ts';

let sandbox: Sandbox;
let profile: TetherProfile;

beforeAll(async () => {
  sandbox = await startSandbox();
  profile = await newProfile();
});
afterAll(async () => {
  await sandbox.close();
});

const credentials = () => ({ CONFLUENCE_URL: sandbox.siteUrl, CONFLUENCE_EMAIL: sandbox.seed.alice.email, CONFLUENCE_API_TOKEN: sandbox.seed.alice.classicToken, TETHER_RATE_LIMIT_PER_MINUTE: '0' });

describe.each<Era>(['2025', '2026-07-28'])('a %s-era client', (era) => {
  let mcp: TetherMcp;
  beforeAll(async () => {
    mcp = await startTetherMcp(profile.env(credentials()), era);
  });
  afterAll(async () => {
    await mcp.close();
  });

  it('lists only read tools while writes are off, and no description mentions a change', async () => {
    const { tools } = await mcp.client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toContain('confluence_list_spaces');
    expect(names).not.toContain('confluence_create_space');
    for (const tool of tools) {
      expect(tool.annotations?.readOnlyHint).toBe(true);
      expect(`${tool.description}`).not.toMatch(/\b(create|update|delete|edit|write|modify|upload|remove|move|add)\b/i);
    }
  });

  it('answers a write called by name with how to turn writes on', async () => {
    const result = await mcp.call('confluence_create_space', { space_key: 'NEW', name: 'New' });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/changes are off \(read-only by default\): turn on "Allow changes" in the Tether window, or start Tether with TETHER_ENABLE_WRITES=true/);
  });

  it('turns a schema failure into one readable sentence, and keeps serving', async () => {
    const result = await mcp.call('confluence_list_spaces', { limit: 'lots' });
    expect(result).toEqual({ isError: true, text: expect.stringMatching(/^The arguments for confluence_list_spaces are not valid — limit: expected number, received string\. Correct them/) });
    const unknown = await mcp.call('confluence_get_space', { space_key: 'ENG', colour: 'blue' });
    expect(unknown.text).toMatch(/unknown argument colour/);
    const ok = await mcp.call('confluence_list_spaces', { limit: 3 });
    expect(ok.isError).toBe(false);
  });

  it('reads spaces from the sandbox, paging with next_cursor', async () => {
    const first = JSON.parse((await mcp.call('confluence_list_spaces', { limit: 10 })).text);
    expect(first.spaces).toHaveLength(10);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = JSON.parse((await mcp.call('confluence_list_spaces', { limit: 10, cursor: first.next_cursor })).text);
    expect(second.spaces[0].id).not.toBe(first.spaces[0].id);
  });
});

describe('a Confluence Data Center site', () => {
  it('serves the Confluence tools there too, and says plainly what only Cloud has', async () => {
    const mcp = await startTetherMcp(profile.env({ CONFLUENCE_URL: `${sandbox.dcUrl}/confluence`, CONFLUENCE_PERSONAL_TOKEN: sandbox.seed.alice.dc.pat, TETHER_RATE_LIMIT_PER_MINUTE: '0' }));
    try {
      const result = await mcp.call('confluence_list_spaces');
      expect(result.isError, result.text).toBe(false);
      expect(result.text).toContain('ENG');
      expect(await mcp.call('confluence_list_folders', { space_key: 'ENG' })).toMatchObject({ isError: true, text: expect.stringMatching(/Folders exist only on Confluence Cloud/) });
    } finally {
      await mcp.close();
    }
  });
});

describe('logging', () => {
  it('writes to stderr and the log file, never to stdout, and never a secret', async () => {
    const logged = await newProfile();
    const mcp = await startTetherMcp(logged.env({ ...credentials(), TETHER_LOG_LEVEL: 'debug' }));
    try {
      // stdout carries only JSON-RPC: a stray line there would have broken this client already.
      expect((await mcp.call('confluence_get_space', { space_key: 'ENG' })).isError).toBe(false);
    } finally {
      await mcp.close();
    }
    const file = await readFile(path.join(logged.configDir, 'logs', 'tether.log'), 'utf8');
    expect(file).toMatch(/GET \S+\/wiki\/api\/v2\/spaces\S* → 200/);
    expect(mcp.stderr()).toMatch(/GET \S+\/wiki\/api\/v2\/spaces\S* → 200/);
    for (const text of [file, mcp.stderr()]) expect(text).not.toContain(sandbox.seed.alice.classicToken);
  });
});

describe('switches from the environment', () => {
  it.each([
    [{ TETHER_ENABLE_WRITES: 'true' }, true],
    [{ CTK_ENABLE_WRITES: 'true' }, true],
    [{ READ_ONLY_MODE: 'false' }, true],
    [{ READ_ONLY_MODE: 'true' }, false],
    [{}, false],
  ])('%j → write tools listed: %s', async (env, listed) => {
    const mcp = await startTetherMcp(profile.env({ ...credentials(), ...env }));
    try {
      const names = (await mcp.client.listTools()).tools.map((t) => t.name);
      expect(names.includes('confluence_create_space')).toBe(listed);
    } finally {
      await mcp.close();
    }
  });

  it("disabled tools (Tether's names and ctk's groups) are not registered at all", async () => {
    const mcp = await startTetherMcp(profile.env({ ...credentials(), TETHER_ENABLE_WRITES: 'true', CTK_DISABLED_TOOLS: 'manage_spaces' }));
    try {
      const names = (await mcp.client.listTools()).tools.map((t) => t.name);
      // manage_spaces is ctk's spaces group: list/get/create space go; the page tree (a pages tool) stays.
      expect(names.filter((n) => /^confluence_(list_spaces|get_space|create_space)$/.test(n))).toEqual([]);
      expect(names).toContain('confluence_get_space_page_tree');
      await expect(mcp.call('confluence_list_spaces')).rejects.toThrow(/Unknown tool: confluence_list_spaces/);
    } finally {
      await mcp.close();
    }
  });

  it('lists the argument schemas the build embedded exactly as the tools define them', async () => {
    const mcp = await startTetherMcp(profile.env({ ...credentials(), JIRA_URL: sandbox.siteUrl, JIRA_USERNAME: sandbox.seed.alice.email, JIRA_API_TOKEN: sandbox.seed.alice.classicToken, TETHER_ENABLE_WRITES: 'true' }));
    try {
      const listed = (await mcp.client.listTools()).tools;
      expect(listed.map((t) => t.name)).toEqual(allTools.map((t) => t.name));
      for (const tool of allTools) expect(listed.find((t) => t.name === tool.name)?.inputSchema, tool.name).toEqual(convertInputSchema(tool));
    } finally {
      await mcp.close();
    }
  });

  it('paused from the tray: nothing is listed, and a call says how to resume', async () => {
    const paused = await newProfile();
    await writeFile(path.join(paused.configDir, 'settings.json'), JSON.stringify({ version: 1, credentials: {}, paused: true }), { mode: 0o600 });
    const mcp = await startTetherMcp(paused.env(credentials()));
    try {
      expect((await mcp.client.listTools()).tools).toEqual([]);
      expect(await mcp.call('confluence_list_spaces')).toEqual({ isError: true, text: expect.stringMatching(/^Tether is paused, so it runs no Confluence or Jira tools right now: resume it from the Tether icon/) });
    } finally {
      await mcp.close();
    }
  });

  it('ENABLED_TOOLS keeps only the named tools', async () => {
    const mcp = await startTetherMcp(profile.env({ ...credentials(), ENABLED_TOOLS: 'confluence_get_space' }));
    try {
      expect((await mcp.client.listTools()).tools.map((t) => t.name)).toEqual(['confluence_get_space']);
    } finally {
      await mcp.close();
    }
  });
});
