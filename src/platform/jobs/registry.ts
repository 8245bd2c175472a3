/**
 * The job types a process can run: each definition with its handler. Features register theirs in the
 * composition root; a worker claims only the kinds (and versions) registered here.
 */
import { AppError } from '../errors.ts';
import type { JobDefinition, JobProgress } from './job.ts';
import type { Claimable, Executor } from './jobs.store.ts';

/** What a handler gets besides its payload. */
export interface JobContext {
  job: { id: string; kind: string; workspaceId: string | null; attempt: number; createdBy: string | null };
  /**
   * Aborted when the job is cancelled, times out, its lease is lost or the worker shuts down: stop
   * soon, and do not start new side effects.
   */
  signal: AbortSignal;
  /** Reports progress (stored on the job; the app and `outtask jobs show` read it). */
  progress(p: JobProgress): Promise<void>;
  /**
   * Runs `fn` once per job across attempts and returns its (JSON) result: a retried job skips the
   * steps it finished. `fn` runs outside any transaction (slow work is fine) and at least once: give
   * its outside effects an effect key (content addressing, an idempotency key) so a repeat is harmless.
   */
  step<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in a database transaction that also records the step, only while this worker holds
   * the job: its writes happen exactly once. Keep it short (it holds the write lock on SQLite), and
   * use `trx` only — the handler's other database handles wait for it.
   */
  transact<T>(key: string, fn: (trx: Executor) => Promise<T>): Promise<T>;
}

export type JobHandler<P, R = unknown> = (payload: P, ctx: JobContext) => Promise<R>;

interface Entry {
  def: JobDefinition<unknown>;
  handler: JobHandler<unknown>;
}

export class JobRegistry {
  readonly #entries = new Map<string, Entry>();

  handle<P, R>(def: JobDefinition<P>, handler: JobHandler<P, R>): this {
    if (this.#entries.has(def.kind)) throw new Error(`Job kind ${def.kind} is registered twice`);
    this.#entries.set(def.kind, {
      def: def as JobDefinition<unknown>,
      handler: handler as JobHandler<unknown>,
    });
    return this;
  }

  get(kind: string): Entry | undefined {
    return this.#entries.get(kind);
  }

  claimable(): Claimable {
    return [...this.#entries.values()].map((e) => ({ kind: e.def.kind, maxVersion: e.def.version }));
  }

  kinds(): string[] {
    return [...this.#entries.keys()].sort();
  }
}

/** A stored payload, upgraded from its version and parsed; a payload that does not parse fails for good. */
export function parseStoredPayload<P>(def: JobDefinition<P>, version: number, raw: unknown): P {
  const upgraded = version < def.version && def.upgrade ? def.upgrade(version, raw) : raw;
  const parsed = def.payload.safeParse(upgraded);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'JOB_PAYLOAD_INVALID',
      `Job ${def.kind} v${version}: payload does not fit v${def.version} (${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid'})`,
      { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    );
  }
  return parsed.data;
}
