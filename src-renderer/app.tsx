// The window: a header and, for now, the status of both products.
import type { Bridge } from '../src-main/shared/bridge.ts';
import { StatusPanel } from './features/status/status-panel.tsx';

export function App({ bridge }: { bridge: Bridge }) {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Tether</h1>
      </header>
      <main>
        <StatusPanel bridge={bridge} />
      </main>
    </div>
  );
}
