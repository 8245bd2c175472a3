/**
 * Kysely queries for pipelines, their runs and stages, redaction findings and decisions, pseudonyms.
 * Rows in, domain out.
 *
 * Kept in one file: the queries of one aggregate (a pipeline, its runs and what they made) beside
 * their row mappers; a run's stages, findings and decisions are written together in the stage's fenced
 * transaction.
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  PipelineRunTable,
  PipelineStageTable,
  PipelineTable,
  RedactionDecisionTable,
  RedactionFindingTable,
} from '../../platform/db/schema.ts';
import type { PseudonymEntry } from '../redact/pseudonyms.ts';
import type { EngineId } from '../transcribe/segments.ts';
import type {
  InputKind,
  Pipeline,
  Run,
  RunOutputs,
  RunSource,
  RunStatus,
  StageName,
  StageRecord,
  StageState,
} from './pipeline.ts';

type K = Kysely<Database>;

export interface StoredFinding {
  id: string;
  revision: number;
  seq: number;
  kind: string;
  recognizer: string;
  score: number;
  decision: string;
  text: string;
  start: number;
  end: number;
  where: string;
  label: string | null;
}

export interface ReviewDecision {
  id: string;
  text: string;
  kind: string;
  action: 'redact' | 'keep';
  createdBy: string | null;
  createdAt: string;
}

function toPipeline(r: Selectable<PipelineTable>): Pipeline {
  return {
    id: r.id,
    taskId: r.task_id,
    name: r.name,
    formId: r.form_id,
    engine: r.engine as EngineId | null,
    watchDir: r.watch_dir,
    terms: r.terms,
    reviewRequired: Number(r.review_required) === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRun(r: Selectable<PipelineRunTable>): Run {
  return {
    id: r.id,
    pipelineId: r.pipeline_id,
    source: r.source as RunSource,
    fileName: r.file_name,
    sourcePath: r.source_path,
    inputSha256: r.input_sha256,
    inputBytes: Number(r.input_bytes),
    inputKind: r.input_kind as InputKind,
    status: r.status as RunStatus,
    stage: r.stage as StageName | null,
    error: r.error_code === null ? null : { code: r.error_code, message: r.error_message ?? r.error_code },
    jobId: r.job_id,
    revision: Number(r.revision),
    outputs: JSON.parse(r.outputs_json) as RunOutputs,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
  };
}

function toStage(r: Selectable<PipelineStageTable>): StageRecord {
  return {
    stage: r.stage as StageName,
    position: Number(r.position),
    state: r.state as StageState,
    attempts: Number(r.attempts),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    log: r.log,
    error: r.error_code === null ? null : { code: r.error_code, message: r.error_message ?? r.error_code },
    output: r.output_json === null ? null : JSON.parse(r.output_json),
  };
}

function toFinding(r: Selectable<RedactionFindingTable>): StoredFinding {
  return {
    id: r.id,
    revision: Number(r.revision),
    seq: Number(r.seq),
    kind: r.kind,
    recognizer: r.recognizer,
    score: Number(r.score),
    decision: r.decision,
    text: r.text,
    start: Number(r.start_offset),
    end: Number(r.end_offset),
    where: r.location,
    label: r.label,
  };
}

function toDecision(r: Selectable<RedactionDecisionTable>): ReviewDecision {
  return {
    id: r.id,
    text: r.text,
    kind: r.kind,
    action: r.action as 'redact' | 'keep',
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export interface StagePatch {
  state?: StageState;
  attempts?: number;
  startedAt?: string | null;
  finishedAt?: string | null;
  durationMs?: number | null;
  log?: string;
  error?: { code: string; message: string } | null;
  output?: unknown;
}

export interface RunPatch {
  status?: RunStatus;
  stage?: StageName | null;
  error?: { code: string; message: string } | null;
  jobId?: string | null;
  revision?: number;
  outputs?: RunOutputs;
  updatedAt: string;
  finishedAt?: string | null;
}

export const pipelinesStore = {
  async insertPipeline(db: K, ws: string, p: Pipeline): Promise<void> {
    await db
      .insertInto('pipelines')
      .values({
        id: p.id,
        workspace_id: ws,
        task_id: p.taskId,
        name: p.name,
        form_id: p.formId,
        engine: p.engine,
        watch_dir: p.watchDir,
        terms: p.terms,
        review_required: p.reviewRequired ? 1 : 0,
        created_by: p.createdBy,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
      })
      .execute();
  },

  async updatePipeline(db: K, ws: string, p: Pipeline): Promise<void> {
    await db
      .updateTable('pipelines')
      .set({
        name: p.name,
        form_id: p.formId,
        engine: p.engine,
        watch_dir: p.watchDir,
        terms: p.terms,
        review_required: p.reviewRequired ? 1 : 0,
        updated_at: p.updatedAt,
      })
      .where('workspace_id', '=', ws)
      .where('id', '=', p.id)
      .execute();
  },

  async deletePipeline(db: K, ws: string, id: string): Promise<void> {
    await db.deleteFrom('pipelines').where('workspace_id', '=', ws).where('id', '=', id).execute();
  },

  async findPipeline(db: K, ws: string, id: string): Promise<Pipeline | undefined> {
    const r = await db
      .selectFrom('pipelines')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? toPipeline(r) : undefined;
  },

  async findPipelineByName(db: K, ws: string, name: string): Promise<Pipeline | undefined> {
    const r = await db
      .selectFrom('pipelines')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('name', '=', name)
      .executeTakeFirst();
    return r ? toPipeline(r) : undefined;
  },

  async listPipelines(db: K, ws: string): Promise<Pipeline[]> {
    const rows = await db
      .selectFrom('pipelines')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toPipeline);
  },

  /** Every pipeline with a watched folder, in every workspace (the folder watcher's list). */
  async watchedPipelines(db: K): Promise<(Pipeline & { workspaceId: string })[]> {
    const rows = await db
      .selectFrom('pipelines')
      .selectAll()
      .where('watch_dir', 'is not', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...toPipeline(r), workspaceId: r.workspace_id }));
  },

  /** Runs per status, per pipeline of the workspace. */
  async runCounts(db: K, ws: string): Promise<{ pipelineId: string; status: RunStatus; n: number }[]> {
    const rows = await db
      .selectFrom('pipeline_runs')
      .select(['pipeline_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', ws)
      .groupBy(['pipeline_id', 'status'])
      .execute();
    return rows.map((r) => ({ pipelineId: r.pipeline_id, status: r.status as RunStatus, n: Number(r.n) }));
  },

  /** Inserts the run unless the pipeline already has one for the same bytes; returns the one that is there. */
  async insertRun(db: K, ws: string, run: Run): Promise<{ run: Run; created: boolean }> {
    const inserted = await db
      .insertInto('pipeline_runs')
      .values({
        id: run.id,
        workspace_id: ws,
        pipeline_id: run.pipelineId,
        source: run.source,
        file_name: run.fileName,
        source_path: run.sourcePath,
        input_sha256: run.inputSha256,
        input_bytes: run.inputBytes,
        input_kind: run.inputKind,
        status: run.status,
        stage: run.stage,
        error_code: run.error?.code ?? null,
        error_message: run.error?.message ?? null,
        job_id: run.jobId,
        revision: run.revision,
        outputs_json: JSON.stringify(run.outputs),
        created_by: run.createdBy,
        created_at: run.createdAt,
        updated_at: run.updatedAt,
        finished_at: run.finishedAt,
      })
      .onConflict((oc) => oc.columns(['pipeline_id', 'input_sha256']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { run: toRun(inserted), created: true };
    const existing = await db
      .selectFrom('pipeline_runs')
      .selectAll()
      .where('pipeline_id', '=', run.pipelineId)
      .where('input_sha256', '=', run.inputSha256)
      .executeTakeFirstOrThrow();
    return { run: toRun(existing), created: false };
  },

  async updateRun(db: K, id: string, patch: RunPatch): Promise<void> {
    await db
      .updateTable('pipeline_runs')
      .set({
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.stage !== undefined ? { stage: patch.stage } : {}),
        ...(patch.error !== undefined
          ? { error_code: patch.error?.code ?? null, error_message: patch.error?.message ?? null }
          : {}),
        ...(patch.jobId !== undefined ? { job_id: patch.jobId } : {}),
        ...(patch.revision !== undefined ? { revision: patch.revision } : {}),
        ...(patch.outputs !== undefined ? { outputs_json: JSON.stringify(patch.outputs) } : {}),
        ...(patch.finishedAt !== undefined ? { finished_at: patch.finishedAt } : {}),
        updated_at: patch.updatedAt,
      })
      .where('id', '=', id)
      .execute();
  },

  async findRun(db: K, ws: string | null, id: string): Promise<Run | undefined> {
    let q = db.selectFrom('pipeline_runs').selectAll().where('id', '=', id);
    if (ws !== null) q = q.where('workspace_id', '=', ws);
    const r = await q.executeTakeFirst();
    return r ? toRun(r) : undefined;
  },

  async runWorkspace(db: K, id: string): Promise<string | undefined> {
    const r = await db
      .selectFrom('pipeline_runs')
      .select('workspace_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return r?.workspace_id;
  },

  async listRuns(
    db: K,
    ws: string,
    filter: { pipelineId?: string; status?: RunStatus; limit?: number } = {},
  ): Promise<Run[]> {
    let q = db.selectFrom('pipeline_runs').selectAll().where('workspace_id', '=', ws);
    if (filter.pipelineId) q = q.where('pipeline_id', '=', filter.pipelineId);
    if (filter.status) q = q.where('status', '=', filter.status);
    const rows = await q
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 200)
      .execute();
    return rows.map(toRun);
  },

  async insertStages(
    db: K,
    runId: string,
    stages: readonly { stage: StageName; state: StageState }[],
  ): Promise<void> {
    if (stages.length === 0) return;
    await db
      .insertInto('pipeline_stages')
      .values(
        stages.map((s, k) => ({
          run_id: runId,
          stage: s.stage,
          position: k + 1,
          state: s.state,
          attempts: 0,
          log: '',
        })),
      )
      .execute();
  },

  async listStages(db: K, runId: string): Promise<StageRecord[]> {
    const rows = await db
      .selectFrom('pipeline_stages')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('position')
      .execute();
    return rows.map(toStage);
  },

  async stagesOfRuns(db: K, runIds: readonly string[]): Promise<Map<string, StageRecord[]>> {
    const out = new Map<string, StageRecord[]>(runIds.map((id) => [id, []]));
    if (runIds.length === 0) return out;
    const rows = await db
      .selectFrom('pipeline_stages')
      .selectAll()
      .where('run_id', 'in', runIds)
      .orderBy('run_id')
      .orderBy('position')
      .execute();
    for (const r of rows) out.get(r.run_id)?.push(toStage(r));
    return out;
  },

  async updateStage(db: K, runId: string, stage: StageName, patch: StagePatch): Promise<void> {
    await db
      .updateTable('pipeline_stages')
      .set({
        ...(patch.state !== undefined ? { state: patch.state } : {}),
        ...(patch.attempts !== undefined ? { attempts: patch.attempts } : {}),
        ...(patch.startedAt !== undefined ? { started_at: patch.startedAt } : {}),
        ...(patch.finishedAt !== undefined ? { finished_at: patch.finishedAt } : {}),
        ...(patch.durationMs !== undefined ? { duration_ms: patch.durationMs } : {}),
        ...(patch.log !== undefined ? { log: patch.log } : {}),
        ...(patch.error !== undefined
          ? { error_code: patch.error?.code ?? null, error_message: patch.error?.message ?? null }
          : {}),
        ...(patch.output !== undefined ? { output_json: JSON.stringify(patch.output ?? null) } : {}),
      })
      .where('run_id', '=', runId)
      .where('stage', '=', stage)
      .execute();
  },

  async replaceFindings(
    db: K,
    ws: string,
    runId: string,
    revision: number,
    findings: readonly Omit<StoredFinding, 'revision'>[],
  ): Promise<void> {
    await db.deleteFrom('redaction_findings').where('run_id', '=', runId).execute();
    // In slices: PostgreSQL takes at most 65,535 parameters a statement.
    for (let k = 0; k < findings.length; k += 500) {
      await db
        .insertInto('redaction_findings')
        .values(
          findings.slice(k, k + 500).map((f) => ({
            id: f.id,
            workspace_id: ws,
            run_id: runId,
            revision,
            seq: f.seq,
            kind: f.kind,
            recognizer: f.recognizer,
            score: f.score,
            decision: f.decision,
            text: f.text,
            start_offset: f.start,
            end_offset: f.end,
            location: f.where,
            label: f.label,
          })),
        )
        .execute();
    }
  },

  async listFindings(db: K, runId: string): Promise<StoredFinding[]> {
    const rows = await db
      .selectFrom('redaction_findings')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('seq')
      .execute();
    return rows.map(toFinding);
  },

  async listDecisions(db: K, runId: string): Promise<ReviewDecision[]> {
    const rows = await db
      .selectFrom('redaction_decisions')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toDecision);
  },

  /** One decision per text of a run: a later one replaces an earlier one. */
  async upsertDecision(db: K, ws: string, runId: string, d: ReviewDecision): Promise<void> {
    await db
      .insertInto('redaction_decisions')
      .values({
        id: d.id,
        workspace_id: ws,
        run_id: runId,
        text: d.text,
        kind: d.kind,
        action: d.action,
        created_by: d.createdBy,
        created_at: d.createdAt,
      })
      .onConflict((oc) =>
        oc.columns(['run_id', 'text']).doUpdateSet({
          kind: d.kind,
          action: d.action,
          created_by: d.createdBy,
          created_at: d.createdAt,
        }),
      )
      .execute();
  },

  async deleteDecision(db: K, runId: string, id: string): Promise<boolean> {
    const r = await db
      .deleteFrom('redaction_decisions')
      .where('run_id', '=', runId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  async listPseudonyms(db: K, pipelineId: string): Promise<PseudonymEntry[]> {
    const rows = await db
      .selectFrom('pipeline_pseudonyms')
      .selectAll()
      .where('pipeline_id', '=', pipelineId)
      .orderBy('kind')
      .orderBy('label')
      .execute();
    return rows.map((r) => ({
      kind: r.kind as PseudonymEntry['kind'],
      key: r.key,
      label: r.label,
      seen: JSON.parse(r.seen_json) as string[],
    }));
  },

  /** Stores the pipeline's pseudonyms as they are now (new ones added, spellings seen updated). */
  async savePseudonyms(
    db: K,
    ws: string,
    pipelineId: string,
    entries: readonly PseudonymEntry[],
  ): Promise<void> {
    for (const e of entries) {
      await db
        .insertInto('pipeline_pseudonyms')
        .values({
          pipeline_id: pipelineId,
          workspace_id: ws,
          kind: e.kind,
          key: e.key,
          label: e.label,
          seen_json: JSON.stringify(e.seen),
        })
        .onConflict((oc) =>
          oc.columns(['pipeline_id', 'kind', 'key']).doUpdateSet({ seen_json: JSON.stringify(e.seen) }),
        )
        .execute();
    }
  },

  async folderFileSeen(
    db: K,
    pipelineId: string,
    f: { path: string; size: number; mtimeMs: number },
  ): Promise<boolean> {
    const r = await db
      .selectFrom('pipeline_folder_files')
      .select('outcome')
      .where('pipeline_id', '=', pipelineId)
      .where('path', '=', f.path)
      .where('size', '=', f.size)
      .where('mtime_ms', '=', f.mtimeMs)
      .executeTakeFirst();
    return r !== undefined;
  },

  async recordFolderFile(
    db: K,
    pipelineId: string,
    f: {
      path: string;
      size: number;
      mtimeMs: number;
      sha256: string | null;
      runId: string | null;
      outcome: string;
      at: string;
    },
  ): Promise<void> {
    await db
      .insertInto('pipeline_folder_files')
      .values({
        pipeline_id: pipelineId,
        path: f.path,
        size: f.size,
        mtime_ms: f.mtimeMs,
        sha256: f.sha256,
        run_id: f.runId,
        outcome: f.outcome,
        created_at: f.at,
      })
      .onConflict((oc) => oc.columns(['pipeline_id', 'path', 'size', 'mtime_ms']).doNothing())
      .execute();
  },
};
