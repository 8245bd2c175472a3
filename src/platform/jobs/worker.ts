/**
 * The worker: claims jobs of the kinds its registry knows, runs each handler under a lease it renews
 * (heartbeat), aborts the handler's signal on cancel, timeout, lost lease or shutdown, and records
 * the outcome. Runs inside `npm start` (SQLite, the embedded default) or as `outtask worker`.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { AppError, httpStatusFor, isAppError } from '../errors.ts';
import type { ClaimedJob } from './job.ts';
import type { JobQueue } from './queue.ts';
import { type JobContext, type JobRegistry, parseStoredPayload } from './registry.ts';

export type JobLog = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields?: Record<string, unknown>,
) => void;

export interface WorkerOptions {
  /** Shown on the jobs it holds (locked_by). Default: host:pid:random. */
  id?: string;
  /** Jobs run at the same time by this worker (default 1). */
  concurrency?: number;
  /** A held job is given up by the others after this long without a heartbeat (default 30 s). */
  leaseMs?: number;
  /** How often the lease is renewed (default a third of the lease). */
  heartbeatMs?: number;
  /** How often to look for due jobs when no wake-up came (default 1 s). */
  pollMs?: number;
  log?: JobLog;
}

const quiet: JobLog = () => undefined;

/** Errors that retrying cannot fix: bad input (a 4xx AppError). */
export function isPermanent(err: unknown): boolean {
  if (!isAppError(err)) return false;
  if (err.code === 'JOB_CANCELLED' || err.code === 'JOB_LEASE_LOST' || err.code === 'JOB_TIMED_OUT')
    return false;
  return httpStatusFor(err.code) < 500;
}

type StopReason = 'cancel' | 'timeout' | 'lost' | 'shutdown';

