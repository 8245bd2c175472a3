/**
 * The handler of `automation.pipeline-run`: one run carried through its stages. Each stage is a
 * durable step: its slow work (`ctx.step`) runs outside any transaction and makes only
 * content-addressed files, so a repeat is harmless; its results are committed with the stage's
 * record in one fenced transaction (`ctx.transact`), exactly once. A retried job skips the stages
 * that succeeded. An error a retry cannot fix (bad input) fails the run at once with its reason;
 * anything else is retried with backoff, then fails the run.
 */

import type { WorkspaceActor } from '../../platform/actor.ts';
import { nowIso } from '../../platform/deps.ts';
import { httpStatusFor, isAppError } from '../../platform/errors.ts';
import type { JobContext } from '../../platform/jobs/index.ts';
import { type PipelineRunPayload, pipelineRunJob } from './pipeline.job.ts';
import { appendLog, type Run, STAGE_LABELS, type StageRecord } from './pipeline.ts';
import { pipelinesStore as store } from './pipelines.store.ts';
import type { RunnerDeps } from './runner-deps.ts';
import { type StageWork, stageWork, type WorkContext } from './stages.ts';

export type { RunnerDeps, RunnerPorts } from './runner-deps.ts';

function permanent(err: unknown): boolean {
  return isAppError(err) && httpStatusFor(err.code) < 500 && !err.code.startsWith('JOB_');
}

function describe(err: unknown): { code: string; message: string } {
  if (isAppError(err)) return { code: err.code, message: err.message };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

export function pipelineRunHandler(deps: RunnerDeps) {
  const db = deps.db.kysely;
  const maxAttempts = pipelineRunJob.maxAttempts ?? 3;

  return async (payload: PipelineRunPayload, ctx: JobContext) => {
    const run = await store.findRun(db, null, payload.runId);
    if (!run) return { outcome: 'gone' };
    if (run.revision !== payload.revision) return { outcome: 'superseded', revision: run.revision };
    const wsId = (await store.runWorkspace(db, run.id))!;
    const pipeline = (await store.findPipeline(db, wsId, run.pipelineId))!;
    const actor: WorkspaceActor = { workspace: await deps.ports.workspace(wsId), userId: run.createdBy };
    const rev = run.revision;
    const runId = run.id;
    const stages = await store.listStages(db, run.id);
    const todo = stages.filter((s) => s.state !== 'skipped');

    for (const [k, rec] of todo.entries()) {
      if (rec.state === 'succeeded') continue;
      const current = (await store.findRun(db, wsId, run.id))!;
      if (
        rec.stage === 'handoff' &&
        pipeline.reviewRequired &&
        current.outputs.review?.approvedRevision !== rev
      ) {
        await ctx.transact(`wait:handoff@${rev}`, async (trx) => {
          await store.updateStage(trx, run.id, 'handoff', {
            state: 'waiting',
            log: appendLog(rec.log, 'waiting for the redaction review', nowIso(deps)),
          });
          await store.updateRun(trx, run.id, { status: 'review', stage: 'handoff', updatedAt: nowIso(deps) });
        });
        return { outcome: 'review' };
      }
      await ctx.progress({ done: k, total: todo.length, message: STAGE_LABELS[rec.stage] });
      await runStage(rec, current, k, todo.length);
    }
    await ctx.transact(`finish@${rev}`, async (trx) => {
      const now = nowIso(deps);
      await store.updateRun(trx, run.id, {
        status: 'succeeded',
        stage: null,
        error: null,
        finishedAt: now,
        updatedAt: now,
      });
    });
    await ctx.progress({ done: todo.length, total: todo.length, message: 'done' });
    return { outcome: 'succeeded' };

    async function runStage(rec: StageRecord, current: Run, k: number, total: number): Promise<void> {
      const stage = rec.stage;
      const attempt = ctx.job.attempt;
      // The stage's own count keys its records: unique across job attempts and across retries (which
      // start the job's count again).
      const tryNo = rec.attempts + 1;
      const startedAt = deps.clock.now();
      let log = rec.log;
      await ctx.transact(`start:${stage}@${rev}#${tryNo}`, async (trx) => {
        log = appendLog(log, `attempt ${tryNo} started`, startedAt.toISOString());
        await store.updateStage(trx, runId, stage, {
          state: 'running',
          attempts: tryNo,
          startedAt: startedAt.toISOString(),
          finishedAt: null,
          durationMs: null,
          error: null,
          log,
        });
        await store.updateRun(trx, runId, { status: 'running', stage, error: null, updatedAt: nowIso(deps) });
      });
      const lines: string[] = [];
      const work: WorkContext = {
        run: current,
        pipeline,
        actor,
        deps,
        signal: ctx.signal,
        log: (line) => lines.push(line),
        progress: (fraction) =>
          void ctx
            .progress({ done: k + Math.min(1, Math.max(0, fraction)), total, message: STAGE_LABELS[stage] })
            .catch(() => undefined),
      };
      const impl: StageWork = stageWork[stage];
      try {
        const out = await ctx.step(`work:${stage}@${rev}`, () => impl.work(work));
        await ctx.transact(`done:${stage}@${rev}`, async (trx) => {
          const now = deps.clock.now();
          const fresh = (await store.findRun(trx, wsId, runId))!;
          const committed = await impl.commit(trx, { ...work, run: fresh }, out);
          for (const l of committed.log ?? []) lines.push(l);
          for (const l of lines) log = appendLog(log, l, now.toISOString());
          log = appendLog(
            log,
            `done in ${((now.getTime() - startedAt.getTime()) / 1000).toFixed(1)} s`,
            now.toISOString(),
          );
          await store.updateStage(trx, runId, stage, {
            state: 'succeeded',
            finishedAt: now.toISOString(),
            durationMs: now.getTime() - startedAt.getTime(),
            log,
            output: committed.summary,
          });
          await store.updateRun(trx, runId, {
            outputs: { ...fresh.outputs, ...committed.outputs },
            updatedAt: now.toISOString(),
          });
        });
      } catch (err) {
        const final = permanent(err) || attempt >= maxAttempts;
        const now = deps.clock.now();
        const error = describe(err);
        for (const l of lines) log = appendLog(log, l, now.toISOString());
        log = appendLog(
          log,
          `failed: ${error.message}${final ? '' : ` (attempt ${attempt} of ${maxAttempts}; retried after a pause)`}`,
          now.toISOString(),
        );
        await ctx
          .transact(`fail:${stage}@${rev}#${tryNo}`, async (trx) => {
            await store.updateStage(trx, runId, stage, {
              state: final ? 'failed' : 'pending',
              finishedAt: now.toISOString(),
              durationMs: now.getTime() - startedAt.getTime(),
              log,
              error,
            });
            await store.updateRun(trx, runId, {
              status: final ? 'failed' : 'queued',
              stage,
              error: final ? error : null,
              updatedAt: now.toISOString(),
              ...(final ? { finishedAt: now.toISOString() } : {}),
            });
          })
          .catch(() => undefined); // the lease was lost: whoever holds the job now records its own outcome
        throw err;
      }
    }
  };
}
