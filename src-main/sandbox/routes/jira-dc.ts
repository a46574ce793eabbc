// Jira Data Center at `${dcUrl}/jira`: ctx.path is the part after `/jira`. REST v2 only (wiki
// markup bodies, users by username/key, classic startAt/total search), the agile API, and the
// /secure/attachment servlet that serves attachment bytes.

import { addAgile, addJiraApi } from './jira-api.ts';
import { dcAttachmentFile } from './jira-attachments.ts';
import { Router } from './router.ts';

export const jiraDcRouter = addAgile(addJiraApi(new Router(), '/rest/api/2', 'dc')).get('/secure/attachment/{id}/{filename}', dcAttachmentFile);
