// An on/off switch: a button with role="switch", so screen readers say "on"/"off" and Space/Enter toggle it.
export function Switch({ label, checked, onChange, disabled, describedBy }: { label: string; checked: boolean; onChange: (next: boolean) => void; disabled?: boolean; describedBy?: string }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      aria-describedby={describedBy}
      className={checked ? 'switch switch-on' : 'switch'}
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span className="switch-knob" aria-hidden="true" />
    </button>
  );
}
