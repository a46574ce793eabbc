import { z } from 'zod';
import { createFields, fieldOptions, findField, listFields } from '../../../atlassian/jira/fields.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueTypeId } from './field-values.ts';

export default defineTool({
  name: 'jira_get_field_options',
  title: 'Get the options of a field',
  toolset: 'jira_fields',
  description: 'The allowed values of a Jira select or multi-select field (by name or id). On Data Center, and for system fields, give project_key and issue_type.',
  input: () => z.strictObject({
    field_id: z.string().min(1).describe('Field id or name, such as customfield_10020 or "Team".'),
    context_id: z.string().optional().describe('Cloud: the field context (the global one when left out).'),
    project_key: z.string().optional().describe('Project key (needed on Data Center).'),
    issue_type: z.string().optional().describe('Issue type name or id (needed on Data Center).'),
    contains: z.string().optional().describe('Only values containing this text (any case).'),
    return_limit: z.number().int().min(1).max(1000).optional().describe('At most this many values.'),
    values_only: z.boolean().default(false).describe('Just the values, without ids.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    const field = findField(await listFields(client), args.field_id);
    if (!field) throw new ToolInputError(`Jira has no field "${args.field_id}": find it with jira_search_fields.`);
    let options: { id?: string; value?: string; disabled?: boolean }[];
    if (client.cloud && field.custom && !args.project_key) {
      options = (await fieldOptions(client, field.id, args.context_id)).map((o) => ({ id: o.id, value: o.value ?? o.name, disabled: o.disabled }));
    } else {
      if (!args.project_key || !args.issue_type) throw new ToolInputError(`For ${field.name} give project_key and issue_type: its values depend on the project and issue type.`);
      context.projects.assertProject(args.project_key);
      const type = await issueTypeId(client, args.project_key.toUpperCase(), args.issue_type);
      const meta = (await createFields(client, args.project_key.toUpperCase(), type.id)).find((f) => f.fieldId === field.id);
      options = (meta?.allowedValues ?? []).map((v) => ({ id: v.id, value: v.value ?? v.name ?? v.key }));
    }
    const needle = args.contains?.toLowerCase();
    const shown = options.filter((o) => !needle || (o.value ?? '').toLowerCase().includes(needle)).slice(0, args.return_limit ?? 1000);
    return jsonOutput({ field: { id: field.id, name: field.name }, options: args.values_only ? shown.map((o) => o.value) : shown });
  },
});
