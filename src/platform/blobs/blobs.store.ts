/** The blob tables' queries (the same on SQLite and PostgreSQL). */
import type { Kysely, Selectable } from 'kysely';
import type { BlobRefTable, Database } from '../db/schema.ts';

export type Executor = Kysely<Database>;
export type BlobRefRow = Selectable<BlobRefTable>;

export const blobsStore = {
  /** Records the blob (or refreshes its touch time) and points the owner's name at it. */
  async attach(
    ex: Executor,
    blob: { sha256: string; size: number; now: string },
    ref: Omit<BlobRefRow, 'sha256' | 'created_at'>,
  ): Promise<BlobRefRow> {
    await ex
      .insertInto('blobs')
      .values({ sha256: blob.sha256, size_bytes: blob.size, created_at: blob.now, touched_at: blob.now })
      .onConflict((oc) => oc.column('sha256').doUpdateSet({ touched_at: blob.now }))
      .execute();
    return ex
      .insertInto('blob_refs')
      .values({ ...ref, sha256: blob.sha256, created_at: blob.now })
      .onConflict((oc) =>
        oc
          .columns(['owner_kind', 'owner_id', 'name'])
          .doUpdateSet({ sha256: blob.sha256, media_type: ref.media_type, created_at: blob.now }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async refsOf(ex: Executor, ownerKind: string, ownerId: string): Promise<BlobRefRow[]> {
    return ex
      .selectFrom('blob_refs')
      .selectAll()
      .where('owner_kind', '=', ownerKind)
      .where('owner_id', '=', ownerId)
      .orderBy('name')
      .execute();
  },

  async heldBy(ex: Executor, workspaceId: string, sha256: string): Promise<boolean> {
    const row = await ex
      .selectFrom('blob_refs')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return row !== undefined;
  },

  async detach(ex: Executor, ownerKind: string, ownerId: string): Promise<number> {
    const r = await ex
      .deleteFrom('blob_refs')
      .where('owner_kind', '=', ownerKind)
      .where('owner_id', '=', ownerId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Deletes blob rows no reference holds and untouched since `before`; returns their sha256s. */
  async deleteUnreferenced(ex: Executor, before: string, limit: number): Promise<string[]> {
    const candidates = await ex
      .selectFrom('blobs')
      .select('sha256')
      .where('touched_at', '<', before)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('blob_refs')
              .select('blob_refs.id')
              .whereRef('blob_refs.sha256', '=', 'blobs.sha256'),
          ),
        ),
      )
      .limit(limit)
      .execute();
    if (candidates.length === 0) return [];
    // Checked again in the delete itself: a reference added meanwhile keeps its blob.
    const deleted = await ex
      .deleteFrom('blobs')
      .where(
        'sha256',
        'in',
        candidates.map((c) => c.sha256),
      )
      .where('touched_at', '<', before)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('blob_refs')
              .select('blob_refs.id')
              .whereRef('blob_refs.sha256', '=', 'blobs.sha256'),
          ),
        ),
      )
      .returning('sha256')
      .execute();
    return deleted.map((d) => d.sha256);
  },

  /** Which of these sha256s have a blob row. */
  async known(ex: Executor, sha256s: string[]): Promise<Set<string>> {
    if (sha256s.length === 0) return new Set();
    const rows = await ex.selectFrom('blobs').select('sha256').where('sha256', 'in', sha256s).execute();
    return new Set(rows.map((r) => r.sha256));
  },

  async all(ex: Executor): Promise<{ sha256: string; size_bytes: number }[]> {
    return ex.selectFrom('blobs').select(['sha256', 'size_bytes']).orderBy('sha256').execute();
  },
};
