/**
 * Housekeeping: the recurring job that keeps the data directory and the jobs table from growing
 * without bound. It removes stored files nothing references any more (after a grace period, so a
 * file written by a transaction still in flight survives) and finished jobs older than the
 * retention period (their results have been read or are no longer wanted). Every process that runs
 * workers ensures one series; the queue's idempotency key keeps it to one across processes.
 */
import { z } from 'zod';
import type { Blobs, SweepResult } from '../blobs/index.ts';
import { defineJob, type JobQueue, type JobRegistry, labelJobKind } from '../jobs/index.ts';

export const housekeepingJob = defineJob({
  kind: 'platform.housekeeping',
  version: 1,
  payload: z.object({}),
  maxAttempts: 3,
  backoff: { baseMs: 60_000, maxMs: 15 * 60_000 },
  timeoutMs: 30 * 60_000,
});

export interface HousekeepingPolicy {
  /** Finished jobs (succeeded, dead, cancelled) older than this are deleted. */
  jobRetentionDays: number;
  /** Unreferenced files younger than this are kept (an upload may be about to attach them). */
  blobGraceHours: number;
  /** How often the recurring job runs. */
  everySeconds: number;
}

export const DEFAULT_HOUSEKEEPING: HousekeepingPolicy = {
  jobRetentionDays: 30,
  blobGraceHours: 24,
  everySeconds: 60 * 60,
};

export interface HousekeepingResult {
  blobs: SweepResult;
  jobsPruned: number;
}

const PRUNE_BATCH = 1000;

/** One pass: sweep orphaned files, then prune finished jobs in batches (short write transactions). */
export async function runHousekeeping(
  deps: { blobs: Blobs; queue: JobQueue; now: Date },
  policy: Pick<HousekeepingPolicy, 'jobRetentionDays' | 'blobGraceHours'>,
  signal?: AbortSignal,
): Promise<HousekeepingResult> {
  const blobsBefore = new Date(deps.now.getTime() - policy.blobGraceHours * 3_600_000);
  const jobsBefore = new Date(deps.now.getTime() - policy.jobRetentionDays * 86_400_000);
  const blobs = await deps.blobs.sweep(blobsBefore);
  let jobsPruned = 0;
  for (;;) {
    if (signal?.aborted) break;
    const n = await deps.queue.prune(jobsBefore, PRUNE_BATCH);
    jobsPruned += n;
    if (n < PRUNE_BATCH) break;
  }
  return { blobs, jobsPruned };
}

labelJobKind(housekeepingJob.kind, 'Housekeeping: remove unreferenced files and old finished jobs');

/** Registers the handler (every process that runs workers can run it). */
export function registerHousekeeping(
  registry: JobRegistry,
  deps: { blobs: Blobs; queue: JobQueue; now: () => Date },
  policy: HousekeepingPolicy,
): void {
  registry.handle(housekeepingJob, async (_payload, ctx) =>
    runHousekeeping({ blobs: deps.blobs, queue: deps.queue, now: deps.now() }, policy, ctx.signal),
  );
}

/** Makes sure the recurring series exists (idempotent across processes and restarts). */
export async function scheduleHousekeeping(queue: JobQueue, policy: HousekeepingPolicy): Promise<void> {
  await queue.ensureRecurring(
    housekeepingJob,
    {},
    { key: 'housekeeping', everySeconds: policy.everySeconds },
  );
}
