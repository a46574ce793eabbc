// Every tool, grouped by toolset (the heading has the whole group's switch), each with its own switch and a read/write badge. A tool that is on
// but not offered to clients right now (changes off, product not signed in) says so.
import type { ToolInfo } from '../../../src-main/shared/bridge.ts';
import { Switch } from '../../components/switch.tsx';

const WORDS: Record<string, string> = { confluence: 'Confluence', jira: 'Jira', worklog: 'worklogs' };

/** "confluence_pages" → "Confluence pages". */
export function toolsetLabel(toolset: string): string {
  const [product = '', ...rest] = toolset.split('_');
  return [WORDS[product] ?? product, ...rest.map((w) => WORDS[w] ?? w)].join(' ');
}

interface ToolListProps {
  tools: ToolInfo[];
  /** The saved toolsets; null = all of them. */
  toolsets: string[] | null;
  busy: boolean;
  onToggle: (name: string, on: boolean) => void;
  onToggleSet: (toolset: string, on: boolean) => void;
}

export function ToolList({ tools, toolsets, busy, onToggle, onToggleSet }: ToolListProps) {
  const setOn = (toolset: string) => !toolsets || toolsets.includes('all') || toolsets.includes(toolset);
  const groups = new Map<string, ToolInfo[]>();
  for (const tool of tools) groups.set(tool.toolset, [...(groups.get(tool.toolset) ?? []), tool]);
  return (
    <div className="tool-groups">
      {[...groups].map(([toolset, members]) => (
        <section key={toolset} className="tool-group" aria-labelledby={`toolset-${toolset}`}>
          <div className="tool-row toolset-row">
            <h3 id={`toolset-${toolset}`}>{toolsetLabel(toolset)}</h3>
            <Switch label={`All ${toolsetLabel(toolset)} tools`} checked={setOn(toolset)} pending={busy} onChange={(on) => onToggleSet(toolset, on)} />
          </div>
          <ul className="tool-list">
            {members.map((tool) => (
              <li key={tool.name} className="tool-row">
                <span className="tool-name">
                  <span>{tool.title}</span>
                  <span className={tool.access === 'write' ? 'badge badge-write' : 'badge badge-off'}>{tool.access === 'write' ? 'write' : 'read'}</span>
                  {tool.enabled && !tool.listed && (
                    <span className="muted tool-note" id={`note-${tool.name}`}>
                      {tool.access === 'write' ? 'waits for "Allow changes"' : 'needs a sign-in'}
                    </span>
                  )}
                </span>
                <Switch label={tool.title} checked={tool.enabled} disabled={!setOn(toolset)} pending={busy} onChange={(on) => onToggle(tool.name, on)} {...(tool.enabled && !tool.listed ? { describedBy: `note-${tool.name}` } : {})} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
