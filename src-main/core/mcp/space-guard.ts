// The Confluence space limit (TETHER_CONFLUENCE_SPACES / CONFLUENCE_SPACES_FILTER) holds on every
// call: a page, comment or attachment of another space fetched by id is refused, not only hidden.
import { AtlassianError } from '../atlassian/http/atlassian-error.ts';
import type { AtlassianHttp } from '../atlassian/http/atlassian-http.ts';
import { getPage } from '../atlassian/confluence/pages.ts';
import { getSpaceByKey, getSpaceById } from '../atlassian/confluence/spaces.ts';

export class SpaceGuard {
  private allowedIds: Promise<Map<string, string>> | undefined;
  private readonly pageSpace = new Map<string, string>();

  constructor(readonly allowedKeys: readonly string[] | undefined) {}

  get limited(): boolean {
    return this.allowedKeys !== undefined;
  }

  private refusal(what: string): AtlassianError {
    return new AtlassianError('permission', `${what} is outside the spaces Tether may use (${this.allowedKeys!.join(', ')}): ask for content in those spaces, or change the limit in Tether's settings (TETHER_CONFLUENCE_SPACES).`);
  }

  /** space id → key of the allowed spaces (looked up once). */
  private ids(http: AtlassianHttp): Promise<Map<string, string>> {
    this.allowedIds ??= Promise.all(this.allowedKeys!.map((key) => getSpaceByKey(http, key))).then(
      (spaces) => new Map(spaces.filter((s) => s !== undefined).map((s) => [s.id, s.key.toUpperCase()])),
    );
    this.allowedIds.catch(() => (this.allowedIds = undefined));
    return this.allowedIds;
  }

  assertKey(key: string): void {
    if (this.limited && !this.allowedKeys!.includes(key.toUpperCase())) throw this.refusal(`Space ${key}`);
  }

  async assertSpaceId(http: AtlassianHttp, spaceId: string, what = `Space ${spaceId}`): Promise<void> {
    if (!this.limited) return;
    if (!(await this.ids(http)).has(spaceId)) {
      const space = await getSpaceById(http, spaceId).catch(() => undefined);
      throw this.refusal(space ? `${what === `Space ${spaceId}` ? `Space ${space.key}` : what} (space ${space.key})` : what);
    }
  }

  async isSpaceIdAllowed(http: AtlassianHttp, spaceId: string): Promise<boolean> {
    return !this.limited || (await this.ids(http)).has(spaceId);
  }

  /** Refuses a page (or folder's page tree member) by id unless its space is allowed. */
  async assertPage(http: AtlassianHttp, pageId: string, knownSpaceId?: string): Promise<void> {
    if (!this.limited) return;
    let spaceId = knownSpaceId ?? this.pageSpace.get(pageId);
    if (!spaceId) {
      spaceId = (await getPage(http, pageId)).spaceId;
      this.pageSpace.set(pageId, spaceId);
    }
    await this.assertSpaceId(http, spaceId, `Page ${pageId}`);
  }

  /** A CQL clause that keeps search inside the allowed spaces, or '' when unlimited. */
  cqlClause(): string {
    if (!this.limited) return '';
    return `space in (${this.allowedKeys!.map((k) => `"${k}"`).join(', ')})`;
  }
}
