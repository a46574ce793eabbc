// Boards and sprints belong to projects: with a project limit, one outside it is refused, and the
// issues they list are kept inside the allowed projects.
import { getBoard, getSprint } from '../../../atlassian/jira/agile.ts';
import type { JiraClient } from '../../../atlassian/jira/jira-client.ts';
import { AtlassianError } from '../../../atlassian/http/atlassian-error.ts';
import type { ProjectGuard } from '../../project-guard.ts';

export async function assertBoard(client: JiraClient, projects: ProjectGuard, boardId: string): Promise<void> {
  if (!projects.limited) return;
  const board = await getBoard(client, boardId);
  const key = board.location?.projectKey;
  if (!key) throw new AtlassianError('permission', `Board ${boardId} belongs to no single project, and Tether is limited to the projects ${projects.allowedKeys!.join(', ')}: use a board of one of those projects.`);
  projects.assertProject(key);
}

export async function assertSprint(client: JiraClient, projects: ProjectGuard, sprintId: string): Promise<void> {
  if (!projects.limited) return;
  const sprint = await getSprint(client, sprintId);
  if (sprint.originBoardId === undefined) throw new AtlassianError('permission', `Sprint ${sprintId} belongs to no board Tether can check against its project limit (${projects.allowedKeys!.join(', ')}).`);
  await assertBoard(client, projects, String(sprint.originBoardId));
}
