// Sections of a storage document, by heading, as byte ranges of the original source. Replacing a
// section splices new storage into that range and leaves every other byte of the page as it was:
// nothing outside the section is re-serialised.
import { isTag } from 'domhandler';
import { findHeading, SectionNotFoundError } from './headings.ts';
import { parseStorage, tagName, textContent, type ChildNode, type Element } from './storage-dom.ts';

export interface StorageSection {
  heading: string;
  level: number;
  /** From the heading's start tag… */
  start: number;
  /** …to just before the next heading of the same or a higher level in the same container. */
  end: number;
}

const HEADING = /^h([1-6])$/;

function headingText(el: Element): string {
  const visible = (node: ChildNode): string => {
    if (isTag(node)) return tagName(node) === 'ac:parameter' ? '' : node.children.map(visible).join('');
    return textContent(node);
  };
  return visible(el).replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Every heading of the document in order, with the range its section covers. */
export function storageSections(storage: string): StorageSection[] {
  const sections: StorageSection[] = [];
  const visit = (children: ChildNode[]): void => {
    const last = children[children.length - 1];
    const containerEnd = last?.endIndex != null ? last.endIndex + 1 : storage.length;
    children.forEach((child, i) => {
      if (!isTag(child)) return;
      const level = HEADING.exec(tagName(child) ?? '')?.[1];
      if (level && child.startIndex !== null) {
        const next = children.slice(i + 1).find((c) => {
          const l = HEADING.exec(tagName(c) ?? '')?.[1];
          return l !== undefined && Number(l) <= Number(level);
        });
        sections.push({ heading: headingText(child), level: Number(level), start: child.startIndex, end: next?.startIndex ?? containerEnd });
      } else visit(child.children);
    });
  };
  visit(parseStorage(storage).children);
  return sections.sort((a, b) => a.start - b.start);
}

/** The section a heading names. Throws SectionNotFoundError (listing the headings) when none matches. */
export function findStorageSection(storage: string, heading: string): StorageSection {
  const sections = storageSections(storage);
  const index = findHeading(sections.map((s) => s.heading), heading);
  if (index < 0) throw new SectionNotFoundError(heading, sections.map((s) => s.heading));
  return sections[index] as StorageSection;
}

/**
 * Replaces one section — its heading and everything up to the next heading of the same or a
 * higher level — with `newStorageFragment` (which should start with the heading it wants).
 */
export function replaceStorageSection(storage: string, heading: string, newStorageFragment: string): { storage: string; section: StorageSection } {
  const section = findStorageSection(storage, heading);
  return { storage: storage.slice(0, section.start) + newStorageFragment + storage.slice(section.end), section };
}

/** The highest `ac:task-id` in a page, so that tasks written into one of its sections get fresh ids. */
export function maxTaskId(storage: string): number {
  let max = 0;
  for (const match of storage.matchAll(/<ac:task-id>\s*(\d+)\s*<\/ac:task-id>/g)) max = Math.max(max, Number(match[1]));
  return max;
}
