/**
 * The synthesis and `ask` on uploads as durable jobs. The request checks what it can at once (the form,
 * the metadata, that every transcript reads), stores the files as blobs held by the job, queues the job
 * in the same transaction and answers with it; a worker runs the synthesis (computeSynthesis) and
 * stores the deck and the results as blobs held by the job, then lets the uploaded transcripts go.
 * The page follows the job and fetches the results when it is done.
 */
import { z } from 'zod';
import type { WorkspaceActor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit/audit.store.ts';
import type { BlobInfo, Blobs } from '../platform/blobs/index.ts';
import type { ServiceDeps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import {
  defineJob,
  type Job,
  type JobContext,
  type JobQueue,
  type JobRegistry,
  jobView,
  labelJobKind,
} from '../platform/jobs/index.ts';
import type { JobOutT } from '../platform/jobs/jobs.schemas.ts';
import type { SynthesesService } from '../syntheses/index.ts';
import {
  type AskRequest,
  type AskRun,
  askAudit,
  type InterviewsService,
  type SynthesisRequest,
  type SynthesisRun,
  synthesisAudit,
} from './interviews.service.ts';
import { askOffThread, checkUploadsOffThread, synthesizeOffThread } from './off-thread.ts';

const StoredFile = z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const Meta = z.object({ file: z.string(), text: z.string() });

export const synthesisJob = defineJob({
  kind: 'interviews.synthesis',
  version: 1,
  payload: z.object({
    form: z.object({ yaml: z.string(), name: z.string(), ref: z.string().nullable() }),
    files: z.array(StoredFile).min(1),
    meta: Meta.optional(),
    title: z.string().optional(),
    anonymize: z.boolean(),
    skipInvalid: z.boolean(),
    /** Saved as a synthesis of this engagement (and task); absent in jobs queued before saving existed. */
    engagement: z.string().optional(),
    taskId: z.string().nullable().optional(),
    /** The firm's choice: keep the transcripts with the saved synthesis, or let them go. */
    keepTranscripts: z.boolean().optional(),
  }),
  // A synthesis is deterministic: a failure other than a lost worker repeats, so few attempts.
  maxAttempts: 3,
  backoff: { baseMs: 2000, maxMs: 60_000 },
  timeoutMs: 15 * 60_000,
});

export const askJob = defineJob({
  kind: 'interviews.ask',
  version: 1,
  payload: z.object({
    question: z.string(),
    files: z.array(StoredFile).min(1),
    meta: Meta.optional(),
    anonymize: z.boolean(),
    skipInvalid: z.boolean(),
    maxWords: z.number().int().optional(),
  }),
  maxAttempts: 3,
  backoff: { baseMs: 2000, maxMs: 60_000 },
  timeoutMs: 5 * 60_000,
});

labelJobKind(synthesisJob.kind, 'Interview synthesis');
labelJobKind(askJob.kind, 'Question across interviews');

/** Owners of a job's blobs: what it was given (let go when it succeeds) and what it made. */
const INPUT = 'job-input';
const OUTPUT = 'job-output';
const RESULTS = 'results.json';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** What a finished synthesis job keeps as its result (small: the bulk is in blobs). */
export interface SynthesisJobResult {
  deck: { sha256: string; size: number; fileName: string };
  results: { sha256: string; size: number };
  slides: number;
  skipped: number;
  seconds: number;
  /** The saved synthesis the run became (absent for jobs run before syntheses were saved). */
  synthesisId?: string;
}

/** The synthesis's answer without the deck's bytes (those are downloaded apart). */
export type SynthesisResults = Omit<SynthesisRun, 'deck'>;

interface Deps extends ServiceDeps {
  blobs: Blobs;
  queue: JobQueue;
  interviews: InterviewsService;
  syntheses: SynthesesService;
}

export function createInterviewJobs(deps: Deps) {
  const { blobs, queue, interviews } = deps;

  /** Stores the files and queues the job in one transaction: the job exists iff its files are held. */
  async function enqueueWithFiles<P>(
    actor: WorkspaceActor,
    files: { file: string; bytes: Uint8Array }[],
    build: (stored: { name: string; sha256: string }[]) => P,
    def: typeof synthesisJob | typeof askJob,
  ): Promise<Job> {
    const stored: { name: string; info: BlobInfo }[] = [];
    for (const f of files) stored.push({ name: f.file, info: await blobs.write(f.bytes) });
    const payload = build(stored.map((s) => ({ name: s.name, sha256: s.info.sha256 })));
    return deps.db.kysely.transaction().execute(async (trx) => {
      const { job } = await queue.enqueue(trx, def as never, payload as never, {
        workspaceId: actor.workspace.id,
        createdBy: actor.userId,
      });
      for (const s of stored)
        await blobs.attach(trx, s.info, {
          workspaceId: actor.workspace.id,
          owner: { kind: INPUT, id: job.id },
          name: s.name,
        });
      return job;
    });
  }

  async function readInputs(ctx: JobContext, files: { name: string; sha256: string }[]) {
    const ws = ctx.job.workspaceId!;
    const out = [];
    for (const f of files) out.push({ file: f.name, bytes: await blobs.read(ws, f.sha256) });
    return out;
  }

  /** A finished job of this kind in the actor's workspace, or JOB_NOT_FOUND. */
  async function ownJob(actor: WorkspaceActor, id: string, kind: string) {
    const job = await queue.get(id);
    if (!job || job.workspaceId !== actor.workspace.id || job.kind !== kind)
      throw new AppError(
        'JOB_NOT_FOUND',
        `No ${kind === askJob.kind ? 'question' : 'synthesis'} job ${id} in this workspace`,
      );
    return job;
  }

  return {
    /** Checks the request, stores its files and queues the synthesis; answers at once with the job. */
    async startSynthesis(actor: WorkspaceActor, req: SynthesisRequest): Promise<JobOutT> {
      const form = await interviews.resolveForm(actor, req.form);
      if (req.taskId) await deps.syntheses.checkTask(actor, req.taskId);
      // Unreadable files are reported now, all of them, as the in-request synthesis did.
      await checkUploadsOffThread({
        form: { yaml: form.yaml, name: form.name },
        ...(req.meta ? { meta: req.meta } : {}),
        files: req.files,
        skipInvalid: req.skipInvalid === true,
      });
      const job = await enqueueWithFiles(
        actor,
        req.files,
        (files) => ({
          form,
          files,
          ...(req.meta ? { meta: req.meta } : {}),
          ...(req.title ? { title: req.title } : {}),
          anonymize: req.anonymize === true,
          skipInvalid: req.skipInvalid === true,
          engagement: req.engagement?.trim() || req.title?.trim() || form.name,
          taskId: req.taskId ?? null,
          keepTranscripts: req.keepTranscripts === true,
        }),
        synthesisJob,
      );
      return jobView(job);
    },

    async startAsk(actor: WorkspaceActor, req: AskRequest): Promise<JobOutT> {
      await checkUploadsOffThread({
        ...(req.meta ? { meta: req.meta } : {}),
        files: req.files,
        skipInvalid: req.skipInvalid === true,
      });
      const job = await enqueueWithFiles(
        actor,
        req.files,
        (files) => ({
          question: req.question,
          files,
          ...(req.meta ? { meta: req.meta } : {}),
          anonymize: req.anonymize === true,
          skipInvalid: req.skipInvalid === true,
          ...(req.maxWords ? { maxWords: req.maxWords } : {}),
        }),
        askJob,
      );
      return jobView(job);
    },

    /** The job, and once it succeeded its results (without the deck's bytes). */
    async synthesisOutcome(
      actor: WorkspaceActor,
      id: string,
    ): Promise<{
      job: JobOutT;
      result: (SynthesisResults & { deck: { fileName: string; bytes: number } }) | null;
      synthesisId: string | null;
    }> {
      const job = await ownJob(actor, id, synthesisJob.kind);
      if (job.status !== 'succeeded') return { job: jobView(job), result: null, synthesisId: null };
      const r = job.result as SynthesisJobResult;
      const results = JSON.parse(
        (await blobs.read(actor.workspace.id, r.results.sha256)).toString('utf8'),
      ) as SynthesisResults;
      return {
        job: jobView(job),
        result: { ...results, deck: { fileName: r.deck.fileName, bytes: r.deck.size } },
        synthesisId: r.synthesisId ?? null,
      };
    },

    async synthesisDeck(actor: WorkspaceActor, id: string): Promise<{ fileName: string; bytes: Buffer }> {
      const job = await ownJob(actor, id, synthesisJob.kind);
      if (job.status !== 'succeeded')
        throw new AppError('JOB_NOT_FOUND', `Synthesis job ${id} has no deck yet (it is ${job.status})`);
      const r = job.result as SynthesisJobResult;
      return { fileName: r.deck.fileName, bytes: await blobs.read(actor.workspace.id, r.deck.sha256) };
    },

    async askOutcome(actor: WorkspaceActor, id: string): Promise<{ job: JobOutT; result: AskRun | null }> {
      const job = await ownJob(actor, id, askJob.kind);
      return { job: jobView(job), result: job.status === 'succeeded' ? (job.result as AskRun) : null };
    },

    /** The handlers, for the composition root to register with the worker's registry. */
    register(registry: JobRegistry): void {
      registry.handle(synthesisJob, async (p, ctx) => {
        const ws = ctx.job.workspaceId;
        if (!ws) throw new AppError('JOB_PAYLOAD_INVALID', 'A synthesis job belongs to a workspace');
        const total = 3;
        await ctx.progress({ done: 0, total, message: 'Reading the transcripts' });
        // Computed and written as content-addressed blobs: a repeat after a crash writes the same files.
        const out = await ctx.step('synthesis', async (): Promise<SynthesisJobResult> => {
          const files = await readInputs(ctx, p.files);
          await ctx.progress({ done: 1, total, message: `Synthesizing ${files.length} interviews` });
          const run = await synthesizeOffThread(
            {
              form: p.form,
              files,
              ...(p.meta ? { meta: p.meta } : {}),
              ...(p.title ? { title: p.title } : {}),
              anonymize: p.anonymize,
              skipInvalid: p.skipInvalid,
              now: deps.clock.now(),
            },
            ctx.signal,
          );
          ctx.signal.throwIfAborted();
          const { deck, ...results } = run;
          const deckBlob = await blobs.write(deck.bytes);
          const resultsBlob = await blobs.write(Buffer.from(JSON.stringify(results)));
          return {
            deck: { ...deckBlob, fileName: deck.fileName },
            results: resultsBlob,
            slides: run.report.slideCount,
            skipped: run.skipped.length,
            seconds: run.seconds,
          };
        });
        await ctx.progress({ done: 2, total, message: 'Saving the deck' });
        // Saved as a synthesis (jobs queued before saving existed have no engagement, and are not saved).
        const save =
          p.engagement === undefined
            ? null
            : {
                // The job's own output, not attached yet: read from the store (checked against its name).
                results: JSON.parse(
                  (await blobs.store.get(out.results.sha256)).toString('utf8'),
                ) as SynthesisResults,
                files: await Promise.all(
                  p.files.map(async (f) => ({
                    name: f.name,
                    blob: { sha256: f.sha256, size: (await blobs.store.stat(f.sha256))?.size ?? 0 },
                  })),
                ),
              };
        // Exactly once: the outputs are held, the uploads let go, the run audited (and saved).
        let synthesisId: string | undefined;
        await ctx.transact('store', async (trx) => {
          const owner = { kind: OUTPUT, id: ctx.job.id };
          await blobs.attach(trx, out.deck, {
            workspaceId: ws,
            owner,
            name: out.deck.fileName,
            mediaType: PPTX,
          });
          await blobs.attach(trx, out.results, {
            workspaceId: ws,
            owner,
            name: RESULTS,
            mediaType: 'application/json',
          });
          if (save) {
            const { deck: _deck, ...insights } = save.results.insights;
            synthesisId = await deps.syntheses.saveRun(trx, {
              workspaceId: ws,
              userId: ctx.job.createdBy,
              jobId: ctx.job.id,
              form: { name: p.form.name, ref: p.form.ref },
              engagement: p.engagement!,
              taskId: p.taskId ?? null,
              anonymized: p.anonymize,
              files: save.files,
              keepTranscripts: p.keepTranscripts === true,
              insights,
              skipped: save.results.skipped,
            });
          }
          await blobs.release(trx, INPUT, ctx.job.id);
          await recordAudit(
            trx,
            deps,
            { workspace: { id: ws }, userId: ctx.job.createdBy },
            synthesisAudit(p.form, p, { skipped: out.skipped, slides: out.slides }),
          );
        });
        synthesisId ??= (await deps.syntheses.idOfJob(ctx.job.id)) ?? undefined;
        await ctx.progress({ done: total, total, message: 'Done' });
        return synthesisId ? { ...out, synthesisId } : out;
      });

      registry.handle(askJob, async (p, ctx) => {
        const ws = ctx.job.workspaceId;
        if (!ws) throw new AppError('JOB_PAYLOAD_INVALID', 'A question job belongs to a workspace');
        await ctx.progress({ done: 0, total: 1, message: 'Reading the transcripts' });
        const files = await readInputs(ctx, p.files);
        const run = await askOffThread(
          {
            question: p.question,
            files,
            ...(p.meta ? { meta: p.meta } : {}),
            anonymize: p.anonymize,
            skipInvalid: p.skipInvalid,
            ...(p.maxWords ? { maxWords: p.maxWords } : {}),
          },
          ctx.signal,
        );
        await ctx.transact('store', async (trx) => {
          await blobs.release(trx, INPUT, ctx.job.id);
          await recordAudit(trx, deps, { workspace: { id: ws }, userId: ctx.job.createdBy }, askAudit(p));
        });
        await ctx.progress({ done: 1, total: 1, message: 'Done' });
        return run;
      });
    },
  };
}

export type InterviewJobs = ReturnType<typeof createInterviewJobs>;
