// ADF ⇄ Markdown on the rich issue description (test/fixtures/content/jira-issue.adf.json):
// throughput both ways (median of BENCH_RUNS samples, each a batch of conversions), Markdown size
// against the ADF JSON as Jira sends it (compact), and a check that the round trip loses nothing
// it should keep. Wiki markup ⇄ Markdown (jira-issue.wiki) is reported beside it.
//
//   node bench/adf-markdown.mjs
//
// The TypeScript sources are imported as they are (Node ≥ 23.6 strips types); on an older Node
// they are bundled with esbuild first.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { summarize } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 30);
const warmup = 5;
const batch = 50;

async function loadModules() {
  const sources = {
    toMarkdown: 'src-main/core/content/adf/adf-to-markdown.ts',
    toAdf: 'src-main/core/content/adf/markdown-to-adf.ts',
    wiki: 'src-main/core/content/wiki-markup/wiki-markdown.ts',
  };
  try {
    const entries = await Promise.all(Object.entries(sources).map(async ([k, file]) => [k, await import(pathToFileURL(path.join(root, file)).href)]));
    return Object.fromEntries(entries);
  } catch {
    const { build } = await import('esbuild');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tether-bench-adf-'));
    const entry = Object.entries(sources).map(([k, file]) => `export * as ${k} from ${JSON.stringify(path.join(root, file))};`).join('\n');
    await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: path.join(dir, 'adf.mjs'), logLevel: 'warning' });
    const mod = await import(pathToFileURL(path.join(dir, 'adf.mjs')).href);
    rmSync(dir, { recursive: true, force: true });
    return mod;
  }
}

const { toMarkdown, toAdf, wiki } = await loadModules();

/** Median milliseconds of one conversion, sampled in batches (one document takes well under a millisecond). */
function time(fn) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = process.hrtime.bigint();
    for (let j = 0; j < batch; j++) fn();
    const ms = Number(process.hrtime.bigint() - start) / 1e6 / batch;
    if (i >= warmup) samples.push(ms);
  }
  return summarize(samples);
}

const line = (label, stats, bytes) =>
  `  ${label.padEnd(18)} median ${stats.median.toFixed(3)} ms  p90 ${stats.p90.toFixed(3)} ms  →  ${(bytes / 1e6 / (stats.median / 1000)).toFixed(1)} MB/s, ${(1000 / stats.median).toFixed(0)} docs/s`;

// ── ADF ─────────────────────────────────────────────────────────────────────────────────────

const file = path.join(root, 'test/fixtures/content/jira-issue.adf.json');
const doc = JSON.parse(readFileSync(file, 'utf8'));
const adfBytes = Buffer.byteLength(JSON.stringify(doc));
let result;
const forward = time(() => {
  result = toMarkdown.adfToMarkdown(doc);
});
const markdownBytes = Buffer.byteLength(result.markdown);
let back;
const backward = time(() => {
  back = toAdf.markdownToAdf(result.markdown, { preserved: result.preserved });
});

// what must survive: every preserved node, byte for byte, and no placeholder lost
const json = JSON.stringify(back.doc);
const lostNodes = result.preserved.filter((p) => !json.includes(JSON.stringify(p.node))).length;
const stable = toMarkdown.adfToMarkdown(back.doc).markdown === result.markdown;
const nodes = (n) => 1 + (n.content ?? []).reduce((sum, c) => sum + nodes(c), 0);

console.log(`ADF ⇄ Markdown, ${path.relative(root, file)} (${(adfBytes / 1024).toFixed(1)} KB compact JSON, ${nodes(doc)} nodes; median of ${runs} samples of ${batch} after ${warmup} warm-up, Node ${process.version})`);
console.log(line('ADF → Markdown', forward, adfBytes));
console.log(line('Markdown → ADF', backward, adfBytes));
console.log(`  Markdown size: ${(markdownBytes / 1024).toFixed(1)} KB = ${((markdownBytes / adfBytes) * 100).toFixed(1)} % of the ADF JSON; ${result.preserved.length} nodes preserved`);
console.log(`  round trip: preserved nodes lost ${lostNodes}, missing placeholders ${back.missingPreserved.length + back.unknownPlaceholders.length}, Markdown stable: ${stable ? 'yes' : 'NO'}`);

// ── wiki markup, for comparison ─────────────────────────────────────────────────────────────

const wikiFile = path.join(root, 'test/fixtures/content/jira-issue.wiki');
const source = readFileSync(wikiFile, 'utf8');
const wikiBytes = Buffer.byteLength(source);
let markdown;
const wikiForward = time(() => {
  markdown = wiki.wikiToMarkdown(source);
});
let written;
const wikiBackward = time(() => {
  written = wiki.markdownToWiki(markdown);
});
console.log(`wiki markup ⇄ Markdown, ${path.relative(root, wikiFile)} (${(wikiBytes / 1024).toFixed(1)} KB)`);
console.log(line('wiki → Markdown', wikiForward, wikiBytes));
console.log(line('Markdown → wiki', wikiBackward, wikiBytes));
console.log(`  Markdown size: ${((Buffer.byteLength(markdown) / wikiBytes) * 100).toFixed(1)} % of the wiki markup; stable: ${wiki.wikiToMarkdown(written) === markdown ? 'yes' : 'NO'}`);

if (lostNodes > 0 || !stable || back.missingPreserved.length > 0 || !isDeepStrictEqual(back.unknownPlaceholders, [])) process.exitCode = 1;
