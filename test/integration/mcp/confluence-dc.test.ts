// The Confluence tools against a Server/Data Center site: the SDK's client spawns `tether mcp` with
// a personal access token for `${dcUrl}/confluence`, and every call goes to the v1 content API on
// the site root (no /wiki) — backed by the same sandbox store the Cloud tests use.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { startTetherMcp, type TetherMcp } from '../../helpers/mcp-client.ts';
import { answerJson, answerText, refusal } from '../../helpers/tool-answers.ts';
import { newProfile, type TetherProfile } from '../../helpers/run-tether.ts';

let sandbox: Sandbox;
let profile: TetherProfile;
let mcp: TetherMcp;

const ids = () => sandbox.seed.confluence;
const dc = () => ({
  CONFLUENCE_URL: `${sandbox.dcUrl}/confluence`,
  CONFLUENCE_PERSONAL_TOKEN: sandbox.seed.alice.dc.pat,
  TETHER_RATE_LIMIT_PER_MINUTE: '0',
  TETHER_ENABLE_WRITES: 'true',
});

const json = (name: string, args: Record<string, unknown> = {}) => answerJson(mcp, name, args);
const text = (name: string, args: Record<string, unknown> = {}) => answerText(mcp, name, args);
const refused = (name: string, args: Record<string, unknown>) => refusal(mcp, name, args);

beforeAll(async () => {
  sandbox = await startSandbox();
  profile = await newProfile();
  mcp = await startTetherMcp(profile.env(dc()));
});

afterAll(async () => {
  await mcp?.close();
  // Nothing went to Cloud paths: every Confluence call was DC's own API on the DC listener.
  const confluence = sandbox.exchanges.filter((e) => e.path.startsWith('/confluence/'));
  expect(confluence.length).toBeGreaterThan(20);
  expect(sandbox.exchanges.filter((e) => e.path.includes('/wiki/')).map((e) => e.path)).toEqual([]);
  await sandbox.close();
});

describe('spaces', () => {
  it('lists spaces and gets one by key (its id is the key on DC)', async () => {
    const list = await json('confluence_list_spaces', { limit: 50 });
    expect(list.spaces.map((s: { key: string }) => s.key)).toEqual(expect.arrayContaining(['ENG', 'OPS']));
    expect(await json('confluence_get_space', { space_key: 'ENG' })).toMatchObject({ key: 'ENG' });
    expect(await refused('confluence_get_space', { space_key: 'NOPE' })).toMatch(/NOPE/);
  });
});

describe('reading pages', () => {
  it('reads a page as Markdown by id and by title', async () => {
    const byId = await text('confluence_get_page', { page_id: ids().pages.releaseProcess });
    expect(byId).toContain(`# ${ids().titles.releaseProcess}`);
    expect(byId).toContain(`${sandbox.dcUrl}/confluence/pages/viewpage.action?pageId=${ids().pages.releaseProcess}`);
    const byTitle = await text('confluence_get_page', { title: ids().titles.releaseProcess, space_key: 'ENG' });
    expect(byTitle).toContain(`page_id: ${ids().pages.releaseProcess}`);
    expect(await refused('confluence_get_page', { page_id: ids().pages.releaseProcess, format: 'adf' })).toMatch(/only on Confluence Cloud/);
  });

  it('hands the large page out in pieces that join up to the whole', async () => {
    let offset: number | undefined = 0;
    let pieces = 0;
    let total = 0;
    while (offset !== undefined) {
      const result = await mcp.client.callTool({ name: 'confluence_get_page', arguments: { page_id: ids().largePageId, offset, max_chars: 20_000 } });
      expect(result.isError).not.toBe(true);
      const data = result.structuredContent as { next_offset?: number; total_chars: number };
      total = data.total_chars;
      offset = data.next_offset;
      pieces++;
    }
    expect(pieces).toBeGreaterThan(2);
    expect(total).toBeGreaterThan(40_000);
  });

  it('walks children, ancestors, the space tree and the history', async () => {
    const children = await json('confluence_get_page_children', { page_id: ids().homePageId, limit: 2 });
    expect(children.children ?? children.results).toHaveLength(2);
    expect(children.next_cursor).toEqual(expect.any(String));
    const ancestors = await json('confluence_get_page_ancestors', { page_id: ids().pages.macSetup });
    expect(ancestors.ancestors).toEqual(expect.arrayContaining([expect.objectContaining({ id: ids().homePageId, title: ids().titles.home })]));
    expect(await text('confluence_get_space_page_tree', { space_key: 'ENG' })).toContain(ids().titles.home);
    const history = await json('confluence_get_page_history', { page_id: ids().largePageId });
    expect(history.versions.length).toBeGreaterThan(0);
  });
});

