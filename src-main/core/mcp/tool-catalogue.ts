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
import jiraAddComment from './tools/jira/jira-add-comment.ts';
import jiraAddIssuesToSprint from './tools/jira/jira-add-issues-to-sprint.ts';
import jiraAddWatcher from './tools/jira/jira-add-watcher.ts';
import jiraAddWorklog from './tools/jira/jira-add-worklog.ts';
import jiraAssignIssue from './tools/jira/jira-assign-issue.ts';
import jiraBatchCreateIssues from './tools/jira/jira-batch-create-issues.ts';
import jiraBatchGetChangelogs from './tools/jira/jira-batch-get-changelogs.ts';
import jiraCreateIssue from './tools/jira/jira-create-issue.ts';
import jiraCreateIssueLink from './tools/jira/jira-create-issue-link.ts';
import jiraCreateRemoteIssueLink from './tools/jira/jira-create-remote-issue-link.ts';
import jiraCreateSprint from './tools/jira/jira-create-sprint.ts';
import jiraCreateVersion from './tools/jira/jira-create-version.ts';
import jiraDeleteIssue from './tools/jira/jira-delete-issue.ts';
import jiraDownloadAttachments from './tools/jira/jira-download-attachments.ts';
import jiraEditComment from './tools/jira/jira-edit-comment.ts';
import jiraGetAgileBoards from './tools/jira/jira-get-agile-boards.ts';
import jiraGetAllProjects from './tools/jira/jira-get-all-projects.ts';
import jiraGetBoardIssues from './tools/jira/jira-get-board-issues.ts';
import jiraGetCreateFields from './tools/jira/jira-get-create-fields.ts';
import jiraGetFieldOptions from './tools/jira/jira-get-field-options.ts';
import jiraGetIssue from './tools/jira/jira-get-issue.ts';
import jiraGetIssueWatchers from './tools/jira/jira-get-issue-watchers.ts';
import jiraGetLinkTypes from './tools/jira/jira-get-link-types.ts';
import jiraGetProjectComponents from './tools/jira/jira-get-project-components.ts';
import jiraGetProjectIssueTypes from './tools/jira/jira-get-project-issue-types.ts';
import jiraGetProjectIssues from './tools/jira/jira-get-project-issues.ts';
import jiraGetProjectVersions from './tools/jira/jira-get-project-versions.ts';
import jiraGetSprintIssues from './tools/jira/jira-get-sprint-issues.ts';
import jiraGetSprintsFromBoard from './tools/jira/jira-get-sprints-from-board.ts';
import jiraGetTransitions from './tools/jira/jira-get-transitions.ts';
import jiraGetUserProfile from './tools/jira/jira-get-user-profile.ts';
import jiraGetWorklog from './tools/jira/jira-get-worklog.ts';
import jiraLinkToEpic from './tools/jira/jira-link-to-epic.ts';
import jiraRemoveIssueLink from './tools/jira/jira-remove-issue-link.ts';
import jiraRemoveWatcher from './tools/jira/jira-remove-watcher.ts';
import jiraSearch from './tools/jira/jira-search.ts';
import jiraSearchAssignableUsers from './tools/jira/jira-search-assignable-users.ts';
import jiraSearchFields from './tools/jira/jira-search-fields.ts';
import jiraTransitionIssue from './tools/jira/jira-transition-issue.ts';
import jiraUpdateIssue from './tools/jira/jira-update-issue.ts';
import jiraUpdateSprint from './tools/jira/jira-update-sprint.ts';
import jiraUploadAttachment from './tools/jira/jira-upload-attachment.ts';

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
  jiraGetIssue,
  jiraSearch,
  jiraGetProjectIssues,
  jiraCreateIssue,
  jiraBatchCreateIssues,
  jiraUpdateIssue,
  jiraAssignIssue,
  jiraDeleteIssue,
  jiraBatchGetChangelogs,
  jiraSearchFields,
  jiraGetFieldOptions,
  jiraAddComment,
  jiraEditComment,
  jiraGetTransitions,
  jiraTransitionIssue,
  jiraGetAllProjects,
  jiraGetProjectIssueTypes,
  jiraGetCreateFields,
  jiraGetProjectVersions,
  jiraGetProjectComponents,
  jiraCreateVersion,
  jiraGetAgileBoards,
  jiraGetBoardIssues,
  jiraGetSprintsFromBoard,
  jiraGetSprintIssues,
  jiraCreateSprint,
  jiraUpdateSprint,
  jiraAddIssuesToSprint,
  jiraGetLinkTypes,
  jiraCreateIssueLink,
  jiraLinkToEpic,
  jiraCreateRemoteIssueLink,
  jiraRemoveIssueLink,
  jiraGetWorklog,
  jiraAddWorklog,
  jiraDownloadAttachments,
  jiraUploadAttachment,
  jiraGetUserProfile,
  jiraSearchAssignableUsers,
  jiraGetIssueWatchers,
  jiraAddWatcher,
  jiraRemoveWatcher,
];
