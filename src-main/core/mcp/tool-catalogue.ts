// Every MCP tool Tether has. One file per tool; this list is the registry.
import type { AnyTool } from './define-tool.ts';
import confluenceCreateSpace from './tools/confluence/confluence-create-space.ts';
import confluenceGetSpace from './tools/confluence/confluence-get-space.ts';
import confluenceListSpaces from './tools/confluence/confluence-list-spaces.ts';

export const allTools: readonly AnyTool[] = [confluenceListSpaces, confluenceGetSpace, confluenceCreateSpace];
