import { z } from 'zod';
import { listProjects } from '../../../atlassian/jira/projects.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';

export default defineTool({
  name: 'jira_get_all_projects',
  title: 'List projects',
  toolset: 'jira_projects',
  description: 'List the Jira projects you can see (within Tether\'s project limit): key, name, type, lead.',
  input: () => z.strictObject({ include_archived: z.boolean().default(false).describe('Also list archived projects.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    const projects = (await listProjects(client, args.include_archived)).filter((p) => !context.projects.limited || context.projects.allowedKeys!.includes(p.key.toUpperCase()));
    return jsonOutput({ projects: projects.map((p) => ({ key: p.key, name: p.name, id: p.id, type: p.projectTypeKey, archived: p.archived || undefined, lead: p.lead?.displayName })) });
  },
});
