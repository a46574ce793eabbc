// A large, realistic storage-format page for the seed (about 200 KB): headings, big tables, code
// macros in several languages, panels, status lozenges, mentions, page links, an attached image,
// a layout, a jira macro, a toc, expands and task lists. Deterministic: same input, same bytes.

import { escapeAttr, escapeText } from './storage.ts';

export interface LargePageInput {
  spaceKey: string;
  /** Account ids to mention. */
  people: string[];
  /** Titles of other pages of the space to link to. */
  linkTitles: string[];
  /** Filename of an image attached to the page. */
  imageFilename: string;
  /** ac:ref of the seeded inline comment (wraps INLINE_SELECTION once). */
  inlineMarkerRef: string;
}

/** The text the seeded inline comment is anchored on (occurs exactly once in the page). */
export const INLINE_SELECTION = 'terminates TLS and stamps every request with a correlation id';

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTIONS = [
  'Context and Scope',
  'Goals and Non-Goals',
  'System Landscape',
  'Request Lifecycle',
  'Data Storage',
  'Messaging and Events',
  'Deployment Topology',
  'Observability',
  'Security Model',
  'Performance Budget',
  'Failure Modes',
  'Capacity Planning',
  'Migration Plan',
  'Open Questions',
  'Decision Log',
  'Glossary',
];

const SUBSECTIONS = ['Background', 'Current State', 'Proposed Change', 'Trade-offs', 'Rollout Notes'];

const SUBJECTS = [
  'The ingestion tier',
  'Our billing service',
  'The search indexer',
  'The notification fan-out',
  'Each regional cluster',
  'The scheduler',
  'The public API gateway',
  'The reporting warehouse',
  'The identity service',
  'Every background worker',
  'The feature-flag service',
  'The document renderer',
];

const VERBS = [
  'keeps a bounded queue in front of',
  'reads its configuration from',
  'publishes change events to',
  'retries idempotent calls against',
  'caches hot keys in front of',
  'shares a connection pool with',
  'writes an audit record before calling',
  'degrades gracefully when it loses',
  'is deployed in lockstep with',
  'exports latency histograms for',
];

const OBJECTS = [
  'the primary Postgres cluster',
  'the Kafka backbone',
  'the Redis tier',
  'the object store',
  'the internal service mesh',
  'the tenant directory',
  'the rate limiter',
  'the search cluster',
  'the metrics pipeline',
  'the secrets manager',
];

const TAILS = [
  'so a slow dependency never blocks the whole request path.',
  'which keeps the p99 latency well under our budget.',
  'and we alert when the error ratio stays above one percent for five minutes.',
  'because the old synchronous path could not survive a regional failover.',
  'and the runbook explains how to drain it safely during maintenance.',
  'which we verified in the last game day with synthetic traffic.',
  'so that on-call engineers can reason about it without reading the code.',
  'and every change to it goes through the architecture review.',
  'which lets product teams ship without coordinating a release train.',
  'until the migration described further down is finished.',
];

