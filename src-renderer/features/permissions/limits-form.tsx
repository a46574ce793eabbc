// Space and project limits: comma-separated keys (upper-cased by the host); an empty field lifts the limit.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Limits, WindowSettings } from '../../../src-main/shared/bridge.ts';

const split = (text: string) => text.split(',').map((k) => k.trim()).filter(Boolean);

export function LimitsForm({ settings, busy, onSave }: { settings: WindowSettings | undefined; busy: boolean; onSave: (limits: Limits) => void }) {
  const id = useId();
  const [spaces, setSpaces] = useState('');
  const [projects, setProjects] = useState('');
  // The saved values fill the fields each time they change (after a save, or on first load).
  useEffect(() => {
    setSpaces((settings?.confluenceSpaces ?? []).join(', '));
    setProjects((settings?.jiraProjects ?? []).join(', '));
  }, [settings?.confluenceSpaces, settings?.jiraProjects]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ confluenceSpaces: split(spaces), jiraProjects: split(projects) });
  };
  return (
    <form className="limits-form setup-form" aria-labelledby={`${id}-heading`} onSubmit={submit}>
      <h3 id={`${id}-heading`}>Limits</h3>
      <p className="muted" id={`${id}-hint`}>
        Comma-separated keys, e.g. ENG, OPS. Empty: every space or project you can see.
      </p>
      <label htmlFor={`${id}-spaces`}>Confluence space keys</label>
      <input id={`${id}-spaces`} type="text" value={spaces} onChange={(e) => setSpaces(e.target.value)} aria-describedby={`${id}-hint`} spellCheck={false} autoCapitalize="characters" />
      <label htmlFor={`${id}-projects`}>Jira project keys</label>
      <input id={`${id}-projects`} type="text" value={projects} onChange={(e) => setProjects(e.target.value)} aria-describedby={`${id}-hint`} spellCheck={false} autoCapitalize="characters" />
      <button type="submit" disabled={!settings || busy}>
        Save limits
      </button>
    </form>
  );
}
