// The window: a header and five sections as tabs. The first run (nothing signed in) opens on Setup.
import { useEffect, useState } from 'react';
import type { Bridge } from '../src-main/shared/bridge.ts';
import { call } from './bridge/bridge-client.ts';
import { Tabs, type Tab } from './components/tabs.tsx';
import { ActivityPanel } from './features/activity/activity-panel.tsx';
import { AppsPanel } from './features/apps/apps-panel.tsx';
import { PermissionsPanel } from './features/permissions/permissions-panel.tsx';
import { SetupPanel } from './features/setup/setup-panel.tsx';
import { StatusPanel } from './features/status/status-panel.tsx';

type Section = 'status' | 'apps' | 'permissions' | 'activity' | 'setup';
const TABS: Tab<Section>[] = [
  { key: 'status', label: 'Status' },
  { key: 'apps', label: 'AI apps', name: 'Connect to AI apps' },
  { key: 'permissions', label: 'Permissions' },
  { key: 'activity', label: 'Activity' },
  { key: 'setup', label: 'Setup' },
];

export function App({ bridge }: { bridge: Bridge }) {
  const [section, setSection] = useState<Section>('status');
  useEffect(() => {
    void call(bridge, 'status.get').then((answer) => {
      if (answer.ok && !answer.value.confluence.authenticated && !answer.value.jira.authenticated) setSection((now) => (now === 'status' ? 'setup' : now));
    });
  }, [bridge]);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Tether</h1>
      </header>
      <main>
        <Tabs tabs={TABS} current={section} onSelect={setSection}>
          {section === 'status' && <StatusPanel bridge={bridge} />}
          {section === 'apps' && <AppsPanel bridge={bridge} />}
          {section === 'permissions' && <PermissionsPanel bridge={bridge} />}
          {section === 'activity' && <ActivityPanel bridge={bridge} />}
          {section === 'setup' && <SetupPanel bridge={bridge} />}
        </Tabs>
      </main>
    </div>
  );
}
