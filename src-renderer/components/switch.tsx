// An on/off switch: a button with role="switch", so screen readers say "on"/"off" and Space/Enter toggle it.
// `pending` (a change is saving) ignores presses but stays focusable: a disabled button would drop
// keyboard focus to the page.
export function Switch({ label, checked, onChange, disabled, pending, describedBy }: { label: string; checked: boolean; onChange: (next: boolean) => void; disabled?: boolean; pending?: boolean; describedBy?: string }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      aria-describedby={describedBy}
      aria-disabled={pending || undefined}
      className={checked ? 'switch switch-on' : 'switch'}
      disabled={disabled}
      onClick={() => !pending && onChange(!checked)}
    >
      <span className="switch-knob" aria-hidden="true" />
    </button>
  );
}
