// Comment bodies as Markdown, with the people they mention named in one lookup for the whole list.
import type { Comment } from '../../../atlassian/confluence/types.ts';
import type { AtlassianHttp } from '../../../atlassian/http/atlassian-http.ts';
import { loadContent } from './load-content.ts';
import { commentJson, mentionedNames } from './page-content.ts';

export async function commentsAsJson(http: AtlassianHttp, comments: Comment[]) {
  const storages = comments.map((c) => c.body?.storage?.value ?? '');
  const [names, { storageToMarkdown }] = await Promise.all([mentionedNames(http, storages), loadContent()]);
  return comments.map((comment, i) => commentJson(comment, storageToMarkdown(storages[i] ?? '', { mentionName: (id) => names.get(id) }).markdown));
}
