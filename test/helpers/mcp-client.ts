// A real MCP client (the SDK's own) that starts `tether mcp` over stdio, as an AI app does.
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { tetherBin } from './run-tether.ts';

export type Era = '2025' | '2026-07-28';

export interface ToolCallText {
  isError: boolean;
  text: string;
}

export interface TetherMcp {
  client: Client;
  stderr: () => string;
  call(name: string, args?: Record<string, unknown>): Promise<ToolCallText>;
  close(): Promise<void>;
}

export async function startTetherMcp(env: NodeJS.ProcessEnv, era: Era = '2025'): Promise<TetherMcp> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [tetherBin, 'mcp'], env: env as Record<string, string>, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'tether-test', version: '1.0.0' }, era === '2026-07-28' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {});
  await client.connect(transport);
  return {
    client,
    stderr: () => stderr,
    async call(name, args = {}) {
      const result = await client.callTool({ name, arguments: args });
      const content = (result.content ?? []) as { type: string; text?: string }[];
      return { isError: result.isError === true, text: content.map((c) => c.text ?? '').join('\n') };
    },
    close: () => client.close(),
  };
}
