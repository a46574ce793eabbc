// Confluence Data Center at `${dcUrl}/confluence`: ctx.path is the part after `/confluence`.
// The v1 content API on the site root (no /wiki), over the same store as the Cloud routes; the
// handlers live in confluence-dc-*.ts, the rules they share with Cloud in confluence-v1.ts.

import type { Reply, RequestContext } from '../types.ts';
import { createOrUpdateAttachments, downloadLink } from './confluence-attachments.ts';
import {
  childComments,
  childPages,
  createContent,
  deleteContent,
  getContent,
  getSpace,
  listContent,
  listSpaces,
  pageHistory,
  pageVersions,
  spacePages,
  updateContentDc,
} from './confluence-dc-content.ts';
import { contentSearch, pageAttachments, pageLabels, relabel, searchDc, uploaded, userByName } from './confluence-dc-files.ts';
import { addLabels, deleteLabelByPath, deleteLabelByQuery, movePage } from './confluence-v1.ts';
import { Router } from './router.ts';

const API = '/rest/api';

export const confluenceDcRouter = new Router()
  .get(`${API}/user/current`, currentUser)
  .get(`${API}/user`, userByName)
  .get(`${API}/search`, searchDc)
  .get(`${API}/space`, listSpaces)
  .get(`${API}/space/{key}`, getSpace)
  .get(`${API}/space/{key}/content/{type}`, spacePages)
  .get(`${API}/content`, listContent)
  .add('POST', `${API}/content`, createContent)
  .get(`${API}/content/search`, contentSearch)
  .get(`${API}/content/{id}`, getContent)
  .add('PUT', `${API}/content/{id}`, updateContentDc)
  .add('DELETE', `${API}/content/{id}`, deleteContent)
  .get(`${API}/content/{id}/child/page`, childPages)
  .get(`${API}/content/{id}/child/comment`, childComments)
  .get(`${API}/content/{id}/version`, pageVersions)
  .get(`${API}/content/{id}/history`, pageHistory)
  .add('PUT', `${API}/content/{pageId}/move/{position}/{targetId}`, movePage)
  .get(`${API}/content/{id}/label`, pageLabels)
  .add('POST', `${API}/content/{id}/label`, relabel(addLabels))
  .add('DELETE', `${API}/content/{id}/label`, deleteLabelByQuery)
  .add('DELETE', `${API}/content/{id}/label/{label}`, deleteLabelByPath)
  .get(`${API}/content/{id}/child/attachment`, pageAttachments)
  .add('PUT', `${API}/content/{id}/child/attachment`, uploaded(createOrUpdateAttachments))
  .get('/download/attachments/{pageId}/{filename}', downloadLink);

function currentUser(ctx: RequestContext): Reply {
  const u = ctx.user;
  const base = `${ctx.urls.dcUrl}/confluence`;
  return {
    status: 200,
    body: {
      type: 'known',
      username: u.dc.username,
      userKey: u.dc.confluenceUserKey,
      profilePicture: {
        path: '/confluence/images/icons/profilepics/default.svg',
        width: 48,
        height: 48,
        isDefault: true,
      },
      displayName: u.displayName,
      _links: {
        base,
        context: '/confluence',
        self: `${base}/rest/api/user?key=${u.dc.confluenceUserKey}`,
      },
      _expandable: { status: '', personalSpace: '' },
    },
  };
}
