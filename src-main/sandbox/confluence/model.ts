// The mutable Confluence state of one sandbox: spaces, the content tree (pages and folders),
// comments, attachments, labels — plus the tree rules Confluence applies (positions, ancestors,
// trash moving children up, webui links).

import type { SeedUser } from '../seed.ts';
import type { SpaceRecord } from '../types.ts';

export interface VersionInfo {
  number: number;
  message: string;
  minorEdit: boolean;
  authorId: string;
  createdAt: string;
}

export type PageStatus = 'current' | 'draft' | 'trashed' | 'archived';

export interface PageRecord {
  id: string;
  type: 'page';
  spaceId: string;
  status: PageStatus;
  title: string;
  /** Parent page or folder; undefined at the root of the space. */
  parentId: string | undefined;
  position: number;
  authorId: string;
  ownerId: string;
  createdAt: string;
  /** Storage format of the current version. */
  body: string;
  version: VersionInfo;
  /** Earlier versions, oldest first, each with its full title and body. */
  history: Array<{ version: VersionInfo; title: string; body: string }>;
  /** Label names (prefix global). */
  labels: string[];
}

export interface FolderRecord {
  id: string;
  type: 'folder';
  spaceId: string;
  status: 'current' | 'trashed';
  title: string;
  parentId: string | undefined;
  position: number;
  authorId: string;
  ownerId: string;
  createdAt: string;
  version: VersionInfo;
}

export type TreeRecord = PageRecord | FolderRecord;

export interface CommentRecord {
  id: string;
  kind: 'footer' | 'inline';
  pageId: string;
  parentCommentId: string | undefined;
  status: 'current' | 'trashed';
  body: string;
  authorId: string;
  createdAt: string;
  version: VersionInfo;
  resolutionStatus?: 'open' | 'reopened' | 'resolved' | 'dangling';
  resolutionLastModifierId?: string;
  resolutionLastModifiedAt?: string;
  inlineMarkerRef?: string;
  inlineOriginalSelection?: string;
}

export interface AttachmentVersion {
  number: number;
  createdAt: string;
  authorId: string;
  comment: string;
  minorEdit: boolean;
  mediaType: string;
  bytes: Buffer;
}

export interface AttachmentRecord {
  id: string;
  pageId: string;
  title: string;
  status: 'current' | 'trashed';
  fileId: string;
  createdAt: string;
  /** Oldest first; the last one is the current version. */
  versions: AttachmentVersion[];
}

export interface LabelDef {
  id: string;
  name: string;
  prefix: 'global';
}

export interface ConfluenceData {
  spaces: SpaceRecord[];
  pages: Map<string, PageRecord>;
  folders: Map<string, FolderRecord>;
  comments: Map<string, CommentRecord>;
  attachments: Map<string, AttachmentRecord>;
  labels: Map<string, LabelDef>;
  nextId: number;
  nextLabelId: number;
}

export const MEDIA_DESCRIPTIONS: Record<string, string> = {
  'image/png': 'PNG Image',
  'image/jpeg': 'JPEG Image',
  'image/gif': 'GIF Image',
  'image/svg+xml': 'SVG Image',
  'text/plain': 'Text File',
  'text/csv': 'CSV File',
  'application/pdf': 'PDF Document',
  'application/json': 'JSON File',
  'application/zip': 'Zip Archive',
  'application/octet-stream': 'File',
};

/** Confluence's title segment in webui links: spaces become '+'. */
export function titleSlug(title: string): string {
  return encodeURIComponent(title).replace(/%20/g, '+');
}

/** Confluence's tiny link: the id's little-endian bytes in url-safe base64, trailing zeros and '=' cut. */
export function tinyId(id: string): string {
  let n = BigInt(id.replace(/\D/g, '') || '0');
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.push(Number(n & 0xffn));
    n >>= 8n;
  }
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '').replace(/\+/g, '_').replace(/\//g, '-');
}

