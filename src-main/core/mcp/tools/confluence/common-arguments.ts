// Argument schemas several Confluence tools share, so the same thing is described the same way.
import { z } from 'zod';

export const pageId = z.string().regex(/^\d+$/, 'a page id is a number, such as 123456');
export const spaceKey = z.string().min(1).max(255).regex(/^[A-Za-z0-9~_-]+$/, 'a space key is letters and digits, such as ENG');
export const folderId = z.string().regex(/^\d+$/, 'a folder id is a number');
export const attachmentId = z.string().regex(/^(att)?\d+$/, 'an attachment id looks like att123456');
export const commentId = z.string().regex(/^\d+$/, 'a comment id is a number');
export const limit = (max: number, fallback = 25) => z.number().int().min(1).max(max).default(fallback).describe(`How many to return (1-${max}).`);
