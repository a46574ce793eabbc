// Confluence link targets written as Markdown link destinations, readable and reversible:
//
//   [Deploy guide](<confluence-page:OPS/Deploy guide#Rollback>)   a page (space key optional)
//   [spec.pdf](<attachment:spec.pdf>)                              an attachment of this page
//   ![Diagram](<attachment:flow.png?width=600>)                    an image, with its display options
//   [@Dana Reyes](mention:557058:1f0e…)                             a person (account id)
//   [Rollback](#Rollback)                                          an anchor on this page

export type LinkTarget =
  | { type: 'page'; title: string; spaceKey?: string; anchor?: string }
  | { type: 'attachment'; filename: string; params: [string, string][] }
  | { type: 'mention'; user: UserRef }
  | { type: 'anchor'; anchor: string }
  | { type: 'url'; url: string };

/** `ri:user` names a person by account id (Cloud), user key or user name (Data Center). */
export interface UserRef {
  accountId?: string;
  userKey?: string;
  username?: string;
}

export const PAGE_SCHEME = 'confluence-page:';
export const ATTACHMENT_SCHEME = 'attachment:';
export const MENTION_SCHEME = 'mention:';

const SPACE_KEY = /^~?[A-Za-z0-9_.-]+$/;

/** Percent-encodes only what would change the meaning of a destination we parse back. */
function encodePart(text: string, extra: RegExp): string {
  return text.replace(/[%<>\\\n\r]/g, encodeChar).replace(extra, encodeChar);
}

function encodeChar(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

function decodePart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A destination as Markdown writes it: in angle brackets when it holds spaces or parentheses. */
export function markdownDestination(href: string): string {
  const safe = href.replace(/[<>\n\r]/g, encodeChar);
  return /[\s()]/.test(safe) ? `<${safe}>` : safe;
}

export function pageHref(title: string, spaceKey?: string, anchor?: string): string {
  let path = encodePart(title, /#/g);
  if (spaceKey) path = `${spaceKey}/${path}`;
  else if (path.includes('/') || path === '') path = `/${path}`;
  return `${PAGE_SCHEME}${path}${anchor ? `#${encodePart(anchor, /#/g)}` : ''}`;
}

export function attachmentHref(filename: string, params: [string, string][] = []): string {
  const query = params.map(([k, v]) => `${k}=${encodePart(v, /[&#?=]/g)}`).join('&');
  return `${ATTACHMENT_SCHEME}${encodePart(filename, /[#?]/g)}${query ? `?${query}` : ''}`;
}

export function mentionHref(user: UserRef): string {
  if (user.accountId) return `${MENTION_SCHEME}${user.accountId}`;
  if (user.userKey) return `${MENTION_SCHEME}userkey=${user.userKey}`;
  return `${MENTION_SCHEME}username=${user.username ?? ''}`;
}

/** Reads a Markdown link destination back into a Confluence target. */
export function parseHref(href: string): LinkTarget {
  if (href.startsWith(PAGE_SCHEME)) {
    let rest = href.slice(PAGE_SCHEME.length);
    let anchor: string | undefined;
    const hash = rest.indexOf('#');
    if (hash >= 0) {
      anchor = decodePart(rest.slice(hash + 1));
      rest = rest.slice(0, hash);
    }
    let spaceKey: string | undefined;
    if (rest.startsWith('/')) rest = rest.slice(1);
    else {
      const slash = rest.indexOf('/');
      if (slash > 0 && SPACE_KEY.test(rest.slice(0, slash))) {
        spaceKey = rest.slice(0, slash);
        rest = rest.slice(slash + 1);
      }
    }
    return { type: 'page', title: decodePart(rest), ...(spaceKey ? { spaceKey } : {}), ...(anchor ? { anchor } : {}) };
  }
  if (href.startsWith(ATTACHMENT_SCHEME)) {
    const rest = href.slice(ATTACHMENT_SCHEME.length);
    const question = rest.indexOf('?');
    const filename = decodePart(question >= 0 ? rest.slice(0, question) : rest);
    const params: [string, string][] = [];
    if (question >= 0) {
      for (const pair of rest.slice(question + 1).split('&')) {
        if (pair === '') continue;
        const eq = pair.indexOf('=');
        params.push(eq >= 0 ? [pair.slice(0, eq), decodePart(pair.slice(eq + 1))] : [pair, 'true']);
      }
    }
    return { type: 'attachment', filename, params };
  }
  if (href.startsWith(MENTION_SCHEME)) {
    const rest = href.slice(MENTION_SCHEME.length);
    if (rest.startsWith('userkey=')) return { type: 'mention', user: { userKey: rest.slice(8) } };
    if (rest.startsWith('username=')) return { type: 'mention', user: { username: rest.slice(9) } };
    return { type: 'mention', user: { accountId: rest } };
  }
  if (href.startsWith('#') && href.length > 1) return { type: 'anchor', anchor: decodePart(href.slice(1)) };
  return { type: 'url', url: href };
}
