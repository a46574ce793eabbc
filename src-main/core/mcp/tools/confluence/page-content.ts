// What the page and comment tools share: finding a page by id or title, turning storage into
// Markdown with readable mentions, turning Markdown back into storage without losing what it
// preserved, and handing long text out in bounded pieces.
import { z } from 'zod';
import { findPageByTitle, getPage, type BodyFormat } from '../../../atlassian/confluence/pages.ts';
import { getSpaceByKey, getSpaceById } from '../../../atlassian/confluence/spaces.ts';
import type { Page } from '../../../atlassian/confluence/types.ts';
import { usersByAccountIds } from '../../../atlassian/confluence/users.ts';
import type { AtlassianHttp } from '../../../atlassian/http/atlassian-http.ts';
import type { PreservedElement } from '../../../content/preserved.ts';
import type { ToolContext } from '../../tool-context.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { loadContent } from './load-content.ts';

/** Bodies bigger than this are refused before anything is sent (Confluence's own limit is about 5 MB). */
export const MAX_CONTENT_CHARS = 2_000_000;

export const contentArgument = z
  .string()
  .min(1, 'the content is empty')
  .max(MAX_CONTENT_CHARS, `the content is longer than ${MAX_CONTENT_CHARS} characters: split it into several pages, or update one section at a time with confluence_update_page_section`);

export const contentFormat = z.enum(['markdown', 'storage']).default('markdown').describe('markdown (default) or storage (Confluence XHTML).');

export const maxChars = z.number().int().min(1000).max(200_000).default(20_000).describe('The most characters to return in one piece (1000-200000).');

/** A page by id, or by exact title in a space; refused when its space is outside the limit. */
export async function resolvePage(
  http: AtlassianHttp,
  context: ToolContext,
  target: { page_id?: string | undefined; title?: string | undefined; space_key?: string | undefined },
  options: { bodyFormat?: BodyFormat; version?: number | undefined } = {},
): Promise<Page> {
  let page: Page | undefined;
  if (target.page_id) {
    page = await getPage(http, target.page_id, { ...(options.bodyFormat ? { bodyFormat: options.bodyFormat } : {}), ...(options.version ? { version: options.version } : {}) });
  } else if (target.title && target.space_key) {
    context.spaces.assertKey(target.space_key);
    const space = await getSpaceByKey(http, target.space_key);
    if (!space) throw new ToolInputError(`There is no space with the key ${target.space_key} that you can see: check the key with confluence_list_spaces.`);
    page = await findPageByTitle(http, space.id, target.title, options.bodyFormat);
    if (!page) throw new ToolInputError(`There is no page titled "${target.title}" in space ${target.space_key}: check the title with confluence_search, or give page_id.`);
    if (options.version) page = await getPage(http, page.id, { ...(options.bodyFormat ? { bodyFormat: options.bodyFormat } : {}), version: options.version });
  } else {
    throw new ToolInputError('Say which page: give page_id, or title together with space_key.');
  }
  await context.spaces.assertPage(http, page.id, page.spaceId);
  return page;
}

/** The key of a space id, for headers (one lookup; the id is shown when the lookup fails). */
export async function spaceKeyOf(http: AtlassianHttp, spaceId: string): Promise<string> {
  return getSpaceById(http, spaceId).then(
    (space) => space.key,
    () => spaceId,
  );
}

const ACCOUNT_ID = /ri:account-id="([^"]+)"/g;

/** Display names of everyone mentioned in these storage bodies (one bulk lookup; empty when it fails). */
export async function mentionedNames(http: AtlassianHttp, storages: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(storages.flatMap((storage) => [...storage.matchAll(ACCOUNT_ID)].map((m) => m[1] as string)))];
  if (ids.length === 0) return new Map();
  return usersByAccountIds(http, ids).catch(() => new Map<string, string>());
}

type Converted = { markdown: string; preserved: PreservedElement[] };

// A model reads a long page piece by piece: each call fetches the page again (to see its current
// version) but need not convert the same storage again. Keyed by the storage itself.
const recentlyConverted = new Map<string, Converted>();
const REMEMBERED = 8;

