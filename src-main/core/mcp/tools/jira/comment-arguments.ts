// Comment bodies and who may see them, as jira_add_comment and jira_edit_comment take them.
import { z } from 'zod';
import type { Visibility } from '../../../atlassian/jira/comments.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonObject } from './common-arguments.ts';

export const commentBody = z.string().trim().min(1, 'the comment is empty').max(100_000, 'a comment may be at most 100000 characters').describe('The comment, in Markdown.');

export const visibilityArgument = jsonObject.optional().describe('Who may see it, as JSON: {"type": "group", "value": "jira-developers"} or {"type": "role", "value": "Developers"}.');

export function visibilityFrom(value: Record<string, unknown> | undefined): Visibility | undefined {
  if (!value || Object.keys(value).length === 0) return undefined;
  if ((value.type === 'group' || value.type === 'role') && typeof value.value === 'string') return { type: value.type, value: value.value };
  throw new ToolInputError('visibility must look like {"type": "group", "value": "jira-developers"} (type group or role).');
}
