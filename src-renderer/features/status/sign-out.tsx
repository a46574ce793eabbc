// "Sign out of <Product>" on the Status view: asks first, then the host forgets the stored credential
// (auth.logout) and the view reloads. Credentials from environment variables cannot be forgotten from
// here, so those get a sentence saying how instead of a button.
import { useRef, useState } from 'react';
import type { Bridge } from '../../../src-main/shared/bridge.ts';
import type { ProductStatus } from '../../../src-main/shared/status.ts';
import { call } from '../../bridge/bridge-client.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PRODUCT_TITLE, formatSite } from './format.ts';

export function SignOut({ bridge, status, onSignedOut }: { bridge: Bridge; status: ProductStatus; onSignedOut: () => Promise<void> }) {
  const title = PRODUCT_TITLE[status.product];
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const message = useRef<HTMLParagraphElement>(null);

  const signOut = async () => {
    setAsking(false);
    setBusy(true);
    const answer = await call(bridge, 'auth.logout', [status.product]);
    const gone = answer.ok ? answer.value.find((r) => r.product === status.product) : undefined;
    setOutcome(!answer.ok ? { ok: false, text: answer.error } : { ok: true, text: gone ? `Signed out of ${title}: Tether forgot the token in the ${gone.where}.` : `${title} had no stored credential.` });
    await onSignedOut();
    setBusy(false);
    // The button is gone now: focus goes to the outcome, so keyboard and screen-reader users land on it.
    message.current?.focus();
  };

  const stored = status.source === 'keychain' || status.source === 'file';
  const where = status.source === 'file' ? `the file ${status.location ?? 'of credentials'}` : 'your keychain';
  const site = status.site ? formatSite(status.site) : 'this site';
  return (
    <div className="sign-out">
      {status.source === 'env' && <p className="muted">{title} is set by environment variables; remove them to sign out.</p>}
      {stored && (
        <button type="button" className="button-secondary" onClick={() => setAsking(true)} disabled={busy}>
          {busy ? 'Signing out…' : `Sign out of ${title}`}
        </button>
      )}
      <p ref={message} tabIndex={-1} className={outcome?.ok === false ? 'error' : 'muted'} role="status">
        {outcome?.text}
      </p>
      <ConfirmDialog open={asking} title={`Sign out of ${title}?`} confirmLabel="Sign out" onCancel={() => setAsking(false)} onConfirm={() => void signOut()}>
        <p>
          Sign out of {title} on {site}? Tether forgets the token in {where}.
        </p>
      </ConfirmDialog>
    </div>
  );
}
