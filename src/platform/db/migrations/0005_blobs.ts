import type { Kysely } from 'kysely';

// Stored files (src/platform/blobs): the bytes live in the blob store under their sha256; these
// tables say which blobs exist and who holds each one. A blob nobody references is swept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Refreshed by every new reference: the sweep spares a blob touched within its grace period, so a
    // reference being added while it runs never points at a deleted file.
    .addColumn('touched_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('blob_refs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // No cascade: a blob row goes only when the sweep finds it unreferenced.
    .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
    // What holds the file, e.g. ('job', <job id>) or ('pipeline-run', <run id>).
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    // The file's name within its owner (an upload's file name, "transcript.vtt"): one blob per name.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('blob_refs_owner_name_uq', ['owner_kind', 'owner_id', 'name'])
    .execute();
  await db.schema.createIndex('blob_refs_sha256_idx').on('blob_refs').column('sha256').execute();
  await db.schema
    .createIndex('blob_refs_ws_sha256_idx')
    .on('blob_refs')
    .columns(['workspace_id', 'sha256'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('blob_refs').ifExists().execute();
  await db.schema.dropTable('blobs').ifExists().execute();
}
