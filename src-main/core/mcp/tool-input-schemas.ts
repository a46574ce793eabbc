// The JSON Schema of every tool's arguments, as clients see it in tools/list. Converting the zod
// schemas takes longer than the rest of an MCP server's start, so the build converts them once
// and writes the result into the bundle (TETHER_TOOL_SCHEMAS); run from source, they are
// converted on first use. A test checks that both give the same answer.
import { z } from 'zod';
import type { AnyTool } from './define-tool.ts';

export type JsonObjectSchema = { type: 'object'; [key: string]: unknown };

declare const TETHER_TOOL_SCHEMAS: Record<string, JsonObjectSchema> | undefined;

const built: Record<string, JsonObjectSchema> | undefined = typeof TETHER_TOOL_SCHEMAS === 'undefined' ? undefined : TETHER_TOOL_SCHEMAS;
const converted = new Map<string, JsonObjectSchema>();

export function convertInputSchema(tool: AnyTool): JsonObjectSchema {
  return z.toJSONSchema(tool.input, { io: 'input' }) as JsonObjectSchema;
}

export function inputSchemaOf(tool: AnyTool): JsonObjectSchema {
  const ready = built?.[tool.name] ?? converted.get(tool.name);
  if (ready) return ready;
  const schema = convertInputSchema(tool);
  converted.set(tool.name, schema);
  return schema;
}

/** Every tool's schema, for the build to embed. */
export function allInputSchemas(tools: readonly AnyTool[]): Record<string, JsonObjectSchema> {
  return Object.fromEntries(tools.map((tool) => [tool.name, convertInputSchema(tool)]));
}
