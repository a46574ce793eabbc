// Which tools a client sees and may call: writes (off by default), disabled tools, allow-lists,
// toolsets and the Confluence space limit — from the environment (Tether's, ctk's and
// mcp-atlassian's names) over the settings file.
import type { Settings } from '../config/settings.ts';
import type { Product } from '../../shared/status.ts';
import { isWriteTool, type AnyTool } from './define-tool.ts';

export interface ToolPolicy {
  writesEnabled: boolean;
  /** Where the writes switch came from, for the refusal sentence. */
  writesSource: string;
  disabled: ReadonlySet<string>;
  enabledOnly?: ReadonlySet<string>;
  toolsets?: ReadonlySet<string>;
  /** Confluence space keys the tools may touch; undefined = all. */
  confluenceSpaces?: readonly string[];
  /** Jira project keys the tools may touch; undefined = all. */
  jiraProjects?: readonly string[];
  /** Products with a credential; the other product's tools are not listed. Undefined = list both. */
  products?: ReadonlySet<Product>;
  /** Paused from the tray: nothing is listed, every call answers how to resume. */
  paused?: boolean;
}

/** ctk's tool groups, as our toolsets. */
const CTK_GROUPS: Record<string, string> = {
  manage_spaces: 'confluence_spaces',
  manage_pages: 'confluence_pages',
  manage_search: 'confluence_search',
  manage_labels: 'confluence_labels',
  manage_folders: 'confluence_folders',
  manage_comments: 'confluence_comments',
  manage_attachments: 'confluence_attachments',
  manage_users: 'confluence_users',
};

const list = (value: string | undefined): string[] | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  return value.split(',').map((v) => v.trim()).filter(Boolean);
};

const TRUE = /^(true|1|yes|on)$/i;
const FALSE = /^(false|0|no|off)$/i;

function writesFrom(env: NodeJS.ProcessEnv, settings: Settings): { on: boolean; source: string } {
  for (const name of ['TETHER_ENABLE_WRITES', 'CTK_ENABLE_WRITES']) {
    const v = env[name]?.trim();
    if (v && TRUE.test(v)) return { on: true, source: name };
    if (v && FALSE.test(v)) return { on: false, source: name };
  }
  const readOnly = env.READ_ONLY_MODE?.trim();
  if (readOnly && FALSE.test(readOnly)) return { on: true, source: 'READ_ONLY_MODE' };
  if (readOnly && TRUE.test(readOnly)) return { on: false, source: 'READ_ONLY_MODE' };
  return { on: settings.writesEnabled === true, source: 'settings' };
}

export function toolPolicyFrom(env: NodeJS.ProcessEnv, settings: Settings): ToolPolicy {
  const writes = writesFrom(env, settings);
  const disabled = [...(list(env.TETHER_DISABLED_TOOLS) ?? []), ...(list(env.CTK_DISABLED_TOOLS) ?? []), ...(settings.disabledTools ?? [])].map((name) => CTK_GROUPS[name] ?? name);
  const enabledOnly = list(env.TETHER_ENABLED_TOOLS) ?? list(env.ENABLED_TOOLS);
  const toolsets = list(env.TETHER_TOOLSETS) ?? list(env.TOOLSETS) ?? settings.toolsets;
  const spaces = list(env.TETHER_CONFLUENCE_SPACES) ?? list(env.CONFLUENCE_SPACES_FILTER) ?? settings.confluenceSpaces;
  const projects = list(env.TETHER_JIRA_PROJECTS) ?? list(env.JIRA_PROJECTS_FILTER) ?? settings.jiraProjects;
  return {
    ...(settings.paused ? { paused: true } : {}),
    writesEnabled: writes.on,
    writesSource: writes.source,
    disabled: new Set(disabled),
    ...(enabledOnly ? { enabledOnly: new Set(enabledOnly) } : {}),
    ...(toolsets && !toolsets.includes('all') ? { toolsets: new Set(toolsets.map((t) => CTK_GROUPS[t] ?? t)) } : {}),
    ...(spaces && spaces.length > 0 ? { confluenceSpaces: spaces.map((s) => s.toUpperCase()) } : {}),
    ...(projects && projects.length > 0 ? { jiraProjects: projects.map((p) => p.toUpperCase()) } : {}),
  };
}

/** Turned off by the user (disabled, not allow-listed, toolset off): such a tool does not exist for clients. */
export function isSwitchedOff(tool: AnyTool, policy: ToolPolicy): boolean {
  if (policy.disabled.has(tool.name) || policy.disabled.has(tool.toolset)) return true;
  if (policy.enabledOnly && !policy.enabledOnly.has(tool.name)) return true;
  if (policy.toolsets && !policy.toolsets.has(tool.toolset)) return true;
  return false;
}

export function productOf(tool: Pick<AnyTool, 'toolset'>): Product {
  return tool.toolset.startsWith('jira_') ? 'jira' : 'confluence';
}

/** With at least one product set up, the tools of a product without a credential stay out of the list. */
export function isProductReady(tool: AnyTool, policy: ToolPolicy): boolean {
  return !policy.products || policy.products.size === 0 || policy.products.has(productOf(tool));
}

export const PAUSED_SENTENCE = 'Tether is paused, so it runs no Confluence or Jira tools right now: resume it from the Tether icon in the menu bar or system tray, then try again.';

export function isListed(tool: AnyTool, policy: ToolPolicy): boolean {
  return !policy.paused && !isSwitchedOff(tool, policy) && isProductReady(tool, policy) && (policy.writesEnabled || !isWriteTool(tool));
}

export function notSetUpSentence(tool: AnyTool): string {
  const product = productOf(tool);
  const name = product === 'jira' ? 'Jira' : 'Confluence';
  return `${tool.name} needs ${name}, and Tether has no ${name} sign-in yet: run \`tether auth --product ${product}\` (or set ${product === 'jira' ? 'JIRA_URL and JIRA_API_TOKEN' : 'CONFLUENCE_URL and CONFLUENCE_API_TOKEN'}), then call it again.`;
}

export function writesOffSentence(tool: AnyTool, policy: ToolPolicy): string {
  const how =
    policy.writesSource === 'settings'
      ? 'turn on "Allow changes" in the Tether window, or start Tether with TETHER_ENABLE_WRITES=true'
      : `${policy.writesSource} turns them off here; set TETHER_ENABLE_WRITES=true (and remove ${policy.writesSource}) to allow them`;
  return `${tool.name} changes ${productOf(tool) === 'jira' ? 'Jira' : 'Confluence'}, and Tether's changes are off (read-only by default): ${how}, then call it again.`;
}
