// Permissions: the "Allow changes" switch (asks first) and one switch per tool. Every change is saved
// by the host, which tells connected AI apps at once (tools/list_changed).
import { useCallback, useEffect, useState } from 'react';
import type { Bridge, ToolInfo, WindowSettings } from '../../../src-main/shared/bridge.ts';
import { call } from '../../bridge/bridge-client.ts';
import { Switch } from '../../components/switch.tsx';
import { ConfirmWritesDialog } from './confirm-writes-dialog.tsx';
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

  const apply = async (change: () => ReturnType<typeof call<'settings.setWrites'>>) => {
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
          <span className="writes-label">Allow changes</span>
          <p className="muted" id="writes-hint">
            {overridden ? `${settings.writesSource} decides this while it is set.` : 'Off: AI apps can only read. On: they can also create, edit and delete.'}
          </p>
        </div>
        <Switch
          label="Allow changes"
          describedBy="writes-hint"
          checked={settings?.writesEnabled ?? false}
          disabled={!settings || busy || overridden}
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
      <h2 className="tools-heading">Tools</h2>
      <ToolList tools={tools} busy={busy} onToggle={(name, on) => void apply(() => call(bridge, 'settings.setToolEnabled', name, on))} />
    </section>
  );
}
