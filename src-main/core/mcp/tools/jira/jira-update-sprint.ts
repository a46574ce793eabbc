import { z } from 'zod';
import { updateSprint } from '../../../atlassian/jira/agile.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { numericId } from './common-arguments.ts';
import { assertSprint } from './board-access.ts';
import { sprintView } from './sprint-output.ts';

const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'a date looks like 2026-12-01 or 2026-12-01T09:00:00Z');

export default defineTool({
  name: 'jira_update_sprint',
  title: 'Update a sprint',
  toolset: 'jira_agile',
  description: 'Change a Jira sprint: rename it, set dates or goal, start it (state active) or close it (state closed). Only the given fields change.',
  input: () => z.strictObject({
    sprint_id: numericId('a sprint id').describe('Id of the sprint.'),
    name: z.string().trim().min(1).max(255).optional().describe('New name.'),
    state: z.enum(['future', 'active', 'closed']).optional().describe('future, active (start it) or closed (complete it).'),
    start_date: isoDate.optional().describe('Start, ISO 8601.'),
    end_date: isoDate.optional().describe('End, ISO 8601.'),
    goal: z.string().max(4000).optional().describe('The sprint goal.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const { sprint_id: id, ...change } = args;
    if (Object.values(change).every((v) => v === undefined)) throw new ToolInputError('Nothing to change: give name, state, start_date, end_date or goal.');
    const client = await context.jira();
    await assertSprint(client, context.projects, id);
    const sprint = await updateSprint(client, id, { name: change.name, state: change.state, startDate: change.start_date, endDate: change.end_date, goal: change.goal });
    return jsonOutput({ updated: true, sprint: sprintView(sprint) });
  },
});
