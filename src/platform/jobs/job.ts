/**
 * Durable jobs, the pure part: what a job is, how a definition is declared (kind, version, zod payload),
 * and the rules that decide what happens after an attempt. No db, no timers: time is passed in.
 */
import type { z } from 'zod';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'dead', 'cancelled'] as const;
/**
 * queued: waiting for run_at (a failed attempt waits here for its backoff); running: leased by a worker;
 * succeeded; dead: out of attempts or failed for good, keeping the last error (the dead-letter state);
 * cancelled.
 */
export type JobStatus = (typeof JOB_STATUSES)[number];
export const FINISHED: readonly JobStatus[] = ['succeeded', 'dead', 'cancelled'];

/** What a handler reports while it runs: `done` of `total` units, and what it is doing. */
export interface JobProgress {
  done: number;
  total: number;
  message?: string;
}

export interface Job {
  id: string;
  /** null for the platform's own jobs (maintenance), which belong to no workspace. */
  workspaceId: string | null;
  kind: string;
  version: number;
  status: JobStatus;
  priority: number;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  idempotencyKey: string | null;
  repeatEverySeconds: number | null;
  cancelRequested: boolean;
  progress: JobProgress | null;
  lastError: string | null;
  result: unknown;
  lockedBy: string | null;
  lockedUntil: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobWithPayload extends Job {
  payload: unknown;
}

/** A job a worker holds: its lease token fences every write the worker makes for it. */
export interface ClaimedJob extends JobWithPayload {
  leaseToken: string;
}

/**
 * A versioned job type: the kind and version stored with each job, and the zod schema of its payload.
 * A worker claims only versions it knows (`version` and older): during a rolling upgrade an old
 * worker leaves a newer job to a newer worker. `upgrade` turns an older stored payload into the
 * current shape before it is parsed.
 */
export interface JobDefinition<P = unknown> {
  kind: string;
  version: number;
  payload: z.ZodType<P>;
  /** Attempts before the job goes dead (default 5). A lost worker counts as an attempt. */
  maxAttempts?: number;
  /** Backoff of retries: base delay doubled per attempt, capped (defaults 10 s and 1 h). */
  backoff?: BackoffPolicy;
  /** The handler is aborted (signal) after this long; the attempt fails. */
  timeoutMs?: number;
  /** Higher runs first (default 0). */
  priority?: number;
  upgrade?: (fromVersion: number, payload: unknown) => unknown;
}

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/.test(def.kind))
    throw new Error(`Job kind "${def.kind}" must be dotted lower-case words, e.g. interviews.synthesis`);
  if (!Number.isInteger(def.version) || def.version < 1)
    throw new Error(`Job ${def.kind}: version must be a positive integer`);
  return def;
}

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 10_000, maxMs: 3_600_000 };
export const DEFAULT_MAX_ATTEMPTS = 5;

/** Delay before the next attempt after `attempts` failed ones: base·2^(attempts−1), capped. */
export function backoffMs(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(1, attempts);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(n - 1, 40));
}

export type AfterFailure = { status: 'queued'; runAt: string } | { status: 'dead' } | { status: 'cancelled' };

/**
 * What a failed attempt leads to. A cancel request wins; an error that retrying cannot fix
 * (`permanent`: bad input) or the last attempt goes dead; anything else waits its backoff.
 */
export function afterFailure(input: {
  attempts: number;
  maxAttempts: number;
  cancelRequested: boolean;
  permanent: boolean;
  now: Date;
  backoff?: BackoffPolicy;
}): AfterFailure {
  if (input.cancelRequested) return { status: 'cancelled' };
  if (input.permanent || input.attempts >= input.maxAttempts) return { status: 'dead' };
  return {
    status: 'queued',
    runAt: new Date(input.now.getTime() + backoffMs(input.attempts, input.backoff)).toISOString(),
  };
}

/** When the next run of a recurring job is due: one period after the last was due, never in the past. */
export function nextRecurrence(lastRunAt: string, everySeconds: number, now: Date): string {
  const period = everySeconds * 1000;
  let next = new Date(lastRunAt).getTime() + period;
  if (next <= now.getTime()) next += Math.ceil((now.getTime() - next + 1) / period) * period;
  return new Date(next).toISOString();
}

/** An error message as stored: the message and, for the curious, the first frames of the stack. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    const head = typeof code === 'string' ? `${code}: ${err.message}` : err.message;
    const frames = (err.stack ?? '').split('\n').slice(1, 6).join('\n');
    return (frames ? `${head}\n${frames}` : head).slice(0, 4000);
  }
  return String(err).slice(0, 4000);
}
