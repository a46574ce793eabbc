import { z } from 'zod';
import { createSprint } from '../../../atlassian/jira/agile.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { numericId } from './common-arguments.ts';
import { assertBoard } from './board-access.ts';
import { sprintView } from './sprint-output.ts';

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'a date looks like 2026-12-01 or 2026-12-01T09:00:00Z');

export default defineTool({
  name: 'jira_create_sprint',
  title: 'Create a sprint',
  toolset: 'jira_agile',
  description: 'Create a future sprint on a Jira Scrum board, with dates and a goal.',
  input: () => z.strictObject({
    board_id: numericId('a board id').describe('Id of the Scrum board.'),
    name: z.string().trim().min(1).max(255).describe('Sprint name.'),
    start_date: isoDate.optional().describe('Start, ISO 8601.'),
    end_date: isoDate.optional().describe('End, ISO 8601.'),
    goal: z.string().max(4000).optional().describe('The sprint goal.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await assertBoard(client, context.projects, args.board_id);
    const sprint = await createSprint(client, { name: args.name, boardId: Number(args.board_id), startDate: args.start_date, endDate: args.end_date, goal: args.goal });
    return jsonOutput({ created: true, sprint: sprintView(sprint) });
  },
});
