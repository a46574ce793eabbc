// Issue text as the model reads and writes it: Markdown. Cloud stores Atlassian Document Format,
// Data Center wiki markup; the converters load on first use.
import type { JiraClient } from '../../../atlassian/jira/jira-client.ts';

const adf = () => import('../../../content/adf/index.ts');
const wiki = () => import('../../../content/wiki-markup/index.ts');

export async function textToMarkdown(client: JiraClient, body: unknown): Promise<string> {
  if (body === null || body === undefined || body === '') return '';
  if (typeof body === 'string') return client.cloud ? body : (await wiki()).wikiToMarkdown(body).trimEnd();
  return (await adf()).adfToMarkdown(body).markdown.trimEnd();
}

/** Markdown → the body Jira wants; `current` (an ADF body being replaced) lets preserved nodes come back. */
export async function markdownToText(client: JiraClient, markdown: string, current?: unknown): Promise<unknown> {
  if (!client.cloud) return (await wiki()).markdownToWiki(markdown);
  const { adfToMarkdown, markdownToAdf } = await adf();
  const preserved = current && typeof current === 'object' ? adfToMarkdown(current).preserved : undefined;
  return markdownToAdf(markdown, preserved ? { preserved } : {}).doc;
}