describe('search', () => {
  it('runs CQL and plain words', async () => {
    const cql = await json('confluence_search', { query: 'type = page AND space = ENG', limit: 3 });
    expect(cql.results).toHaveLength(3);
    expect(cql.next_cursor).toEqual(expect.any(String));
    const next = await json('confluence_search', { query: 'type = page AND space = ENG', limit: 3, cursor: cql.next_cursor });
    expect(next.results.map((r: { id: string }) => r.id)).not.toContain(cql.results[0].id);
    const words = await json('confluence_search', { query: 'release process' });
    expect(words.results.map((r: { id: string }) => r.id)).toContain(ids().pages.releaseProcess);
  });
});

describe('writing pages', () => {
  it('creates a page from Markdown and updates it keeping macros', async () => {
    const created = await json('confluence_create_page', { space_key: 'ENG', title: 'Created on DC', content: '## Plan\n\n- one\n- two\n', parent_id: ids().homePageId });
    expect(created).toMatchObject({ created: true, title: 'Created on DC', version: 1 });
    expect(await text('confluence_get_page', { page_id: created.page_id })).toContain('- one');

    const read = await mcp.client.callTool({ name: 'confluence_get_page', arguments: { page_id: ids().largePageId, max_chars: 200_000 } });
    const whole = (read.content as { text: string }[])[0]!.text;
    const version = (read.structuredContent as { version: number }).version;
    const markdown = whole.slice(whole.indexOf('\n\n---\n\n') + 7);
    expect(markdown).toMatch(/<!-- tether:keep \d+ /);
    const kept = (markdown.match(/<!-- tether:keep \d+ /g) ?? []).length;
    const updated = await json('confluence_update_page', { page_id: ids().largePageId, content: `${markdown}\n\nAdded on DC.\n`, version });
    expect(updated).toMatchObject({ version: version + 1 });
    const after = await mcp.client.callTool({ name: 'confluence_get_page', arguments: { page_id: ids().largePageId, max_chars: 200_000 } });
    const afterText = (after.content as { text: string }[])[0]!.text;
    expect(afterText).toContain('Added on DC.');
    expect((afterText.match(/<!-- tether:keep \d+ /g) ?? []).length).toBe(kept);
    expect(await text('confluence_get_page_diff', { page_id: ids().largePageId })).toContain('Added on DC.');
  });

  it('moves and deletes a page', async () => {
    const created = await json('confluence_create_page', { space_key: 'ENG', title: 'To be moved on DC', content: 'body' });
    expect(await json('confluence_move_page', { page_id: created.page_id, target_id: ids().pages.onboarding })).toMatchObject({ moved: true });
    expect(await json('confluence_delete_page', { page_id: created.page_id })).toMatchObject({ deleted: true });
    await refused('confluence_get_page', { page_id: created.page_id });
  });
});

