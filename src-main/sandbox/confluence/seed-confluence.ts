// Deterministic Confluence content for the seed: a homepage for every space, a rich `ENG` space
// (page tree three levels deep, a folder with a nested folder, the large page, versions, comments,
// labels, attachments) and a smaller `OPS` space. buildConfluence() returns fresh, mutable data and
// the ids tests need; calling it twice gives identical results (that is how reset works).

import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { SeedUser } from '../seed.ts';
import type { SpaceRecord } from '../types.ts';
import { INLINE_SELECTION, largePageStorage } from './large-page.ts';
import {
  ConfluenceStore,
  type AttachmentRecord,
  type CommentRecord,
  type ConfluenceData,
  type FolderRecord,
  type PageRecord,
  type VersionInfo,
} from './model.ts';

/** Ids of the seeded Confluence content that tests and the demo refer to. */
export interface ConfluenceSeedIds {
  engSpaceId: string;
  engSpaceKey: 'ENG';
  opsSpaceId: string;
  opsSpaceKey: 'OPS';
  /** ENG homepage ("Engineering Home"). */
  homePageId: string;
  /** The ~200 KB storage page ("Architecture Overview"), child of the homepage. */
  largePageId: string;
  /** Folder "Runbooks" (child of the ENG homepage). */
  folderId: string;
  /** Folder "Legacy" inside "Runbooks". */
  nestedFolderId: string;
  opsHomePageId: string;
  /** ENG and OPS pages by short name (see PAGE_TITLES). */
  pages: Record<EngPage | OpsPage, string>;
  /** The ENG page titles by short name. */
  titles: Record<EngPage | OpsPage, string>;
  /** A draft page of ENG ("Q3 Roadmap"): only with status=draft. */
  draftPageId: string;
  /** A trashed page of ENG ("Deprecated Build Notes"): 404 unless status=trashed. */
  trashedPageId: string;
  /** Footer comment on "Release Process" with two replies. */
  footerCommentId: string;
  footerReplyIds: [string, string];
  /** A second root footer comment on "Release Process". */
  secondFooterCommentId: string;
  /** Footer comment (by bob) on the large page. */
  largePageFooterCommentId: string;
  /** Open inline comment on the large page, anchored on `inlineSelection`, with one reply. */
  inlineCommentId: string;
  inlineReplyId: string;
  inlineSelection: string;
  /** Resolved inline comment on "Release Checklist". */
  resolvedInlineCommentId: string;
  /** Attachments of the large page (png, txt, pdf) and of "Release Checklist" (csv). */
  attachments: { png: string; text: string; pdf: string; csv: string };
  attachmentNames: { png: string; text: string; pdf: string; csv: string };
}

export type EngPage =
  | 'home'
  | 'architecture'
  | 'serviceCatalogue'
  | 'dataModel'
  | 'onboarding'
  | 'devSetup'
  | 'macSetup'
  | 'linuxSetup'
  | 'codingStandards'
  | 'releaseProcess'
  | 'releaseChecklist'
  | 'hotfix'
  | 'dbFailover'
  | 'cacheFlush'
  | 'legacyQueue'
  | 'meetingNotes'
  | 'planning'
  | 'retro'
  | 'teamDirectory';

export type OpsPage = 'opsHome' | 'oncall' | 'incidents' | 'postmortem' | 'dashboards';

function hashHex(label: string, length: number): string {
  return createHash('sha256').update(`tether-sandbox:confluence:${label}`).digest('hex').slice(0, length);
}

