// The Jira REST routes, registered once per API root: Cloud `/rest/api/3` (ADF) and `/rest/api/2`
// (wiki markup), Data Center `/rest/api/2`. Handlers read the flavour from the request (api() in
// jira-common.ts), so one table serves all three; Cloud-only and DC-only routes are marked.

import { boardBacklog, boardIssues, boardSprints, createSprint, getBoard, getSprint, listBoards, moveToBacklog, moveToSprint, sprintIssues, updateSprint } from './jira-agile.ts';
import { addAttachments, attachmentContent, attachmentMeta, attachmentThumbnail, deleteAttachment } from './jira-attachments.ts';
import { addComment, deleteComment, getComment, listComments, updateComment } from './jira-comments.ts';
import { contextOptions, createMetaFields, createMetaIssueTypes, dcFieldOptions, fieldContexts, listFields } from './jira-fields.ts';
import {
  assignIssue,
  bulkFetchChangelogs,
  bulkFetchIssues,
  createIssue,
  createIssues,
  deleteIssue,
  editIssue,
  getChangelogs,
  getEditMeta,
  getIssue,
} from './jira-issues.ts';
import { createLink, createRemoteLink, deleteLink, deleteRemoteLink, getLink, getLinkType, getRemoteLink, listLinkTypes, listRemoteLinks } from './jira-links.ts';
import {
  createVersion,
  getIssueType,
  getProject,
  getVersion,
  issueTypesForProject,
  listIssueTypes,
  listPriorities,
  listProjects,
  listResolutions,
  listStatuses,
  projectComponents,
  projectStatuses,
  projectVersions,
  projectVersionsPaged,
  searchProjects,
  serverInfo,
} from './jira-projects.ts';
import { approximateCount, searchDc, searchGone, searchJql } from './jira-search.ts';
import { getTransitions, doTransition } from './jira-transitions.ts';
import { addWatcher, assignableUsers, getUser, getWatchers, myself, removeWatcher, searchUsers } from './jira-users.ts';
import { addWorklog, getWorklog, listWorklogs } from './jira-worklog.ts';
import type { Router } from './router.ts';