export class ConfluenceStore {
  data: ConfluenceData;
  private readonly users: SeedUser[];

  constructor(data: ConfluenceData, users: SeedUser[]) {
    this.data = data;
    this.users = users;
  }

  get spaces(): SpaceRecord[] {
    return this.data.spaces;
  }

  newId(): string {
    this.data.nextId += 1 + (this.data.nextId % 3);
    return String(this.data.nextId);
  }

  labelDef(name: string): LabelDef {
    let def = this.data.labels.get(name);
    if (!def) {
      this.data.nextLabelId += 1;
      def = { id: String(this.data.nextLabelId), name, prefix: 'global' };
      this.data.labels.set(name, def);
    }
    return def;
  }

  user(accountId: string): SeedUser | undefined {
    return this.users.find((u) => u.accountId === accountId);
  }

  allUsers(): SeedUser[] {
    return this.users;
  }

  space(id: string): SpaceRecord | undefined {
    return this.data.spaces.find((s) => s.id === id);
  }

  spaceByKey(key: string): SpaceRecord | undefined {
    return this.data.spaces.find((s) => s.key === key) ?? this.data.spaces.find((s) => s.key.toLowerCase() === key.toLowerCase());
  }

  page(id: string): PageRecord | undefined {
    return this.data.pages.get(id);
  }

  folder(id: string): FolderRecord | undefined {
    return this.data.folders.get(id);
  }

  node(id: string): TreeRecord | undefined {
    return this.data.pages.get(id) ?? this.data.folders.get(id);
  }

  /** Live (not trashed, not draft) children of a node, or the root of a space, in position order. */
  children(parentId: string | undefined, spaceId?: string): TreeRecord[] {
    const out: TreeRecord[] = [];
    for (const n of [...this.data.pages.values(), ...this.data.folders.values()]) {
      if (n.parentId !== parentId || n.status === 'trashed' || n.status === 'draft') continue;
      if (parentId === undefined && n.spaceId !== spaceId) continue;
      out.push(n);
    }
    return out.sort((a, b) => a.position - b.position || Number(a.id) - Number(b.id));
  }

  /** Ancestors from the top of the space down to the direct parent. */
  ancestors(id: string): TreeRecord[] {
    const out: TreeRecord[] = [];
    const seen = new Set<string>();
    let cur = this.node(id)?.parentId;
    while (cur !== undefined && !seen.has(cur)) {
      seen.add(cur);
      const n = this.node(cur);
      if (!n) break;
      out.unshift(n);
      cur = n.parentId;
    }
    return out;
  }

  /** Descendants top-to-bottom (breadth first), each with its depth (1 = child), up to maxDepth. */
  descendants(id: string, maxDepth = Infinity): Array<{ node: TreeRecord; depth: number }> {
    const out: Array<{ node: TreeRecord; depth: number }> = [];
    let level: TreeRecord[] = this.children(id);
    for (let depth = 1; level.length > 0 && depth <= maxDepth; depth++) {
      const next: TreeRecord[] = [];
      for (const n of level) {
        out.push({ node: n, depth });
        next.push(...this.children(n.id));
      }
      level = next;
    }
    return out;
  }

  /** True when `candidate` is `id` itself or below it. */
  isSelfOrDescendant(id: string, candidate: string): boolean {
    if (id === candidate) return true;
    return this.ancestors(candidate).some((a) => a.id === id);
  }

  /** The next free position at the end of a sibling list. */
  endPosition(parentId: string | undefined, spaceId: string): number {
    const siblings = this.children(parentId, spaceId);
    const last = siblings[siblings.length - 1];
    return last === undefined ? 0 : last.position + 1;
  }

  /** Live page of a space with this title (titles are unique among current pages of a space). */
  pageByTitle(spaceId: string, title: string, except?: string): PageRecord | undefined {
    for (const p of this.data.pages.values()) {
      if (p.spaceId === spaceId && p.status === 'current' && p.title === title && p.id !== except) return p;
    }
    return undefined;
  }

