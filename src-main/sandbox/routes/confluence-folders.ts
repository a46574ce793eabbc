// Confluence v2 folders: create, get, delete (to the trash, children move up), and the tree.

import type { FolderRecord, TreeRecord } from '../confluence/model.ts';
import type { Reply, RequestContext } from '../types.ts';
import { folderJson, includeFlags, isReply, jsonObject, numericId, store, v2BadRequest, v2NotFound } from './confluence-common.ts';
import { ancestorsReply, descendantsReply, folderDirectChildren } from './confluence-pages.ts';

function liveFolder(ctx: RequestContext, raw: string | undefined): FolderRecord | Reply {
  const id = numericId(raw);
  if (isReply(id)) return id;
  const f = store(ctx).folder(id);
  if (!f || f.status === 'trashed') return v2NotFound();
  return f;
}

export function createFolder(ctx: RequestContext): Reply {
  const st = store(ctx);
  const b = jsonObject(ctx);
  if (isReply(b)) return b;
  if (typeof b.spaceId !== 'string' || !/^\d+$/.test(b.spaceId)) return v2BadRequest('spaceId is required and must be the id of a space');
  const space = st.space(b.spaceId);
  if (!space) return v2NotFound();
  const title = typeof b.title === 'string' ? b.title.trim() : '';
  if (title === '') return v2BadRequest('Title cannot be empty.');
  if (title.length > 255) return v2BadRequest('Title cannot be longer than 255 characters.');
  let parent: TreeRecord | undefined;
  if (b.parentId !== undefined && b.parentId !== null) {
    if (typeof b.parentId !== 'string' || !/^\d+$/.test(b.parentId)) return v2BadRequest('parentId must be the id of a page or folder');
    parent = st.node(b.parentId);
    if (!parent || parent.status === 'trashed' || parent.status === 'draft') return v2NotFound('Parent content not found');
    if (parent.spaceId !== space.id) return v2BadRequest('The parent must be in the same space as the new folder.');
  } else {
    const home = st.page(space.homepageId);
    if (home && home.status === 'current') parent = home;
  }
  const now = new Date().toISOString();
  const folder: FolderRecord = {
    id: st.newId(),
    type: 'folder',
    spaceId: space.id,
    status: 'current',
    title,
    parentId: parent?.id,
    position: st.endPosition(parent?.id, space.id),
    authorId: ctx.user.accountId,
    ownerId: ctx.user.accountId,
    createdAt: now,
    version: { number: 1, message: '', minorEdit: false, authorId: ctx.user.accountId, createdAt: now },
  };
  st.data.folders.set(folder.id, folder);
  return { status: 200, body: folderJson(ctx, folder, true) };
}

export function getFolder(ctx: RequestContext, params: Record<string, string>): Reply {
  const flags = includeFlags(ctx, ['include-collaborators', 'include-direct-children', 'include-operations', 'include-properties']);
  if (isReply(flags)) return flags;
  const f = liveFolder(ctx, params.id);
  if (isReply(f)) return f;
  return { status: 200, body: folderJson(ctx, f, true) };
}

export function deleteFolder(ctx: RequestContext, params: Record<string, string>): Reply {
  const f = liveFolder(ctx, params.id);
  if (isReply(f)) return f;
  store(ctx).trash(f);
  return { status: 204 };
}

export function folderChildren(ctx: RequestContext, params: Record<string, string>): Reply {
  const f = liveFolder(ctx, params.id);
  if (isReply(f)) return f;
  return folderDirectChildren(ctx, f.id);
}

export function folderAncestors(ctx: RequestContext, params: Record<string, string>): Reply {
  const f = liveFolder(ctx, params.id);
  if (isReply(f)) return f;
  return ancestorsReply(ctx, f.id, false);
}

export function folderDescendants(ctx: RequestContext, params: Record<string, string>): Reply {
  const f = liveFolder(ctx, params.id);
  if (isReply(f)) return f;
  return descendantsReply(ctx, f.id, `/wiki/api/v2/folders/${f.id}/descendants`);
}
