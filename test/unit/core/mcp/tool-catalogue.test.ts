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

// The Jira half of ../shared/reference/tools.md.
const JIRA_CATALOGUE = [
  'jira_get_issue', 'jira_search', 'jira_get_project_issues', 'jira_create_issue', 'jira_batch_create_issues', 'jira_update_issue', 'jira_assign_issue', 'jira_delete_issue', 'jira_batch_get_changelogs',
  'jira_search_fields', 'jira_get_field_options',
  'jira_add_comment', 'jira_edit_comment',
  'jira_get_transitions', 'jira_transition_issue',
  'jira_get_all_projects', 'jira_get_project_issue_types', 'jira_get_create_fields', 'jira_get_project_versions', 'jira_get_project_components', 'jira_create_version',
  'jira_get_agile_boards', 'jira_get_board_issues', 'jira_get_sprints_from_board', 'jira_get_sprint_issues', 'jira_create_sprint', 'jira_update_sprint', 'jira_add_issues_to_sprint',
  'jira_get_link_types', 'jira_create_issue_link', 'jira_link_to_epic', 'jira_create_remote_issue_link', 'jira_remove_issue_link',
  'jira_get_worklog', 'jira_add_worklog',
  'jira_download_attachments', 'jira_upload_attachment',
  'jira_get_user_profile', 'jira_search_assignable_users', 'jira_get_issue_watchers', 'jira_add_watcher', 'jira_remove_watcher',
];

describe('tool catalogue', () => {
  it('has the whole Confluence and Jira catalogue, each tool once', () => {
    const names = allTools.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual([...CONFLUENCE_CATALOGUE, ...JIRA_CATALOGUE].sort());
  });

  it.each(['confluence', 'jira'])('one %s tool per file, named after the tool', (product) => {
    const dir = path.join(repoRoot, 'src-main/core/mcp/tools', product);
    const files = readdirSync(dir).filter((f) => f.startsWith(`${product}-`)).map((f) => f.replace(/\.ts$/, '').replaceAll('-', '_'));
    expect(files.sort()).toEqual(allTools.filter((t) => t.name.startsWith(`${product}_`)).map((t) => t.name).sort());
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
