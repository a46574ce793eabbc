// Guards on the tool catalogue: every tool states its annotations, lives in its own file, and the
// whole list the model sees is snapshot-tested so any change of it shows up in review.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listedTools } from '../../../../src-main/core/mcp/create-server.ts';
import { isWriteTool } from '../../../../src-main/core/mcp/define-tool.ts';
import { allTools } from '../../../../src-main/core/mcp/tool-catalogue.ts';
import type { ToolPolicy } from '../../../../src-main/core/mcp/tool-policy.ts';
import { repoRoot } from '../../../helpers/run-tether.ts';

const everything: ToolPolicy = { writesEnabled: true, writesSource: 'test', disabled: new Set() };
const readOnly: ToolPolicy = { ...everything, writesEnabled: false };

// The Confluence half of ../shared/reference/tools.md.
const CONFLUENCE_CATALOGUE = [
  'confluence_list_spaces', 'confluence_get_space', 'confluence_create_space',
  'confluence_get_page', 'confluence_get_page_children', 'confluence_get_page_ancestors', 'confluence_get_space_page_tree',
  'confluence_get_page_history', 'confluence_get_page_diff', 'confluence_create_page', 'confluence_update_page',
  'confluence_update_page_section', 'confluence_move_page', 'confluence_delete_page',
  'confluence_list_folders', 'confluence_get_folder', 'confluence_get_folder_children', 'confluence_create_folder', 'confluence_update_folder', 'confluence_delete_folder',
  'confluence_search',
  'confluence_get_comments', 'confluence_get_inline_comments', 'confluence_get_comment_replies', 'confluence_add_comment', 'confluence_reply_to_comment', 'confluence_add_inline_comment',
  'confluence_get_labels', 'confluence_add_label', 'confluence_remove_label',
  'confluence_get_attachments', 'confluence_download_attachment', 'confluence_upload_attachment', 'confluence_delete_attachment',
  'confluence_get_current_user', 'confluence_search_user',
];

describe('tool catalogue', () => {
  it('has the whole Confluence catalogue, each tool once', () => {
    const names = allTools.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(expect.arrayContaining([...CONFLUENCE_CATALOGUE].sort()));
  });

  it('one tool per file, named after the tool', () => {
    const dir = path.join(repoRoot, 'src-main/core/mcp/tools/confluence');
    const files = readdirSync(dir).filter((f) => f.startsWith('confluence-')).map((f) => f.replace(/\.ts$/, '').replaceAll('-', '_'));
    expect(files.sort()).toEqual(allTools.filter((t) => t.name.startsWith('confluence_')).map((t) => t.name).sort());
  });

  it.each(allTools.map((t) => [t.name, t] as const))('%s states its annotations explicitly', (_name, tool) => {
    expect(typeof tool.annotations.readOnlyHint).toBe('boolean');
    if (isWriteTool(tool)) {
      expect(typeof tool.annotations.destructiveHint).toBe('boolean');
      expect(typeof tool.annotations.idempotentHint).toBe('boolean');
    }
    expect(tool.name).toMatch(/^(confluence|jira)_[a-z]+(_[a-z]+)*$/);
    expect(tool.description.length).toBeGreaterThan(20);
    expect(tool.toolset.startsWith(tool.name.split('_')[0]!)).toBe(true);
  });

  it('read tools never talk about changing anything (what the model sees with writes off)', () => {
    for (const tool of listedTools(allTools, readOnly)) {
      expect(`${tool.name}: ${tool.description}`).not.toMatch(/\b(create|update|delete|edit|write|modify|upload|remove|move|add|rename)\b/i);
    }
  });

  it('the full list is what the snapshot says', () => {
    expect(listedTools(allTools, everything)).toMatchSnapshot();
  });
});
