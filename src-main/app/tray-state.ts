// What the tray says about Tether at a glance: not connected, connected read-only, changes
// allowed, paused, or a problem. Pure, so it is tested without Electron.
import type { StatusReport } from '../shared/status.ts';

export type TrayState = 'not-connected' | 'read-only' | 'writes-on' | 'paused' | 'error';

export function trayState(status: StatusReport, switches: { writesEnabled: boolean; paused: boolean }): TrayState {
  if (switches.paused) return 'paused';
  const products = [status.confluence, status.jira];
  // A credential that is there but unusable (expired, revoked, keychain locked) is a problem to show.
  if (products.some((p) => !p.authenticated && p.source !== null)) return 'error';
  if (!products.some((p) => p.authenticated)) return 'not-connected';
  return switches.writesEnabled ? 'writes-on' : 'read-only';
}

export const TRAY_TOOLTIP: Record<TrayState, string> = {
  'not-connected': 'Tether — not connected: open Tether to sign in',
  'read-only': 'Tether — connected, read-only',
  'writes-on': 'Tether — connected, changes allowed',
  paused: 'Tether — paused',
  error: 'Tether — a sign-in needs attention: open Tether',
};
