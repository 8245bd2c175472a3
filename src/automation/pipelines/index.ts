/**
 * Intake pipelines (step 5): recordings and transcripts in, through probe → convert → transcribe →
 * store → redact → synthesise → hand-off, each stage a durable job step. See docs/architecture.md.
 */
import type { AccountsService } from '../../accounts/index.ts';
import type { InterviewsService } from '../../interviews/index.ts';
import type { InventoryService } from '../../inventory/index.ts';
import type { Blobs } from '../../platform/blobs/index.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { isAppError } from '../../platform/errors.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { ProceduresService } from '../../procedures/index.ts';
import type { RunToSave, SynthesesService } from '../../syntheses/index.ts';
import { FolderWatcher, type WatcherOptions } from './folder-watcher.ts';
import { createPipelinesService, type PipelinesPorts } from './pipelines.service.ts';
import { pipelinesStore } from './pipelines.store.ts';
import { createReviewService } from './review.service.ts';
import { pipelineRunHandler, type RunnerPorts } from './run-pipeline.ts';

export { FolderWatcher, type ScanReport } from './folder-watcher.ts';
export { type PipelineRunPayload, pipelineRunJob } from './pipeline.job.ts';
export * from './pipeline.ts';
export { pipelinesRoutes } from './pipelines.routes.ts';
export type { IntakeFile, IntakeOutcome, PipelineInput, PipelinesService } from './pipelines.service.ts';
export type { ReviewDecision, StoredFinding } from './pipelines.store.ts';
export type { ReviewService, ReviewView } from './review.service.ts';
export { isCandidate, isTemporaryName } from './settle.ts';

/** What a draft's stored results hold: what a saved synthesis keeps of a run. */
type DraftResults = Pick<RunToSave, 'form' | 'insights' | 'skipped'>;

/** The other features' services the pipelines use, adapted to what the pipelines need of them. */
export interface PipelineNeighbours {
  accounts: Pick<AccountsService, 'resolveWorkspace'>;
  inventory: Pick<InventoryService, 'resolveTask' | 'listMembers'>;
  procedures: Pick<ProceduresService, 'getForm' | 'briefForTask'>;
  interviews: Pick<InterviewsService, 'synthesize' | 'resolveForm'>;
  syntheses: Pick<SynthesesService, 'saveRun'>;
}

function ports(n: PipelineNeighbours, blobs: Blobs): PipelinesPorts & RunnerPorts {
  return {
    resolveTask: (actor, ref) => n.inventory.resolveTask(actor, ref),
    resolveForm: async (actor, ref) => {
      const f = await n.procedures.getForm(actor, ref);
      return { id: f.id, name: f.name };
    },
    workspace: (id) => n.accounts.resolveWorkspace(id),
    lists: async (actor) =>
      (await n.inventory.listMembers(actor)).map((m) => ({ name: m.name, kind: 'PERSON' as const })),
    synthesize: async (actor, input) => {
      const r = await n.interviews.synthesize(actor, {
        form: { ref: input.formId },
        files: input.files,
        title: input.title,
        anonymize: true,
        skipInvalid: true,
      });
      // The insights without their deck plan, as a saved synthesis keeps them (as the synthesis job
      // does), and the form's name: read here, since saveDraft runs inside a write transaction.
      const { deck: _deck, ...insights } = r.insights;
      const resolved = await n.interviews.resolveForm(actor, { ref: input.formId });
      const form = { name: resolved.name, ref: resolved.ref };
      return {
        fileName: r.deck.fileName,
        bytes: r.deck.bytes,
        interviews: r.report.interviews,
        skipped: r.skipped.map((s) => ({ file: s.file, reason: s.reason })),
        results: Buffer.from(JSON.stringify({ form, insights, skipped: r.skipped } satisfies DraftResults)),
      };
    },
    saveDraft: async (trx, actor, draft) => {
      const results = JSON.parse((await blobs.store.get(draft.results)).toString('utf8')) as DraftResults;
      return n.syntheses.saveRun(trx, {
        workspaceId: actor.workspace.id,
        userId: actor.userId,
        jobId: null,
        form: results.form,
        engagement: draft.engagement,
        taskId: draft.taskId,
        anonymized: true,
        files: draft.files.map((f) => ({ name: f.name, blob: { sha256: f.sha256, size: f.size } })),
        keepTranscripts: true,
        insights: results.insights,
        skipped: results.skipped,
      });
    },
    brief: async (actor, taskId) => {
      try {
        const b = await n.procedures.briefForTask(actor, taskId, { format: 'docx' });
        return { fileName: b.fileName, bytes: b.bytes };
      } catch (err) {
        if (isAppError(err) && err.code === 'PROCEDURE_NOT_FOUND') return null;
        throw err;
      }
    },
  };
}

export function createPipelines(
  deps: ServiceDeps & { queue: JobQueue; blobs: Blobs; whisperModel?: string | undefined },
  neighbours: PipelineNeighbours,
) {
  const p = ports(neighbours, deps.blobs);
  const base = { db: deps.db, clock: deps.clock, newId: deps.newId, queue: deps.queue, blobs: deps.blobs };
  const service = createPipelinesService({ ...base, ports: p });
  const review = createReviewService({ ...base, ports: p }, service);
  const handler = pipelineRunHandler({
    db: deps.db,
    clock: deps.clock,
    newId: deps.newId,
    blobs: deps.blobs,
    ports: p,
    ...(deps.whisperModel ? { whisperModel: deps.whisperModel } : {}),
  });
  const db = deps.db.kysely;
  /** A watcher over every pipeline's folder; the process that runs workers starts it. */
  const watcher = (opts: Omit<WatcherOptions, 'clock'> = {}) =>
    new FolderWatcher(
      {
        watched: () => pipelinesStore.watchedPipelines(db),
        seen: (pipelineId, f) => pipelinesStore.folderFileSeen(db, pipelineId, f),
        intake: async (workspaceId, pipelineId, file) => {
          const workspace = await p.workspace(workspaceId);
          const [outcome] = await service.intake({ workspace, userId: null }, pipelineId, [file], 'folder');
          return outcome!;
        },
        record: (pipelineId, f) =>
          pipelinesStore.recordFolderFile(db, pipelineId, { ...f, at: deps.clock.now().toISOString() }),
      },
      { ...opts, clock: deps.clock },
    );
  let running: FolderWatcher | undefined;
  return {
    service,
    review,
    handler,
    watcher,
    /** Starts the one watcher of this process (scanning at once: the rescan at start). */
    startWatching(opts: Omit<WatcherOptions, 'clock'> = {}): FolderWatcher {
      running ??= watcher(opts);
      running.start();
      return running;
    },
    async stopWatching(): Promise<void> {
      await running?.stop();
      running = undefined;
    },
  };
}

export type Pipelines = ReturnType<typeof createPipelines>;
