/**
 * A real worker process for the crash test (test/jobs/crash.test.ts): the app's JobQueue and JobWorker
 * over the test's database, running `test.crash` — a job of many steps, each a piece of work outside
 * any transaction (ctx.step) and then a side effect committed with its step record (ctx.transact),
 * counted in the table `crash_effects`. The test kills these processes with SIGKILL at random points.
 *
 * env: CRASH_DIALECT sqlite|postgres, CRASH_TARGET (file or url), CRASH_SCHEMA (postgres), CRASH_SEED.
 */
import { sql } from 'kysely';
import { systemClock } from '../../src/platform/clock.ts';
import { openPostgres, openSqlite } from '../../src/platform/db/connect.ts';
import { newId } from '../../src/platform/ids.ts';
import { createJobQueue, JobRegistry, JobWorker } from '../../src/platform/jobs/index.ts';
import { crashJob } from './crash-job.ts';

const dialect = process.env.CRASH_DIALECT;
const target = process.env.CRASH_TARGET ?? '';
const db =
  dialect === 'postgres'
    ? openPostgres(target, { schema: process.env.CRASH_SCHEMA ?? '', max: 4 })
    : openSqlite(target);
const queue = createJobQueue({ db, clock: systemClock, newId });
const registry = new JobRegistry();
let seed = Number(process.env.CRASH_SEED ?? 1) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

registry.handle(crashJob, async (p, ctx) => {
  for (let i = 0; i < p.steps; i++) {
    // Work outside any transaction: may run again after a crash, so it has no effect of its own.
    await ctx.step(`work-${i}`, async () => {
      await sleep(40 + Math.floor(random() * 160));
      return i;
    });
    // The side effect, exactly once: committed together with its step record, fenced by the lease.
    await ctx.transact(`effect-${i}`, async (trx) => {
      await sql`insert into crash_effects (job_id, step, worker) values (${ctx.job.id}, ${`effect-${i}`}, ${process.pid})`.execute(
        trx,
      );
    });
  }
  await ctx.transact('end', async (trx) => {
    await sql`insert into crash_effects (job_id, step, worker) values (${ctx.job.id}, 'end', ${process.pid})`.execute(
      trx,
    );
  });
  return { steps: p.steps };
});

await queue.start();
const worker = new JobWorker(queue, registry, {
  concurrency: 2,
  leaseMs: 1500,
  heartbeatMs: 300,
  pollMs: 100,
});
worker.start();
process.stdout.write('ready\n');
