/**
 * The durable job queue: one interface, one table model, two adapters (queue.sqlite.ts,
 * queue.postgres.ts) that differ only in how a write transaction takes its lock and how workers are
 * woken. Every adapter passes queue.conformance.test.ts.
 *
 * Kept in one file: one class, SqlJobQueue, whose methods share the lease, fencing and wake-up
 * state; its statements are in jobs.store.ts, its dialects in the adapters, its worker in worker.ts
 * already.
 */
import { EventEmitter } from 'node:events';
import type { Clock } from '../clock.ts';
import type { Db, Dialect } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import type { IdGenerator } from '../ids.ts';
import {
  type AfterFailure,
  afterFailure,
  type BackoffPolicy,
  type ClaimedJob,
  DEFAULT_MAX_ATTEMPTS,
  describeError,
  type Job,
  type JobDefinition,
  type JobProgress,
  type JobWithPayload,
  nextRecurrence,
} from './job.ts';
import {
  type Claimable,
  type Executor,
  type JobFilter,
  type JobInsert,
  type JobPatch,
  type JobRow,
  jobsStore,
  storedKey,
  toClaimed,
  toJob,
  toJobWithPayload,
} from './jobs.store.ts';

export interface EnqueueOptions {
  /** The workspace the job belongs to; null for the platform's own maintenance jobs. */
  workspaceId: string | null;
  createdBy?: string | null;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Not before now + delayMs. */
  delayMs?: number;
  /**
   * A second enqueue with the same key (per workspace and kind) returns the first job instead of
   * adding one — for as long as that job is kept.
   */
  idempotencyKey?: string;
  /** After each run ends (succeeded or dead), the same job is queued again this much later. */
  repeatEverySeconds?: number;
  priority?: number;
  maxAttempts?: number;
}

export interface EnqueueResult {
  job: Job;
  /** false: a job with the same idempotency key was already there and is returned instead. */
  created: boolean;
}

export interface ClaimRequest {
  workerId: string;
  kinds: Claimable;
  leaseMs: number;
}

export interface FailOptions {
  /** Retrying cannot help (bad input): the job goes dead now. */
  permanent: boolean;
  backoff?: BackoffPolicy;
}

export interface JobQueue {
  readonly dialect: Dialect;
  /** Adds a job inside the caller's transaction (or on the database): it exists if and only if that commits. */
  enqueue<P>(tx: Executor, def: JobDefinition<P>, payload: P, opts: EnqueueOptions): Promise<EnqueueResult>;
  /** Queues a recurring job unless one of its series is waiting or running (started once per process). */
  ensureRecurring<P>(
    def: JobDefinition<P>,
    payload: P,
    opts: { key: string; everySeconds: number },
  ): Promise<EnqueueResult>;
  /** Takes the next due job of the given kinds under a lease, first putting back jobs whose lease expired. */
  claim(req: ClaimRequest): Promise<ClaimedJob | undefined>;
  /** Extends the lease; undefined when it was lost. Tells whether a cancel was requested. */
  heartbeat(job: ClaimedJob, leaseMs: number): Promise<{ cancelRequested: boolean } | undefined>;
  progress(job: ClaimedJob, p: JobProgress): Promise<boolean>;
  complete(job: ClaimedJob, result: unknown): Promise<boolean>;
  fail(job: ClaimedJob, error: unknown, opts: FailOptions): Promise<AfterFailure | undefined>;
  /** Hands a held job back untouched (graceful shutdown): it does not count as an attempt. */
  release(job: ClaimedJob): Promise<boolean>;
  step<T>(job: ClaimedJob, key: string, fn: () => Promise<T>): Promise<T>;
  transact<T>(job: ClaimedJob, key: string, fn: (trx: Executor) => Promise<T>): Promise<T>;
  get(id: string): Promise<JobWithPayload | undefined>;
  list(filter: JobFilter): Promise<Job[]>;
  steps(id: string): Promise<{ key: string; at: string }[]>;
  /** Cancels a queued job at once; a running one is asked to stop (its handler's signal aborts). */
  cancel(id: string): Promise<Job>;
  /** Queues a dead or cancelled job again with fresh attempts (its finished steps are kept), or runs a waiting one now. */
  retry(id: string): Promise<Job>;
  /** Deletes finished jobs last changed before `before`; returns how many. */
  prune(before: Date, limit?: number): Promise<number>;
  /** Called when a job may be ready (`job:<kind>`) or a running job was cancelled (`cancel:<id>`). */
  onWake(listener: (signal: string) => void): () => void;
  /** Starts listening for wake-ups from other processes (PostgreSQL). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** How a dialect runs a write transaction and wakes workers. */
export interface QueueAdapter {
  readonly dialect: Dialect;
  /** A transaction that holds the write lock from its first statement (SQLite: BEGIN IMMEDIATE). */
  write<T>(fn: (ex: Executor) => Promise<T>): Promise<T>;
  /**
   * One statement whose loss in a database crash is harmless — the job would just run again, and
   * what it committed is fenced and recorded by its steps: claims, heartbeats, progress, success.
   * PostgreSQL commits it without waiting for the WAL flush (synchronous_commit off: 7 → 2.5 ms a
   * commit here).
   */
  relaxed<T>(fn: (ex: Executor) => Promise<T>): Promise<T>;
  /** Announces `signal` to other processes' workers when `ex` commits (PostgreSQL NOTIFY). */
  notify(ex: Executor, signal: string): Promise<void>;
  listen(onSignal: (signal: string) => void): Promise<void>;
  close(): Promise<void>;
}

export interface QueueDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
}

