// Confluence Cloud: the same routes answer on the site (`/wiki/...`) and through the gateway
// (`/ex/confluence/{cloudId}/wiki/...`; ctx.path is the part from `/wiki` on).
// Shapes follow /work/shared/specs/confluence-v2.json and confluence-v1.json; the handlers live in
// confluence-*.ts next to this file, the state in ../confluence/model.ts.

import {
  createAttachments,
  createOrUpdateAttachments,
  deleteAttachment,
  downloadLink,
  downloadViaApi,
  getAttachment,
  pageAttachments,
} from './confluence-attachments.ts';
import {
  createFooterComment,
  createInlineComment,
  footerCommentChildren,
  getFooterComment,
  getInlineComment,
  inlineCommentChildren,
  pageFooterComments,
  pageInlineComments,
} from './confluence-comments.ts';
import { createFolder, deleteFolder, folderAncestors, folderChildren, folderDescendants, getFolder } from './confluence-folders.ts';
import {
  createPage,
  deletePage,
  getPage,
  listPages,
  pageAncestors,
  pageChildren,
  pageDescendants,
  pageDirectChildren,
  pageLabels,
  pageVersion,
  pageVersions,
  updatePage,
} from './confluence-pages.ts';
import { createSpace, getSpace, listSpaces, spacePages } from './confluence-spaces.ts';
import {
  addLabels,
  currentUser,
  deleteLabelByPath,
  deleteLabelByQuery,
  movePage,
  search,
  searchUsers,
  updateContent,
  userByAccountId,
} from './confluence-v1.ts';
import { usersBulk } from './confluence-users.ts';
import { Router } from './router.ts';

export { decodeCursor, encodeCursor, nextLink, pagedReply, parseLimit } from './confluence-common.ts';

const V2 = '/wiki/api/v2';
const V1 = '/wiki/rest/api';

export const confluenceCloudRouter = new Router()
  // ------------------------------------------------------------------ v1
  .get(`${V1}/user/current`, currentUser)
  .get(`${V1}/user`, userByAccountId)
  .get(`${V1}/search`, search)
  .get(`${V1}/search/user`, searchUsers)
  .add('PUT', `${V1}/content/{pageId}/move/{position}/{targetId}`, movePage)
  .add('POST', `${V1}/content/{id}/label`, addLabels)
  .add('DELETE', `${V1}/content/{id}/label`, deleteLabelByQuery)
  .add('DELETE', `${V1}/content/{id}/label/{label}`, deleteLabelByPath)
  .add('POST', `${V1}/content/{id}/child/attachment`, createAttachments)
  .add('PUT', `${V1}/content/{id}/child/attachment`, createOrUpdateAttachments)
  .get(`${V1}/content/{id}/child/attachment/{attachmentId}/download`, downloadViaApi)
  .add('PUT', `${V1}/content/{id}`, updateContent)
  .get('/wiki/download/attachments/{pageId}/{filename}', downloadLink)
  // ------------------------------------------------------------------ v2 users
  .add('POST', `${V2}/users-bulk`, usersBulk)
  // ------------------------------------------------------------------ v2 spaces
  .get(`${V2}/spaces`, listSpaces)
  .add('POST', `${V2}/spaces`, createSpace)
  .get(`${V2}/spaces/{id}`, getSpace)
  .get(`${V2}/spaces/{id}/pages`, spacePages)
  // ------------------------------------------------------------------ v2 pages
  .get(`${V2}/pages`, listPages)
  .add('POST', `${V2}/pages`, createPage)
  .get(`${V2}/pages/{id}`, getPage)
  .add('PUT', `${V2}/pages/{id}`, updatePage)
  .add('DELETE', `${V2}/pages/{id}`, deletePage)
  .get(`${V2}/pages/{id}/children`, pageChildren)
  .get(`${V2}/pages/{id}/direct-children`, pageDirectChildren)
  .get(`${V2}/pages/{id}/ancestors`, pageAncestors)
  .get(`${V2}/pages/{id}/descendants`, pageDescendants)
  .get(`${V2}/pages/{id}/versions`, pageVersions)
  .get(`${V2}/pages/{page-id}/versions/{version-number}`, pageVersion)
  .get(`${V2}/pages/{id}/labels`, pageLabels)
  .get(`${V2}/pages/{id}/attachments`, pageAttachments)
  .get(`${V2}/pages/{id}/footer-comments`, pageFooterComments)
  .get(`${V2}/pages/{id}/inline-comments`, pageInlineComments)
  // ------------------------------------------------------------------ v2 comments
  .add('POST', `${V2}/footer-comments`, createFooterComment)
  .get(`${V2}/footer-comments/{comment-id}`, getFooterComment)
  .get(`${V2}/footer-comments/{id}/children`, footerCommentChildren)
  .add('POST', `${V2}/inline-comments`, createInlineComment)
  .get(`${V2}/inline-comments/{comment-id}`, getInlineComment)
  .get(`${V2}/inline-comments/{id}/children`, inlineCommentChildren)
  // ------------------------------------------------------------------ v2 attachments
  .get(`${V2}/attachments/{id}`, getAttachment)
  .add('DELETE', `${V2}/attachments/{id}`, deleteAttachment)
  // ------------------------------------------------------------------ v2 folders
  .add('POST', `${V2}/folders`, createFolder)
  .get(`${V2}/folders/{id}`, getFolder)
  .add('DELETE', `${V2}/folders/{id}`, deleteFolder)
  .get(`${V2}/folders/{id}/direct-children`, folderChildren)
  .get(`${V2}/folders/{id}/ancestors`, folderAncestors)
  .get(`${V2}/folders/{id}/descendants`, folderDescendants);
