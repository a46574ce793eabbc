// Turns what the model writes — field names people know, plain values — into the `fields` object
// Jira wants: custom field ids, {value} for options, {accountId}/{name} for people, ADF or wiki
// markup for text. On create it checks the issue type's required fields first, so a missing one
// comes back as a sentence with its allowed values instead of a bare 400.
import { createFields, findField, listFields, projectIssueTypes, type CreateField } from '../../../atlassian/jira/fields.ts';
import type { JiraClient } from '../../../atlassian/jira/jira-client.ts';
import type { JiraField } from '../../../atlassian/jira/types.ts';
import { resolveUser, userIdentifier } from '../../../atlassian/jira/users.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { markdownToText } from './text-format.ts';

const SYSTEM_ALIASES: Record<string, string> = { epickey: 'parent', epic_link: 'parent', epiclink: 'parent', 'fix versions': 'fixVersions', fix_versions: 'fixVersions', due: 'duedate', due_date: 'duedate' };

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter(Boolean);
  return [value];
}

const named = (value: unknown, key: 'name' | 'value' | 'key' | 'id' = 'name') => (value !== null && typeof value === 'object' ? value : { [key]: String(value) });

async function person(client: JiraClient, value: unknown): Promise<unknown> {
  if (value === null || value === '') return null;
  if (typeof value === 'object') return value;
  const user = await resolveUser(client, String(value));
  if (!user) throw new ToolInputError(`No Jira user matches "${String(value)}": find the person with jira_search_assignable_users and pass their ${client.cloud ? 'account id' : 'user name'}.`);
  return client.cloud ? { accountId: userIdentifier(client, user) } : { name: userIdentifier(client, user) };
}

/** One value, shaped by what the field holds. */
async function shape(client: JiraClient, field: JiraField, value: unknown, current?: unknown): Promise<unknown> {
  const type = field.schema?.type;
  const custom = field.schema?.custom ?? '';
  if (field.id === 'description' || field.id === 'environment' || custom.endsWith(':textarea')) return typeof value === 'string' ? markdownToText(client, value, current) : value;
  if (field.id === 'parent') return value === null ? null : named(value, 'key');
  if (custom.endsWith(':gh-epic-link')) return value === null ? null : String(value);
  if (custom.endsWith(':gh-sprint')) return value === null ? null : Number(typeof value === 'object' ? (value as { id?: unknown }).id : value);
  switch (type) {
    case 'user':
      return person(client, value);
    case 'number':
      return value === null ? null : Number(value);
    case 'option':
      return value === null ? null : named(value, 'value');
    case 'priority':
    case 'issuetype':
    case 'resolution':
    case 'securitylevel':
      return value === null ? null : named(value);
    case 'project':
      return named(value, 'key');
    case 'array': {
      const items = listOf(value);
      if (field.schema?.items === 'string') return items.map(String);
      if (field.schema?.items === 'option') return items.map((v) => named(v, 'value'));
      if (field.schema?.items === 'user') return Promise.all(items.map((v) => person(client, v)));
      if (field.schema?.items === 'issuelinks') return value;
      return items.map((v) => named(v));
    }
    default:
      return value;
  }
}

export interface ResolvedFields {
  fields: Record<string, unknown>;
  /** Field names as given → the id used, for the answer. */
  mapped: Record<string, string>;
}

/** Maps names to ids and shapes the values. `currentDescription` lets preserved ADF survive an edit. */
export async function resolveFields(client: JiraClient, input: Record<string, unknown>, current: Record<string, unknown> = {}): Promise<ResolvedFields> {
  const all = await listFields(client);
  const fields: Record<string, unknown> = {};
  const mapped: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const wanted = SYSTEM_ALIASES[name.toLowerCase()] ?? name;
    const field = findField(all, wanted);
    if (!field) {
      const close = all.filter((f) => f.name.toLowerCase().includes(wanted.toLowerCase().slice(0, 4))).slice(0, 5).map((f) => `"${f.name}"`);
      throw new ToolInputError(`Jira has no field called "${name}"${close.length ? ` (similar: ${close.join(', ')})` : ''}: find the field with jira_search_fields and use its name or id.`);
    }
    fields[field.id] = await shape(client, field, value, current[field.id]);
    if (field.id !== name) mapped[name] = field.id;
  }
  return { fields, mapped };
}

export async function issueTypeId(client: JiraClient, projectKey: string, wanted: string): Promise<{ id: string; name: string; subtask?: boolean }> {
  const types = await projectIssueTypes(client, projectKey);
  const found = types.find((t) => t.id === wanted || t.name.toLowerCase() === wanted.trim().toLowerCase());
  if (!found) throw new ToolInputError(`Project ${projectKey} has no issue type "${wanted}": use one of ${types.map((t) => `"${t.name}"`).join(', ')}.`);
  return found;
}

function allowedList(field: CreateField): string {
  const values = (field.allowedValues ?? []).map((v) => v.name ?? v.value ?? v.key ?? v.id).filter(Boolean);
  return values.length ? ` (allowed: ${values.slice(0, 25).map((v) => `"${v}"`).join(', ')}${values.length > 25 ? ', …' : ''})` : '';
}

/** Refuses a create that misses a required field or uses a value the field does not allow. */
export async function checkCreate(client: JiraClient, projectKey: string, type: { id: string; name: string }, fields: Record<string, unknown>): Promise<void> {
  const meta = await createFields(client, projectKey, type.id);
  const missing = meta.filter((f) => f.required && !f.hasDefaultValue && !['project', 'issuetype', 'reporter'].includes(f.fieldId) && (fields[f.fieldId] === undefined || fields[f.fieldId] === null || fields[f.fieldId] === ''));
  if (missing.length > 0) {
    throw new ToolInputError(`A ${type.name} in ${projectKey} needs ${missing.map((f) => `"${f.name}" (${f.fieldId})${allowedList(f)}`).join('; ')}: add ${missing.length > 1 ? 'them' : 'it'} to additional_fields and try again.`);
  }
  for (const f of meta) {
    const given = fields[f.fieldId];
    if (given === undefined || !f.allowedValues?.length || ['project', 'issuetype'].includes(f.fieldId)) continue;
    for (const item of Array.isArray(given) ? given : [given]) {
      if (!item || typeof item !== 'object') continue;
      const v = item as Record<string, unknown>;
      const ok = f.allowedValues.some((a) => (v.id !== undefined && a.id === String(v.id)) || (v.name !== undefined && a.name?.toLowerCase() === String(v.name).toLowerCase()) || (v.value !== undefined && a.value?.toLowerCase() === String(v.value).toLowerCase()) || (v.key !== undefined && a.key === v.key));
      if (!ok) throw new ToolInputError(`"${String(v.name ?? v.value ?? v.id ?? v.key)}" is not a value of "${f.name}"${allowedList(f)}: pick one of those.`);
    }
  }
}