  /** Places `id` as a child (append) or a sibling (before/after) of `target`, renumbering siblings. */
  place(node: TreeRecord, position: 'append' | 'before' | 'after', target: TreeRecord): void {
    const spaceId = target.spaceId;
    if (node.spaceId !== spaceId) this.moveSubtreeToSpace(node, spaceId);
    if (position === 'append') {
      node.parentId = target.id;
      node.position = this.endPosition(target.id, spaceId);
      return;
    }
    node.parentId = target.parentId;
    const siblings = this.children(target.parentId, spaceId).filter((s) => s.id !== node.id);
    const at = siblings.findIndex((s) => s.id === target.id);
    siblings.splice(position === 'before' ? at : at + 1, 0, node);
    siblings.forEach((s, i) => {
      s.position = i;
    });
  }

  private moveSubtreeToSpace(node: TreeRecord, spaceId: string): void {
    node.spaceId = spaceId;
    for (const d of this.descendants(node.id)) d.node.spaceId = spaceId;
  }

  /** Trashes a page or folder: its children move up to its parent, at its place. */
  trash(node: TreeRecord): void {
    const kids = this.children(node.id);
    const siblings = this.children(node.parentId, node.spaceId);
    const at = siblings.findIndex((s) => s.id === node.id);
    const order = [...siblings.slice(0, at), ...kids, ...siblings.slice(at + 1)];
    for (const k of kids) k.parentId = node.parentId;
    order.forEach((s, i) => {
      s.position = i;
    });
    node.status = 'trashed';
  }

  spaceKeyOf(spaceId: string): string {
    return this.space(spaceId)?.key ?? '';
  }

  webui(node: TreeRecord): string {
    const key = this.spaceKeyOf(node.spaceId);
    if (node.type === 'folder') return `/spaces/${key}/folder/${node.id}`;
    return `/spaces/${key}/pages/${node.id}/${titleSlug(node.title)}`;
  }

  commentWebui(c: CommentRecord): string {
    const page = this.page(c.pageId);
    const base = page ? this.webui(page) : `/pages/viewpage.action?pageId=${c.pageId}`;
    return `${base}?focusedCommentId=${c.id}${c.kind === 'inline' ? '' : `#comment-${c.id}`}`;
  }

  currentAttachmentVersion(a: AttachmentRecord): AttachmentVersion {
    return a.versions[a.versions.length - 1]!;
  }

  /** `/download/attachments/{pageId}/{filename}?version=…&modificationDate=…&api=v2` (relative to /wiki). */
  downloadLink(a: AttachmentRecord, version?: AttachmentVersion): string {
    const v = version ?? this.currentAttachmentVersion(a);
    return `/download/attachments/${a.pageId}/${encodeURIComponent(a.title)}?version=${v.number}&modificationDate=${Date.parse(v.createdAt)}&api=v2`;
  }

  attachmentWebui(a: AttachmentRecord): string {
    return `/pages/viewpageattachments.action?pageId=${a.pageId}&preview=${encodeURIComponent(`/${a.pageId}/${a.id}/${a.title}`)}`;
  }

  attachmentsOf(pageId: string, includeTrashed = false): AttachmentRecord[] {
    return [...this.data.attachments.values()].filter((a) => a.pageId === pageId && (includeTrashed || a.status === 'current'));
  }

  commentsOf(pageId: string, kind: 'footer' | 'inline'): CommentRecord[] {
    return [...this.data.comments.values()].filter((c) => c.pageId === pageId && c.kind === kind && c.status === 'current');
  }

  /** Last modification of a page, folder, comment or attachment. */
  lastModified(item: TreeRecord | CommentRecord | AttachmentRecord): string {
    if ('versions' in item) return this.currentAttachmentVersion(item).createdAt;
    return item.version.createdAt;
  }
}
