import { z } from 'zod';
import { createFields } from '../../../atlassian/jira/fields.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { projectKey } from './common-arguments.ts';
import { issueTypeId } from './field-values.ts';

export default defineTool({
  name: 'jira_get_create_fields',
  title: 'Get the fields of a new issue',
  toolset: 'jira_projects',
  description: 'The fields a new issue of a given type in a Jira project takes: which are required, their types and allowed values.',
  input: () => z.strictObject({
    project_key: projectKey.describe('The project key, such as PROJ.'),
    issue_type_id: z.string().trim().min(1).describe('The issue type id or name (from jira_get_project_issue_types).'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    context.projects.assertProject(args.project_key);
    const client = await context.jira();
    const type = await issueTypeId(client, args.project_key, args.issue_type_id);
    const fields = await createFields(client, args.project_key, type.id);
    return jsonOutput({
      project_key: args.project_key,
      issue_type: type.name,
      fields: fields.map((f) => ({
        field_id: f.fieldId,
        name: f.name,
        required: f.required && !f.hasDefaultValue,
        type: f.schema?.type,
        ...(f.allowedValues?.length ? { allowed_values: f.allowedValues.slice(0, 50).map((v) => v.name ?? v.value ?? v.key ?? v.id) } : {}),
      })),
    });
  },
});
