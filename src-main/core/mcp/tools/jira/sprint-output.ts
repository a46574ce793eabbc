// A sprint as the model reads it.
import type { Sprint } from '../../../atlassian/jira/agile.ts';

export function sprintView(sprint: Sprint) {
  return { id: sprint.id, name: sprint.name, state: sprint.state, start_date: sprint.startDate, end_date: sprint.endDate, complete_date: sprint.completeDate, goal: sprint.goal || undefined, board_id: sprint.originBoardId };
}
