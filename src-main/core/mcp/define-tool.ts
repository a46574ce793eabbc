// One MCP tool = one file that calls defineTool(). Read-only vs write comes from the annotations,
// which every tool must state: that is the one place the write gate looks.
import type { z } from 'zod';
import type { ToolContext } from './tool-context.ts';

export type Toolset =
  | 'confluence_spaces'
  | 'confluence_pages'
  | 'confluence_folders'
  | 'confluence_search'
  | 'confluence_comments'
  | 'confluence_labels'
  | 'confluence_attachments'
  | 'confluence_users'
  | 'jira_issues'
  | 'jira_fields'
  | 'jira_comments'
  | 'jira_transitions'
  | 'jira_projects'
  | 'jira_agile'
  | 'jira_links'
  | 'jira_worklog'
  | 'jira_attachments'
  | 'jira_users';

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

export interface ToolOutput {
  /** The text the model reads (Markdown or compact JSON). */
  text: string;
  /** Structured data for clients that use it. */
  data?: Record<string, unknown>;
}

export interface ToolDefinition<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  toolset: Toolset;
  description: string;
  input: z.ZodObject<Shape>;
  annotations: ToolAnnotations;
  handler: (args: z.infer<z.ZodObject<Shape>>, context: ToolContext) => Promise<ToolOutput>;
}

export type AnyTool = ToolDefinition<z.ZodRawShape>;

/** How a tool file writes it: the input schema behind a function, built on the tool's first call. */
export interface ToolSpec<Shape extends z.ZodRawShape> extends Omit<ToolDefinition<Shape>, 'input'> {
  input: () => z.ZodObject<Shape>;
}

// Building 78 zod schemas costs a noticeable part of an MCP server's start, and tools/list needs
// none of them (their JSON Schemas are embedded at build time): each is built when first used.
export function defineTool<Shape extends z.ZodRawShape>(spec: ToolSpec<Shape>): AnyTool {
  let input: z.ZodObject<Shape> | undefined;
  const tool = {
    ...spec,
    get input() {
      input ??= spec.input();
      return input;
    },
  };
  return tool as unknown as AnyTool;
}

export function isWriteTool(tool: Pick<AnyTool, 'annotations'>): boolean {
  return tool.annotations.readOnlyHint !== true;
}
