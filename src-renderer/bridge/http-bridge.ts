// The Bridge over loopback HTTP (`tether serve --ui`): POST /bridge with {channel, args}, the answer
// is the same Envelope the IPC adapter gives. The per-run token comes in the page's #token=…
// fragment (never sent to a server); it is kept for this tab's reloads and wiped from the address bar.
import type { Bridge, BridgeChannel, BridgeResult, Envelope } from '../../src-main/shared/bridge.ts';

const TOKEN_HEADER = 'x-tether-ui-token';
const STORAGE_KEY = 'tether.uiToken';

/** The token from #token=…, or the one this tab saw before; undefined outside `tether serve --ui`. */
export function takeUiToken(): string | undefined {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(STORAGE_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}

export function httpBridge(token: string): Bridge {
  return {
    invoke: async <C extends BridgeChannel>(channel: C, ...args: unknown[]): Promise<Envelope<BridgeResult<C>>> => {
      const response = await fetch('/bridge', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify({ channel, args }),
      });
      const answer = (await response.json().catch(() => undefined)) as Envelope<BridgeResult<C>> | undefined;
      return answer && typeof answer.ok === 'boolean' ? answer : { ok: false, error: `Tether's host answered ${response.status}.` };
    },
  } as Bridge;
}
