// The Permissions view's broader switches: pause, space/project limits, whole toolsets. Each goes
// through `change` (saved, then every client hears tools/list_changed).
import type { Limits, WindowSettings } from '../../../shared/bridge.ts';
import type { Settings } from '../../config/settings.ts';
import { allTools } from '../../mcp/tool-catalogue.ts';

type Change = (update: Partial<Omit<Settings, 'credentials' | 'version'>>) => Promise<WindowSettings>;

export const ALL_TOOLSETS: readonly string[] = [...new Set(allTools.map((tool) => tool.toolset))];

/** Keys as the policy compares them: trimmed, upper-cased, no blanks or repeats; none = no limit. */
function keys(list: string[]): string[] | undefined {
  const clean = [...new Set(list.map((k) => k.trim().toUpperCase()).filter(Boolean))];
  return clean.length ? clean : undefined;
}

export function createSettingsHandlers(settings: () => Settings, change: Change) {
  return {
    'settings.setPaused': (on: boolean) => change({ paused: on }),
    'settings.setLimits': (limits: Limits) =>
      change({
        ...('confluenceSpaces' in limits && limits.confluenceSpaces ? { confluenceSpaces: keys(limits.confluenceSpaces) } : {}),
        ...('jiraProjects' in limits && limits.jiraProjects ? { jiraProjects: keys(limits.jiraProjects) } : {}),
      }),
    'settings.setToolsetEnabled': async (toolset: string, on: boolean) => {
      if (!ALL_TOOLSETS.includes(toolset)) throw new Error(`Tether has no toolset named ${JSON.stringify(toolset)}.`);
      const saved = settings().toolsets;
      const now = !saved || saved.includes('all') ? ALL_TOOLSETS : saved;
      const next = on ? [...new Set([...now, toolset])] : now.filter((t) => t !== toolset);
      // Every toolset on is the default: no list at all, so toolsets added later are on too.
      return change({ toolsets: ALL_TOOLSETS.every((t) => next.includes(t)) ? undefined : next });
    },
  };
}
