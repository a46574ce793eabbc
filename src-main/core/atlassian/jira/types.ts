// The parts of Jira's objects that Tether reads (the full shapes are in Atlassian's OpenAPI).
export interface JiraUser {
  accountId?: string;
  name?: string;
  key?: string;
  displayName?: string;
  emailAddress?: string;
  active?: boolean;
  timeZone?: string;
}

export interface NamedRef {
  id?: string;
  name?: string;
  key?: string;
  value?: string;
}

export interface JiraComment {
  id: string;
  author?: JiraUser;
  body?: unknown;
  created?: string;
  updated?: string;
  visibility?: { type: string; value: string };
}

export interface JiraIssue {
  id: string;
  key: string;
  self?: string;
  fields: Record<string, unknown> & {
    summary?: string;
    description?: unknown;
    status?: { name?: string; statusCategory?: { key?: string; name?: string } };
    issuetype?: NamedRef & { subtask?: boolean };
    project?: NamedRef;
    priority?: NamedRef;
    assignee?: JiraUser | null;
    reporter?: JiraUser | null;
    labels?: string[];
    created?: string;
    updated?: string;
    comment?: { comments?: JiraComment[]; total?: number };
    parent?: { key?: string; fields?: { summary?: string } };
  };
  names?: Record<string, string>;
  renderedFields?: Record<string, unknown>;
  changelog?: { histories?: ChangeHistory[]; total?: number };
  transitions?: Transition[];
}

export interface ChangeHistory {
  id: string;
  author?: JiraUser;
  created?: string;
  items?: { field?: string; fieldId?: string; fromString?: string | null; toString?: string | null }[];
}

export interface Transition {
  id: string;
  name: string;
  to?: { name?: string; id?: string };
  fields?: Record<string, { required?: boolean; name?: string; allowedValues?: unknown[] }>;
}

export interface JiraField {
  id: string;
  key?: string;
  name: string;
  custom?: boolean;
  schema?: { type?: string; items?: string; custom?: string; customId?: number; system?: string };
  clauseNames?: string[];
}

export interface JiraProject {
  id: string;
  key: string;
  name: string;
  projectTypeKey?: string;
  archived?: boolean;
  lead?: JiraUser;
}
