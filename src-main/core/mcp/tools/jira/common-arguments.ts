// Argument schemas the Jira tools share. mcp-atlassian passes JSON objects and lists as strings;
// Tether accepts those strings and real JSON alike, so prompts and allow-lists carry over.
import { z } from 'zod';

export const issueKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]+-\d+$/, 'an issue key looks like PROJ-123')
  .transform((key) => key.toUpperCase());

export const projectKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]+$/, 'a project key is letters and digits, such as ENG')
  .transform((key) => key.toUpperCase());

export const numericId = (what: string) => z.union([z.string().trim().regex(/^\d+$/, `${what} is a number`), z.number().int().positive()]).transform(String);

export const limit = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback).describe(`How many to return (1-${max}).`);

/** The fields of an issue in a list (board, sprint): enough to tell them apart. */
export const listFields = z.string().default('summary,status,assignee,priority,issuetype').describe('Comma-separated fields to return.');

export const startAt = z.number().int().min(0).default(0).describe('Where to start (0-based), for paging.');

/** A comma-separated list, or a JSON array of strings. */
export const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.trim().startsWith('[') ? (JSON.parse(value) as unknown[]).map(String) : value.split(',')).map((v) => v.trim()).filter(Boolean));

/** A JSON object, given as an object or as a string of JSON. */
export const jsonObject = z.union([z.string(), z.record(z.string(), z.unknown())]).transform((value, ctx) => {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'expected a JSON object, such as {"priority": "High"}' });
  return z.NEVER;
});

/** A JSON array of objects, given as an array or as a string of JSON. */
export const jsonObjectList = z.union([z.string(), z.array(z.record(z.string(), z.unknown()))]).transform((value, ctx) => {
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed) && parsed.every((p) => p && typeof p === 'object' && !Array.isArray(p))) return parsed as Record<string, unknown>[];
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'expected a JSON array of objects' });
  return z.NEVER;
});

export const DEFAULT_FIELDS = 'summary,description,status,assignee,reporter,labels,priority,created,updated,issuetype,project,parent,components,fixVersions,duedate,resolution';
