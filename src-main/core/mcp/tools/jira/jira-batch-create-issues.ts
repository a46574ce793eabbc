import { z } from 'zod';
import { createIssues } from '../../../atlassian/jira/issues.ts';
import { issueUrl } from '../../../atlassian/jira/jira-client.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { jsonObjectList } from './common-arguments.ts';
import { fieldsForNewIssue, type NewIssue } from './create-input.ts';

const issueInput = z.object({
  project_key: z.string().min(1),
  summary: z.string().trim().min(1).max(255),
  issue_type: z.string().min(1),
  description: z.string().max(100_000).optional(),
  assignee: z.string().optional(),
  components: z.union([z.string(), z.array(z.string())]).optional(),
  additional_fields: z.record(z.string(), z.unknown()).optional(),
});

export default defineTool({
  name: 'jira_batch_create_issues',
  title: 'Create several issues',
  toolset: 'jira_issues',
  description:
    'Create up to 50 Jira issues in one go. Each item: {project_key, summary, issue_type, description? (Markdown), assignee?, components?, additional_fields?}. Every item is checked first; with validate_only nothing is created.',
  input: () => z.strictObject({
    issues: jsonObjectList.describe('A JSON array of issues to create.'),
    validate_only: z.boolean().default(false).describe('Check every item without creating anything.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    if (args.issues.length === 0 || args.issues.length > 50) throw new ToolInputError(`Give between 1 and 50 issues (got ${args.issues.length}).`);
    const client = await context.jira();
    const all: Record<string, unknown>[] = [];
    for (const [i, raw] of args.issues.entries()) {
      const parsed = issueInput.safeParse(raw);
      if (!parsed.success) throw new ToolInputError(`Issue ${i + 1} is not valid: ${parsed.error.issues.map((e) => `${e.path.join('.') || 'item'} ${e.message}`).join('; ')}.`);
      const item = parsed.data;
      const components = typeof item.components === 'string' ? item.components.split(',').map((c) => c.trim()).filter(Boolean) : item.components;
      try {
        all.push(await fieldsForNewIssue(client, context.projects, { ...item, components } as NewIssue));
      } catch (error) {
        if (error instanceof Error) throw new ToolInputError(`Issue ${i + 1} ("${item.summary}"): ${error.message}`);
        throw error;
      }
    }
    if (args.validate_only) return jsonOutput({ message: `All ${all.length} issues are valid; nothing was created.`, valid: all.length });
    const result = await createIssues(client, all);
    return jsonOutput({
      message: `Created ${result.issues.length} of ${all.length} issues.`,
      issues: result.issues.map((issue) => ({ key: issue.key, url: issueUrl(client, issue.key) })),
      ...(result.errors.length > 0
        ? { failed: result.errors.map((e) => ({ item: (e.failedElementNumber ?? 0) + 1, errors: [...(e.elementErrors?.errorMessages ?? []), ...Object.entries(e.elementErrors?.errors ?? {}).map(([f, m]) => `${f}: ${m}`)] })) }
        : {}),
    });
  },
});
