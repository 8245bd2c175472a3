import type { Kysely } from 'kysely';

// Imports that map a tracker's activities to the firm's tasks, annualise what they measured and can
// be undone as a whole:
// - import_batches: the period the entries cover (stated at import, else first to last entry), what
//   the import changed (so undo restores it exactly) and when it was undone;
// - import_batch_tasks: which tasks each import's entries went to, re-imported entries included, so a
//   task's measured period is the span of the imports that measured it;
// - import_mappings: what the firm decided each activity of a tracker becomes, for the next import.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_batches').addColumn('period_from', 'text').execute();
  await db.schema.alterTable('import_batches').addColumn('period_to', 'text').execute();
  await db.schema
    .alterTable('import_batches')
    .addColumn('undo_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.alterTable('import_batches').addColumn('undone_at', 'text').execute();

  await db.schema
    .createTable('import_batch_tasks')
    .addColumn('import_id', 'text', (c) => c.notNull().references('import_batches.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('import_batch_tasks_pk', ['import_id', 'task_id'])
    .execute();
  await db.schema
    .createIndex('import_batch_tasks_task_idx')
    .on('import_batch_tasks')
    .column('task_id')
    .execute();

  await db.schema
    .createTable('import_mappings')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('tracker', 'text', (c) => c.notNull())
    .addColumn('activity_key', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.references('tasks.id').onDelete('cascade'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mappings_pk', ['workspace_id', 'tracker', 'activity_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_mappings').ifExists().execute();
  await db.schema.dropTable('import_batch_tasks').ifExists().execute();
  for (const column of ['undone_at', 'undo_json', 'period_to', 'period_from']) {
    await db.schema.alterTable('import_batches').dropColumn(column).execute();
  }
}
