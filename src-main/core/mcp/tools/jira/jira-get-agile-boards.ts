import { z } from 'zod';
import { listBoards } from '../../../atlassian/jira/agile.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { limit, projectKey, startAt } from './common-arguments.ts';

export default defineTool({
  name: 'jira_get_agile_boards',
  title: 'List boards',
  toolset: 'jira_agile',
  description: 'List Jira Scrum and Kanban boards, by name, project or type.',
  input: () => z.strictObject({
    board_name: z.string().optional().describe('Words of the board name.'),
    project_key: projectKey.optional().describe('Only boards of this project.'),
    board_type: z.enum(['scrum', 'kanban', 'simple']).optional().describe('scrum, kanban or simple.'),
    start_at: startAt,
    limit: limit(50, 10),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    if (args.project_key) context.projects.assertProject(args.project_key);
    const client = await context.jira();
    const page = await listBoards(client, { name: args.board_name, projectKey: args.project_key, type: args.board_type, startAt: args.start_at, limit: args.limit });
    const boards = (page.values ?? []).filter((b) => !context.projects.limited || (b.location?.projectKey && context.projects.allowedKeys!.includes(b.location.projectKey.toUpperCase())));
    return jsonOutput({ boards: boards.map((b) => ({ id: b.id, name: b.name, type: b.type, project_key: b.location?.projectKey })), ...(page.isLast === false ? { next_start_at: args.start_at + (page.values?.length ?? 0) } : {}) });
  },
});