function uuidFor(label: string): string {
  const h = hashHex(label, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ----------------------------------------------------------------------------- attachment bytes

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** A valid 96×48 RGB PNG (a gradient with a band), deterministic. */
export function seedPng(): Buffer {
  const w = 96;
  const h = 48;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < w; x++) {
      const band = y > 18 && y < 30;
      raw[row + 1 + x * 3] = band ? 0x00 : (x * 255) / w;
      raw[row + 2 + x * 3] = band ? 0x52 : (y * 255) / h;
      raw[row + 3 + x * 3] = band ? 0xcc : 0x80;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A PDF-looking binary: a real header and trailer around every byte value 0..255 (twice). */
export function seedPdf(): Buffer {
  const all = Buffer.alloc(512);
  for (let i = 0; i < 512; i++) all[i] = (i * 7 + 3) % 256;
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Length 512 >>\nstream\n', 'latin1'),
    all,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

const TEXT_FILE = `Runbook notes — platform on-call
================================

1. Check the gateway dashboard first: error ratio, saturation, p99.
2. If the database is the bottleneck, follow "Database Failover Runbook".
3. Page the owning team when a single tenant causes more than 30% of the load.

Ünïcödé check: Grüße, naïve café, 東京.
`;

const CSV_FILE = `release,date,duration_minutes,rollback
2026.01.1,2026-01-14,42,no
2026.01.2,2026-01-28,55,no
2026.02.1,2026-02-11,38,yes
2026.02.2,2026-02-25,47,no
`;

// ----------------------------------------------------------------------------- bodies

const p = (s: string): string => `<p>${s}</p>`;
const mention = (u: SeedUser): string => `<ac:link><ri:user ri:account-id="${u.accountId}" /></ac:link>`;
const link = (title: string, key = 'ENG'): string =>
  `<ac:link><ri:page ri:space-key="${key}" ri:content-title="${title}" /><ac:plain-text-link-body><![CDATA[${title}]]></ac:plain-text-link-body></ac:link>`;
const code = (language: string, body: string): string =>
  `<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">${language}</ac:parameter><ac:plain-text-body><![CDATA[${body}]]></ac:plain-text-body></ac:structured-macro>`;
const info = (body: string, kind = 'info'): string =>
  `<ac:structured-macro ac:name="${kind}" ac:schema-version="1"><ac:rich-text-body>${body}</ac:rich-text-body></ac:structured-macro>`;

export function buildConfluence(spaces: SpaceRecord[], users: SeedUser[]): { data: ConfluenceData; ids: ConfluenceSeedIds } {
  const [alice, bob] = users as [SeedUser, SeedUser];
  const data: ConfluenceData = {
    spaces: structuredClone(spaces),
    pages: new Map(),
    folders: new Map(),
    comments: new Map(),
    attachments: new Map(),
    labels: new Map(),
    nextId: 5_242_880,
    nextLabelId: 1_146_880,
  };
  const store = new ConfluenceStore(data, users);
  const version = (number: number, at: string, author: SeedUser, message = ''): VersionInfo => ({
    number,
    message,
    minorEdit: false,
    authorId: author.accountId,
    createdAt: at,
  });

  // every space has its homepage (id = space id + 1, as the space list already says)
  for (const s of data.spaces) {
    const owner = users.find((u) => u.accountId === s.authorId) ?? alice;
    const title = s.type === 'personal' ? s.name : `${s.name} Home`;
    data.pages.set(s.homepageId, {
      id: s.homepageId,
      type: 'page',
      spaceId: s.id,
      status: 'current',
      title,
      parentId: undefined,
      position: 0,
      authorId: owner.accountId,
      ownerId: owner.accountId,
      createdAt: s.createdAt,
      body: p(`Welcome to the ${s.name.replace(/&/g, '&amp;')} space.`),
      version: version(1, s.createdAt, owner),
      history: [],
      labels: [],
    });
  }
  const eng = store.spaceByKey('ENG')!;
  const ops = store.spaceByKey('OPS')!;

  const page = (
    spaceId: string,
    parentId: string | undefined,
    title: string,
    createdAt: string,
    author: SeedUser,
    versions: Array<{ body: string; at: string; by: SeedUser; message?: string; title?: string }>,
    labels: string[] = [],
    status: PageRecord['status'] = 'current',
  ): PageRecord => {
    const id = store.newId();
    const history = versions.slice(0, -1).map((v, i) => ({ version: version(i + 1, v.at, v.by, v.message), title: v.title ?? title, body: v.body }));
    const last = versions[versions.length - 1]!;
    const rec: PageRecord = {
      id,
      type: 'page',
      spaceId,
      status,
      title,
      parentId,
      position: status === 'draft' ? 0 : store.endPosition(parentId, spaceId),
      authorId: author.accountId,
      ownerId: author.accountId,
      createdAt,
      body: last.body,
      version: version(versions.length, last.at, last.by, last.message),
      history,
      labels: [],
    };
    data.pages.set(id, rec);
    for (const l of labels) {
      store.labelDef(l);
      rec.labels.push(l);
    }
    return rec;
  };
  const one = (spaceId: string, parentId: string | undefined, title: string, at: string, by: SeedUser, body: string, labels: string[] = []): PageRecord =>
    page(spaceId, parentId, title, at, by, [{ body, at, by }], labels);
  const folder = (spaceId: string, parentId: string, title: string, at: string, by: SeedUser): FolderRecord => {
    const id = store.newId();
    const rec: FolderRecord = {
      id,
      type: 'folder',
      spaceId,
      status: 'current',
      title,
      parentId,
      position: store.endPosition(parentId, spaceId),
      authorId: by.accountId,
      ownerId: by.accountId,
      createdAt: at,
      version: version(1, at, by),
    };
    data.folders.set(id, rec);
    return rec;
  };

  // ---------------------------------------------------------------- ENG
  const home = store.page(eng.homepageId)!;
  home.body = [
    '<h1>Engineering</h1>',
    p(`Welcome to the Engineering space. Start with ${link('Onboarding Guide')} and the ${link('Architecture Overview')}.`),
    info(p('Release freeze every second Thursday. See the Release Process page.')),
    '<h2>Teams</h2>',
    '<ul><li>Platform</li><li>Payments</li><li>Discovery</li></ul>',
  ].join('');
  home.history = [{ version: version(1, eng.createdAt, alice), title: home.title, body: p('Welcome to the Engineering space.') }];
  home.version = version(2, '2025-06-02T08:00:00.000Z', alice, 'Added links');
  home.labels = ['team'];
  store.labelDef('team');

  const inlineRef = uuidFor('inline-marker:architecture');
  const largeBody = largePageStorage({
    spaceKey: 'ENG',
    people: [alice.accountId, bob.accountId],
    linkTitles: ['Onboarding Guide', 'Release Process', 'Service Catalogue', 'Data Model', 'Database Failover Runbook', 'Coding Standards'],
    imageFilename: 'architecture-diagram.png',
    inlineMarkerRef: inlineRef,
  });
  const architecture = page(
    eng.id,
    home.id,
    'Architecture Overview',
    '2025-07-01T09:00:00.000Z',
    alice,
    [
      { body: p('First sketch of the architecture. Details to follow.'), at: '2025-07-01T09:00:00.000Z', by: alice, title: 'Architecture Overview (draft)' },
      { body: largeBody, at: '2026-02-16T14:30:00.000Z', by: alice, message: 'February architecture review' },
    ],
    ['architecture', 'reference'],
  );
  const serviceCatalogue = one(
    eng.id,
    architecture.id,
    'Service Catalogue',
    '2025-07-03T10:00:00.000Z',
    bob,
    `<h2>Services</h2><table><tbody><tr><th>Service</th><th>Owner</th><th>Tier</th></tr><tr><td>gateway</td><td>Platform</td><td>1</td></tr><tr><td>billing-api</td><td>Payments</td><td>1</td></tr><tr><td>search-indexer</td><td>Discovery</td><td>2</td></tr><tr><td>notifier</td><td>Messaging</td><td>2</td></tr></tbody></table>${p(`Maintained by ${mention(bob)}.`)}`,
    ['reference'],
  );
  const dataModel = one(
    eng.id,
    architecture.id,
    'Data Model',
    '2025-07-04T10:00:00.000Z',
    alice,
    `<h2>Entities</h2>${p('Tenants own accounts; accounts own invoices. Every table carries a tenant_id column.')}${code('sql', 'CREATE TABLE invoice (\n  id bigint PRIMARY KEY,\n  tenant_id bigint NOT NULL,\n  amount_cents bigint NOT NULL\n);')}`,
  );
  const onboarding = one(
    eng.id,
    home.id,
    'Onboarding Guide',
    '2025-06-10T08:00:00.000Z',
    alice,
    `<h2>Your first week</h2><ol><li>Get access to the repositories.</li><li>Set up your machine with ${link('Development Environment Setup')}.</li><li>Read the ${link('Coding Standards')}.</li><li>Pair with your buddy on a small fix.</li></ol>${info(p(`Your buddy is usually ${mention(bob)}.`), 'tip')}`,
    ['onboarding'],
  );
  const devSetup = one(
    eng.id,
    onboarding.id,
    'Development Environment Setup',
    '2025-06-11T08:00:00.000Z',
    bob,
    `<h2>Tools</h2>${p('Install Node.js 24, Docker and the Acme CLI. Then clone the monorepo.')}${code('bash', 'git clone git@git.acme.test:platform/monorepo.git\ncd monorepo && npm ci')}`,
    ['onboarding'],
  );
  const macSetup = one(eng.id, devSetup.id, 'macOS Setup Notes', '2025-06-12T08:00:00.000Z', bob, `${p('Use Homebrew for everything. Apple silicon needs Rosetta for the legacy emulator.')}${code('bash', 'brew install node@24 docker colima')}`);
  const linuxSetup = one(eng.id, devSetup.id, 'Linux Setup Notes', '2025-06-12T09:00:00.000Z', alice, `${p('Ubuntu 24.04 is the reference distribution. Add yourself to the docker group.')}${code('bash', 'sudo usermod -aG docker "$USER"')}`);
  const codingStandards = one(
    eng.id,
    onboarding.id,
    'Coding Standards',
    '2025-06-13T08:00:00.000Z',
    alice,
    `<h2>TypeScript</h2><ul><li>Strict mode everywhere.</li><li>No default exports.</li><li>Errors carry a sentence that says what to do next.</li></ul>${code('typescript', "export function greet(name: string): string {\n  return `Hello, ${name}`;\n}")}`,
    ['standards'],
  );
  const releaseProcess = page(
    eng.id,
    home.id,
    'Release Process',
    '2025-08-01T08:00:00.000Z',
    alice,
    [
      { body: `<h2>Cadence</h2>${p('We release every second Wednesday.')}`, at: '2025-08-01T08:00:00.000Z', by: alice },
      {
        body: `<h2>Cadence</h2>${p('We release every second Wednesday. Merges freeze on the Tuesday before.')}<h2>Rollback</h2>${p('Every release can be rolled back within ten minutes with the deploy tool.')}`,
        at: '2025-11-20T08:00:00.000Z',
        by: bob,
        message: 'Rollback section',
      },
    ],
    ['release', 'process'],
  );
  const checklistV = (n: number): string =>
    `<h2>Before the release</h2><ac:task-list>${[
      'Tag the release commit',
      'Run the smoke tests against staging',
      'Announce the release in the #releases channel',
      'Check the error budget dashboard',
    ]
      .slice(0, n)
      .map((t, i) => `<ac:task><ac:task-id>${i + 1}</ac:task-id><ac:task-status>${i < n - 1 ? 'complete' : 'incomplete'}</ac:task-status><ac:task-body>${t}</ac:task-body></ac:task>`)
      .join('')}</ac:task-list>${p(`Release captain this cycle: ${mention(n % 2 === 0 ? alice : bob)}.`)}`;
  const resolvedRef = uuidFor('inline-marker:checklist');
  const releaseChecklist = page(
    eng.id,
    releaseProcess.id,
    'Release Checklist',
    '2025-08-02T08:00:00.000Z',
    bob,
    [
      { body: checklistV(1), at: '2025-08-02T08:00:00.000Z', by: bob },
      { body: checklistV(2), at: '2025-12-01T08:00:00.000Z', by: alice, message: 'Smoke tests' },
      { body: checklistV(3).replace('Tag the release commit', `<ac:inline-comment-marker ac:ref="${resolvedRef}">Tag the release commit</ac:inline-comment-marker>`), at: '2026-01-15T08:00:00.000Z', by: bob, message: 'Announcement step' },
    ],
    ['release', 'checklist'],
  );
  const hotfix = one(eng.id, releaseProcess.id, 'Hotfix Procedure', '2025-08-05T08:00:00.000Z', alice, `${p('A hotfix skips the train but never skips review.')}${info(p('Hotfixes need a second approver from the owning team.'), 'warning')}`, ['release']);
  const runbooks = folder(eng.id, home.id, 'Runbooks', '2025-09-01T08:00:00.000Z', bob);
  const dbFailover = one(
    eng.id,
    runbooks.id,
    'Database Failover Runbook',
    '2025-09-02T08:00:00.000Z',
    bob,
    `<h2>When to fail over</h2>${p('Fail over when the primary has been unreachable for more than two minutes.')}${code('bash', 'acme db failover --cluster billing --confirm')}`,
    ['runbook'],
  );
  const cacheFlush = one(eng.id, runbooks.id, 'Cache Flush Runbook', '2025-09-03T08:00:00.000Z', bob, `${p('Flushing the Redis tier is safe but causes a short latency spike.')}${code('bash', 'redis-cli -h cache.acme.test FLUSHDB ASYNC')}`, ['runbook']);
  const legacy = folder(eng.id, runbooks.id, 'Legacy', '2025-09-04T08:00:00.000Z', alice);
  const legacyQueue = one(eng.id, legacy.id, 'Legacy Queue Runbook', '2025-09-05T08:00:00.000Z', alice, p('The legacy queue is drained manually until the migration completes.'), ['runbook', 'legacy']);
  const meetingNotes = one(eng.id, home.id, 'Meeting Notes', '2025-10-01T08:00:00.000Z', alice, p('Notes of the engineering meetings, newest first.'));
  const planning = one(
    eng.id,
    meetingNotes.id,
    '2026-01-12 Planning',
    '2026-01-12T15:00:00.000Z',
    alice,
    `<h2>Attendees</h2><ul><li>${mention(alice)}</li><li>${mention(bob)}</li></ul><h2>Decisions</h2>${p('We move the search indexer to the new cluster in February.')}`,
    ['meeting-notes'],
  );
  const retro = one(
    eng.id,
    meetingNotes.id,
    '2026-02-09 Retrospective',
    '2026-02-09T15:00:00.000Z',
    bob,
    `<h2>What went well</h2>${p('The billing migration finished without downtime.')}<h2>What to improve</h2>${p('Flaky end-to-end tests slowed two releases.')}`,
    ['meeting-notes'],
  );
  const teamDirectory = one(eng.id, undefined, 'Team Directory', '2025-06-01T08:00:00.000Z', alice, `<table><tbody><tr><th>Name</th><th>Team</th></tr><tr><td>${mention(alice)}</td><td>Platform</td></tr><tr><td>${mention(bob)}</td><td>Payments</td></tr></tbody></table>`);
  const draft = page(eng.id, home.id, 'Q3 Roadmap', '2026-03-01T08:00:00.000Z', alice, [{ body: p('Work in progress: themes for Q3.'), at: '2026-03-01T08:00:00.000Z', by: alice }], [], 'draft');
  const trashed = page(eng.id, home.id, 'Deprecated Build Notes', '2025-05-01T08:00:00.000Z', bob, [{ body: p('These notes describe the old Jenkins build.'), at: '2025-05-01T08:00:00.000Z', by: bob }], ['legacy'], 'trashed');

  // ---------------------------------------------------------------- OPS
  const opsHome = store.page(ops.homepageId)!;
  opsHome.body = `<h1>Operations</h1>${p(`On-call starts with the ${link('On-call Handbook', 'OPS')}.`)}`;
  const oncall = one(ops.id, opsHome.id, 'On-call Handbook', '2025-07-10T08:00:00.000Z', bob, `<h2>Rotation</h2>${p('The rotation changes every Monday at 10:00 Berlin time.')}`, ['oncall']);
  const incidents = one(ops.id, opsHome.id, 'Incident Response', '2025-07-11T08:00:00.000Z', alice, `<h2>Severity levels</h2>${p('SEV1 wakes people up. SEV2 waits for business hours.')}`, ['incident', 'runbook']);
  const postmortem = one(ops.id, incidents.id, 'Postmortem Template', '2025-07-12T08:00:00.000Z', alice, `<h2>Summary</h2>${p('What happened, in two sentences.')}<h2>Timeline</h2>${p('All times in UTC.')}`, ['incident', 'template']);
  const dashboards = one(ops.id, opsHome.id, 'Monitoring Dashboards', '2026-01-20T08:00:00.000Z', bob, p('Links to the Grafana dashboards of every tier-1 service.'), ['oncall']);

  // ---------------------------------------------------------------- comments
  const comment = (
    kind: 'footer' | 'inline',
    pageRec: PageRecord,
    parent: CommentRecord | undefined,
    by: SeedUser,
    at: string,
    body: string,
    extra: Partial<CommentRecord> = {},
  ): CommentRecord => {
    const id = store.newId();
    const rec: CommentRecord = {
      id,
      kind,
      pageId: pageRec.id,
      parentCommentId: parent?.id,
      status: 'current',
      body: p(body),
      authorId: by.accountId,
      createdAt: at,
      version: version(1, at, by),
      ...extra,
    };
    data.comments.set(id, rec);
    return rec;
  };
  const c1 = comment('footer', releaseProcess, undefined, bob, '2025-11-21T09:00:00.000Z', 'Should we freeze merges on Monday instead of Tuesday?');
  const c2 = comment('footer', releaseProcess, c1, alice, '2025-11-21T10:00:00.000Z', 'Tuesday works better for the Sydney office.');
  const c3 = comment('footer', releaseProcess, c1, bob, '2025-11-21T11:00:00.000Z', 'Fine by me, I will update the checklist.');
  const c4 = comment('footer', releaseProcess, undefined, alice, '2025-11-22T09:00:00.000Z', 'Added the rollback section after the last incident.');
  const c5 = comment('footer', architecture, undefined, bob, '2026-02-17T09:00:00.000Z', 'The diagram does not show the new notifier yet.');
  const ic1 = comment('inline', architecture, undefined, alice, '2026-02-17T10:00:00.000Z', 'Do we terminate mutual TLS here as well?', {
    resolutionStatus: 'open',
    inlineMarkerRef: inlineRef,
    inlineOriginalSelection: INLINE_SELECTION,
  });
  const ic2 = comment('inline', architecture, ic1, bob, '2026-02-17T11:00:00.000Z', 'No, mutual TLS ends at the mesh sidecar.', { resolutionStatus: 'open' });
  const ic3 = comment('inline', releaseChecklist, undefined, alice, '2026-01-15T09:00:00.000Z', 'Use a signed tag, please.', {
    resolutionStatus: 'resolved',
    resolutionLastModifierId: bob.accountId,
    resolutionLastModifiedAt: '2026-01-16T09:00:00.000Z',
    inlineMarkerRef: resolvedRef,
    inlineOriginalSelection: 'Tag the release commit',
  });

  // ---------------------------------------------------------------- attachments
  const attachment = (pageRec: PageRecord, title: string, mediaType: string, bytes: Buffer, at: string, by: SeedUser, comment = ''): AttachmentRecord => {
    const id = `att${store.newId()}`;
    const rec: AttachmentRecord = {
      id,
      pageId: pageRec.id,
      title,
      status: 'current',
      fileId: uuidFor(`file:${title}`),
      createdAt: at,
      versions: [{ number: 1, createdAt: at, authorId: by.accountId, comment, minorEdit: false, mediaType, bytes }],
    };
    data.attachments.set(id, rec);
    return rec;
  };
  const png = attachment(architecture, 'architecture-diagram.png', 'image/png', seedPng(), '2026-02-16T14:00:00.000Z', alice, 'System landscape, February 2026');
  const txt = attachment(architecture, 'runbook-notes.txt', 'text/plain', Buffer.from(TEXT_FILE, 'utf8'), '2026-02-16T14:05:00.000Z', bob);
  const pdf = attachment(architecture, 'capacity-plan.pdf', 'application/pdf', seedPdf(), '2026-02-16T14:10:00.000Z', alice, 'Capacity plan 2026');
  const csv = attachment(releaseChecklist, 'release-metrics.csv', 'text/csv', Buffer.from(CSV_FILE, 'utf8'), '2026-02-26T08:00:00.000Z', bob);

  const pages: Record<EngPage | OpsPage, PageRecord> = {
    home,
    architecture,
    serviceCatalogue,
    dataModel,
    onboarding,
    devSetup,
    macSetup,
    linuxSetup,
    codingStandards,
    releaseProcess,
    releaseChecklist,
    hotfix,
    dbFailover,
    cacheFlush,
    legacyQueue,
    meetingNotes,
    planning,
    retro,
    teamDirectory,
    opsHome,
    oncall,
    incidents,
    postmortem,
    dashboards,
  };
  const ids: ConfluenceSeedIds = {
    engSpaceId: eng.id,
    engSpaceKey: 'ENG',
    opsSpaceId: ops.id,
    opsSpaceKey: 'OPS',
    homePageId: home.id,
    largePageId: architecture.id,
    folderId: runbooks.id,
    nestedFolderId: legacy.id,
    opsHomePageId: opsHome.id,
    pages: Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, v.id])) as Record<EngPage | OpsPage, string>,
    titles: Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, v.title])) as Record<EngPage | OpsPage, string>,
    draftPageId: draft.id,
    trashedPageId: trashed.id,
    footerCommentId: c1.id,
    footerReplyIds: [c2.id, c3.id],
    secondFooterCommentId: c4.id,
    largePageFooterCommentId: c5.id,
    inlineCommentId: ic1.id,
    inlineReplyId: ic2.id,
    inlineSelection: INLINE_SELECTION,
    resolvedInlineCommentId: ic3.id,
    attachments: { png: png.id, text: txt.id, pdf: pdf.id, csv: csv.id },
    attachmentNames: { png: png.title, text: txt.title, pdf: pdf.title, csv: csv.title },
  };
  return { data, ids };
}
