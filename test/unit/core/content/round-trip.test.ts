// The round-trip property on realistic pages: storage → Markdown → storage keeps every preserved
// fragment byte for byte, every heading, every table cell's text and every link target; and
// Markdown → storage → Markdown is stable.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTag, type ChildNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { emoticonText } from '../../../../src-main/core/content/emoticons.ts';
import { markdownToStorage } from '../../../../src-main/core/content/markdown-to-storage.ts';
import { attr, firstChild, parseStorage, tagName, textContent } from '../../../../src-main/core/content/storage-dom.ts';
import { storageToMarkdown } from '../../../../src-main/core/content/storage-to-markdown.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/content');
const read = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');

const names: Record<string, string> = { '5b10ac8d82e05b22cc7d4ef5': 'Jonas Lindqvist' };
const options = { mentionName: (id: string) => names[id] };

/** What a reader sees: text, status titles, code, emoji; not macro parameters. */
function visible(node: ChildNode): string {
  if (!isTag(node)) return textContent(node);
  // an emoji without a Confluence name of its own comes back as the character itself
  if (tagName(node) === 'ac:emoticon') return emoticonText(attr(node, 'ac:name') ?? '', attr(node, 'ac:emoji-fallback'));
  if (tagName(node) === 'ac:parameter') {
    const macro = node.parent && isTag(node.parent) ? attr(node.parent, 'ac:name') : undefined;
    return macro === 'status' && attr(node, 'ac:name') === 'title' ? textContent(node) : '';
  }
  return node.children.map(visible).join('');
}

const squash = (text: string): string => text.replace(/[\s\u00a0]+/g, '');

function facts(storage: string): { headings: string[]; cells: string[]; links: string[] } {
  const headings: string[] = [];
  const cells: string[] = [];
  const links: string[] = [];
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      const name = tagName(node) ?? '';
      if (/^h[1-6]$/.test(name)) headings.push(squash(visible(node)));
      if (name === 'td' || name === 'th') {
        const text = squash(visible(node));
        if (text !== '') cells.push(text);
      }
      if (name === 'a' && attr(node, 'href')) links.push(`url:${attr(node, 'href')}`);
      if (name === 'ac:link' || name === 'ac:image') {
        const target = node.children.find((c) => isTag(c) && tagName(c)?.startsWith('ri:'));
        const anchor = attr(node, 'ac:anchor') ?? '';
        if (target && isTag(target)) {
          const nested = firstChild(target, 'ri:page');
          links.push(`${name} ${target.name} ${Object.entries(target.attribs).filter(([k]) => !['ri:local-id', 'ri:version-at-save'].includes(k)).sort().join('|')} ${nested ? nested.attribs['ri:content-title'] : ''}#${anchor}`);
        } else links.push(`${name} anchor#${anchor}`);
      }
      walk(node.children);
    }
  };
  walk(parseStorage(storage).children);
  return { headings, cells: cells.sort(), links: links.sort() };
}

const pages = ['mixed-page.storage.html', 'datacenter-page.storage.html', 'large-page.storage.html'];

describe.each(pages)('round trip of %s', (file) => {
  const original = read(file);
  const { markdown, preserved } = storageToMarkdown(original, options);
  const back = markdownToStorage(markdown, { preserved });

  it('brings back every preserved fragment byte for byte', () => {
    expect(back.missingPreserved).toEqual([]);
    expect(back.unknownPlaceholders).toEqual([]);
    for (const element of preserved) {
      if (!element.parts) {
        expect(back.storage, `preserved ${element.id} (${element.kind})`).toContain(element.xml);
        continue;
      }
      let from = 0;
      for (const part of element.parts) {
        const at = back.storage.indexOf(part, from);
        expect(at, `container ${element.id} (${element.kind})`).toBeGreaterThanOrEqual(0);
        from = at + part.length;
      }
    }
  });

  it('keeps every heading, table cell text and link target', () => {
    const before = facts(original);
    const after = facts(back.storage);
    expect(before.headings.length).toBeGreaterThan(0);
    expect(after.headings).toEqual(before.headings);
    expect(after.cells).toEqual(before.cells);
    expect(after.links).toEqual(before.links);
  });

  it('is stable: converting the written storage again gives the same Markdown', () => {
    expect(storageToMarkdown(back.storage, options).markdown).toBe(markdown);
  });

  it('numbers preserved elements the same way every time', () => {
    const again = storageToMarkdown(original, options);
    expect(again.markdown).toBe(markdown);
    expect(again.preserved).toEqual(preserved);
    expect(preserved.map((p) => p.id)).toEqual(preserved.map((_, i) => i + 1));
  });
});

describe('round trip with edits', () => {
  const original = read('mixed-page.storage.html');
  const { markdown, preserved } = storageToMarkdown(original, options);

  it('keeps preserved elements when the text around them changes', () => {
    const edited = markdown.replace('This page tracks everything', 'This page now tracks *everything*').replace('## Risks', '## Risks and mitigations');
    const back = markdownToStorage(edited, { preserved });
    expect(back.missingPreserved).toEqual([]);
    expect(back.storage).toContain('This page now tracks <em>everything</em>');
    expect(back.storage).toContain('<h2>Risks and mitigations</h2>');
    for (const element of preserved.filter((p) => !p.parts)) expect(back.storage).toContain(element.xml);
  });

  it('reports a preserved element whose placeholder was deleted', () => {
    const jira = preserved.find((p) => p.kind === 'jira-macro')!;
    const edited = markdown.replace(new RegExp(`<!-- tether:keep ${jira.id} [^>]*-->`), 'GEO-311');
    const back = markdownToStorage(edited, { preserved });
    expect(back.missingPreserved).toEqual([jira]);
    expect(back.storage).not.toContain(jira.xml);
  });

  it('edits inside a layout cell and keeps the layout markup', () => {
    const layout = preserved.find((p) => p.kind === 'layout')!;
    const edited = markdown.replace('- [ ] Load-test the address API at 3× peak', '- [x] Load-test the address API at 3× peak');
    const back = markdownToStorage(edited, { preserved });
    expect(back.storage).toContain(layout.parts![0]);
    expect(back.storage).toMatch(/<ac:task-status>complete<\/ac:task-status><ac:task-body>Load-test the address API at 3× peak/);
  });
});
