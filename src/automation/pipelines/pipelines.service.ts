/**
 * Intake pipelines' use cases: a pipeline per task, files taken in (upload, CLI, watched folder) as
 * runs, each run queued as a durable job in the same transaction; runs and their stages read back;
 * a failed run retried from its failed stage. The stages themselves run in run-pipeline.ts.
 */
import type { Readable } from 'node:stream';
import type { WorkspaceActor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.store.ts';
import type { Blobs } from '../../platform/blobs/index.ts';
import { nowIso, type ServiceDeps } from '../../platform/deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { ENGINES } from '../transcribe/engines.ts';
import type { EngineId } from '../transcribe/segments.ts';
import { pipelineRunJob } from './pipeline.job.ts';
import {
  checkPipelineName,
  inputKindOf,
  type Pipeline,
  pipelineTerms,
  plannedStages,
  type Run,
  type RunSource,
  type RunStatus,
  runStatusOf,
  type StageRecord,
} from './pipeline.ts';
import { pipelinesStore as store } from './pipelines.store.ts';

/** What the pipelines need of other features, passed in by the composition root. */
export interface PipelinesPorts {
  resolveTask(actor: WorkspaceActor, ref: string): Promise<{ id: string; name: string }>;
  /** The form's id, checked to exist in the workspace. */
  resolveForm(actor: WorkspaceActor, ref: string): Promise<{ id: string; name: string }>;
}

export interface PipelinesDeps extends ServiceDeps {
  queue: JobQueue;
  blobs: Blobs;
  ports: PipelinesPorts;
}

export interface PipelineInput {
  name: string;
  task: string;
  form?: string | null;
  engine?: EngineId | null;
  watchDir?: string | null;
  terms?: string;
  reviewRequired?: boolean;
}

export interface IntakeFile {
  name: string;
  /** The bytes, or a stream of them (a recording from disk). */
  data: Uint8Array | Readable;
  /** Where it came from (a watched folder's file), for the run's record. */
  sourcePath?: string;
}

export interface IntakeOutcome {
  file: string;
  /** The run that holds the file: new, or the one that already took the same bytes. */
  run?: Run;
  created: boolean;
  error?: { code: string; message: string };
}

/** The blob owner kind under which a run's files are held. */
export const RUN_BLOBS = 'pipeline-run';

/** The blob owner kind of a run's intermediate files (the 16 kHz WAV), released once transcribed. */
export const RUN_WORK_BLOBS = 'pipeline-run-work';

export function createPipelinesService(deps: PipelinesDeps) {
  const db = deps.db.kysely;

  async function requirePipeline(actor: WorkspaceActor, ref: string): Promise<Pipeline> {
    const ws = actor.workspace.id;
    const p = (await store.findPipeline(db, ws, ref)) ?? (await store.findPipelineByName(db, ws, ref));
    if (!p)
      throw new AppError(
        'PIPELINE_NOT_FOUND',
        `No pipeline "${ref}" in this workspace (give its name or id)`,
      );
    return p;
  }

  async function requireRun(actor: WorkspaceActor, id: string): Promise<Run> {
    const run = await store.findRun(db, actor.workspace.id, id);
    if (!run) throw new AppError('RUN_NOT_FOUND', `No pipeline run ${id} in this workspace`);
    return run;
  }

  function checkEngine(engine: string | null | undefined): EngineId | null {
    if (engine === undefined || engine === null) return null;
    if (!Object.hasOwn(ENGINES, engine))
      throw new AppError(
        'ENGINE_UNAVAILABLE',
        `No transcription engine "${engine}"; choose ${Object.keys(ENGINES).join(' or ')}`,
        { field: 'engine' },
      );
    return engine as EngineId;
  }

  function checkWatchDir(dir: string | null | undefined): string | null {
    if (dir === undefined || dir === null || dir.trim() === '') return null;
    const d = dir.trim();
    if (!d.startsWith('/'))
      throw new AppError(
        'WATCH_DIR_INVALID',
        `The watched folder must be an absolute path on the machine that runs the workers (got "${d}")`,
        { field: 'watchDir' },
      );
    return d;
  }

  function checkTerms(terms: string | undefined): string {
    const t = terms ?? '';
    pipelineTerms('the pipeline', t); // throws NAMES_LIST_INVALID with the line
    return t;
  }

  async function nameFree(actor: WorkspaceActor, name: string, except?: string): Promise<void> {
    const other = await store.findPipelineByName(db, actor.workspace.id, name);
    if (other && other.id !== except)
      throw new AppError('PIPELINE_NAME_TAKEN', `A pipeline named "${name}" exists already`, {
        field: 'name',
      });
  }

  /** Takes one file in: stores its bytes, then in one transaction the run, its stages, the hold on the file and its job. */
  async function takeIn(
    actor: WorkspaceActor,
    pipeline: Pipeline,
    file: IntakeFile,
    source: RunSource,
  ): Promise<IntakeOutcome> {
    try {
      const kind = inputKindOf(file.name);
      const blob = await deps.blobs.write(file.data);
      if (blob.size === 0)
        throw new AppError('FILE_EMPTY', `${file.name}: the file is empty`, { file: file.name });
      const now = nowIso(deps);
      const draft: Run = {
        id: deps.newId(),
        pipelineId: pipeline.id,
        source,
        fileName: file.name,
        sourcePath: file.sourcePath ?? null,
        inputSha256: blob.sha256,
        inputBytes: blob.size,
        inputKind: kind,
        status: 'queued',
        stage: null,
        error: null,
        jobId: null,
        revision: 1,
        outputs: {},
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
      };
      return await db.transaction().execute(async (trx) => {
        const { run, created } = await store.insertRun(trx, actor.workspace.id, draft);
        if (!created) return { file: file.name, run, created };
        await store.insertStages(trx, run.id, plannedStages(kind, pipeline.formId !== null));
        await deps.blobs.attach(trx, blob, {
          workspaceId: actor.workspace.id,
          owner: { kind: RUN_BLOBS, id: run.id },
          name: `input/${file.name}`,
        });
        const { job } = await deps.queue.enqueue(
          trx,
          pipelineRunJob,
          { runId: run.id, revision: 1 },
          { workspaceId: actor.workspace.id, createdBy: actor.userId, idempotencyKey: `run:${run.id}@1` },
        );
        await store.updateRun(trx, run.id, { jobId: job.id, updatedAt: now });
        return { file: file.name, run: { ...run, jobId: job.id }, created };
      });
    } catch (err) {
      if (!isAppError(err)) throw err;
      return { file: file.name, created: false, error: { code: err.code, message: err.message } };
    }
  }

  const service = {
    requirePipeline,
    requireRun,

    async create(actor: WorkspaceActor, input: PipelineInput): Promise<Pipeline> {
      const name = checkPipelineName(input.name);
      const task = await deps.ports.resolveTask(actor, input.task);
      const form = input.form ? await deps.ports.resolveForm(actor, input.form) : null;
      const now = nowIso(deps);
      const p: Pipeline = {
        id: deps.newId(),
        taskId: task.id,
        name,
        formId: form?.id ?? null,
        engine: checkEngine(input.engine),
        watchDir: checkWatchDir(input.watchDir),
        terms: checkTerms(input.terms),
        reviewRequired: input.reviewRequired !== false,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      await nameFree(actor, name);
      await store.insertPipeline(db, actor.workspace.id, p);
      return p;
    },

    async update(actor: WorkspaceActor, ref: string, patch: Partial<PipelineInput>): Promise<Pipeline> {
      const p = await requirePipeline(actor, ref);
      const next: Pipeline = { ...p, updatedAt: nowIso(deps) };
      if (patch.name !== undefined) {
        next.name = checkPipelineName(patch.name);
        await nameFree(actor, next.name, p.id);
      }
      if (patch.task !== undefined) next.taskId = (await deps.ports.resolveTask(actor, patch.task)).id;
      if (patch.form !== undefined)
        next.formId = patch.form === null ? null : (await deps.ports.resolveForm(actor, patch.form)).id;
      if (patch.engine !== undefined) next.engine = checkEngine(patch.engine);
      if (patch.watchDir !== undefined) next.watchDir = checkWatchDir(patch.watchDir);
      if (patch.terms !== undefined) next.terms = checkTerms(patch.terms);
      if (patch.reviewRequired !== undefined) next.reviewRequired = patch.reviewRequired;
      await store.updatePipeline(db, actor.workspace.id, next);
      return next;
    },

    /**
     * Deletes a pipeline with its runs, their stages, findings and review decisions, and its
     * pseudonym key (which is why the app asks first: what was handed off can no longer be
     * re-identified through it). The runs' files are let go in the same transaction (the sweep
     * removes them after the grace period); the drafts kept as saved syntheses stay, holding their
     * own copies. Runs still moving have their jobs cancelled afterwards: a handler that is mid-stage
     * finds its run gone and ends.
     */
    async remove(actor: WorkspaceActor, ref: string): Promise<{ runs: number }> {
      const p = await requirePipeline(actor, ref);
      const runs = await store.listRuns(db, actor.workspace.id, { pipelineId: p.id, limit: 1_000_000 });
      await db.transaction().execute(async (trx) => {
        for (const r of runs) {
          await deps.blobs.release(trx, RUN_BLOBS, r.id);
          await deps.blobs.release(trx, RUN_WORK_BLOBS, r.id);
        }
        await store.deletePipeline(trx, actor.workspace.id, p.id);
        await recordAudit(trx, deps, actor, {
          action: 'pipeline.delete',
          subjectType: 'pipeline',
          subjectId: p.id,
          details: { name: p.name, runs: runs.length },
        });
      });
      for (const r of runs) {
        if (!r.jobId || (r.status !== 'queued' && r.status !== 'running')) continue;
        await deps.queue.cancel(r.jobId).catch((err: unknown) => {
          // Finished meanwhile, or pruned: nothing left to stop.
          if (!isAppError(err)) throw err;
        });
      }
      return { runs: runs.length };
    },

    async list(actor: WorkspaceActor): Promise<(Pipeline & { runs: Record<RunStatus, number> })[]> {
      const [pipelines, counts] = await Promise.all([
        store.listPipelines(db, actor.workspace.id),
        store.runCounts(db, actor.workspace.id),
      ]);
      return pipelines.map((p) => {
        const runs: Record<RunStatus, number> = { queued: 0, running: 0, review: 0, succeeded: 0, failed: 0 };
        for (const c of counts) if (c.pipelineId === p.id) runs[c.status] += c.n;
        return { ...p, runs };
      });
    },

    /** Files in, one run each; a file that cannot be taken fails alone (its outcome says why). */
    async intake(
      actor: WorkspaceActor,
      pipelineRef: string,
      files: readonly IntakeFile[],
      source: RunSource,
    ): Promise<IntakeOutcome[]> {
      const pipeline = await requirePipeline(actor, pipelineRef);
      const out: IntakeOutcome[] = [];
      for (const f of files) out.push(await takeIn(actor, pipeline, f, source));
      return out;
    },

    async runs(
      actor: WorkspaceActor,
      filter: { pipeline?: string; status?: RunStatus; limit?: number } = {},
    ): Promise<(Run & { stages: StageRecord[] })[]> {
      const pipelineId = filter.pipeline ? (await requirePipeline(actor, filter.pipeline)).id : undefined;
      const runs = await store.listRuns(db, actor.workspace.id, {
        ...(pipelineId ? { pipelineId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.limit ? { limit: filter.limit } : {}),
      });
      const stages = await store.stagesOfRuns(
        db,
        runs.map((r) => r.id),
      );
      return runs.map((r) => ({ ...r, stages: stages.get(r.id) ?? [] }));
    },

    async run(
      actor: WorkspaceActor,
      id: string,
    ): Promise<{ run: Run; stages: StageRecord[]; pipeline: Pipeline }> {
      const run = await requireRun(actor, id);
      const [stages, pipeline] = await Promise.all([
        store.listStages(db, run.id),
        store.findPipeline(db, actor.workspace.id, run.pipelineId),
      ]);
      return { run, stages, pipeline: pipeline! };
    },

    /**
     * Retries a failed run from its failed stage: the stages that succeeded are kept, the failed one
     * runs again (its job is queued again, or a new one when the old was pruned).
     */
    async retry(actor: WorkspaceActor, id: string): Promise<Run> {
      const run = await requireRun(actor, id);
      if (run.status !== 'failed')
        throw new AppError(
          'RUN_NOT_RETRYABLE',
          `Run ${id} is ${run.status}; only a failed run can be retried`,
          {
            status: run.status,
          },
        );
      const now = nowIso(deps);
      const stages = await store.listStages(db, run.id);
      const failed = stages.filter((s) => s.state === 'failed' || s.state === 'running');
      const job = run.jobId ? await deps.queue.get(run.jobId) : undefined;
      await db.transaction().execute(async (trx) => {
        for (const s of failed)
          await store.updateStage(trx, run.id, s.stage, { state: 'pending', error: null });
        const after = runStatusOf(stages.map((s) => (failed.includes(s) ? { ...s, state: 'pending' } : s)));
        let jobId = run.jobId;
        if (!job || (job.status !== 'dead' && job.status !== 'cancelled')) {
          const { job: fresh } = await deps.queue.enqueue(
            trx,
            pipelineRunJob,
            { runId: run.id, revision: run.revision },
            {
              workspaceId: actor.workspace.id,
              createdBy: actor.userId,
              idempotencyKey: `run:${run.id}@${run.revision}:retry:${now}`,
            },
          );
          jobId = fresh.id;
        }
        await store.updateRun(trx, run.id, {
          status: after.status === 'running' ? 'queued' : after.status,
          stage: after.stage,
          error: null,
          jobId,
          finishedAt: null,
          updatedAt: now,
        });
      });
      // The dead job again, with fresh attempts: its finished steps are kept.
      if (job && (job.status === 'dead' || job.status === 'cancelled')) await deps.queue.retry(job.id);
      return requireRun(actor, id);
    },

    /** A file a run holds or made (input, transcript, redacted, deck, package), for download. */
    async output(
      actor: WorkspaceActor,
      runId: string,
      which: 'input' | 'transcript' | 'redacted' | 'deck' | 'package',
    ): Promise<{ name: string; bytes: Buffer }> {
      const run = await requireRun(actor, runId);
      const ref =
        which === 'input'
          ? { sha256: run.inputSha256, name: run.fileName }
          : which === 'transcript'
            ? run.outputs.transcript
            : which === 'redacted'
              ? run.outputs.redacted
              : which === 'deck'
                ? run.outputs.deck
                : run.outputs.package;
      if (!ref)
        throw new AppError('NOT_FOUND', `Run ${runId} has no ${which} yet (it is ${run.status})`, { which });
      return { name: ref.name, bytes: await deps.blobs.read(actor.workspace.id, ref.sha256) };
    },
  };
  return service;
}

export type PipelinesService = ReturnType<typeof createPipelinesService>;
