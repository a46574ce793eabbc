// The Jira project limit (TETHER_JIRA_PROJECTS / JIRA_PROJECTS_FILTER) holds on every call: an issue
// of another project read or changed by key is refused, not only hidden from search. Keys can
// outlive a move between projects, so a key's prefix is checked first and the issue's real
// project next.
import { AtlassianError } from '../atlassian/http/atlassian-error.ts';
import { enc, type JiraClient } from '../atlassian/jira/jira-client.ts';

export class ProjectGuard {
  private readonly issueProject = new Map<string, string>();

  constructor(readonly allowedKeys: readonly string[] | undefined) {}

  get limited(): boolean {
    return this.allowedKeys !== undefined;
  }

  private refusal(what: string): AtlassianError {
    return new AtlassianError('permission', `${what} is outside the Jira projects Tether may use (${this.allowedKeys!.join(', ')}): ask about issues in those projects, or change the limit in Tether's settings (TETHER_JIRA_PROJECTS).`);
  }

  assertProject(key: string): void {
    if (this.limited && !this.allowedKeys!.includes(key.toUpperCase())) throw this.refusal(`Project ${key.toUpperCase()}`);
  }

  /** After a read: the issue's actual project must be allowed. */
  assertIssueProject(issueKey: string, projectKey: string | undefined): void {
    if (!this.limited) return;
    if (!projectKey || !this.allowedKeys!.includes(projectKey.toUpperCase())) throw this.refusal(`Issue ${issueKey}${projectKey ? ` (project ${projectKey})` : ''}`);
    this.issueProject.set(issueKey.toUpperCase(), projectKey.toUpperCase());
  }

  /** Before a change by key: looks the issue's project up once (no request when unlimited). */
  async assertIssue(client: JiraClient, issueKey: string): Promise<void> {
    if (!this.limited) return;
    const key = issueKey.toUpperCase();
    // Remembered only after its real project passed, and the guard is rebuilt when the limit changes.
    if (this.issueProject.has(key)) return;
    if (!this.allowedKeys!.includes(key.replace(/-\d+$/, ''))) throw this.refusal(`Issue ${key}`);
    const issue = await client.http.get<{ fields: { project?: { key?: string } } }>(`${client.api}/issue/${enc(key)}`, { fields: 'project' });
    this.assertIssueProject(key, issue.fields.project?.key);
  }

  /** A JQL clause that keeps searches inside the allowed projects, or '' when unlimited. */
  jqlClause(): string {
    if (!this.limited) return '';
    return `project in (${this.allowedKeys!.map((k) => `"${k}"`).join(', ')})`;
  }
}

/** `(jql) AND (clause)`, keeping any ORDER BY at the end where JQL requires it. */
export function andJql(jql: string, clause: string): string {
  if (!clause) return jql;
  const order = /(?:^|\s+)ORDER\s+BY\s+[\s\S]*$/i.exec(jql);
  const where = (order ? jql.slice(0, order.index) : jql).trim();
  return `${where ? `(${where}) AND ` : ''}${clause}${order ? ` ${order[0].trim()}` : ''}`;
}
