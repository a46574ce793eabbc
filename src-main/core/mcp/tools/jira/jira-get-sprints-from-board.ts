import { z } from 'zod';
import { boardSprints } from '../../../atlassian/jira/agile.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { limit, numericId, startAt } from './common-arguments.ts';
import { assertBoard } from './board-access.ts';
import { sprintView } from './sprint-output.ts';

export default defineTool({
  name: 'jira_get_sprints_from_board',
  title: 'Get the sprints of a board',
  toolset: 'jira_agile',
  description: 'The sprints of a Jira Scrum board: active, future or closed, with dates and goals.',
  input: () => z.strictObject({
    board_id: numericId('a board id').describe('Id of the board.'),
    state: z.enum(['active', 'future', 'closed']).optional().describe('Only sprints in this state; all when left out.'),
    start_at: startAt,
    limit: limit(50, 10),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await assertBoard(client, context.projects, args.board_id);
    const page = await boardSprints(client, args.board_id, { state: args.state, startAt: args.start_at, limit: args.limit });
    return jsonOutput({ board_id: args.board_id, sprints: (page.values ?? []).map(sprintView), ...(page.isLast === false ? { next_start_at: args.start_at + (page.values?.length ?? 0) } : {}) });
  },
});
