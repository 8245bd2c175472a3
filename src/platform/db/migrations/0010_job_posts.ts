import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Job posts (src/marketplace): a post per task, compiled from an approved standard procedure version and
// edited by staff; every content change is a new post version (kept, with the procedure version it came
// from). Listings: where a post version went (a marketplace, its listing URL and id; pasted back by a
// person or recorded by an API connector). Connections: a marketplace API token per workspace, encrypted
// at rest (AES-256-GCM, key from the configuration); never shown again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    // The current version's number (the latest row of job_post_versions).
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('job_posts_task_uq', ['workspace_id', 'task_id'])
    .execute();

  await db.schema
    .createTable('job_post_versions')
    .addColumn('post_id', 'text', (c) => c.notNull().references('job_posts.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('procedure_version_id', 'text', (c) =>
      c.notNull().references('procedure_versions.id').onDelete('cascade'),
    )
    .addColumn('procedure_version_number', 'integer', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('edited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_post_versions_pk', ['post_id', 'version'])
    .execute();

  await db.schema
    .createTable('job_post_listings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('job_posts.id').onDelete('cascade'))
    .addColumn('post_version', 'integer', (c) => c.notNull())
    .addColumn('marketplace', 'text', (c) =>
      c
        .notNull()
        .check(sql`marketplace in ('upwork', 'freelancer', 'peopleperhour', 'truelancer', 'generic')`),
    )
    .addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('assisted', 'api')`))
    .addColumn('url', 'text', (c) => c.notNull())
    // The marketplace's id of the listing (null for the generic post).
    .addColumn('external_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('job_post_listings_url_uq', ['post_id', 'marketplace', 'url'])
    .execute();

  await db.schema
    .createTable('marketplace_connections')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('marketplace', 'text', (c) => c.notNull().check(sql`marketplace in ('upwork', 'freelancer')`))
    // v1:<iv>:<tag>:<ciphertext>, base64; the workspace and marketplace are its associated data.
    .addColumn('token_sealed', 'text', (c) => c.notNull())
    // Non-secret settings: Upwork's organization id, Freelancer.com's currency id and job ids.
    .addColumn('settings_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('marketplace_connections_pk', ['workspace_id', 'marketplace'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['marketplace_connections', 'job_post_listings', 'job_post_versions', 'job_posts'])
    await db.schema.dropTable(t).ifExists().execute();
}
