import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Saved syntheses (src/syntheses): a synthesis kept in the workspace, attached to a task and an
// engagement, reopened and edited before export. `original_json` is the engine's insights as they came
// out of the run, `insights_json` the edited version the deck, report and insights.json are rendered
// from; `version` counts the edits (the ETag). The transcripts are blobs held by the synthesis when the
// firm chose to keep them (`transcripts = 'kept'`). Every edit is a row of synthesis_edits: what, by
// whom, when, and the version it made.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('syntheses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.references('tasks.id').onDelete('set null'))
    .addColumn('engagement', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('form_name', 'text', (c) => c.notNull())
    .addColumn('form_ref', 'text')
    .addColumn('anonymized', 'integer', (c) => c.notNull())
    .addColumn('transcripts', 'text', (c) => c.notNull().check(sql`transcripts in ('kept', 'not-kept')`))
    // The job whose run it saved: a job saves one synthesis, however often its last step runs.
    .addColumn('source_job_id', 'text', (c) => c.unique())
    .addColumn('original_json', 'text', (c) => c.notNull())
    .addColumn('insights_json', 'text', (c) => c.notNull())
    .addColumn('skipped_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('interviews', 'integer', (c) => c.notNull())
    .addColumn('themes', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('syntheses_ws_updated_idx')
    .on('syntheses')
    .columns(['workspace_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('synthesis_edits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('synthesis_id', 'text', (c) => c.notNull().references('syntheses.id').onDelete('cascade'))
    // The synthesis's version this edit made: one edit per version.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('edit_json', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('synthesis_edits_version_uq', ['synthesis_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('synthesis_edits').ifExists().execute();
  await db.schema.dropTable('syntheses').ifExists().execute();
}
