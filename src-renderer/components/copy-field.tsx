// A read-only line of text with a Copy button. Where the clipboard is refused (no permission, an
// insecure origin), the text is selected instead so Ctrl+C / ⌘C copies it.
import { useId, useRef, useState } from 'react';

export function CopyField({ label, text }: { label: string; text: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid('Copied.');
    } catch {
      input.current?.focus();
      input.current?.select();
      setSaid('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <div className="copy-row">
        <input id={id} ref={input} readOnly value={text} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button-secondary" aria-label={`Copy ${label.toLowerCase()}`} onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <span className="muted copy-said" role="status" aria-live="polite">
        {said}
      </span>
    </div>
  );
}
