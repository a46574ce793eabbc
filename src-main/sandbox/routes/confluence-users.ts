// v2 user lookups (POST /users-bulk): display names for account ids, as Tether uses for mentions.
import type { Reply, RequestContext } from '../types.ts';
import { isReply, jsonObject, store, v2BadRequest, wikiBase } from './confluence-common.ts';

export function usersBulk(ctx: RequestContext): Reply {
  const body = jsonObject(ctx);
  if (isReply(body)) return body;
  const ids = body.accountIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 250 || !ids.every((id) => typeof id === 'string')) {
    return v2BadRequest('accountIds must be a list of 1 to 250 account ids.');
  }
  const st = store(ctx);
  // Unknown ids are left out, as Atlassian does ("results may be empty").
  const results = [...new Set(ids as string[])].flatMap((id) => {
    const u = st.user(id);
    if (!u) return [];
    return [{ accountId: u.accountId, accountType: 'atlassian', accountStatus: 'active', displayName: u.displayName, publicName: u.publicName, email: u.email, timeZone: u.timeZone, isExternalCollaborator: false }];
  });
  return { status: 200, body: { results, _links: { base: wikiBase(ctx) } } };
}
