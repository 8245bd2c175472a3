import { type Kysely, sql } from 'kysely';

// Durable jobs (src/platform/jobs). Replaces the placeholder `jobs` table of 0001, which nothing used.
// One table model on both dialects: PostgreSQL claims with FOR UPDATE SKIP LOCKED, SQLite inside
// BEGIN IMMEDIATE; both fence every worker write with the lease token of its claim.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('jobs').ifExists().execute();
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // null: the platform's own jobs (maintenance), which belong to no workspace.
    .addColumn('workspace_id', 'text', (c) => c.references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'dead', 'cancelled')`),
    )
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    // Unique per kind; the queue prefixes the caller's key with the workspace (see jobs.store.ts).
    .addColumn('idempotency_key', 'text')
    .addColumn('repeat_every_seconds', 'integer')
    .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_json', 'text')
    .addColumn('last_error', 'text')
    .addColumn('result_json', 'text')
    .addColumn('lease_token', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addUniqueConstraint('jobs_kind_idempotency_uq', ['kind', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('jobs_claim_idx')
    .on('jobs')
    // The claim's whole ORDER BY, so the next job is the index's first entry (no sort of the backlog).
    .columns(['status', 'priority desc', 'run_at', 'id'])
    .execute();
  await db.schema.createIndex('jobs_lease_idx').on('jobs').columns(['status', 'locked_until']).execute();
  await db.schema
    .createIndex('jobs_ws_created_idx')
    .on('jobs')
    .columns(['workspace_id', 'created_at'])
    .execute();

  // Results of a job's steps (ctx.step / ctx.transact), kept across attempts: a retried job resumes
  // after the last step it finished, and a step's database writes commit together with its record.
  await db.schema
    .createTable('job_steps')
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_steps_pk', ['job_id', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_steps').ifExists().execute();
  await db.schema.dropTable('jobs').ifExists().execute();
}
