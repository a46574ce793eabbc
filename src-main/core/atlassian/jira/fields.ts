// Fields as people know them: "Story Points", not customfield_10016. The field list is read once
// per connection and reused.
import { enc, type JiraClient } from './jira-client.ts';
import type { JiraField } from './types.ts';

const known = new WeakMap<object, Promise<JiraField[]>>();

export function listFields(client: JiraClient, refresh = false): Promise<JiraField[]> {
  let pending = known.get(client.http);
  if (!pending || refresh) {
    pending = client.http.get<JiraField[]>(`${client.api}/field`);
    known.set(client.http, pending);
    pending.catch(() => known.delete(client.http));
  }
  return pending;
}

/** The field an id, key or name (any case) points to, or undefined. */
export function findField(fields: JiraField[], wanted: string): JiraField | undefined {
  const lower = wanted.trim().toLowerCase();
  return (
    fields.find((f) => f.id === wanted || f.key === wanted) ??
    fields.find((f) => f.name.toLowerCase() === lower) ??
    fields.find((f) => f.clauseNames?.some((c) => c.toLowerCase() === lower))
  );
}

export interface CreateField {
  fieldId: string;
  name: string;
  required: boolean;
  schema?: JiraField['schema'];
  allowedValues?: { id?: string; name?: string; value?: string; key?: string }[];
  hasDefaultValue?: boolean;
}

/** What an issue type needs on create, with the allowed values (createmeta, paged on both flavours). */
export async function createFields(client: JiraClient, projectKey: string, issueTypeId: string): Promise<CreateField[]> {
  const fields: CreateField[] = [];
  for (let startAt = 0; ; ) {
    const page = await client.http.get<{ values?: CreateField[]; fields?: CreateField[]; results?: CreateField[]; total?: number; isLast?: boolean }>(
      `${client.api}/issue/createmeta/${enc(projectKey)}/issuetypes/${enc(issueTypeId)}`,
      { startAt, maxResults: 200 },
    );
    const values = page.fields ?? page.results ?? page.values ?? [];
    fields.push(...values);
    startAt += values.length;
    if (values.length === 0 || page.isLast === true || (page.total !== undefined && startAt >= page.total)) break;
  }
  return fields;
}

export interface IssueTypeRef {
  id: string;
  name: string;
  subtask?: boolean;
  description?: string;
}

export async function projectIssueTypes(client: JiraClient, projectKey: string): Promise<IssueTypeRef[]> {
  const page = await client.http.get<{ values?: IssueTypeRef[]; issueTypes?: IssueTypeRef[]; createMetaIssueType?: IssueTypeRef[] }>(`${client.api}/issue/createmeta/${enc(projectKey)}/issuetypes`, { maxResults: 200 });
  return page.issueTypes ?? page.createMetaIssueType ?? page.values ?? [];
}

export interface FieldOption {
  id?: string;
  value?: string;
  name?: string;
  disabled?: boolean;
  optionId?: string;
}

/** Cloud: a custom field's options in a context (the global one when none is given). */
export async function fieldOptions(client: JiraClient, fieldId: string, contextId: string | undefined): Promise<FieldOption[]> {
  let context = contextId;
  if (!context) {
    const contexts = await client.http.get<{ values?: { id: string; isGlobalContext?: boolean }[] }>(`${client.api}/field/${enc(fieldId)}/context`, { maxResults: 100 });
    context = (contexts.values?.find((c) => c.isGlobalContext) ?? contexts.values?.[0])?.id;
    if (!context) return [];
  }
  const options: FieldOption[] = [];
  for (let startAt = 0; ; ) {
    const page = await client.http.get<{ values?: FieldOption[]; isLast?: boolean }>(`${client.api}/field/${enc(fieldId)}/context/${enc(context)}/option`, { startAt, maxResults: 100 });
    const values = page.values ?? [];
    options.push(...values);
    startAt += values.length;
    if (page.isLast !== false || values.length === 0) break;
  }
  return options;
}
