// The field catalogue: system fields and the site's custom fields (GET /field), which of them sit
// on the create/edit screen of each issue type, and the operations each one takes. Custom field
// ids follow Cloud's pattern (customfield_100xx); Epic Link and Epic Name exist only on Data
// Center — on Cloud an epic is the `parent` of its stories.

import { ISSUE_TYPE } from './catalog.ts';
import type { ProjectRecord } from './model.ts';

export interface FieldSchema {
  type: string;
  items?: string;
  system?: string;
  custom?: string;
  customId?: number;
}

export interface FieldDef {
  id: string;
  name: string;
  custom: boolean;
  schema?: FieldSchema;
  clauseNames: string[];
  navigable: boolean;
  orderable: boolean;
  searchable: boolean;
  only?: 'cloud' | 'dc';
  /** Rich text: ADF on REST v3, wiki markup on v2. */
  rich?: boolean;
}

export const FIELD = {
  sprint: 'customfield_10010',
  storyPoints: 'customfield_10011',
  team: 'customfield_10012',
  epicLink: 'customfield_10013',
  epicName: 'customfield_10014',
  startDate: 'customfield_10015',
  rank: 'customfield_10016',
  acceptance: 'customfield_10017',
} as const;

/** Id of the one (global) context of each custom field. */
export const CONTEXT_ID: Record<string, string> = {
  [FIELD.sprint]: '10110',
  [FIELD.storyPoints]: '10111',
  [FIELD.team]: '10112',
  [FIELD.epicLink]: '10113',
  [FIELD.epicName]: '10114',
  [FIELD.startDate]: '10115',
  [FIELD.rank]: '10116',
  [FIELD.acceptance]: '10117',
};

const sys = (id: string, name: string, schema: FieldSchema | undefined, clauseNames: string[], flags: Partial<FieldDef> = {}): FieldDef => ({
  id,
  name,
  custom: false,
  ...(schema ? { schema } : {}),
  clauseNames,
  navigable: true,
  orderable: true,
  searchable: true,
  ...flags,
});

const cf = (id: string, name: string, type: string, custom: string, extraClause: string[], flags: Partial<FieldDef> = {}, items?: string): FieldDef => {
  const n = Number(id.replace('customfield_', ''));
  return {
    id,
    name,
    custom: true,
    schema: { type, ...(items ? { items } : {}), custom, customId: n },
    clauseNames: [`cf[${n}]`, name, ...extraClause],
    navigable: true,
    orderable: true,
    searchable: true,
    ...flags,
  };
};

const PLUGIN = 'com.atlassian.jira.plugin.system.customfieldtypes';

export const FIELDS: FieldDef[] = [
  sys('issuekey', 'Key', undefined, ['id', 'issue', 'issuekey', 'key'], { orderable: false }),
  sys('summary', 'Summary', { type: 'string', system: 'summary' }, ['summary']),
  sys('description', 'Description', { type: 'string', system: 'description' }, ['description'], { rich: true }),
  sys('issuetype', 'Issue Type', { type: 'issuetype', system: 'issuetype' }, ['issuetype', 'type']),
  sys('project', 'Project', { type: 'project', system: 'project' }, ['project'], { orderable: false }),
  sys('status', 'Status', { type: 'status', system: 'status' }, ['status'], { orderable: false }),
  sys('statusCategory', 'Status Category', undefined, ['statusCategory'], { orderable: false }),
  sys('priority', 'Priority', { type: 'priority', system: 'priority' }, ['priority']),
  sys('resolution', 'Resolution', { type: 'resolution', system: 'resolution' }, ['resolution']),
  sys('resolutiondate', 'Resolved', { type: 'datetime', system: 'resolutiondate' }, ['resolutiondate', 'resolved'], { orderable: false }),
  sys('assignee', 'Assignee', { type: 'user', system: 'assignee' }, ['assignee']),
  sys('reporter', 'Reporter', { type: 'user', system: 'reporter' }, ['reporter']),
  sys('creator', 'Creator', { type: 'user', system: 'creator' }, ['creator'], { orderable: false }),
  sys('labels', 'Labels', { type: 'array', items: 'string', system: 'labels' }, ['labels']),
  sys('components', 'Components', { type: 'array', items: 'component', system: 'components' }, ['component']),
  sys('fixVersions', 'Fix versions', { type: 'array', items: 'version', system: 'fixVersions' }, ['fixVersion']),
  sys('versions', 'Affects versions', { type: 'array', items: 'version', system: 'versions' }, ['affectedVersion']),
  sys('duedate', 'Due date', { type: 'date', system: 'duedate' }, ['due', 'duedate']),
  sys('created', 'Created', { type: 'datetime', system: 'created' }, ['created', 'createdDate'], { orderable: false }),
  sys('updated', 'Updated', { type: 'datetime', system: 'updated' }, ['updated', 'updatedDate'], { orderable: false }),
  sys('statuscategorychangedate', 'Status Category Changed', { type: 'datetime', system: 'statuscategorychangedate' }, ['statusCategoryChangedDate'], { orderable: false }),
  sys('environment', 'Environment', { type: 'string', system: 'environment' }, ['environment'], { rich: true }),
  sys('parent', 'Parent', { type: 'issuelink', system: 'parent' }, ['parent']),
  sys('subtasks', 'Sub-tasks', { type: 'array', items: 'issuelinks', system: 'subtasks' }, ['subtasks'], { orderable: false }),
  sys('issuelinks', 'Linked Issues', { type: 'array', items: 'issuelinks', system: 'issuelinks' }, ['issueLink']),
  sys('comment', 'Comment', { type: 'comments-page', system: 'comment' }, ['comment'], { navigable: false }),
  sys('worklog', 'Log Work', { type: 'array', items: 'worklog', system: 'worklog' }, ['worklogAuthor', 'worklogComment', 'worklogDate'], { navigable: false }),
  sys('attachment', 'Attachment', { type: 'array', items: 'attachment', system: 'attachment' }, ['attachments']),
  sys('watches', 'Watchers', { type: 'watches', system: 'watches' }, ['watcher', 'watchers'], { orderable: false }),
  sys('votes', 'Votes', { type: 'votes', system: 'votes' }, ['votes'], { orderable: false }),
  sys('timetracking', 'Time tracking', { type: 'timetracking', system: 'timetracking' }, [], { navigable: false, searchable: false }),
  sys('timespent', 'Time Spent', { type: 'number', system: 'timespent' }, ['timespent'], { orderable: false }),
  sys('timeoriginalestimate', 'Original estimate', { type: 'number', system: 'timeoriginalestimate' }, ['originalEstimate', 'timeoriginalestimate'], { orderable: false }),
  sys('timeestimate', 'Remaining Estimate', { type: 'number', system: 'timeestimate' }, ['remainingEstimate', 'timeestimate'], { orderable: false }),
  cf(FIELD.sprint, 'Sprint', 'array', 'com.pyxis.greenhopper.jira:gh-sprint', [], {}, 'json'),
  cf(FIELD.storyPoints, 'Story Points', 'number', `${PLUGIN}:float`, ['Story Points[Number]']),
  cf(FIELD.team, 'Team', 'option', `${PLUGIN}:select`, ['Team[Dropdown]']),
  cf(FIELD.epicLink, 'Epic Link', 'any', 'com.pyxis.greenhopper.jira:gh-epic-link', [], { only: 'dc' }),
  cf(FIELD.epicName, 'Epic Name', 'string', 'com.pyxis.greenhopper.jira:gh-epic-label', [], { only: 'dc' }),
  cf(FIELD.startDate, 'Start date', 'date', `${PLUGIN}:datepicker`, ['Start date[Date]']),
  cf(FIELD.rank, 'Rank', 'any', 'com.pyxis.greenhopper.jira:gh-lexo-rank', []),
  cf(FIELD.acceptance, 'Acceptance Criteria', 'string', `${PLUGIN}:textarea`, ['Acceptance Criteria[Paragraph]'], { rich: true }),
];

