import { z } from 'zod';
import { createVersion, getProject } from '../../../atlassian/jira/projects.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { projectKey } from './common-arguments.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date looks like 2026-12-31');

export default defineTool({
  name: 'jira_create_version',
  title: 'Create a version',
  toolset: 'jira_projects',
  description: 'Create a version (release) in a Jira project, with optional start and release dates.',
  input: () => z.strictObject({
    project_key: projectKey.describe('The project key, such as PROJ.'),
    name: z.string().trim().min(1).max(255).describe('Version name, such as 2.4.0.'),
    start_date: day.optional().describe('Start date, YYYY-MM-DD.'),
    release_date: day.optional().describe('Release date, YYYY-MM-DD.'),
    description: z.string().max(16_000).optional().describe('A description.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    context.projects.assertProject(args.project_key);
    const client = await context.jira();
    const project = await getProject(client, args.project_key);
    const version = await createVersion(client, { projectId: project.id, name: args.name, description: args.description, startDate: args.start_date, releaseDate: args.release_date });
    return jsonOutput({ created: true, project_key: args.project_key, version: { id: version.id, name: version.name, start_date: version.startDate, release_date: version.releaseDate } });
  },
});