export class JobWorker {
  readonly id: string;
  readonly #queue: JobQueue;
  readonly #registry: JobRegistry;
  readonly #concurrency: number;
  readonly #leaseMs: number;
  readonly #heartbeatMs: number;
  readonly #pollMs: number;
  readonly #log: JobLog;
  readonly #active = new Set<Promise<void>>();
  readonly #held = new Map<string, { abort(reason: StopReason): void; beat(): void }>();
  #loop: Promise<void> | undefined;
  #stopping = false;
  #stopRequested: () => void = () => undefined;
  readonly #stopSignal = new Promise<void>((resolve) => {
    this.#stopRequested = resolve;
  });
  #woken = false;
  #wakeIdle: (() => void) | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(queue: JobQueue, registry: JobRegistry, opts: WorkerOptions = {}) {
    this.#queue = queue;
    this.#registry = registry;
    this.id = opts.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.#concurrency = Math.max(1, opts.concurrency ?? 1);
    this.#leaseMs = opts.leaseMs ?? 30_000;
    this.#heartbeatMs = opts.heartbeatMs ?? Math.max(10, Math.floor(this.#leaseMs / 3));
    this.#pollMs = opts.pollMs ?? 1000;
    this.#log = opts.log ?? quiet;
    if (this.#heartbeatMs >= this.#leaseMs) throw new Error('heartbeatMs must be shorter than leaseMs');
  }

  get active(): number {
    return this.#active.size;
  }

  /** Starts claiming in the background. */
  start(): void {
    if (this.#loop) return;
    this.#subscribe();
    this.#loop = this.#run().catch((err) => this.#log('error', 'worker loop stopped', { err: String(err) }));
  }

  /**
   * Stops claiming; waits up to `graceMs` for running jobs, then aborts them and hands them back to
   * the queue (not counted as an attempt).
   */
  async stop(opts: { graceMs?: number } = {}): Promise<void> {
    this.#stopping = true;
    this.#stopRequested();
    this.#wakeIdle?.();
    await this.#loop;
    const grace = opts.graceMs ?? 10_000;
    const all = Promise.all([...this.#active]);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((r) => {
        timer = setTimeout(() => r(true), grace);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      for (const h of this.#held.values()) h.abort('shutdown');
      // Handlers that ignore their signal are left behind: their leases expire and another worker reaps them.
      let after: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise((r) => (after = setTimeout(r, 5000)))]);
      clearTimeout(after);
    }
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** Claims one job and runs it to its end; false when nothing was due. For tests and tools. */
  async runOnce(): Promise<boolean> {
    this.#subscribe();
    const job = await this.#queue.claim({
      workerId: this.id,
      kinds: this.#registry.claimable(),
      leaseMs: this.#leaseMs,
    });
    if (!job) return false;
    await this.#execute(job);
    return true;
  }

  /** Runs due jobs one after another until none is left; returns how many ran. */
  async drain(): Promise<number> {
    let n = 0;
    while (await this.runOnce()) n++;
    return n;
  }

  #subscribe(): void {
    if (this.#unsubscribe) return;
    const kinds = new Set(this.#registry.kinds());
    this.#unsubscribe = this.#queue.onWake((signal) => {
      if (signal.startsWith('cancel:')) {
        this.#held.get(signal.slice('cancel:'.length))?.beat();
      } else if (kinds.has(signal.slice('job:'.length))) {
        this.#woken = true;
        this.#wakeIdle?.();
      }
    });
  }

  async #run(): Promise<void> {
    const kinds = this.#registry.claimable();
    while (!this.#stopping) {
      if (this.#active.size >= this.#concurrency) {
        await Promise.race([...this.#active, this.#stopSignal]);
        continue;
      }
      this.#woken = false;
      let job: ClaimedJob | undefined;
      try {
        job = await this.#queue.claim({ workerId: this.id, kinds, leaseMs: this.#leaseMs });
      } catch (err) {
        this.#log('error', 'claim failed', { err: String(err) });
      }
      if (!job) {
        await this.#idle();
        continue;
      }
      const running: Promise<void> = this.#execute(job).finally(() => this.#active.delete(running));
      this.#active.add(running);
    }
  }

  /** Waits for a wake-up, the poll interval or stop — at once if a wake-up came during the last claim. */
  #idle(): Promise<void> {
    if (this.#woken || this.#stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wakeIdle = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.#pollMs);
      this.#wakeIdle = done;
    });
  }

  async #execute(job: ClaimedJob): Promise<void> {
    const entry = this.#registry.get(job.kind);
    const log = (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> = {}) =>
      this.#log(level, message, { job: job.id, kind: job.kind, attempt: job.attempts, ...fields });
    if (!entry) {
      await this.#queue.fail(job, new AppError('JOB_KIND_UNKNOWN', `No handler for ${job.kind}`), {
        permanent: true,
      });
      return;
    }
    const controller = new AbortController();
    let stopped: StopReason | undefined;
    const abort = (reason: StopReason) => {
      if (stopped) return;
      stopped = reason;
      const messages: Record<StopReason, [AppError['code'], string]> = {
        cancel: ['JOB_CANCELLED', `Job ${job.id} was cancelled`],
        timeout: ['JOB_TIMED_OUT', `Job ${job.id} ran longer than ${entry.def.timeoutMs} ms`],
        lost: ['JOB_LEASE_LOST', `Job ${job.id}: this worker no longer holds it`],
        shutdown: ['JOB_CANCELLED', `Worker ${this.id} is shutting down`],
      };
      const [code, message] = messages[reason];
      controller.abort(new AppError(code, message));
    };

    // The lease is renewed while the handler runs; if renewing fails for a whole lease, this worker
    // gives the job up before another may take it over.
    let lastRenewed = performance.now();
    let beating = false;
    const beat = async () => {
      if (beating || stopped === 'lost') return;
      beating = true;
      try {
        const r = await this.#queue.heartbeat(job, this.#leaseMs);
        if (!r) abort('lost');
        else {
          lastRenewed = performance.now();
          if (r.cancelRequested) abort('cancel');
        }
      } catch (err) {
        log('warn', 'heartbeat failed', { err: String(err) });
        if (performance.now() - lastRenewed > this.#leaseMs - this.#heartbeatMs) abort('lost');
      } finally {
        beating = false;
      }
    };
    const heartbeat = setInterval(() => void beat(), this.#heartbeatMs);
    const timeout = entry.def.timeoutMs ? setTimeout(() => abort('timeout'), entry.def.timeoutMs) : undefined;
    this.#held.set(job.id, { abort, beat: () => void beat() });

    const signal = controller.signal;
    const guard = <T>(p: Promise<T>): Promise<T> =>
      p.catch((err) => {
        if (isAppError(err) && err.code === 'JOB_LEASE_LOST') abort('lost');
        throw err;
      });
    const ctx: JobContext = {
      job: {
        id: job.id,
        kind: job.kind,
        workspaceId: job.workspaceId,
        attempt: job.attempts,
        createdBy: job.createdBy,
      },
      signal,
      progress: async (p) => {
        if (!(await this.#queue.progress(job, p))) abort('lost');
      },
      step: (key, fn) => {
        signal.throwIfAborted();
        return guard(this.#queue.step(job, key, fn));
      },
      transact: (key, fn) => {
        signal.throwIfAborted();
        return guard(this.#queue.transact(job, key, fn));
      },
    };

    try {
      const payload = parseStoredPayload(entry.def, job.version, job.payload);
      const result = await entry.handler(payload, ctx);
      if (stopped === 'lost') return;
      if (!(await this.#queue.complete(job, result))) log('warn', 'finished after losing its lease');
    } catch (err) {
      if (stopped === 'lost' || (isAppError(err) && err.code === 'JOB_LEASE_LOST')) {
        log('warn', 'stopped: another worker took the job over');
      } else if (stopped === 'shutdown') {
        await this.#queue.release(job).catch((e) => log('error', 'release failed', { err: String(e) }));
      } else {
        const outcome = await this.#queue
          .fail(job, err, {
            permanent: isPermanent(err),
            ...(entry.def.backoff ? { backoff: entry.def.backoff } : {}),
          })
          .catch((e) => log('error', 'recording the failure failed', { err: String(e) }));
        if (outcome)
          log(outcome.status === 'queued' ? 'warn' : 'error', `attempt failed → ${outcome.status}`, {
            err: String(err),
          });
      }
    } finally {
      clearInterval(heartbeat);
      clearTimeout(timeout);
      this.#held.delete(job.id);
    }
  }
}
