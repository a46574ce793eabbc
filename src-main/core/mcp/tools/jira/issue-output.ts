// An issue as the model reads it: the fields people talk about, text as Markdown, custom fields
// under the names people know, nothing of Jira's plumbing (self links, avatars, ids of ids).
import { issueUrl, type JiraClient } from '../../../atlassian/jira/jira-client.ts';
import type { JiraIssue, JiraUser } from '../../../atlassian/jira/types.ts';
import { textToMarkdown } from './text-format.ts';

export function person(user: JiraUser | null | undefined): string | undefined {
  if (!user) return undefined;
  const id = user.accountId ?? user.name;
  return `${user.displayName ?? id ?? 'someone'}${id ? ` (${id})` : ''}`;
}

const HIDDEN = new Set(['self', 'iconUrl', 'avatarUrls', 'statusCategory', 'expand', 'avatarId', 'hierarchyLevel', 'entityId']);
const TEXT_FIELDS = new Set(['description', 'environment']);
// Bookkeeping Jira returns with *all that says nothing a person would ask about.
const NOISE = new Set(['worklog', 'watches', 'votes', 'lastViewed', 'thumbnail', 'progress', 'aggregateprogress', 'workratio', 'statuscategorychangedate', 'aggregatetimespent', 'aggregatetimeestimate', 'aggregatetimeoriginalestimate', 'issuerestriction', 'timeestimate', 'timeoriginalestimate', 'timespent']);
const NOISY_NAMES = new Set(['Rank']);

/** A field value in plain terms: options by their value, people by name, ADF as Markdown. */
async function plain(client: JiraClient, value: unknown): Promise<unknown> {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return Promise.all(value.map((v) => plain(client, v)));
  if (typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (v.type === 'doc' && Array.isArray(v.content)) return textToMarkdown(client, v);
  if ('displayName' in v) return person(v as JiraUser);
  if ('value' in v && typeof v.value !== 'object') return v.child ? `${String(v.value)} / ${String((v.child as { value?: string }).value)}` : v.value;
  if ('key' in v && 'fields' in v) return `${String(v.key)}${(v.fields as { summary?: string }).summary ? ` ${(v.fields as { summary?: string }).summary}` : ''}`;
  if ('name' in v && typeof v.name === 'string') return v.name;
  return Object.fromEntries(Object.entries(v).filter(([k]) => !HIDDEN.has(k)));
}

export interface IssueView {
  [field: string]: unknown;
}

export async function issueView(client: JiraClient, issue: JiraIssue, options: { commentLimit?: number; names?: Record<string, string> } = {}): Promise<IssueView> {
  const f = issue.fields ?? {};
  const view: IssueView = { key: issue.key, id: issue.id, url: issueUrl(client, issue.key) };
  const names = { ...(issue.names ?? {}), ...(options.names ?? {}) };
  for (const [field, value] of Object.entries(f)) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    switch (field) {
      case 'comment': {
        const all = (value as { comments?: { id: string; author?: JiraUser; created?: string; body?: unknown }[]; total?: number }).comments ?? [];
        const shown = all.slice(-(options.commentLimit ?? 10));
        view.comments = await Promise.all(shown.map(async (c) => ({ id: c.id, author: person(c.author), created: c.created, body: await textToMarkdown(client, c.body) })));
        if (shown.length < all.length) view.comments_not_shown = all.length - shown.length;
        break;
      }
      case 'attachment':
        view.attachments = (value as { id: string; filename: string; size?: number; mimeType?: string }[]).map((a) => ({ id: a.id, filename: a.filename, size: a.size, mime_type: a.mimeType }));
        break;
      case 'issuelinks':
        view.links = (value as { id: string; type?: { inward?: string; outward?: string }; inwardIssue?: { key: string; fields?: { summary?: string } }; outwardIssue?: { key: string; fields?: { summary?: string } } }[]).map((l) =>
          l.outwardIssue ? { id: l.id, relation: l.type?.outward, issue: l.outwardIssue.key, summary: l.outwardIssue.fields?.summary } : { id: l.id, relation: l.type?.inward, issue: l.inwardIssue?.key, summary: l.inwardIssue?.fields?.summary },
        );
        break;
      case 'subtasks':
        view.subtasks = (value as { key: string; fields?: { summary?: string; status?: { name?: string } } }[]).map((s) => ({ key: s.key, summary: s.fields?.summary, status: s.fields?.status?.name }));
        break;
      default: {
        if (NOISE.has(field)) break;
        const shown = TEXT_FIELDS.has(field) ? await textToMarkdown(client, value) : await plain(client, value);
        if (shown === undefined || shown === '') break;
        const label = field.startsWith('customfield_') ? (names[field] ?? field) : field;
        if (NOISY_NAMES.has(label)) break;
        view[label === field ? field : `${label} (${field})`] = shown;
      }
    }
  }
  return view;
}

/** A startAt-paged list of issues (board, sprint) as the tools answer it: views, total, and where to go on. */
export async function issuePageView(client: JiraClient, page: { total?: number; issues?: JiraIssue[] }, startAt: number): Promise<{ total?: number; issues: IssueView[]; next_start_at?: number }> {
  const issues = page.issues ?? [];
  const more = page.total !== undefined && startAt + issues.length < page.total;
  return { total: page.total, issues: await Promise.all(issues.map((i) => issueView(client, i, { commentLimit: 0 }))), ...(more ? { next_start_at: startAt + issues.length } : {}) };
}
