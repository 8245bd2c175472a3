import type { Kysely } from 'kysely';

// Optimistic concurrency: every row a user edits carries a version, bumped by every write to it. The
// API shows it as the ETag and a write with If-Match is a compare-and-set on it in SQL
// (`UPDATE … WHERE id = ? AND version = ?`), so a stale write fails across server processes too.
// Workspaces version their settings only (their `revision` counts every inventory write instead).
const VERSIONED = [
  'members',
  'processes',
  'tasks',
  'procedure_variants',
  'procedure_versions',
  'procedure_steps',
  'forms',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of VERSIONED) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }
  await db.schema
    .alterTable('workspaces')
    .addColumn('settings_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('settings_version').execute();
  for (const table of VERSIONED) await db.schema.alterTable(table).dropColumn('version').execute();
}
