// Every tool, grouped by toolset, each with its own switch and a read/write badge. A tool that is on
// but not offered to clients right now (changes off, product not signed in) says so.
import type { ToolInfo } from '../../../src-main/shared/bridge.ts';
import { Switch } from '../../components/switch.tsx';

const WORDS: Record<string, string> = { confluence: 'Confluence', jira: 'Jira', worklog: 'worklogs' };

/** "confluence_pages" → "Confluence pages". */
export function toolsetLabel(toolset: string): string {
  const [product = '', ...rest] = toolset.split('_');
  return [WORDS[product] ?? product, ...rest.map((w) => WORDS[w] ?? w)].join(' ');
}

export function ToolList({ tools, busy, onToggle }: { tools: ToolInfo[]; busy: boolean; onToggle: (name: string, on: boolean) => void }) {
  const groups = new Map<string, ToolInfo[]>();
  for (const tool of tools) groups.set(tool.toolset, [...(groups.get(tool.toolset) ?? []), tool]);
  return (
    <div className="tool-groups">
      {[...groups].map(([toolset, members]) => (
        <section key={toolset} className="tool-group" aria-labelledby={`toolset-${toolset}`}>
          <h3 id={`toolset-${toolset}`}>{toolsetLabel(toolset)}</h3>
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
                <Switch label={tool.title} checked={tool.enabled} disabled={busy} onChange={(on) => onToggle(tool.name, on)} {...(tool.enabled && !tool.listed ? { describedBy: `note-${tool.name}` } : {})} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
