// The window's sections as ARIA tabs: Left/Right/Home/End move between them (roving tabindex), so the
// whole window works from the keyboard.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab<K extends string> {
  key: K;
  label: string;
  /** A fuller accessible name where the visible label is shortened to fit 360px (it must contain the label). */
  name?: string;
}

export function Tabs<K extends string>({ tabs, current, onSelect, children }: { tabs: Tab<K>[]; current: K; onSelect: (key: K) => void; children: ReactNode }) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(tab.key);
    refs.current.get(tab.key)?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label="Sections" className="tabs">
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            ref={(el) => void (el ? refs.current.set(tab.key, el) : refs.current.delete(tab.key))}
            type="button"
            role="tab"
            id={`tab-${tab.key}`}
            aria-selected={tab.key === current}
            // Only the open panel is in the page: the other tabs would point at nothing.
            aria-controls={tab.key === current ? `panel-${tab.key}` : undefined}
            aria-label={tab.name}
            tabIndex={tab.key === current ? 0 : -1}
            className="tab"
            onClick={() => onSelect(tab.key)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`} className="tab-panel">
        {children}
      </div>
    </>
  );
}
