// Comments are written in Markdown like pages, but are short: a smaller bound, no placeholders.
import { z } from 'zod';
import { markdownForNewContent } from './page-content.ts';

export const commentContent = z.string().trim().min(1, 'the comment is empty').max(100_000, 'a comment may be at most 100000 characters: put long text on a page and link to it').describe('The comment, in Markdown.');

export async function commentStorage(markdown: string): Promise<string> {
  return (await markdownForNewContent(markdown)).storage;
}
