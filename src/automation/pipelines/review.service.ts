/**
 * The redaction review before hand-off: staff see every finding (recogniser, score, what was done),
 * accept or reject it, or add a term the recognisers missed. Decisions are kept per run; applying
 * them redacts the transcript again (a new revision: redact, synthesise and hand-off run again), and
 * approving lets the hand-off be built from the reviewed result. The pseudonyms (the key) stay here.
 */
import type { WorkspaceActor } from '../../platform/actor.ts';
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { pipelineRunJob } from './pipeline.job.ts';
import { AFTER_REVIEW, type Run, type StageRecord } from './pipeline.ts';
import type { PipelinesDeps, PipelinesService } from './pipelines.service.ts';
import { type ReviewDecision, type StoredFinding, pipelinesStore as store } from './pipelines.store.ts';

export interface ReviewView {
  run: Run;
  findings: StoredFinding[];
  decisions: ReviewDecision[];
  /** Decisions made since the transcript was last redacted: applying or approving redacts again. */
  unapplied: boolean;
  /** The redacted transcript as it stands. */
  redactedText: string | null;
}

const KINDS = ['PERSON', 'CLIENT', 'ORG', 'TERM', 'PLACE', 'EMAIL', 'PHONE', 'IBAN', 'CARD'];

export function createReviewService(deps: PipelinesDeps, pipelines: PipelinesService) {
  const db = deps.db.kysely;

  function reviewable(run: Run): void {
    if (run.status !== 'review' && run.status !== 'succeeded')
      throw new AppError(
        'REVIEW_NOT_OPEN',
        `Run ${run.id} is ${run.status}: its redaction can be reviewed once redacted (status review or succeeded)`,
        { status: run.status },
      );
  }

  /** Starts a job for the run (its revision now), the stages after redaction set to run again. */
  async function requeue(
    actor: WorkspaceActor,
    run: Run,
    stages: StageRecord[],
    next: { revision: number; reset: readonly string[]; outputs: Run['outputs']; key: string },
  ): Promise<void> {
    const now = nowIso(deps);
    await db.transaction().execute(async (trx) => {
      for (const s of stages)
        if (next.reset.includes(s.stage) && s.state !== 'skipped')
          await store.updateStage(trx, run.id, s.stage, { state: 'pending', error: null });
      const { job } = await deps.queue.enqueue(
        trx,
        pipelineRunJob,
        { runId: run.id, revision: next.revision },
        { workspaceId: actor.workspace.id, createdBy: actor.userId, idempotencyKey: next.key },
      );
      await store.updateRun(trx, run.id, {
        status: 'queued',
        stage: null,
        error: null,
        revision: next.revision,
        outputs: next.outputs,
        jobId: job.id,
        finishedAt: null,
        updatedAt: now,
      });
    });
  }

  return {
    async view(actor: WorkspaceActor, runId: string): Promise<ReviewView> {
      const run = await pipelines.requireRun(actor, runId);
      const [findings, decisions] = await Promise.all([
        store.listFindings(db, run.id),
        store.listDecisions(db, run.id),
      ]);
      const redacted = run.outputs.redacted;
      const redactedText = redacted
        ? (await deps.blobs.read(actor.workspace.id, redacted.sha256)).toString('utf8')
        : null;
      return { run, findings, decisions, unapplied: run.outputs.reviewDirty === true, redactedText };
    },

    /** Redact this text too (accept, add) or keep it (reject); a later decision on a text replaces the earlier. */
    async decide(
      actor: WorkspaceActor,
      runId: string,
      input: { text: string; kind?: string; action: 'redact' | 'keep' },
    ): Promise<ReviewDecision> {
      const run = await pipelines.requireRun(actor, runId);
      reviewable(run);
      const text = input.text.trim();
      if (text.replace(/[^\p{L}\p{N}]/gu, '').length < 2 || text.length > 200)
        throw new AppError(
          'VALIDATION_FAILED',
          `"${text}": a term must have 2 to 200 characters, letters or digits among them`,
          {
            field: 'text',
          },
        );
      const kind = (input.kind ?? 'TERM').toUpperCase();
      if (!KINDS.includes(kind))
        throw new AppError(
          'VALIDATION_FAILED',
          `kind must be one of ${KINDS.join(', ')} (got "${input.kind}")`,
          {
            field: 'kind',
          },
        );
      const d: ReviewDecision = {
        id: deps.newId(),
        text,
        kind,
        action: input.action,
        createdBy: actor.userId,
        createdAt: nowIso(deps),
      };
      await db.transaction().execute(async (trx) => {
        await store.upsertDecision(trx, actor.workspace.id, run.id, d);
        await store.updateRun(trx, run.id, {
          outputs: { ...run.outputs, reviewDirty: true },
          updatedAt: d.createdAt,
        });
      });
      return (await store.listDecisions(db, run.id)).find((x) => x.text === text)!;
    },

    async undo(actor: WorkspaceActor, runId: string, decisionId: string): Promise<void> {
      const run = await pipelines.requireRun(actor, runId);
      reviewable(run);
      await db.transaction().execute(async (trx) => {
        if (!(await store.deleteDecision(trx, run.id, decisionId)))
          throw new AppError('NOT_FOUND', `Run ${runId} has no review decision ${decisionId}`);
        await store.updateRun(trx, run.id, {
          outputs: { ...run.outputs, reviewDirty: true },
          updatedAt: nowIso(deps),
        });
      });
    },

    /** Redacts again with the decisions (a new revision); the run comes back to review. */
    async apply(actor: WorkspaceActor, runId: string): Promise<Run> {
      const run = await pipelines.requireRun(actor, runId);
      reviewable(run);
      const stages = await store.listStages(db, run.id);
      const { review: _review, reviewDirty: _dirty, ...outputs } = run.outputs;
      await requeue(actor, run, stages, {
        revision: run.revision + 1,
        reset: AFTER_REVIEW,
        outputs,
        key: `run:${run.id}@${run.revision + 1}`,
      });
      return pipelines.requireRun(actor, runId);
    },

    /**
     * Approves the redaction for hand-off. Decisions not yet applied are applied first (the hand-off
     * then comes from the redaction they produce, without stopping for review again).
     */
    async approve(actor: WorkspaceActor, runId: string): Promise<Run> {
      const run = await pipelines.requireRun(actor, runId);
      if (run.status !== 'review')
        throw new AppError('REVIEW_NOT_OPEN', `Run ${runId} is ${run.status}, not waiting for review`, {
          status: run.status,
        });
      const stages = await store.listStages(db, run.id);
      const dirty = run.outputs.reviewDirty === true;
      const revision = dirty ? run.revision + 1 : run.revision;
      const { reviewDirty: _dirty, ...outputs } = run.outputs;
      await requeue(actor, run, stages, {
        revision,
        reset: dirty ? AFTER_REVIEW : ['handoff'],
        outputs: { ...outputs, review: { approvedRevision: revision, by: actor.userId, at: nowIso(deps) } },
        key: `run:${run.id}@${revision}:approved`,
      });
      return pipelines.requireRun(actor, runId);
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
