/** How a job is shown to people (the API, the CLI): labels, the error's message, what can be done now. */
import type { Job } from './job.ts';
import type { JobDetailOutT, JobOutT } from './jobs.schemas.ts';

/** Words for the kinds features register (a kind not listed shows as itself). */
const LABELS = new Map<string, string>();

export function labelJobKind(kind: string, label: string): void {
  LABELS.set(kind, label);
}

export function jobView(job: Job): JobOutT {
  return {
    id: job.id,
    kind: job.kind,
    label: LABELS.get(job.kind) ?? job.kind,
    status: job.status,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    progress: job.progress,
    lastError: job.lastError === null ? null : (job.lastError.split('\n')[0] ?? ''),
    cancelRequested: job.cancelRequested,
    lockedBy: job.lockedBy,
    createdBy: job.createdBy,
    runAt: job.runAt,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    canRetry: job.status === 'dead' || job.status === 'cancelled',
    canCancel: (job.status === 'queued' || job.status === 'running') && !job.cancelRequested,
  };
}

export function jobDetailView(job: Job, steps: { key: string; at: string }[]): JobDetailOutT {
  return { ...jobView(job), lastErrorFull: job.lastError, result: job.result, steps };
}
