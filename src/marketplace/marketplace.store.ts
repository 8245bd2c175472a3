/** Kysely queries for job posts, their versions and listings, and marketplace connections. Rows in, domain out. */
import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  JobPostListingTable,
  JobPostVersionTable,
  MarketplaceConnectionTable,
} from '../platform/db/schema.ts';
import type { Marketplace } from './limits.ts';
import type { Listing, PostContent, PostVersionSummary } from './post.ts';

export type { Listing } from './post.ts';

type K = Kysely<Database>;

export interface PostRow {
  id: string;
  taskId: string;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PostVersionRow {
  version: number;
  procedureVersionId: string;
  procedureVersionNumber: number;
  content: PostContent;
  edited: boolean;
  note: string;
  createdBy: string | null;
  createdAt: string;
}

export interface ConnectionRow {
  marketplace: 'upwork' | 'freelancer';
  tokenSealed: string;
  settings: Record<string, unknown>;
  createdBy: string | null;
  updatedAt: string;
}

function toVersion(r: Selectable<JobPostVersionTable>): PostVersionRow {
  return {
    version: Number(r.version),
    procedureVersionId: r.procedure_version_id,
    procedureVersionNumber: Number(r.procedure_version_number),
    content: JSON.parse(r.content_json) as PostContent,
    edited: Number(r.edited) === 1,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

function toListing(r: Selectable<JobPostListingTable>): Listing {
  return {
    id: r.id,
    postId: r.post_id,
    postVersion: Number(r.post_version),
    marketplace: r.marketplace as Marketplace,
    via: r.via as Listing['via'],
    url: r.url,
    externalId: r.external_id,
    status: r.status as Listing['status'],
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toConnection(r: Selectable<MarketplaceConnectionTable>): ConnectionRow {
  return {
    marketplace: r.marketplace as ConnectionRow['marketplace'],
    tokenSealed: r.token_sealed,
    settings: JSON.parse(r.settings_json) as Record<string, unknown>,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

export const marketplaceStore = {
  async findPostByTask(db: K, ws: string, taskId: string): Promise<PostRow | undefined> {
    const r = await db
      .selectFrom('job_posts')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    return r && postRow(r);
  },

  async findPost(db: K, ws: string, id: string): Promise<PostRow | undefined> {
    const r = await db
      .selectFrom('job_posts')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return r && postRow(r);
  },

  async listPosts(db: K, ws: string): Promise<PostRow[]> {
    const rows = await db
      .selectFrom('job_posts')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('updated_at', 'desc')
      .execute();
    return rows.map(postRow);
  },

  async insertPost(db: K, ws: string, p: PostRow): Promise<void> {
    await db
      .insertInto('job_posts')
      .values({
        id: p.id,
        workspace_id: ws,
        task_id: p.taskId,
        version: p.version,
        created_by: p.createdBy,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
      })
      .execute();
  },

  /** Moves the post to `next` only if it is still at `expected`; false when another write came first. */
  async bumpVersion(db: K, id: string, expected: number, next: number, at: string): Promise<boolean> {
    const r = await db
      .updateTable('job_posts')
      .set({ version: next, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', expected)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async insertVersion(db: K, postId: string, v: PostVersionRow): Promise<void> {
    await db
      .insertInto('job_post_versions')
      .values({
        post_id: postId,
        version: v.version,
        procedure_version_id: v.procedureVersionId,
        procedure_version_number: v.procedureVersionNumber,
        content_json: JSON.stringify(v.content),
        edited: v.edited ? 1 : 0,
        note: v.note,
        created_by: v.createdBy,
        created_at: v.createdAt,
      })
      .execute();
  },

  async getVersion(db: K, postId: string, version: number): Promise<PostVersionRow | undefined> {
    const r = await db
      .selectFrom('job_post_versions')
      .selectAll()
      .where('post_id', '=', postId)
      .where('version', '=', version)
      .executeTakeFirst();
    return r && toVersion(r);
  },

  async listVersions(db: K, postId: string): Promise<PostVersionSummary[]> {
    const rows = await db
      .selectFrom('job_post_versions')
      .select(['version', 'procedure_version_number', 'edited', 'note', 'created_at', 'created_by'])
      .where('post_id', '=', postId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map((r) => ({
      version: Number(r.version),
      procedureVersion: Number(r.procedure_version_number),
      edited: Number(r.edited) === 1,
      note: r.note,
      createdAt: r.created_at,
      createdBy: r.created_by,
    }));
  },

  async listListings(db: K, ws: string, postId: string): Promise<Listing[]> {
    const rows = await db
      .selectFrom('job_post_listings')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('post_id', '=', postId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toListing);
  },

  async findListing(db: K, ws: string, id: string): Promise<Listing | undefined> {
    const r = await db
      .selectFrom('job_post_listings')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toListing(r);
  },

  async findListingByUrl(
    db: K,
    postId: string,
    marketplace: Marketplace,
    url: string,
  ): Promise<Listing | undefined> {
    const r = await db
      .selectFrom('job_post_listings')
      .selectAll()
      .where('post_id', '=', postId)
      .where('marketplace', '=', marketplace)
      .where('url', '=', url)
      .executeTakeFirst();
    return r && toListing(r);
  },

  async insertListing(db: K, ws: string, l: Listing): Promise<void> {
    await db
      .insertInto('job_post_listings')
      .values({
        id: l.id,
        workspace_id: ws,
        post_id: l.postId,
        post_version: l.postVersion,
        marketplace: l.marketplace,
        via: l.via,
        url: l.url,
        external_id: l.externalId,
        status: l.status,
        created_by: l.createdBy,
        created_at: l.createdAt,
        updated_at: l.updatedAt,
      })
      .execute();
  },

  async setListingStatus(
    db: K,
    ws: string,
    id: string,
    status: Listing['status'],
    at: string,
  ): Promise<void> {
    await db
      .updateTable('job_post_listings')
      .set({ status, updated_at: at })
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .execute();
  },

  async findConnection(db: K, ws: string, marketplace: string): Promise<ConnectionRow | undefined> {
    const r = await db
      .selectFrom('marketplace_connections')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('marketplace', '=', marketplace)
      .executeTakeFirst();
    return r && toConnection(r);
  },

  async listConnections(db: K, ws: string): Promise<ConnectionRow[]> {
    const rows = await db
      .selectFrom('marketplace_connections')
      .selectAll()
      .where('workspace_id', '=', ws)
      .execute();
    return rows.map(toConnection);
  },

  async saveConnection(db: K, ws: string, c: ConnectionRow): Promise<void> {
    const values = {
      workspace_id: ws,
      marketplace: c.marketplace,
      token_sealed: c.tokenSealed,
      settings_json: JSON.stringify(c.settings),
      created_by: c.createdBy,
      updated_at: c.updatedAt,
    };
    await db
      .insertInto('marketplace_connections')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'marketplace']).doUpdateSet({
          token_sealed: values.token_sealed,
          settings_json: values.settings_json,
          created_by: values.created_by,
          updated_at: values.updated_at,
        }),
      )
      .execute();
  },

  async deleteConnection(db: K, ws: string, marketplace: string): Promise<boolean> {
    const r = await db
      .deleteFrom('marketplace_connections')
      .where('workspace_id', '=', ws)
      .where('marketplace', '=', marketplace)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },
};

function postRow(r: Selectable<Database['job_posts']>): PostRow {
  return {
    id: r.id,
    taskId: r.task_id,
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