const REAP_BATCH = 20;
/** Lost workers' jobs are looked for at most this often per queue (by the injected clock). */
const REAP_EVERY_MS = 1000;

export class SqlJobQueue implements JobQueue {
  readonly dialect: Dialect;
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #newId: IdGenerator;
  readonly #adapter: QueueAdapter;
  readonly #wake = new EventEmitter().setMaxListeners(0);
  #lastReap = Number.NEGATIVE_INFINITY;

  constructor(deps: QueueDeps, adapter: QueueAdapter) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#newId = deps.newId;
    this.#adapter = adapter;
    this.dialect = adapter.dialect;
  }

  #now(): { now: Date; iso: string } {
    const now = this.#clock.now();
    return { now, iso: now.toISOString() };
  }

  async enqueue<P>(
    tx: Executor,
    def: JobDefinition<P>,
    payload: P,
    opts: EnqueueOptions,
  ): Promise<EnqueueResult> {
    const parsed = def.payload.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(
        'JOB_PAYLOAD_INVALID',
        `Job ${def.kind}: ${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid payload'}`,
        { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
      );
    }
    if (opts.repeatEverySeconds !== undefined && !(opts.repeatEverySeconds >= 1))
      throw new AppError('VALIDATION_FAILED', `Job ${def.kind}: repeatEverySeconds must be at least 1`);
    const { now, iso } = this.#now();
    const runAt = opts.runAt ?? new Date(now.getTime() + (opts.delayMs ?? 0));
    const row: JobInsert & { idempotency_key: string | null } = {
      id: this.#newId(),
      workspace_id: opts.workspaceId,
      kind: def.kind,
      version: def.version,
      payload_json: JSON.stringify(parsed.data),
      status: 'queued',
      priority: opts.priority ?? def.priority ?? 0,
      attempts: 0,
      max_attempts: opts.maxAttempts ?? def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_at: runAt.toISOString(),
      idempotency_key:
        opts.idempotencyKey === undefined ? null : storedKey(opts.workspaceId, opts.idempotencyKey),
      repeat_every_seconds: opts.repeatEverySeconds ?? null,
      cancel_requested: 0,
      progress_json: null,
      last_error: null,
      result_json: null,
      lease_token: null,
      locked_by: null,
      locked_until: null,
      created_by: opts.createdBy ?? null,
      created_at: iso,
      updated_at: iso,
      started_at: null,
      finished_at: null,
    };
    const { row: stored, created } = await jobsStore.insert(tx, row);
    if (created) await this.#notify(tx, `job:${def.kind}`);
    return { job: toJob(stored), created };
  }

  async ensureRecurring<P>(
    def: JobDefinition<P>,
    payload: P,
    opts: { key: string; everySeconds: number },
  ): Promise<EnqueueResult> {
    return this.#adapter.write(async (ex) => {
      const active = await ex
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', def.kind)
        .where('workspace_id', 'is', null)
        .where('status', 'in', ['queued', 'running'])
        .where('idempotency_key', 'like', `${storedKey(null, opts.key)}@%`)
        .executeTakeFirst();
      if (active) return { job: toJob(active), created: false };
      // First run on the period's grid: two processes starting together pick the same key.
      const period = opts.everySeconds * 1000;
      const first = new Date(Math.ceil(this.#clock.now().getTime() / period) * period);
      return this.enqueue(ex, def, payload, {
        workspaceId: null,
        runAt: first,
        idempotencyKey: `${opts.key}@${first.toISOString()}`,
        repeatEverySeconds: opts.everySeconds,
      });
    });
  }

  async claim(req: ClaimRequest): Promise<ClaimedJob | undefined> {
    const { now, iso } = this.#now();
    const t = now.getTime();
    if (t - this.#lastReap >= REAP_EVERY_MS || t < this.#lastReap) {
      this.#lastReap = t;
      await this.#adapter.write((ex) => this.#reap(ex, now));
    }
    const row = await this.#adapter.relaxed((ex) =>
      jobsStore.claimNext(ex, this.dialect, req.kinds, {
        token: this.#newId(),
        workerId: req.workerId,
        now: iso,
        until: new Date(t + req.leaseMs).toISOString(),
      }),
    );
    return row ? toClaimed(row) : undefined;
  }

  /** Jobs whose worker vanished go back to the queue (or dead, out of attempts; or cancelled). */
  async #reap(ex: Executor, now: Date): Promise<void> {
    for (const r of await jobsStore.expired(ex, this.dialect, now.toISOString(), REAP_BATCH)) {
      const outcome = afterFailure({
        attempts: r.attempts,
        maxAttempts: r.max_attempts,
        cancelRequested: r.cancel_requested === 1,
        permanent: false,
        now,
        backoff: { baseMs: 0, maxMs: 0 },
      });
      const error = `The worker ${r.locked_by ?? '?'} stopped renewing its lease (expired ${r.locked_until}) during attempt ${r.attempts}`;
      await this.#settle(ex, r, outcome, now, { error });
    }
  }

  /** The fields that end an attempt: the new status, its error or result. */
  #outcome(
    outcome: AfterFailure | { status: 'succeeded' },
    now: Date,
    detail: { error?: string; result?: unknown },
  ): JobPatch {
    const iso = now.toISOString();
    const common = {
      locked_by: null,
      updated_at: iso,
      ...(detail.error !== undefined ? { last_error: detail.error } : {}),
    };
    if (outcome.status === 'queued') return { ...common, status: 'queued', run_at: outcome.runAt };
    return {
      ...common,
      status: outcome.status,
      finished_at: iso,
      ...(detail.result !== undefined ? { result_json: JSON.stringify(detail.result ?? null) } : {}),
    };
  }

  /** Ends an attempt of a row this transaction holds, and queues the next run of a recurring job. */
  async #settle(
    ex: Executor,
    row: JobRow,
    outcome: AfterFailure | { status: 'succeeded' },
    now: Date,
    detail: { error?: string; result?: unknown },
  ): Promise<void> {
    await jobsStore.settle(ex, row.id, this.#outcome(outcome, now, detail));
    if (outcome.status !== 'queued') await this.#successor(ex, row, outcome.status, now);
  }

  async #successor(ex: Executor, row: JobRow, status: string, now: Date): Promise<void> {
    if (row.repeat_every_seconds === null || status === 'cancelled') return;
    const iso = now.toISOString();
    const runAt = nextRecurrence(row.run_at, row.repeat_every_seconds, now);
    const series = row.idempotency_key?.replace(/@[^@]*$/, '');
    await jobsStore.insert(ex, {
      id: this.#newId(),
      workspace_id: row.workspace_id,
      kind: row.kind,
      version: row.version,
      payload_json: row.payload_json,
      status: 'queued',
      priority: row.priority,
      attempts: 0,
      max_attempts: row.max_attempts,
      run_at: runAt,
      idempotency_key: series ? `${series}@${runAt}` : null,
      repeat_every_seconds: row.repeat_every_seconds,
      cancel_requested: 0,
      progress_json: null,
      last_error: null,
      result_json: null,
      lease_token: null,
      locked_by: null,
      locked_until: null,
      created_by: row.created_by,
      created_at: iso,
      updated_at: iso,
      started_at: null,
      finished_at: null,
    });
  }

  async heartbeat(job: ClaimedJob, leaseMs: number): Promise<{ cancelRequested: boolean } | undefined> {
    const { now, iso } = this.#now();
    const row = await this.#adapter.relaxed((ex) =>
      jobsStore.fence(ex, job.id, job.leaseToken, {
        locked_until: new Date(now.getTime() + leaseMs).toISOString(),
        updated_at: iso,
      }),
    );
    return row ? { cancelRequested: row.cancel_requested === 1 } : undefined;
  }

  async progress(job: ClaimedJob, p: JobProgress): Promise<boolean> {
    const iso = this.#now().iso;
    const row = await this.#adapter.relaxed((ex) =>
      jobsStore.fence(ex, job.id, job.leaseToken, { progress_json: JSON.stringify(p), updated_at: iso }),
    );
    return row !== undefined;
  }

  async complete(job: ClaimedJob, result: unknown): Promise<boolean> {
    const now = this.#clock.now();
    const set = this.#outcome({ status: 'succeeded' }, now, { result: result ?? null });
    if (job.repeatEverySeconds === null) {
      // One fenced statement, no successor to queue.
      const row = await this.#adapter.relaxed((ex) =>
        jobsStore.settleFenced(ex, job.id, job.leaseToken, set),
      );
      return row !== undefined;
    }
    return this.#adapter.write(async (ex) => {
      const row = await jobsStore.settleFenced(ex, job.id, job.leaseToken, set);
      if (!row) return false;
      await this.#successor(ex, row, 'succeeded', now);
      return true;
    });
  }

  async fail(job: ClaimedJob, error: unknown, opts: FailOptions): Promise<AfterFailure | undefined> {
    const { now, iso } = this.#now();
    return this.#adapter.write(async (ex) => {
      const row = await jobsStore.fence(ex, job.id, job.leaseToken, { updated_at: iso });
      if (!row) return undefined;
      const outcome = afterFailure({
        attempts: row.attempts,
        maxAttempts: row.max_attempts,
        cancelRequested: row.cancel_requested === 1,
        permanent: opts.permanent,
        now,
        ...(opts.backoff ? { backoff: opts.backoff } : {}),
      });
      await this.#settle(ex, row, outcome, now, { error: describeError(error) });
      return outcome;
    });
  }

  async release(job: ClaimedJob): Promise<boolean> {
    const { iso } = this.#now();
    return this.#adapter.write(async (ex) => {
      const row = await jobsStore.fence(ex, job.id, job.leaseToken, { updated_at: iso });
      if (!row) return false;
      await jobsStore.settle(ex, row.id, {
        status: 'queued',
        attempts: Math.max(0, row.attempts - 1),
        run_at: iso,
        locked_by: null,
      });
      await this.#notify(ex, `job:${row.kind}`);
      return true;
    });
  }

  async step<T>(job: ClaimedJob, key: string, fn: () => Promise<T>): Promise<T> {
    const done = await jobsStore.findStep(this.#db.kysely, job.id, key);
    if (done) return JSON.parse(done.result_json) as T;
    const result = await fn();
    const { iso } = this.#now();
    await this.#adapter.write(async (ex) => {
      if (!(await jobsStore.fence(ex, job.id, job.leaseToken, { updated_at: iso }))) throw leaseLost(job);
      await jobsStore.insertStep(ex, job.id, key, JSON.stringify(result ?? null), iso);
    });
    return result;
  }

  async transact<T>(job: ClaimedJob, key: string, fn: (trx: Executor) => Promise<T>): Promise<T> {
    const { iso } = this.#now();
    return this.#adapter.write(async (ex) => {
      if (!(await jobsStore.fence(ex, job.id, job.leaseToken, { updated_at: iso }))) throw leaseLost(job);
      const done = await jobsStore.findStep(ex, job.id, key);
      if (done) return JSON.parse(done.result_json) as T;
      const result = await fn(ex);
      await jobsStore.insertStep(ex, job.id, key, JSON.stringify(result ?? null), iso);
      return result;
    });
  }

  async get(id: string): Promise<JobWithPayload | undefined> {
    const row = await jobsStore.find(this.#db.kysely, id);
    return row ? toJobWithPayload(row) : undefined;
  }

  async list(filter: JobFilter): Promise<Job[]> {
    return (await jobsStore.list(this.#db.kysely, filter)).map(toJob);
  }

  async steps(id: string): Promise<{ key: string; at: string }[]> {
    return (await jobsStore.listSteps(this.#db.kysely, id)).map((s) => ({ key: s.key, at: s.created_at }));
  }

  async cancel(id: string): Promise<Job> {
    const { iso } = this.#now();
    return this.#adapter.write(async (ex) => {
      const row = await jobsStore.find(ex, id);
      if (!row) throw notFound(id);
      if (row.status === 'queued') {
        const r = await jobsStore.transition(ex, id, ['queued'], {
          status: 'cancelled',
          cancel_requested: 1,
          finished_at: iso,
          updated_at: iso,
        });
        return toJob(r!);
      }
      if (row.status === 'running') {
        const r = await jobsStore.transition(ex, id, ['running'], { cancel_requested: 1, updated_at: iso });
        await this.#notify(ex, `cancel:${id}`);
        return toJob(r!);
      }
      throw new AppError('JOB_NOT_CANCELLABLE', `Job ${id} has already ${finishedVerb(row.status)}`, {
        status: row.status,
      });
    });
  }

  async retry(id: string): Promise<Job> {
    const { now, iso } = this.#now();
    return this.#adapter.write(async (ex) => {
      const row = await jobsStore.find(ex, id);
      if (!row) throw notFound(id);
      if (row.status === 'dead' || row.status === 'cancelled') {
        const r = await jobsStore.transition(ex, id, [row.status as 'dead' | 'cancelled'], {
          status: 'queued',
          attempts: 0,
          run_at: iso,
          cancel_requested: 0,
          finished_at: null,
          updated_at: iso,
        });
        await this.#notify(ex, `job:${row.kind}`);
        return toJob(r!);
      }
      if (row.status === 'queued' && row.run_at > now.toISOString()) {
        const r = await jobsStore.transition(ex, id, ['queued'], { run_at: iso, updated_at: iso });
        await this.#notify(ex, `job:${row.kind}`);
        return toJob(r!);
      }
      throw new AppError(
        'JOB_NOT_RETRYABLE',
        row.status === 'succeeded'
          ? `Job ${id} succeeded; enqueue a new one to run it again`
          : `Job ${id} is ${row.status === 'running' ? 'running' : 'already due'}; only dead, cancelled or waiting jobs can be retried`,
        { status: row.status },
      );
    });
  }

  async prune(before: Date, limit = 1000): Promise<number> {
    return this.#adapter.write((ex) => jobsStore.deleteFinished(ex, before.toISOString(), limit));
  }

  /** Tells workers: through the adapter (NOTIFY at commit), and this process's own at once. */
  async #notify(ex: Executor, signal: string): Promise<void> {
    await this.#adapter.notify(ex, signal);
    // After the current turn; on SQLite a woken worker's claim waits for the caller's transaction anyway.
    setImmediate(() => this.emit(signal));
  }

  onWake(listener: (signal: string) => void): () => void {
    this.#wake.on('wake', listener);
    return () => this.#wake.off('wake', listener);
  }

  /** In-process signals (SQLite, and this process's own on PostgreSQL before NOTIFY echoes them). */
  emit(signal: string): void {
    this.#wake.emit('wake', signal);
  }

  async start(): Promise<void> {
    await this.#adapter.listen((signal) => this.emit(signal));
  }

  async close(): Promise<void> {
    this.#wake.removeAllListeners();
    await this.#adapter.close();
  }
}

function notFound(id: string): AppError {
  return new AppError('JOB_NOT_FOUND', `No job ${id}`);
}

function leaseLost(job: ClaimedJob): AppError {
  return new AppError('JOB_LEASE_LOST', `Job ${job.id}: this worker no longer holds it`);
}

function finishedVerb(status: string): string {
  return status === 'succeeded' ? 'succeeded' : status === 'dead' ? 'failed for good' : 'been cancelled';
}
