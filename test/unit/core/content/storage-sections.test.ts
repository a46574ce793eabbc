import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SectionNotFoundError } from '../../../../src-main/core/content/headings.ts';
import { markdownToStorage } from '../../../../src-main/core/content/markdown-to-storage.ts';
import { findStorageSection, maxTaskId, replaceStorageSection, storageSections } from '../../../../src-main/core/content/storage-sections.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/content');
const mixed = readFileSync(path.join(fixtures, 'mixed-page.storage.html'), 'utf8');
const large = readFileSync(path.join(fixtures, 'large-page.storage.html'), 'utf8');

describe('storageSections', () => {
  it('lists headings in document order with decoded text, macro parameters left out', () => {
    const sections = storageSections('<h1>A &amp; B</h1><p>x</p><h2>C <ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">c</ac:parameter></ac:structured-macro></h2><h1>D</h1>');
    expect(sections.map((s) => [s.heading, s.level])).toEqual([
      ['A & B', 1],
      ['C', 2],
      ['D', 1],
    ]);
  });

  it('ends a section at the next heading of the same or a higher level in the same container', () => {
    const storage = '<h2>One</h2><p>a</p><h3>Sub</h3><p>b</p><h2>Two</h2><p>c</p>';
    const [one, sub, two] = storageSections(storage);
    expect(storage.slice(one!.start, one!.end)).toBe('<h2>One</h2><p>a</p><h3>Sub</h3><p>b</p>');
    expect(storage.slice(sub!.start, sub!.end)).toBe('<h3>Sub</h3><p>b</p>');
    expect(storage.slice(two!.start, two!.end)).toBe('<h2>Two</h2><p>c</p>');
  });

  it('keeps a heading inside a layout cell to that cell', () => {
    const section = findStorageSection(mixed, 'Open questions');
    const text = mixed.slice(section.start, section.end);
    expect(text.startsWith('<h3>Open questions</h3><ac:task-list')).toBe(true);
    expect(text.endsWith('</ac:task-list>')).toBe(true);
  });
});

describe('replaceStorageSection', () => {
  it('replaces one section and leaves every other byte as it was', () => {
    const fragment = '<h2>Rollout</h2><p>Postponed.</p>';
    const { storage, section } = replaceStorageSection(mixed, 'Rollout', fragment);
    expect(storage.slice(0, section.start)).toBe(mixed.slice(0, section.start));
    expect(storage.slice(section.start + fragment.length)).toBe(mixed.slice(section.end));
    expect(storage.slice(section.start, section.start + fragment.length)).toBe(fragment);
    expect(mixed.slice(section.end).startsWith('<h2>Architecture</h2>')).toBe(true);
  });

  it('works on the large page, far down', () => {
    const { storage, section } = replaceStorageSection(large, '12. Inventory service', '<h2>12. Inventory service</h2><p>Retired.</p>');
    expect(storage.length).toBe(large.length - (section.end - section.start) + '<h2>12. Inventory service</h2><p>Retired.</p>'.length);
    expect(large.slice(section.end).startsWith('<h2>13. ShippingQuotes service</h2>')).toBe(true);
    expect(storage.endsWith(large.slice(section.end))).toBe(true);
  });

  it('says which headings exist when the one asked for does not', () => {
    expect(() => replaceStorageSection(mixed, 'Budget', '')).toThrow(SectionNotFoundError);
    try {
      replaceStorageSection(mixed, 'Budget', '');
    } catch (error) {
      expect((error as SectionNotFoundError).available).toContain('Risks');
    }
  });
});

describe('maxTaskId', () => {
  it('finds the highest task id, so a section update can number its tasks after it', () => {
    expect(maxTaskId(mixed)).toBe(3);
    expect(maxTaskId('<p>no tasks</p>')).toBe(0);
    const fragment = markdownToStorage('## Todo\n\n- [ ] one\n- [ ] two', { firstTaskId: maxTaskId(mixed) + 1 }).storage;
    expect(fragment).toContain('<ac:task-id>4</ac:task-id>');
    expect(fragment).toContain('<ac:task-id>5</ac:task-id>');
  });
});
