import { type Kysely, sql } from 'kysely';

/**
 * Steps 2–4: how each person does a task today (variants), the task's standard procedure and its
 * versions with ordered steps, and the forms attached to procedures (versioned). Same type rules
 * as 0001: text, integer, double precision; JSON as text; timestamps ISO-8601 text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('procedure_variants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('steps_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'retired')`))
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('procedure_variants_task_idx')
    .on('procedure_variants')
    .columns(['workspace_id', 'task_id'])
    .execute();

  await db.schema
    .createTable('procedures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('procedures_ws_task_uq', ['workspace_id', 'task_id'])
    .execute();

  await db.schema
    .createTable('procedure_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('procedure_id', 'text', (c) => c.notNull().references('procedures.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'approved')`))
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('turnaround_hours', 'double precision', (c) => c.notNull())
    .addColumn('change_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_variant_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('based_on_version_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addUniqueConstraint('procedure_versions_number_uq', ['procedure_id', 'number'])
    .execute();

  await db.schema
    .createTable('procedure_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('procedure_versions.id').onDelete('cascade'),
    )
    // Survives copying into the next draft, so that two versions can be compared step by step.
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('performer_kind', 'text', (c) =>
      c.notNull().check(sql`performer_kind in ('member', 'role', 'outtasker', 'automation')`),
    )
    .addColumn('performer_ref', 'text')
    .addColumn('performer_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('inputs_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('outputs_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tool', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minutes', 'double precision', (c) => c.notNull().check(sql`minutes >= 0`))
    .addColumn('acceptance_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('waste_reason', 'text')
    .addColumn('merged_from_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addUniqueConstraint('procedure_steps_key_uq', ['version_id', 'step_key'])
    .execute();
  await db.schema
    .createIndex('procedure_steps_version_idx')
    .on('procedure_steps')
    .columns(['version_id', 'position'])
    .execute();

  await db.schema
    .createTable('forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('procedure_id', 'text', (c) => c.references('procedures.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('forms_ws_name_uq', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('form_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('questions_json', 'text', (c) => c.notNull())
    .addColumn('source_file', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('form_versions_number_uq', ['form_id', 'number'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'form_versions',
    'forms',
    'procedure_steps',
    'procedure_versions',
    'procedures',
    'procedure_variants',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
