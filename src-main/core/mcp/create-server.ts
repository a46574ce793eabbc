// Builds one MCP server (per connection) from the tool catalogue and the current policy. The low-level
// Server is used so that Tether decides what a refused or invalid call looks like: a write while
// writes are off, or bad arguments, come back as isError results that say what to do next.
import { ProtocolError, ProtocolErrorCode, Server } from '@modelcontextprotocol/server';
import { config as zodConfig } from 'zod';
import { jiraClient } from '../atlassian/jira/jira-client.ts';
import { PRODUCTS, type Engine } from '../host/engine.ts';
import { isWriteTool, type AnyTool } from './define-tool.ts';
import { allTools } from './tool-catalogue.ts';
import { inputSchemaOf } from './tool-input-schemas.ts';
import { describeInvalidArguments, isUserFacing } from './tool-errors.ts';
import { isListed, isProductReady, isSwitchedOff, notSetUpSentence, PAUSED_SENTENCE, toolPolicyFrom, writesOffSentence, type ToolPolicy } from './tool-policy.ts';
import type { ToolContext } from './tool-context.ts';
import { ProjectGuard } from './project-guard.ts';
import { SpaceGuard } from './space-guard.ts';

// zod compiles a fast path for each schema on its first parse. A server parses each schema a few
// times per session, so the compile costs more than it saves (and it is most of a cold start).
zodConfig({ jitless: true });

const INSTRUCTIONS = `Tether connects you to the user's Confluence and Jira. Page bodies and issue text come as Markdown by default; long pages come in pieces — call again with the offset (or a section heading) that the answer names to read on. Comments in the form <!-- tether:keep N … --> stand for content Markdown cannot show (macros, layouts): leave them exactly where they are.`;

export interface McpServerOptions {
  engine: Engine;
  version: string;
  tools?: readonly AnyTool[];
  /** Recomputed on every list and call, so a changed switch applies at once. */
  policy?: () => ToolPolicy;
  /** Told of every tool call (for the window's activity list): never the arguments, which may hold secrets. */
  onToolCall?: (call: ToolCallRecord) => void;
}

export interface ToolCallRecord {
  at: string;
  client: string;
  tool: string;
  outcome: 'ok' | 'refused' | 'failed';
  ms: number;
}

type CallResult = { content: { type: 'text'; text: string }[]; isError?: boolean; structuredContent?: Record<string, unknown> };

export function createToolContext(engine: Engine, policy: ToolPolicy): ToolContext {
  return {
    // Cloud or Server/Data Center: the Confluence modules pick the API per call (see confluence/dc.ts).
    confluence: async () => engine.http('confluence'),
    spaces: new SpaceGuard(policy.confluenceSpaces),
    jira: async () => jiraClient(await engine.http('jira')),
    projects: new ProjectGuard(policy.jiraProjects),
    downloadsDir: engine.paths.downloadsDir,
    log: engine.log,
  };
}

export function listedTools(tools: readonly AnyTool[], policy: ToolPolicy) {
  return tools
    .filter((tool) => isListed(tool, policy))
    .map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: inputSchemaOf(tool),
      annotations: { title: tool.title, ...tool.annotations },
    }));
}

export function createMcpServer(options: McpServerOptions): Server {
  const tools = options.tools ?? allTools;
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const policyNow =
    options.policy ??
    (() => ({ ...toolPolicyFrom(options.engine.env, options.engine.settings), products: new Set(PRODUCTS.filter((product) => options.engine.configured(product))) }));
  let context: { policy: ToolPolicy; value: ToolContext } | undefined;
  const contextFor = (policy: ToolPolicy) => {
    if (!context || context.policy.confluenceSpaces?.join() !== policy.confluenceSpaces?.join() || context.policy.jiraProjects?.join() !== policy.jiraProjects?.join()) context = { policy, value: createToolContext(options.engine, policy) };
    return context.value;
  };

  const server = new Server({ name: 'tether', title: 'Tether', version: options.version }, { capabilities: { tools: { listChanged: true } }, instructions: INSTRUCTIONS });

  server.setRequestHandler('tools/list', async () => ({ tools: listedTools(tools, policyNow()) }));

  server.setRequestHandler('tools/call', async (request): Promise<CallResult> => {
    const name = request.params.name;
    const tool = byName.get(name);
    const policy = policyNow();
    if (!tool || isSwitchedOff(tool, policy)) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown tool: ${name}`);
    if (policy.paused) return errorResult(PAUSED_SENTENCE);
    if (!isProductReady(tool, policy)) return errorResult(notSetUpSentence(tool));
    if (isWriteTool(tool) && !policy.writesEnabled) return errorResult(writesOffSentence(tool, policy));
    const parsed = tool.input.safeParse(request.params.arguments ?? {});
    if (!parsed.success) return errorResult(describeInvalidArguments(name, parsed.error));
    const started = performance.now();
    const record = (outcome: ToolCallRecord['outcome']) =>
      options.onToolCall?.({ at: new Date().toISOString(), client: server.getClientVersion()?.name ?? 'unknown', tool: name, outcome, ms: Math.round(performance.now() - started) });
    try {
      const output = await tool.handler(parsed.data, contextFor(policy));
      record('ok');
      options.engine.log.info(`tool ${name} ok in ${Math.round(performance.now() - started)} ms`);
      return { content: [{ type: 'text', text: output.text }], ...(output.data ? { structuredContent: output.data } : {}) };
    } catch (error) {
      if (isUserFacing(error)) {
        record('refused');
        options.engine.log.info(`tool ${name} refused in ${Math.round(performance.now() - started)} ms: ${error.message}`);
        return errorResult(error.message);
      }
      record('failed');
      options.engine.log.error(`tool ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw error;
    }
  });
  return server;
}

function errorResult(text: string): CallResult {
  return { content: [{ type: 'text', text }], isError: true };
}