/** Storage → Markdown, with mentioned people named. */
export async function storageAsMarkdown(http: AtlassianHttp, storage: string): Promise<Converted> {
  const known = recentlyConverted.get(storage);
  if (known) return known;
  const [names, { storageToMarkdown }] = await Promise.all([mentionedNames(http, [storage]), loadContent()]);
  const converted = storageToMarkdown(storage, { mentionName: (id) => names.get(id) });
  recentlyConverted.set(storage, converted);
  if (recentlyConverted.size > REMEMBERED) recentlyConverted.delete(recentlyConverted.keys().next().value as string);
  return converted;
}

const PLACEHOLDER_ID = /<!--\s*tether:(?:keep|begin)\s+(\d+)/g;

/** Ids of the placeholders a piece of Markdown holds. */
export function placeholderIds(markdown: string): Set<number> {
  return new Set([...markdown.matchAll(PLACEHOLDER_ID)].map((m) => Number(m[1])));
}

/**
 * Markdown written by the model → storage for a page whose current storage is `currentStorage`.
 * Elements that Markdown cannot express come back from their placeholders; dropping one is refused
 * unless the caller says it is on purpose. `scope` limits which preserved elements count as
 * expected (a section update expects only the section's own).
 */
export async function markdownForPage(
  markdown: string,
  currentStorage: string,
  options: { dropPreserved: boolean; scope?: Set<number>; toolName: string },
): Promise<{ storage: string; kept: number; dropped: PreservedElement[]; unknownPlaceholders: number[] }> {
  const { storageToMarkdown, markdownToStorage, maxTaskId } = await loadContent();
  const { preserved } = storageToMarkdown(currentStorage);
  const result = markdownToStorage(markdown, { preserved, firstTaskId: maxTaskId(currentStorage) + 1 });
  const missing = result.missingPreserved.filter((p) => options.scope === undefined || options.scope.has(p.id));
  if (missing.length > 0 && !options.dropPreserved) {
    const list = missing.slice(0, 10).map((p) => `<!-- tether:keep ${p.id} ${p.kind} -->`).join(', ');
    throw new ToolInputError(
      `Your Markdown leaves out ${missing.length} element${missing.length > 1 ? 's' : ''} that Markdown cannot express (${list}${missing.length > 10 ? ', …' : ''}), so the update would delete ${missing.length > 1 ? 'them' : 'it'} from the page. Put the placeholder lines back where they belong, or call ${options.toolName} again with drop_preserved: true if removing them is intended.`,
    );
  }
  const expected = options.scope ? [...options.scope].length : preserved.length;
  return { storage: result.storage, kept: expected - missing.length, dropped: missing, unknownPlaceholders: result.unknownPlaceholders };
}

/** Markdown for a new page or comment (no current storage: placeholders mean nothing there). */
export async function markdownForNewContent(markdown: string): Promise<{ storage: string; unknownPlaceholders: number[] }> {
  const { markdownToStorage } = await loadContent();
  const result = markdownToStorage(markdown);
  return { storage: result.storage, unknownPlaceholders: result.unknownPlaceholders };
}

/** A bounded slice of plain text (storage, ADF, HTML, a diff), with where the next one starts. */
export function sliceText(text: string, offset: number, max: number): { text: string; offset: number; nextOffset?: number; totalChars: number } {
  if (offset > text.length) throw new ToolInputError(`offset ${offset} is past the end (the text has ${text.length} characters): start again from offset 0.`);
  let end = Math.min(text.length, offset + max);
  // Prefer to end at a line break, so a piece never ends mid-line when it need not.
  if (end < text.length) {
    const lineEnd = text.lastIndexOf('\n', end);
    if (lineEnd > offset + max / 2) end = lineEnd + 1;
  }
  return { text: text.slice(offset, end), offset, ...(end < text.length ? { nextOffset: end } : {}), totalChars: text.length };
}

/** Comments come back with Markdown bodies and the fields a reader needs. */
export function commentJson(comment: { id: string; version?: { authorId?: string; createdAt?: string; number?: number }; resolutionStatus?: string; properties?: { inlineOriginalSelection?: string }; parentCommentId?: string }, markdown: string) {
  return {
    id: comment.id,
    author_id: comment.version?.authorId,
    created_at: comment.version?.createdAt,
    ...(comment.parentCommentId ? { parent_comment_id: comment.parentCommentId } : {}),
    ...(comment.properties?.inlineOriginalSelection ? { selected_text: comment.properties.inlineOriginalSelection } : {}),
    ...(comment.resolutionStatus ? { resolution: comment.resolutionStatus } : {}),
    body: markdown.trimEnd(),
  };
}
