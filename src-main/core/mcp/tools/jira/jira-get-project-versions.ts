import { z } from 'zod';
import { projectVersions } from '../../../atlassian/jira/projects.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { projectKey } from './common-arguments.ts';

export default defineTool({
  name: 'jira_get_project_versions',
  title: 'Get the versions of a project',
  toolset: 'jira_projects',
  description: 'The versions (releases) of a Jira project: name, dates, released or archived.',
  input: () => z.strictObject({ project_key: projectKey.describe('The project key, such as PROJ.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    context.projects.assertProject(args.project_key);
    const client = await context.jira();
    const versions = await projectVersions(client, args.project_key);
    return jsonOutput({ project_key: args.project_key, versions: versions.map((v) => ({ id: v.id, name: v.name, description: v.description || undefined, start_date: v.startDate, release_date: v.releaseDate, released: v.released ?? false, archived: v.archived ?? false })) });
  },
});
