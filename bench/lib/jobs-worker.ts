/**
 * A worker process for bench/jobs.ts: runs no-op jobs of kind `bench.noop`, timing its claim queries
 * and the delay from enqueue to handler start. Prints `ready`, and its figures as JSON on SIGTERM.
 *   node --import tsx bench/lib/jobs-worker.ts <sqlite-file | postgres-url> [schema] [pollMs]
 */
import { z } from 'zod';
import { systemClock } from '../../src/platform/clock.ts';
import { openPostgres, openSqlite } from '../../src/platform/db/connect.ts';
import { newId } from '../../src/platform/ids.ts';
import {
  createJobQueue,
  defineJob,
  type JobQueue,
  JobRegistry,
  JobWorker,
} from '../../src/platform/jobs/index.ts';

export const noopJob = defineJob({
  kind: 'bench.noop',
  version: 1,
  payload: z.object({ t: z.number().optional() }),
});

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
export const wallMs = () => performance.timeOrigin + performance.now();

export function timedQueue(queue: JobQueue, claimMs: number[]): JobQueue {
  return new Proxy(queue, {
    get(target, prop, receiver) {
      if (prop === 'claim')
        return async (req: Parameters<JobQueue['claim']>[0]) => {
          const t0 = performance.now();
          const job = await target.claim(req);
          if (job) claimMs.push(performance.now() - t0);
          return job;
        };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

export function noopRegistry(startMs: number[]): JobRegistry {
  return new JobRegistry().handle(noopJob, async (p) => {
    if (p.t !== undefined) startMs.push(wallMs() - p.t);
    return null;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [target = '', schema, poll] = process.argv.slice(2);
  const db = target.startsWith('postgres')
    ? openPostgres(target, { ...(schema && schema !== '-' ? { schema } : {}), max: 2 })
    : openSqlite(target);
  const claimMs: number[] = [];
  const startMs: number[] = [];
  const queue = createJobQueue({ db, clock: systemClock, newId });
  await queue.start();
  const worker = new JobWorker(timedQueue(queue, claimMs), noopRegistry(startMs), {
    pollMs: Number(poll ?? 1000),
  });
  worker.start();
  process.stdout.write('ready\n');
  process.once('SIGTERM', async () => {
    await worker.stop();
    process.stdout.write(`${JSON.stringify({ claimMs, startMs })}\n`);
    await queue.close();
    await db.close();
    process.exit(0);
  });
}
