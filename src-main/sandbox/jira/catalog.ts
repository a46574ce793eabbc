// The fixed vocabulary of the sandbox Jira: status categories, statuses and the workflow between
// them, priorities, resolutions, issue types and issue link types. Ids follow what a fresh
// company-managed Jira Cloud site hands out (small numbers for built-ins, 10000+ for the rest).

export interface StatusCategoryDef {
  id: number;
  key: 'undefined' | 'new' | 'indeterminate' | 'done';
  name: string;
  colorName: string;
}

export const STATUS_CATEGORIES: StatusCategoryDef[] = [
  { id: 1, key: 'undefined', name: 'No Category', colorName: 'medium-gray' },
  { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  { id: 3, key: 'done', name: 'Done', colorName: 'green' },
];

export interface StatusDef {
  id: string;
  name: string;
  description: string;
  categoryId: number;
}

export const STATUS = { todo: '10000', inProgress: '3', inReview: '10002', done: '10001' } as const;

export const STATUSES: StatusDef[] = [
  { id: STATUS.todo, name: 'To Do', description: 'Work that has not been started.', categoryId: 2 },
  { id: STATUS.inProgress, name: 'In Progress', description: 'This issue is being actively worked on at the moment by the assignee.', categoryId: 4 },
  { id: STATUS.inReview, name: 'In Review', description: 'The work is done and waits for a review.', categoryId: 4 },
  { id: STATUS.done, name: 'Done', description: 'Work has finished.', categoryId: 3 },
];

export interface TransitionDef {
  id: string;
  name: string;
  from: string[];
  to: string;
  /** The transition screen: Done asks for a resolution, the others have none. */
  screen: boolean;
}

/** To Do → In Progress → In Review → Done, a way back at each step, and Reopen from Done. */
export const TRANSITIONS: TransitionDef[] = [
  { id: '11', name: 'Start Progress', from: [STATUS.todo], to: STATUS.inProgress, screen: false },
  { id: '21', name: 'Stop Progress', from: [STATUS.inProgress], to: STATUS.todo, screen: false },
  { id: '31', name: 'Submit for Review', from: [STATUS.inProgress], to: STATUS.inReview, screen: false },
  { id: '41', name: 'Back to In Progress', from: [STATUS.inReview], to: STATUS.inProgress, screen: false },
  { id: '51', name: 'Done', from: [STATUS.inReview], to: STATUS.done, screen: true },
  { id: '61', name: 'Reopen', from: [STATUS.done], to: STATUS.todo, screen: false },
];

export interface PriorityDef {
  id: string;
  name: string;
  description: string;
  statusColor: string;
  icon: string;
}

export const PRIORITIES: PriorityDef[] = [
  { id: '1', name: 'Highest', description: 'This problem will block progress.', statusColor: '#d04437', icon: 'highest' },
  { id: '2', name: 'High', description: 'Serious problem that could block progress.', statusColor: '#f15C75', icon: 'high' },
  { id: '3', name: 'Medium', description: 'Has the potential to affect progress.', statusColor: '#f79232', icon: 'medium' },
  { id: '4', name: 'Low', description: 'Minor problem or easily worked around.', statusColor: '#707070', icon: 'low' },
  { id: '5', name: 'Lowest', description: 'Trivial problem with little or no impact on progress.', statusColor: '#999999', icon: 'lowest' },
];
export const DEFAULT_PRIORITY = '3';

export interface ResolutionDef {
  id: string;
  name: string;
  description: string;
}

export const RESOLUTIONS: ResolutionDef[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: 'This issue won\'t be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: '10003', name: 'Cannot Reproduce', description: 'All attempts at reproducing this issue failed.' },
];

export interface IssueTypeDef {
  id: string;
  name: string;
  description: string;
  subtask: boolean;
  /** 1 = epic, 0 = standard, -1 = sub-task. */
  hierarchyLevel: number;
  avatarId: number;
}

export const ISSUE_TYPE = { epic: '10000', story: '10001', task: '10002', bug: '10003', subtask: '10004', incident: '10005' } as const;

export const ISSUE_TYPES: IssueTypeDef[] = [
  { id: ISSUE_TYPE.epic, name: 'Epic', description: 'A big user story that needs to be broken down.', subtask: false, hierarchyLevel: 1, avatarId: 10307 },
  { id: ISSUE_TYPE.story, name: 'Story', description: 'Functionality or a feature expressed as a user goal.', subtask: false, hierarchyLevel: 0, avatarId: 10315 },
  { id: ISSUE_TYPE.task, name: 'Task', description: 'A small, distinct piece of work.', subtask: false, hierarchyLevel: 0, avatarId: 10318 },
  { id: ISSUE_TYPE.bug, name: 'Bug', description: 'A problem or error.', subtask: false, hierarchyLevel: 0, avatarId: 10303 },
  { id: ISSUE_TYPE.subtask, name: 'Subtask', description: 'A small piece of work that is part of a larger task.', subtask: true, hierarchyLevel: -1, avatarId: 10316 },
  { id: ISSUE_TYPE.incident, name: 'Incident', description: 'An unplanned interruption of a service.', subtask: false, hierarchyLevel: 0, avatarId: 10304 },
];

export interface LinkTypeDef {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export const LINK_TYPES: LinkTypeDef[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

export const byId = <T extends { id: string }>(list: T[], id: string | null | undefined): T | undefined =>
  id === null || id === undefined ? undefined : list.find((x) => x.id === id);

/** A definition by id or (case-insensitive) name, the way Jira resolves `{id}` / `{name}` references. */
export function byIdOrName<T extends { id: string; name: string }>(list: T[], ref: unknown): T | undefined {
  if (typeof ref !== 'object' || ref === null) return undefined;
  const r = ref as { id?: unknown; name?: unknown };
  if (typeof r.id === 'string' || typeof r.id === 'number') return list.find((x) => x.id === String(r.id));
  if (typeof r.name === 'string') return list.find((x) => x.name.toLowerCase() === (r.name as string).toLowerCase());
  return undefined;
}
