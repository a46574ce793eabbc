// Permissions: "Pause Tether", the "Allow changes" switch (asks first), space/project limits, one
// switch per toolset and one per tool. Every change is saved
// by the host, which tells connected AI apps at once (tools/list_changed).
import { useCallback, useEffect, useState } from 'react';
import type { Bridge, ToolInfo, WindowSettings } from '../../../src-main/shared/bridge.ts';
import { call } from '../../bridge/bridge-client.ts';
import { useBridgeEvent } from '../../bridge/use-bridge-event.ts';
import { Switch } from '../../components/switch.tsx';
import { ConfirmWritesDialog } from './confirm-writes-dialog.tsx';
import { LimitsForm } from './limits-form.tsx';
import { ToolList } from './tool-list.tsx';

export function PermissionsPanel({ bridge }: { bridge: Bridge }) {
  const [settings, setSettings] = useState<WindowSettings>();
  const [tools, setTools] = useState<ToolInfo[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);

  const load = useCallback(async () => {
    const [s, t] = await Promise.all([call(bridge, 'settings.get'), call(bridge, 'tools.list')]);
    if (s.ok) setSettings(s.value);
    if (t.ok) setTools(t.value);
    setError(!s.ok ? s.error : !t.ok ? t.error : undefined);
  }, [bridge]);

  useEffect(() => {
    void load();
  }, [load]);
  // A sign-in, a switch or a limit changed elsewhere (the tray, another window, the settings file).
  useBridgeEvent(bridge, ['status.changed'], () => void load());

  const apply = async (change: () => Promise<{ ok: true } | { ok: false; error: string }>) => {
    setBusy(true);
    const answer = await change();
    if (!answer.ok) setError(answer.error);
    await load();
    setBusy(false);
  };

  const overridden = settings !== undefined && settings.writesSource !== 'settings';
  return (
    <section aria-labelledby="permissions-heading">
      <h2 id="permissions-heading">Permissions</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="writes-row">
        <div>
          <span className="writes-label">Pause Tether</span>
          <p className="muted" id="pause-hint">
            {settings?.paused ? 'Paused: AI apps see no tools until you turn this off.' : 'On: AI apps see no tools at all, until you resume.'}
          </p>
        </div>
        <Switch label="Pause Tether" describedBy="pause-hint" checked={settings?.paused ?? false} disabled={!settings} pending={busy} onChange={(on) => void apply(() => call(bridge, 'settings.setPaused', on))} />
      </div>
      <div className="writes-row">
        <div>
          <span className="writes-label">Allow changes</span>
          <p className="muted" id="writes-hint">
            {overridden
              ? `The environment variable ${settings.writesSource} decides this (changes ${settings.writesEnabled ? 'on' : 'off'}): remove it from Tether's environment to use this switch.`
              : 'Off: AI apps can only read. On: they can also create, edit and delete.'}
          </p>
        </div>
        <Switch
          label="Allow changes"
          describedBy="writes-hint"
          checked={settings?.writesEnabled ?? false}
          disabled={!settings || overridden}
          pending={busy}
          onChange={(on) => (on ? setAsking(true) : void apply(() => call(bridge, 'settings.setWrites', false)))}
        />
      </div>
      <ConfirmWritesDialog
        open={asking}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void apply(() => call(bridge, 'settings.setWrites', true));
        }}
      />
      <LimitsForm settings={settings} busy={busy} onSave={(limits) => void apply(() => call(bridge, 'settings.setLimits', limits))} />
      <h2 className="tools-heading">Tools</h2>
      <ToolList
        tools={tools}
        toolsets={settings?.toolsets ?? null}
        busy={busy}
        onToggle={(name, on) => void apply(() => call(bridge, 'settings.setToolEnabled', name, on))}
        onToggleSet={(toolset, on) => void apply(() => call(bridge, 'settings.setToolsetEnabled', toolset, on))}
      />
    </section>
  );
}
