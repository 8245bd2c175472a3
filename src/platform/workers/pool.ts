/**
 * CPU-heavy work off the main thread (issue 9, row 6): import parsing, transcript reading and the
 * synthesis run in worker threads, so one user's 200k-row import or 50-interview synthesis never
 * stalls the event loop every other request waits on.
 *
 * A task is a function exported by a module of src/ (named by its path from the package root) and a
 * structured-cloneable input. Workers load the TypeScript sources through tsx (boot.mjs) whichever way
 * the app runs — `npm start` from the bundle in dist/, tsx in development, vitest — so there is one
 * code path; a worker pays tsx's start-up once and stays warm for the next task.
 *
 * Small on purpose: a fixed number of threads, a FIFO queue, a crashed worker replaced, AppErrors
 * rebuilt on this side with their code and details, an AbortSignal ends the task's thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, ErrorCatalogue, type ErrorCode } from '../errors.ts';
import { unwrapTransfer } from './transfer.ts';

interface Job {
  id: number;
  module: string;
  fn: string;
  input: unknown;
  signal: AbortSignal | undefined;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

interface SerializedError {
  name: string;
  message: string;
  code?: string;
  details?: Record<string, unknown>;
  stack?: string;
}

export interface WorkerPool {
  /** Runs `fn` of the module at `modulePath` (from the package root, e.g. `src/x/y.worker.ts`) on `input`. */
  run<T>(modulePath: string, fn: string, input: unknown, opts?: { signal?: AbortSignal }): Promise<T>;
  /** Ends every thread; queued tasks are refused. */
  close(): Promise<void>;
}

/** The package root: the nearest folder above this module with a package.json (from src/ or dist/). */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('worker pool: no package.json above its module');
    dir = up;
  }
  return dir;
}

function rebuild(e: SerializedError): Error {
  if (e.code && e.code in ErrorCatalogue) return new AppError(e.code as ErrorCode, e.message, e.details);
  const err = new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}

export function defaultPoolSize(): number {
  // One core stays for the event loop; at least one worker, at most four.
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export function createWorkerPool(opts: { size?: number } = {}): WorkerPool {
  const size = opts.size ?? defaultPoolSize();
  const root = packageRoot();
  const boot = path.join(root, 'src', 'platform', 'workers', 'boot.mjs');
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(boot), job: undefined };
    slot.worker.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: SerializedError }) => {
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      finish(slot);
      if (m.ok) job.resolve(m.value);
      else job.reject(rebuild(m.error!));
    });
    const lost = (err: unknown) => {
      const at = slots.indexOf(slot);
      if (at < 0) return;
      slots.splice(at, 1);
      const job = slot.job;
      if (job) {
        slot.job = undefined;
        job.reject(
          job.signal?.aborted
            ? (job.signal.reason ?? new Error('aborted'))
            : new Error(`The worker thread stopped while running ${job.fn}: ${String(err)}`),
        );
      }
      pump();
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => lost(new Error(`exit code ${code}`)));
    slot.worker.unref();
    slots.push(slot);
    return slot;
  }

  function finish(slot: Slot): void {
    slot.job = undefined;
    // An idle thread does not keep the process alive (a CLI command exits when its work is done).
    slot.worker.unref();
    pump();
  }

  function pump(): void {
    while (queue.length > 0) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      const job = queue.shift()!;
      if (job.signal?.aborted) {
        job.reject(job.signal.reason);
        continue;
      }
      slot.job = job;
      slot.worker.ref();
      job.signal?.addEventListener('abort', () => {
        if (slot.job === job) void slot.worker.terminate();
      });
      slot.worker.postMessage({ id: job.id, module: job.module, fn: job.fn, input: job.input });
    }
  }

  return {
    run<T>(modulePath: string, fn: string, input: unknown, o: { signal?: AbortSignal } = {}): Promise<T> {
      if (closed) return Promise.reject(new Error('the worker pool is closed'));
      const module = pathToFileURL(path.join(root, modulePath)).href;
      return new Promise<T>((resolve, reject) => {
        queue.push({
          id: nextId++,
          module,
          fn,
          input,
          signal: o.signal,
          resolve: resolve as (v: unknown) => void,
          reject,
        });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the worker pool is closed'));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}

/**
 * The same tasks run in the calling thread: what the app did before the pool, kept so that
 * bench/event-loop can measure the difference on one build.
 */
export function createInlinePool(): WorkerPool {
  const root = packageRoot();
  return {
    async run<T>(modulePath: string, fn: string, input: unknown): Promise<T> {
      const m = (await import(pathToFileURL(path.join(root, modulePath)).href)) as Record<string, unknown>;
      return unwrapTransfer(await (m[fn] as (i: unknown) => Promise<T>)(structuredClone(input)));
    },
    async close() {},
  };
}

let shared: WorkerPool | undefined;

/** The process's one pool (created on first use). */
export function workerPool(): WorkerPool {
  shared ??= createWorkerPool();
  return shared;
}

/** Replaces the process's pool (bench/event-loop's "before" runs the tasks inline). */
export function setWorkerPool(pool: WorkerPool): void {
  shared = pool;
}
