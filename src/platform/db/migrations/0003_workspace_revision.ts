import type { Kysely } from 'kysely';

// A counter bumped by every write to a workspace's inventory or settings: derived figures (the
// ranking) are cached per workspace and revision, and stay exact across server processes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('revision', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('revision').execute();
}
