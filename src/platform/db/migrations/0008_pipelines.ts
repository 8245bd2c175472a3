import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Intake pipelines (src/automation/pipelines): a pipeline per task, its runs (one per file taken in),
// each run's stages with their state, timings, log and error; the redaction findings of a run and the
// review of them; the pipeline's pseudonyms (the firm's key, never handed off); the files a watched
// folder has taken. Files themselves are blobs (sha256), referenced here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pipelines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // The interview form the synthesis uses; null: no synthesis stage.
    .addColumn('form_id', 'text', (c) => c.references('forms.id').onDelete('set null'))
    // null: the default engine (whisper when a model is configured, else pocketsphinx).
    .addColumn('engine', 'text')
    // A folder to watch (absolute path on the machine that runs the workers); null: none.
    .addColumn('watch_dir', 'text')
    // Names and terms to redact, one a line (the `outtask redact --names` format).
    .addColumn('terms', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('review_required', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pipelines_ws_name_uq', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('pipeline_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('upload', 'cli', 'folder')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('source_path', 'text')
    .addColumn('input_sha256', 'text', (c) => c.notNull())
    .addColumn('input_bytes', 'bigint', (c) => c.notNull())
    .addColumn('input_kind', 'text', (c) => c.notNull().check(sql`input_kind in ('audio', 'transcript')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'review', 'succeeded', 'failed')`),
    )
    .addColumn('stage', 'text')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('job_id', 'text')
    // Bumped by every applied review: the stages after redaction run again for the new revision.
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('outputs_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    // A file is taken once per pipeline, whichever way it arrives.
    .addUniqueConstraint('pipeline_runs_input_uq', ['pipeline_id', 'input_sha256'])
    .execute();
  await db.schema
    .createIndex('pipeline_runs_pipeline_idx')
    .on('pipeline_runs')
    .columns(['pipeline_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('pipeline_stages')
    .addColumn('run_id', 'text', (c) => c.notNull().references('pipeline_runs.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending', 'running', 'succeeded', 'failed', 'skipped', 'waiting')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('duration_ms', 'integer')
    .addColumn('log', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('output_json', 'text')
    .addPrimaryKeyConstraint('pipeline_stages_pk', ['run_id', 'stage'])
    .execute();

  await db.schema
    .createTable('redaction_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('run_id', 'text', (c) => c.notNull().references('pipeline_runs.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recognizer', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addUniqueConstraint('redaction_findings_seq_uq', ['run_id', 'revision', 'seq'])
    .execute();

  // What staff decided in review: redact this text too (an added term, an accepted low score), or keep it.
  await db.schema
    .createTable('redaction_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('run_id', 'text', (c) => c.notNull().references('pipeline_runs.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('redact', 'keep')`))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('redaction_decisions_uq', ['run_id', 'text'])
    .execute();

  // The pipeline's pseudonyms: the firm's key to re-identify. Never part of a hand-off.
  await db.schema
    .createTable('pipeline_pseudonyms')
    .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('seen_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pipeline_pseudonyms_pk', ['pipeline_id', 'kind', 'key'])
    .addUniqueConstraint('pipeline_pseudonyms_label_uq', ['pipeline_id', 'label'])
    .execute();

  // Files a watched folder has seen settle and handed over (or refused), so that a rescan takes none twice.
  await db.schema
    .createTable('pipeline_folder_files')
    .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mtime_ms', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('run_id', 'text', (c) => c.references('pipeline_runs.id').onDelete('set null'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pipeline_folder_files_pk', ['pipeline_id', 'path', 'size', 'mtime_ms'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'pipeline_folder_files',
    'pipeline_pseudonyms',
    'redaction_decisions',
    'redaction_findings',
    'pipeline_stages',
    'pipeline_runs',
    'pipelines',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
