import { z } from 'zod';
import { projectComponents } from '../../../atlassian/jira/projects.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { projectKey } from './common-arguments.ts';

export default defineTool({
  name: 'jira_get_project_components',
  title: 'Get the components of a project',
  toolset: 'jira_projects',
  description: 'The components of a Jira project: name, description, lead.',
  input: () => z.strictObject({ project_key: projectKey.describe('The project key, such as PROJ.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    context.projects.assertProject(args.project_key);
    const client = await context.jira();
    const components = await projectComponents(client, args.project_key);
    return jsonOutput({ project_key: args.project_key, components: components.map((c) => ({ id: c.id, name: c.name, description: c.description || undefined, lead: c.lead?.displayName })) });
  },
});