/** Registers the REST API under `root` (`/rest/api/3` or `/rest/api/2`) for Cloud or Data Center. */
export function addJiraApi(router: Router, root: string, flavour: 'cloud' | 'dc'): Router {
  const cloud = flavour === 'cloud';
  // flavour-specific routes first: literal paths (/project/search) must win over templates (/project/{key})
  if (cloud) {
    router
      .get(`${root}/search/jql`, searchJql)
      .add('POST', `${root}/search/jql`, searchJql)
      .add('POST', `${root}/search/approximate-count`, approximateCount)
      .get(`${root}/search`, searchGone)
      .add('POST', `${root}/search`, searchGone)
      .add('POST', `${root}/issue/bulkfetch`, bulkFetchIssues)
      .get(`${root}/issue/{issueIdOrKey}/changelog`, getChangelogs)
      .add('POST', `${root}/changelog/bulkfetch`, bulkFetchChangelogs)
      .get(`${root}/attachment/content/{id}`, attachmentContent)
      .get(`${root}/attachment/thumbnail/{id}`, attachmentThumbnail)
      .get(`${root}/project/search`, searchProjects)
      .get(`${root}/issuetype/project`, issueTypesForProject)
      .get(`${root}/field/{fieldId}/context`, fieldContexts)
      .get(`${root}/field/{fieldId}/context/{contextId}/option`, contextOptions);
  } else {
    router
      .get(`${root}/search`, searchDc)
      .add('POST', `${root}/search`, searchDc)
      .get(`${root}/customFields/{customFieldId}/options`, dcFieldOptions);
  }
  router
    .get(`${root}/myself`, myself)
    .get(`${root}/serverInfo`, serverInfo)
    // issues
    .add('POST', `${root}/issue`, createIssue)
    .add('POST', `${root}/issue/bulk`, createIssues)
    .get(`${root}/issue/createmeta/{projectIdOrKey}/issuetypes`, createMetaIssueTypes)
    .get(`${root}/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}`, createMetaFields)
    .get(`${root}/issue/{issueIdOrKey}`, getIssue)
    .add('PUT', `${root}/issue/{issueIdOrKey}`, editIssue)
    .add('DELETE', `${root}/issue/{issueIdOrKey}`, deleteIssue)
    .add('PUT', `${root}/issue/{issueIdOrKey}/assignee`, assignIssue)
    .get(`${root}/issue/{issueIdOrKey}/editmeta`, getEditMeta)
    .get(`${root}/issue/{issueIdOrKey}/transitions`, getTransitions)
    .add('POST', `${root}/issue/{issueIdOrKey}/transitions`, doTransition)
    .get(`${root}/issue/{issueIdOrKey}/comment`, listComments)
    .add('POST', `${root}/issue/{issueIdOrKey}/comment`, addComment)
    .get(`${root}/issue/{issueIdOrKey}/comment/{id}`, getComment)
    .add('PUT', `${root}/issue/{issueIdOrKey}/comment/{id}`, updateComment)
    .add('DELETE', `${root}/issue/{issueIdOrKey}/comment/{id}`, deleteComment)
    .get(`${root}/issue/{issueIdOrKey}/worklog`, listWorklogs)
    .add('POST', `${root}/issue/{issueIdOrKey}/worklog`, addWorklog)
    .get(`${root}/issue/{issueIdOrKey}/worklog/{id}`, getWorklog)
    .add('POST', `${root}/issue/{issueIdOrKey}/attachments`, addAttachments)
    .get(`${root}/issue/{issueIdOrKey}/watchers`, getWatchers)
    .add('POST', `${root}/issue/{issueIdOrKey}/watchers`, addWatcher)
    .add('DELETE', `${root}/issue/{issueIdOrKey}/watchers`, removeWatcher)
    .get(`${root}/issue/{issueIdOrKey}/remotelink`, listRemoteLinks)
    .add('POST', `${root}/issue/{issueIdOrKey}/remotelink`, createRemoteLink)
    .get(`${root}/issue/{issueIdOrKey}/remotelink/{linkId}`, getRemoteLink)
    .add('DELETE', `${root}/issue/{issueIdOrKey}/remotelink/{linkId}`, deleteRemoteLink)
    // attachments
    .get(`${root}/attachment/{id}`, attachmentMeta)
    .add('DELETE', `${root}/attachment/{id}`, deleteAttachment)
    // links
    .get(`${root}/issueLinkType`, listLinkTypes)
    .get(`${root}/issueLinkType/{issueLinkTypeId}`, getLinkType)
    .add('POST', `${root}/issueLink`, createLink)
    .get(`${root}/issueLink/{linkId}`, getLink)
    .add('DELETE', `${root}/issueLink/{linkId}`, deleteLink)
    // fields
    .get(`${root}/field`, listFields)
    // projects and vocabulary
    .get(`${root}/project`, listProjects)
    .get(`${root}/project/{projectIdOrKey}`, getProject)
    .get(`${root}/project/{projectIdOrKey}/statuses`, projectStatuses)
    .get(`${root}/project/{projectIdOrKey}/versions`, projectVersions)
    .get(`${root}/project/{projectIdOrKey}/version`, projectVersionsPaged)
    .get(`${root}/project/{projectIdOrKey}/components`, projectComponents)
    .add('POST', `${root}/version`, createVersion)
    .get(`${root}/version/{id}`, getVersion)
    .get(`${root}/issuetype`, listIssueTypes)
    .get(`${root}/issuetype/{id}`, getIssueType)
    .get(`${root}/priority`, listPriorities)
    .get(`${root}/resolution`, listResolutions)
    .get(`${root}/status`, listStatuses)
    // users
    .get(`${root}/user`, getUser)
    .get(`${root}/user/search`, searchUsers)
    .get(`${root}/user/assignable/search`, assignableUsers);

  return router;
}

/** Jira Software's agile API (same on Cloud and Data Center). */
export function addAgile(router: Router): Router {
  const A = '/rest/agile/1.0';
  return router
    .get(`${A}/board`, listBoards)
    .get(`${A}/board/{boardId}`, getBoard)
    .get(`${A}/board/{boardId}/issue`, boardIssues)
    .get(`${A}/board/{boardId}/backlog`, boardBacklog)
    .get(`${A}/board/{boardId}/sprint`, boardSprints)
    .add('POST', `${A}/sprint`, createSprint)
    .get(`${A}/sprint/{sprintId}`, getSprint)
    .add('POST', `${A}/sprint/{sprintId}`, updateSprint)
    .add('PUT', `${A}/sprint/{sprintId}`, updateSprint)
    .get(`${A}/sprint/{sprintId}/issue`, sprintIssues)
    .add('POST', `${A}/sprint/{sprintId}/issue`, moveToSprint)
    .add('POST', `${A}/backlog/issue`, moveToBacklog);
}
