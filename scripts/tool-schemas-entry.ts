// Build step: the JSON Schemas of all tools, for scripts/build.mjs to embed in the CLI bundle.
import { allTools } from '../src-main/core/mcp/tool-catalogue.ts';
import { allInputSchemas } from '../src-main/core/mcp/tool-input-schemas.ts';

export const schemas = allInputSchemas(allTools);
