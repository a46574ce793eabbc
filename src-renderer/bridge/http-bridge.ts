// The Bridge over loopback HTTP (`tether serve --ui`): POST /bridge with {channel, args}, the answer
// is the same Envelope the IPC adapter gives. The per-run token comes in the page's #token=…
// fragment (never sent to a server); it is kept for this tab's reloads and wiped from the address bar.
import { isBridgeEvent, type BridgeEvent } from '../../src-main/shared/bridge-events.ts';
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

/** GET /events as a stream (fetch, not EventSource, so the token can travel in a header). */
function subscribeOverHttp(token: string, listener: (event: BridgeEvent) => void): () => void {
  const controller = new AbortController();
  void (async () => {
    const response = await fetch('/events', { headers: { [TOKEN_HEADER]: token }, signal: controller.signal });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return;
      buffered += chunk.value;
      let end = buffered.indexOf('\n\n');
      while (end >= 0) {
        const data = buffered.slice(0, end).split('\n').find((line) => line.startsWith('data: '));
        buffered = buffered.slice(end + 2);
        if (data) {
          const event: unknown = JSON.parse(data.slice(6));
          if (isBridgeEvent(event)) listener({ name: event.name });
        }
        end = buffered.indexOf('\n\n');
      }
    }
  })().catch(() => undefined); // a closed stream leaves the window on its own refreshes
  return () => controller.abort();
}

export function httpBridge(token: string): Bridge {
  return {
    subscribe: (listener: (event: BridgeEvent) => void) => subscribeOverHttp(token, listener),
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
