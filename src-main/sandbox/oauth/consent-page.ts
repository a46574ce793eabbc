// The HTML of the authorization servers: the consent page and the error page. Plain forms with no
// script, so a test can fetch the page, read the fields and post them back, and a browser driven by
// Playwright can click Approve (#approve) or Deny (#deny).

import type { SeedUser } from '../seed.ts';

export interface ConsentView {
  appName: string;
  /** Where the form posts to (same origin). */
  action: string;
  /** The pending-request id (hidden field `request`). */
  requestId: string;
  scopes: string[];
  /** Accounts offered (field `account`, their username); `selected` is preselected. */
  users: SeedUser[];
  selected: SeedUser;
  /** "Atlassian" or "Jira Data Center"… */
  serverName: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
${body}
</body></html>
`;
}

export function consentPage(v: ConsentView): string {
  const options = v.users
    .map((u) => `<option value="${escapeHtml(u.dc.username)}"${u === v.selected ? ' selected' : ''}>${escapeHtml(`${u.displayName} (${u.email})`)}</option>`)
    .join('');
  const scopes = v.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  return page(
    `${v.serverName}: authorize ${v.appName}`,
    `<h1>${escapeHtml(v.appName)} is requesting access to your account</h1>
<form id="consent" method="post" action="${escapeHtml(v.action)}">
<input type="hidden" name="request" value="${escapeHtml(v.requestId)}">
<label for="account">Account</label>
<select id="account" name="account">${options}</select>
<p>It will be able to:</p>
<ul id="scopes">${scopes}</ul>
<button id="approve" type="submit" name="decision" value="approve">Approve</button>
<button id="deny" type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

/** Shown instead of redirecting when the client or the redirect_uri cannot be trusted. */
export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p id="error">${escapeHtml(message)}</p>`);
}
