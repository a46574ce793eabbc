// Every MCP tool Tether has, in the order clients list them. One file per tool; this list is the registry.
import type { AnyTool } from './define-tool.ts';
import confluenceAddComment from './tools/confluence/confluence-add-comment.ts';
import confluenceAddInlineComment from './tools/confluence/confluence-add-inline-comment.ts';
import confluenceAddLabel from './tools/confluence/confluence-add-label.ts';
import confluenceCreateFolder from './tools/confluence/confluence-create-folder.ts';
import confluenceCreatePage from './tools/confluence/confluence-create-page.ts';
import confluenceCreateSpace from './tools/confluence/confluence-create-space.ts';
import confluenceDeleteAttachment from './tools/confluence/confluence-delete-attachment.ts';
import confluenceDeleteFolder from './tools/confluence/confluence-delete-folder.ts';
import confluenceDeletePage from './tools/confluence/confluence-delete-page.ts';
import confluenceDownloadAttachment from './tools/confluence/confluence-download-attachment.ts';
import confluenceGetAttachments from './tools/confluence/confluence-get-attachments.ts';
import confluenceGetCommentReplies from './tools/confluence/confluence-get-comment-replies.ts';
import confluenceGetComments from './tools/confluence/confluence-get-comments.ts';
import confluenceGetCurrentUser from './tools/confluence/confluence-get-current-user.ts';
import confluenceGetFolder from './tools/confluence/confluence-get-folder.ts';
import confluenceGetFolderChildren from './tools/confluence/confluence-get-folder-children.ts';
import confluenceGetInlineComments from './tools/confluence/confluence-get-inline-comments.ts';
import confluenceGetLabels from './tools/confluence/confluence-get-labels.ts';
import confluenceGetPage from './tools/confluence/confluence-get-page.ts';
import confluenceGetPageAncestors from './tools/confluence/confluence-get-page-ancestors.ts';
import confluenceGetPageChildren from './tools/confluence/confluence-get-page-children.ts';
import confluenceGetPageDiff from './tools/confluence/confluence-get-page-diff.ts';
import confluenceGetPageHistory from './tools/confluence/confluence-get-page-history.ts';
import confluenceGetSpace from './tools/confluence/confluence-get-space.ts';
import confluenceGetSpacePageTree from './tools/confluence/confluence-get-space-page-tree.ts';
import confluenceListFolders from './tools/confluence/confluence-list-folders.ts';
import confluenceListSpaces from './tools/confluence/confluence-list-spaces.ts';
import confluenceMovePage from './tools/confluence/confluence-move-page.ts';
import confluenceRemoveLabel from './tools/confluence/confluence-remove-label.ts';
import confluenceReplyToComment from './tools/confluence/confluence-reply-to-comment.ts';
import confluenceSearch from './tools/confluence/confluence-search.ts';
import confluenceSearchUser from './tools/confluence/confluence-search-user.ts';
import confluenceUpdateFolder from './tools/confluence/confluence-update-folder.ts';
import confluenceUpdatePage from './tools/confluence/confluence-update-page.ts';
import confluenceUpdatePageSection from './tools/confluence/confluence-update-page-section.ts';
import confluenceUploadAttachment from './tools/confluence/confluence-upload-attachment.ts';

export const allTools: readonly AnyTool[] = [
  confluenceListSpaces,
  confluenceGetSpace,
  confluenceCreateSpace,
  confluenceGetPage,
  confluenceGetPageChildren,
  confluenceGetPageAncestors,
  confluenceGetSpacePageTree,
  confluenceGetPageHistory,
  confluenceGetPageDiff,
  confluenceCreatePage,
  confluenceUpdatePage,
  confluenceUpdatePageSection,
  confluenceMovePage,
  confluenceDeletePage,
  confluenceListFolders,
  confluenceGetFolder,
  confluenceGetFolderChildren,
  confluenceCreateFolder,
  confluenceUpdateFolder,
  confluenceDeleteFolder,
  confluenceSearch,
  confluenceGetComments,
  confluenceGetInlineComments,
  confluenceGetCommentReplies,
  confluenceAddComment,
  confluenceReplyToComment,
  confluenceAddInlineComment,
  confluenceGetLabels,
  confluenceAddLabel,
  confluenceRemoveLabel,
  confluenceGetAttachments,
  confluenceDownloadAttachment,
  confluenceUploadAttachment,
  confluenceDeleteAttachment,
  confluenceGetCurrentUser,
  confluenceSearchUser,
];
