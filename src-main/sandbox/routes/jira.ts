// Jira Cloud: the same routes answer on the site (`/rest/...`) and through the gateway
// (`/ex/jira/{cloudId}/rest/...`; ctx.path is the part from `/rest` on). REST v3 speaks ADF,
// v2 the same data with wiki markup; the agile API sits at /rest/agile/1.0.
// Shapes follow /work/shared/specs/jira-v3.json; the handlers live in jira-*.ts next to this file,
// the state in ../jira/model.ts.

import { addAgile, addJiraApi } from './jira-api.ts';
import { Router } from './router.ts';

export { jiraBase } from './jira-common.ts';

export const jiraCloudRouter = addAgile(addJiraApi(addJiraApi(new Router(), '/rest/api/3', 'cloud'), '/rest/api/2', 'cloud'));
