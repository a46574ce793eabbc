// Finding a section by the words of its heading, the same way for Markdown and for storage.

export class SectionNotFoundError extends Error {
  override name = 'SectionNotFoundError';
  readonly available: string[];

  constructor(wanted: string, available: string[]) {
    const list = available.slice(0, 30).map((h) => `"${h}"`).join(', ');
    super(`No heading "${wanted}" on this page. ${available.length === 0 ? 'The page has no headings.' : `Headings: ${list}${available.length > 30 ? ', …' : ''}.`}`);
    this.available = available;
  }
}

const loose = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The index of the heading that `wanted` names: exact text first, then ignoring case, then
 * ignoring punctuation (`## Rollout`, `rollout:` and `Rollout` all find "Rollout"). -1 when none.
 */
export function findHeading(headings: string[], wanted: string): number {
  const target = wanted.trim().replace(/^#{1,6}\s+/, '');
  const exact = headings.indexOf(target);
  if (exact >= 0) return exact;
  const lower = target.toLowerCase();
  const caseless = headings.findIndex((h) => h.toLowerCase() === lower);
  if (caseless >= 0) return caseless;
  const key = loose(target);
  return key === '' ? -1 : headings.findIndex((h) => loose(h) === key);
}
