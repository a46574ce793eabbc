// Storage → Markdown on the large seeded page (test/fixtures/content/large-page.storage.html):
// throughput (median of BENCH_RUNS runs), Markdown size against storage size (goal ≤ 40 %), and a
// check that no heading, table cell or link was lost, counted in both forms.
//
//   node bench/storage-to-markdown.mjs
//
// The TypeScript sources are imported as they are (Node ≥ 23.6 strips types); on an older Node
// they are bundled with esbuild first.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { summarize } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 30);
const warmup = 5;

async function loadContentModules() {
  const sources = {
    toMarkdown: 'src-main/core/content/storage-to-markdown.ts',
    toStorage: 'src-main/core/content/markdown-to-storage.ts',
    lexer: 'src-main/core/content/markdown-lexer.ts',
    dom: 'src-main/core/content/storage-dom.ts',
  };
  try {
    const entries = await Promise.all(Object.entries(sources).map(async ([k, file]) => [k, await import(pathToFileURL(path.join(root, file)).href)]));
    return Object.fromEntries(entries);
  } catch {
    const { build } = await import('esbuild');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tether-bench-content-'));
    const entry = Object.entries(sources).map(([k, file]) => `export * as ${k} from ${JSON.stringify(path.join(root, file))};`).join('\n');
    await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: path.join(dir, 'content.mjs'), logLevel: 'warning' });
    const mod = await import(pathToFileURL(path.join(dir, 'content.mjs')).href);
    rmSync(dir, { recursive: true, force: true });
    return mod;
  }
}

const { toMarkdown, toStorage, lexer, dom } = await loadContentModules();

function time(fn) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= warmup) samples.push(ms);
  }
  return summarize(samples);
}

/** Headings, non-empty table cells and links in storage (macro parameters are not visible text). */
function countStorage(storage) {
  const counts = { headings: 0, cells: 0, links: 0 };
  const visible = (node) => {
    if (node.type === 'text') return node.data;
    if (node.type === 'cdata') return dom.textContent(node);
    if (!node.children) return '';
    if (node.name === 'ac:parameter') return node.attribs['ac:name'] === 'title' ? dom.textContent(node) : '';
    if (['ac:image', 'ac:emoticon', 'time', 'ac:link'].includes(node.name)) return 'x';
    return node.children.map(visible).join('');
  };
  const walk = (nodes) => {
    for (const node of nodes) {
      if (node.type !== 'tag') continue;
      if (/^h[1-6]$/.test(node.name) && visible(node).trim() !== '') counts.headings++;
      if ((node.name === 'td' || node.name === 'th') && visible(node).replace(/[\s\u00a0]|&nbsp;/g, '') !== '') counts.cells++;
      if (node.name === 'ac:link' || (node.name === 'a' && node.attribs.href)) counts.links++;
      walk(node.children);
    }
  };
  walk(dom.parseStorage(storage).children);
  return counts;
}

/** The same, in Markdown — plus whatever sits, untouched, inside preserved elements. */
function countMarkdown(markdown, preserved) {
  const counts = { headings: 0, cells: 0, links: 0 };
  const walk = (tokens) => {
    for (const token of tokens ?? []) {
      if (token.type === 'heading') counts.headings++;
      if (token.type === 'link') counts.links++;
      if (token.type === 'table') {
        for (const cell of [...token.header, ...token.rows.flat()]) {
          if (cell.text.trim() !== '') counts.cells++;
          walk(cell.tokens);
        }
      }
      if (token.type === 'list') for (const item of token.items) walk(item.tokens);
      walk(token.tokens);
    }
  };
  walk(lexer.lexMarkdown(markdown));
  for (const element of preserved.filter((p) => !p.parts)) {
    const inner = countStorage(element.xml);
    counts.headings += inner.headings;
    counts.cells += inner.cells;
    counts.links += inner.links;
  }
  return counts;
}

const file = path.join(root, 'test/fixtures/content/large-page.storage.html');
const storage = readFileSync(file, 'utf8');
const storageBytes = Buffer.byteLength(storage);
let result;
const forward = time(() => {
  result = toMarkdown.storageToMarkdown(storage);
});
const backward = time(() => toStorage.markdownToStorage(result.markdown, { preserved: result.preserved }));
const markdownBytes = Buffer.byteLength(result.markdown);

// Mentions as a user lookup would write them (display names instead of the bare `@user`).
const named = Buffer.byteLength(toMarkdown.storageToMarkdown(storage, { mentionName: () => 'Amara Okafor' }).markdown);

const before = countStorage(storage);
const after = countMarkdown(result.markdown, result.preserved);
const lost = (k) => Math.max(0, before[k] - after[k]);
const ratio = (markdownBytes / storageBytes) * 100;

console.log(`storage → Markdown, ${path.relative(root, file)} (${(storageBytes / 1024).toFixed(1)} KB, median of ${runs} runs after ${warmup} warm-up, Node ${process.version})`);
console.log(`  storage → Markdown  median ${forward.median.toFixed(2)} ms  p90 ${forward.p90.toFixed(2)} ms  →  ${(storageBytes / 1e6 / (forward.median / 1000)).toFixed(1)} MB/s, ${(1000 / forward.median).toFixed(0)} pages/s`);
console.log(`  Markdown → storage  median ${backward.median.toFixed(2)} ms  p90 ${backward.p90.toFixed(2)} ms  (the update path, for comparison)`);
console.log(`  Markdown size: ${(markdownBytes / 1024).toFixed(1)} KB = ${ratio.toFixed(1)} % of the storage bytes (goal ≤ 40 %: ${ratio <= 40 ? 'met' : 'NOT met'}); ${result.preserved.length} elements preserved`);
console.log(`  with display names for the ${(result.markdown.match(/\]\(mention:/g) ?? []).length} mentions (12 characters each): ${((named / storageBytes) * 100).toFixed(1)} %`);
console.log(`  headings lost: ${lost('headings')}, table cells lost: ${lost('cells')}, links lost: ${lost('links')}   (storage/Markdown: headings ${before.headings}/${after.headings}, cells ${before.cells}/${after.cells}, links ${before.links}/${after.links})`);
if (lost('headings') + lost('cells') + lost('links') > 0) process.exitCode = 1;
