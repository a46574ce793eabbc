// Small helpers for benchmarks: run commands side by side, report median / p90 / p99 and ratios.
import { spawnSync } from 'node:child_process';

export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), p99: quantile(sorted, 0.99), min: sorted[0] };
}

/** Times whole processes, interleaving the variants so machine noise hits all of them alike. */
export function timeCommandsSideBySide(variants, { runs = 30, warmup = 3 } = {}) {
  const samples = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (let i = 0; i < warmup + runs; i++) {
    for (const v of variants) {
      const start = process.hrtime.bigint();
      const result = spawnSync(v.command, v.args, { env: v.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== (v.expectStatus ?? 0)) {
        throw new Error(`${v.name} exited ${result.status}: ${result.stderr.toString().slice(0, 400)}`);
      }
      if (i >= warmup) samples[v.name].push(ms);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, summarize(s)]));
}

export function printTable(title, stats, baselineName) {
  const base = stats[baselineName];
  console.log(`\n${title}`);
  console.log('variant'.padEnd(44), 'median ms'.padStart(10), 'p90 ms'.padStart(9), 'min ms'.padStart(9), `× ${baselineName}`.padStart(16));
  for (const [name, s] of Object.entries(stats)) {
    console.log(name.padEnd(44), s.median.toFixed(1).padStart(10), s.p90.toFixed(1).padStart(9), s.min.toFixed(1).padStart(9), (s.median / base.median).toFixed(2).padStart(16));
  }
}
