// Picking a transition by what the model calls it; when none fits, the answer lists the ones open now.
import type { Transition } from '../../../atlassian/jira/types.ts';
import { ToolInputError } from '../../tool-errors.ts';

export function findTransition(transitions: Transition[], wanted: string, issueKey: string): Transition {
  const lower = wanted.trim().toLowerCase();
  const found =
    transitions.find((t) => t.id === wanted.trim()) ??
    transitions.find((t) => t.name.toLowerCase() === lower) ??
    transitions.find((t) => t.to?.name?.toLowerCase() === lower);
  if (found) return found;
  const open = transitions.map((t) => `"${t.name}" (id ${t.id}${t.to?.name ? ` → ${t.to.name}` : ''})`).join(', ');
  throw new ToolInputError(`"${wanted}" is not a transition open to ${issueKey} now. ${open ? `Open transitions: ${open}.` : 'No transition is open to it now.'}`);
}