const CODE_SAMPLES: Array<{ language: string; title: string; body: string }> = [
  {
    language: 'typescript',
    title: 'Retry with jittered backoff',
    body: `export async function withRetry<T>(op: () => Promise<T>, attempts = 5): Promise<T> {
  let delay = 200;
  for (let i = 1; ; i++) {
    try {
      return await op();
    } catch (err) {
      if (i >= attempts || !isRetryable(err)) throw err;
      const jitter = Math.random() * delay;
      await new Promise((r) => setTimeout(r, delay + jitter));
      delay = Math.min(delay * 2, 10_000);
    }
  }
}`,
  },
  {
    language: 'python',
    title: 'Nightly compaction job',
    body: `import datetime as dt

def compact(store, older_than_days=30, batch=500):
    cutoff = dt.datetime.utcnow() - dt.timedelta(days=older_than_days)
    removed = 0
    while True:
        keys = store.scan(before=cutoff, limit=batch)
        if not keys:
            return removed
        store.delete_many(keys)
        removed += len(keys)
        if removed % 10_000 == 0:
            print(f"compacted {removed} records so far")`,
  },
  {
    language: 'bash',
    title: 'Drain a node before maintenance',
    body: `#!/usr/bin/env bash
set -euo pipefail
node="\${1:?usage: drain.sh <node>}"
kubectl cordon "$node"
kubectl drain "$node" --ignore-daemonsets --delete-emptydir-data --timeout=10m
echo "drained $node at $(date -u +%FT%TZ)" >> /var/log/maintenance.log`,
  },
  {
    language: 'sql',
    title: 'Slow tenants in the last hour',
    body: `SELECT tenant_id,
       count(*)                          AS requests,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms) AS p99_ms
FROM request_log
WHERE started_at > now() - interval '1 hour'
GROUP BY tenant_id
HAVING percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms) > 800
ORDER BY p99_ms DESC
LIMIT 20;`,
  },
  {
    language: 'json',
    title: 'Event envelope',
    body: `{
  "id": "evt_01HZX3M8Q2",
  "type": "invoice.finalised",
  "tenant": "acme-eu-1",
  "occurredAt": "2026-02-03T10:15:00Z",
  "schemaVersion": 3,
  "data": { "invoiceId": "inv_7781", "amountCents": 129900, "currency": "EUR" }
}`,
  },
  {
    language: 'yaml',
    title: 'Deployment excerpt',
    body: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing-api
spec:
  replicas: 6
  strategy:
    rollingUpdate: { maxUnavailable: 1, maxSurge: 2 }
  template:
    spec:
      containers:
        - name: api
          image: registry.acme.test/billing-api:2026.02.1
          resources:
            requests: { cpu: 500m, memory: 512Mi }
            limits: { memory: 1Gi }`,
  },
  {
    language: 'go',
    title: 'Health probe',
    body: `func healthz(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 500*time.Millisecond)
		defer cancel()
		if err := db.PingContext(ctx); err != nil {
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}`,
  },
  {
    language: 'java',
    title: 'Idempotency key filter',
    body: `public final class IdempotencyFilter implements Filter {
    private final IdempotencyStore store;

    public IdempotencyFilter(IdempotencyStore store) { this.store = store; }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String key = ((HttpServletRequest) req).getHeader("Idempotency-Key");
        if (key != null && store.seen(key)) {
            ((HttpServletResponse) res).setStatus(409);
            return;
        }
        chain.doFilter(req, res);
    }
}`,
  },
];

const STATUSES: Array<[string, string]> = [
  ['DONE', 'Green'],
  ['IN PROGRESS', 'Yellow'],
  ['BLOCKED', 'Red'],
  ['PROPOSED', 'Blue'],
  ['ON HOLD', 'Grey'],
  ['EXPERIMENT', 'Purple'],
];

const COMPONENTS = ['gateway', 'billing-api', 'search-indexer', 'notifier', 'scheduler', 'renderer', 'identity', 'reporting', 'flags', 'uploads'];
const OWNERS = ['Platform', 'Payments', 'Discovery', 'Messaging', 'Core Services', 'Data', 'Identity', 'Insights'];
const REGIONS = ['eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2', 'ap-southeast-2'];

function macroId(r: () => number): string {
  const hex = (n: number): string =>
    Array.from({ length: n }, () =>
      Math.floor(r() * 16)
        .toString(16)
        .toLowerCase(),
    ).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

export function largePageStorage(input: LargePageInput): string {
  const r = rng(0x7e7e_2026);
  const pick = <T>(list: T[]): T => list[Math.floor(r() * list.length)]!;
  const mention = (): string => `<ac:link><ri:user ri:account-id="${escapeAttr(pick(input.people))}" /></ac:link>`;
  const pageLink = (): string => {
    const title = pick(input.linkTitles);
    return `<ac:link><ri:page ri:space-key="${escapeAttr(input.spaceKey)}" ri:content-title="${escapeAttr(title)}" /><ac:plain-text-link-body><![CDATA[${title}]]></ac:plain-text-link-body></ac:link>`;
  };
  const status = (): string => {
    const [title, colour] = pick(STATUSES);
    return `<ac:structured-macro ac:name="status" ac:schema-version="1" ac:macro-id="${macroId(r)}"><ac:parameter ac:name="title">${title}</ac:parameter><ac:parameter ac:name="colour">${colour}</ac:parameter></ac:structured-macro>`;
  };
  const sentence = (): string => {
    let s = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}, ${pick(TAILS)}`;
    const roll = r();
    if (roll < 0.15) s = s.replace(/^(\S+ \S+)/, '<strong>$1</strong>');
    else if (roll < 0.25) s = s.replace(/, /, ', <em>as agreed in review</em>, ');
    else if (roll < 0.32) s = s.replace(/(the \w+ \w+)/, '<code>$1</code>');
    return s;
  };
  const paragraph = (n: number): string => `<p>${Array.from({ length: n }, sentence).join(' ')}</p>`;

  const table = (rows: number, section: number): string => {
    const head = ['Component', 'Owner', 'Region', 'Replicas', 'p99 (ms)', 'Error budget', 'Status', 'Notes'];
    const body: string[] = [];
    for (let i = 0; i < rows; i++) {
      const comp = COMPONENTS[(i + section) % COMPONENTS.length]!;
      body.push(
        `<tr><td><code>${comp}</code></td><td>${pick(OWNERS)}</td><td>${pick(REGIONS)}</td><td>${2 + Math.floor(r() * 14)}</td><td>${40 + Math.floor(r() * 900)}</td><td>${(99 + r()).toFixed(2)}%</td><td>${status()}</td><td>${escapeText(pick(TAILS))}${i % 7 === 3 ? ` Contact ${mention()}.` : ''}</td></tr>`,
      );
    }
    return `<table data-layout="default"><colgroup>${head.map(() => '<col />').join('')}</colgroup><tbody><tr>${head.map((h) => `<th><p><strong>${h}</strong></p></th>`).join('')}</tr>${body.join('')}</tbody></table>`;
  };

  const code = (i: number): string => {
    const c = CODE_SAMPLES[i % CODE_SAMPLES.length]!;
    return `<ac:structured-macro ac:name="code" ac:schema-version="1" ac:macro-id="${macroId(r)}"><ac:parameter ac:name="language">${c.language}</ac:parameter><ac:parameter ac:name="title">${escapeText(c.title)}</ac:parameter><ac:parameter ac:name="linenumbers">true</ac:parameter><ac:plain-text-body><![CDATA[${c.body}]]></ac:plain-text-body></ac:structured-macro>`;
  };

  const panel = (kind: 'info' | 'note' | 'warning' | 'tip', title: string): string =>
    `<ac:structured-macro ac:name="${kind}" ac:schema-version="1" ac:macro-id="${macroId(r)}"><ac:parameter ac:name="title">${escapeText(title)}</ac:parameter><ac:rich-text-body>${paragraph(2)}<p>Questions go to ${mention()}; background is in ${pageLink()}.</p></ac:rich-text-body></ac:structured-macro>`;

  let taskId = 0;
  const tasks = (n: number): string => {
    const items: string[] = [];
    for (let i = 0; i < n; i++) {
      taskId += 1;
      items.push(
        `<ac:task><ac:task-id>${taskId}</ac:task-id><ac:task-uuid>${macroId(r)}</ac:task-uuid><ac:task-status>${r() < 0.4 ? 'complete' : 'incomplete'}</ac:task-status><ac:task-body><span class="placeholder-inline-tasks">${mention()} to follow up on ${pick(OBJECTS)} by <time datetime="2026-0${1 + (taskId % 8)}-${String(10 + (taskId % 18)).padStart(2, '0')}" /></span></ac:task-body></ac:task>`,
      );
    }
    return `<ac:task-list>${items.join('')}</ac:task-list>`;
  };

  const expand = (title: string): string =>
    `<ac:structured-macro ac:name="expand" ac:schema-version="1" ac:macro-id="${macroId(r)}"><ac:parameter ac:name="title">${escapeText(title)}</ac:parameter><ac:rich-text-body>${paragraph(3)}<ul>${Array.from({ length: 5 }, () => `<li>${sentence()}</li>`).join('')}</ul></ac:rich-text-body></ac:structured-macro>`;

  const jira = (key: string): string =>
    `<ac:structured-macro ac:name="jira" ac:schema-version="1" ac:macro-id="${macroId(r)}"><ac:parameter ac:name="server">System Jira</ac:parameter><ac:parameter ac:name="serverId">6a1f0c2e-44b9-3c0d-9b8e-1f2a3b4c5d6e</ac:parameter><ac:parameter ac:name="key">${key}</ac:parameter></ac:structured-macro>`;

  const sections: string[] = [];
  SECTIONS.forEach((title, s) => {
    const parts: string[] = [`<h2>${s + 1}. ${escapeText(title)}</h2>`, paragraph(4)];
    if (s === 0) {
      parts.push(
        `<p>Every request enters through the edge gateway, which <ac:inline-comment-marker ac:ref="${escapeAttr(input.inlineMarkerRef)}">${INLINE_SELECTION}</ac:inline-comment-marker> before it reaches any service. The diagram below is the one we keep up to date; ${mention()} owns it.</p>`,
        `<ac:image ac:align="center" ac:layout="center" ac:width="760" ac:alt="System landscape"><ri:attachment ri:filename="${escapeAttr(input.imageFilename)}" /></ac:image>`,
        `<p>Tracked in ${jira('ENG-101')} and the follow-up ${jira('ENG-142')}. Current state: ${status()}</p>`,
      );
    }
    SUBSECTIONS.slice(0, 3 + (s % 3)).forEach((sub, k) => {
      parts.push(`<h3>${s + 1}.${k + 1} ${sub}</h3>`, paragraph(3 + (k % 3)));
      if (k === 0) parts.push(table(12 + (s % 4) * 2, s));
      if (k === 1) parts.push(code(s), paragraph(2));
      if (k === 2) parts.push(panel((['info', 'note', 'warning', 'tip'] as const)[s % 4]!, `${title}: what to keep in mind`));
      if (k === 3) parts.push(expand(`Details of ${sub.toLowerCase()}`));
      if (k === 4) parts.push(`<h4>Action items</h4>`, tasks(4));
    });
    if (s % 3 === 1) parts.push(code(s + 3));
    if (s % 4 === 2) parts.push(`<ol>${Array.from({ length: 6 }, () => `<li>${sentence()}</li>`).join('')}</ol>`);
    parts.push(`<p>See also ${pageLink()} and ${pageLink()}. Reviewed by ${mention()} on <time datetime="2026-02-${String(1 + s).padStart(2, '0')}" />.</p>`);
    sections.push(parts.join(''));
  });

  const intro = [
    `<ac:structured-macro ac:name="toc" ac:schema-version="1" ac:macro-id="${macroId(r)}"><ac:parameter ac:name="maxLevel">3</ac:parameter><ac:parameter ac:name="minLevel">2</ac:parameter><ac:parameter ac:name="style">none</ac:parameter></ac:structured-macro>`,
    `<p>This page describes how the Acme platform fits together: which services exist, how requests and events move between them, and what we promised about latency and availability. It is long on purpose; use the table of contents.</p>`,
    panel('info', 'How to use this page'),
  ].join('');
  const half = Math.ceil(sections.length / 2);
  const side = (label: string, items: string[]): string => `<h3>${label}</h3><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;

  return [
    '<ac:layout>',
    `<ac:layout-section ac:type="single"><ac:layout-cell>${intro}</ac:layout-cell></ac:layout-section>`,
    `<ac:layout-section ac:type="two_equal"><ac:layout-cell>${side('Owners', [mention(), mention(), mention()])}</ac:layout-cell><ac:layout-cell>${side('Related', [pageLink(), pageLink(), pageLink()])}</ac:layout-cell></ac:layout-section>`,
    `<ac:layout-section ac:type="single"><ac:layout-cell>${sections.slice(0, half).join('')}</ac:layout-cell></ac:layout-section>`,
    `<ac:layout-section ac:type="three_equal"><ac:layout-cell>${status()}<p>Availability target 99.95%.</p></ac:layout-cell><ac:layout-cell>${status()}<p>Latency target p99 below 800 ms.</p></ac:layout-cell><ac:layout-cell>${status()}<p>Recovery point objective 5 minutes.</p></ac:layout-cell></ac:layout-section>`,
    `<ac:layout-section ac:type="single"><ac:layout-cell>${sections.slice(half).join('')}<hr /><p><em>Last reviewed in the February 2026 architecture review.</em></p></ac:layout-cell></ac:layout-section>`,
    '</ac:layout>',
  ].join('');
}