export function fieldsFor(dc: boolean): FieldDef[] {
  return FIELDS.filter((f) => f.only === undefined || f.only === (dc ? 'dc' : 'cloud'));
}

export function fieldDef(id: string, dc: boolean): FieldDef | undefined {
  return fieldsFor(dc).find((f) => f.id === id);
}

/** The field a JQL clause name refers to (clause names, field names, cf[n]; case-insensitive). */
export function clauseField(name: string, dc: boolean): FieldDef | undefined {
  const n = name.toLowerCase();
  return fieldsFor(dc).find((f) => f.clauseNames.some((c) => c.toLowerCase() === n) || f.name.toLowerCase() === n || f.id.toLowerCase() === n);
}

/** Fields on the create (or edit) screen of an issue type in a project, in screen order. */
export function screenFields(project: ProjectRecord, typeId: string, dc: boolean, mode: 'create' | 'edit'): string[] {
  const epicRef = dc ? FIELD.epicLink : 'parent';
  const out = ['summary', 'issuetype', ...(mode === 'create' ? ['project'] : []), 'reporter', 'description', 'priority', 'labels', 'assignee', 'components', 'fixVersions', 'duedate'];
  const scrum = project.key !== 'OPS';
  switch (typeId) {
    case ISSUE_TYPE.epic:
      out.push(FIELD.startDate, ...(dc ? [FIELD.epicName] : []));
      break;
    case ISSUE_TYPE.story:
      out.push(FIELD.storyPoints, FIELD.team, FIELD.acceptance, epicRef, ...(scrum ? [FIELD.sprint] : []));
      break;
    case ISSUE_TYPE.task:
      out.push(FIELD.storyPoints, FIELD.team, epicRef, 'timetracking', ...(scrum ? [FIELD.sprint] : []));
      break;
    case ISSUE_TYPE.bug:
      out.push('versions', 'environment', FIELD.storyPoints, FIELD.team, epicRef, ...(scrum ? [FIELD.sprint] : []));
      break;
    case ISSUE_TYPE.subtask:
      out.push('parent', 'timetracking');
      break;
    case ISSUE_TYPE.incident:
      out.push('environment', FIELD.team);
      break;
  }
  if (mode === 'edit') out.push('issuelinks', 'comment');
  return [...new Set(out)].filter((id) => fieldDef(id, dc) !== undefined);
}

/** Fields a project requires on create for an issue type (summary, issue type and project always). */
export function requiredFields(project: ProjectRecord, typeId: string, dc: boolean): string[] {
  const out = ['summary', 'issuetype', 'project', 'reporter', ...(project.required[typeId] ?? [])];
  if (typeId === ISSUE_TYPE.subtask) out.push('parent');
  if (dc && typeId === ISSUE_TYPE.epic) out.push(FIELD.epicName);
  return out;
}

export function operationsOf(fieldId: string): string[] {
  switch (fieldId) {
    case 'labels':
    case 'components':
    case 'fixVersions':
    case 'versions':
      return ['add', 'set', 'remove'];
    case 'issuelinks':
      return ['add', 'copy'];
    case 'comment':
      return ['add', 'edit', 'remove'];
    case 'timetracking':
      return ['set', 'edit'];
    case 'issuetype':
    case 'project':
      return fieldId === 'project' ? ['set'] : [];
    default:
      return ['set'];
  }
}