describe('comments, labels and attachments', () => {
  it('reads comments and replies, adds a comment and a reply', async () => {
    const footer = await json('confluence_get_comments', { page_id: ids().pages.releaseProcess });
    expect(footer.comments.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([ids().footerCommentId, ids().secondFooterCommentId]));
    const replies = await json('confluence_get_comment_replies', { comment_id: ids().footerCommentId });
    expect(replies.replies.map((c: { id: string }) => c.id)).toEqual(ids().footerReplyIds);
    const added = await json('confluence_add_comment', { page_id: ids().pages.onboarding, content: 'Looks **good**.' });
    const listed = await json('confluence_get_comments', { page_id: ids().pages.onboarding });
    expect(listed.comments.find((c: { id: string }) => c.id === added.comment_id).body).toBe('Looks **good**.');
    expect(await json('confluence_reply_to_comment', { comment_id: added.comment_id, content: 'Thanks!' })).toMatchObject({ parent_comment_id: added.comment_id });
    const inline = await json('confluence_get_inline_comments', { page_id: ids().largePageId });
    expect(inline.comments.find((c: { id: string }) => c.id === ids().inlineCommentId)).toMatchObject({ selected_text: ids().inlineSelection });
    expect(await refused('confluence_add_inline_comment', { page_id: ids().largePageId, text_selection: 'x', content: 'y' })).toMatch(/Confluence Cloud/);
  });

  it('lists, adds and removes labels', async () => {
    const page = ids().pages.codingStandards;
    await json('confluence_add_label', { page_id: page, name: 'dc-reviewed' });
    expect((await json('confluence_get_labels', { page_id: page })).labels.map((l: { name: string }) => l.name)).toContain('dc-reviewed');
    await json('confluence_remove_label', { page_id: page, name: 'dc-reviewed' });
    expect((await json('confluence_get_labels', { page_id: page })).labels.map((l: { name: string }) => l.name)).not.toContain('dc-reviewed');
  });

  it('lists, downloads, uploads and deletes attachments', async () => {
    const list = await json('confluence_get_attachments', { page_id: ids().largePageId });
    expect(list.attachments.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([ids().attachments.png, ids().attachments.text]));
    const download = await json('confluence_download_attachment', { attachment_id: ids().attachments.text });
    expect((await readFile(download.path)).length).toBe(download.bytes);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tether-dc-upload-'));
    const file = path.join(dir, 'dc-notes.txt');
    await writeFile(file, 'hello from DC\n');
    const uploaded = await json('confluence_upload_attachment', { page_id: ids().pages.onboarding, file_path: file });
    expect(uploaded).toMatchObject({ uploaded: true, title: 'dc-notes.txt' });
    expect(await json('confluence_delete_attachment', { attachment_id: uploaded.attachment_id })).toMatchObject({ deleted: true });
  });
});

describe('users and folders', () => {
  it('shows who is signed in and finds people by name', async () => {
    expect(await json('confluence_get_current_user')).toMatchObject({ account_id: sandbox.seed.alice.dc.username, display_name: sandbox.seed.alice.displayName });
    const found = await json('confluence_search_user', { query: sandbox.seed.bob.displayName });
    expect(found.users.map((u: { account_id: string }) => u.account_id)).toContain(sandbox.seed.bob.dc.username);
  });

  it('answers every folder tool in one sentence: folders are Cloud-only', async () => {
    for (const [name, args] of [
      ['confluence_list_folders', { space_key: 'ENG' }],
      ['confluence_get_folder', { folder_id: ids().folderId }],
      ['confluence_get_folder_children', { folder_id: ids().folderId }],
      ['confluence_create_folder', { space_key: 'ENG', title: 'Drafts' }],
    ] as const) {
      expect(await refused(name, args), name).toMatch(/^Folders exist only on Confluence Cloud/);
    }
  });
});

describe('the spaces limit', () => {
  it("refuses another space's page by id and keeps search inside", async () => {
    const limited = await startTetherMcp(profile.env({ ...dc(), CONFLUENCE_SPACES_FILTER: 'OPS' }));
    try {
      const outside = await limited.call('confluence_get_page', { page_id: ids().largePageId });
      expect(outside).toMatchObject({ isError: true, text: expect.stringMatching(/outside the spaces Tether may use \(OPS\)/) });
      expect((await limited.call('confluence_get_page', { page_id: ids().opsHomePageId })).isError).toBe(false);
      const search = JSON.parse((await limited.call('confluence_search', { query: 'type = page' })).text);
      expect(search.results.every((r: { space: string }) => r.space === 'OPS')).toBe(true);
    } finally {
      await limited.close();
    }
  });
});
