/**
 * The job queue under load, on SQLite and on PostgreSQL, with 1 and 4 worker processes (and, on
 * SQLite, the embedded worker inside the producing process, as `npm start` runs it):
 * - jobs/s: 2,000 no-op jobs enqueued in one transaction, then drained by idle workers (from the
 *   commit to the last success; the enqueue rate is given apart);
 * - claim latency: the claim query's own time (during the drain), and from the enqueuing commit
 *   to the handler's start for 100 jobs enqueued one at a time into idle workers — through
 *   NOTIFY on PostgreSQL, in-process for the embedded SQLite worker, by polling (every 50 ms)
 *   for SQLite worker processes, which have no cross-process wake-up.
 * Run: node --import tsx bench/jobs.ts [--jobs N] [--latency N]; PostgreSQL at BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/test; skipped when unreachable).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { systemClock } from '../src/platform/clock.ts';
import { type Db, openPostgres, openSqlite } from '../src/platform/db/connect.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { newId } from '../src/platform/ids.ts';
import { createJobQueue, type JobQueue, JobWorker } from '../src/platform/jobs/index.ts';
import { noopJob, noopRegistry, timedQueue, wallMs } from './lib/jobs-worker.ts';
import { writeResult } from './lib/report.ts';

const { values } = parseArgs({
  options: { jobs: { type: 'string', default: '2000' }, latency: { type: 'string', default: '100' } },
});
const JOBS = Number(values.jobs);
const LATENCY_SAMPLES = Number(values.latency);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SQLITE_POLL_MS = 50;

const pct = (a: number[], p: number) => {
  const s = [...a].sort((x, y) => x - y);
  return Number((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(2));
};
const stats = (a: number[]) => ({ p50: pct(a, 0.5), p90: pct(a, 0.9), p99: pct(a, 0.99), samples: a.length });

async function enqueueMany(queue: JobQueue, db: Db, n: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) await queue.enqueue(trx, noopJob, {}, { workspaceId: null });
  });
}

async function succeeded(db: Db): Promise<number> {
  const r = await db.kysely
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'succeeded')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Polls for the count every 20 ms: often enough to time a 2,000-job drain, rarely enough not to load it. */
async function waitFor(db: Db, n: number): Promise<void> {
  while ((await succeeded(db)) < n) await new Promise((r) => setTimeout(r, 20));
}

interface Workers {
  stop(): Promise<{ claimMs: number[]; startMs: number[] }>;
}

function spawnWorkers(count: number, args: string[]): Promise<Workers> {
  const children: ChildProcess[] = [];
  const outputs: string[] = [];
  const ready = Array.from({ length: count }, (_, i) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'lib', 'jobs-worker.ts'), ...args],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.push(child);
    outputs[i] = '';
    return new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        outputs[i] += d.toString();
        if (outputs[i]!.includes('ready\n')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
  });
  return Promise.all(ready).then(() => ({
    async stop() {
      const exited = children.map((c) => new Promise((r) => c.once('exit', r)));
      for (const c of children) c.kill('SIGTERM');
      await Promise.all(exited);
      const claimMs: number[] = [];
      const startMs: number[] = [];
      for (const out of outputs) {
        const last = JSON.parse(out.trim().split('\n').pop()!) as { claimMs: number[]; startMs: number[] };
        claimMs.push(...last.claimMs);
        startMs.push(...last.startMs);
      }
      return { claimMs, startMs };
    },
  }));
}

/** One configuration: drain JOBS jobs, then time LATENCY_SAMPLES single jobs into idle workers. */
async function measure(db: Db, start: () => Promise<Workers>) {
  const queue = createJobQueue({ db, clock: systemClock, newId });
  const workers = await start();
  const t0 = performance.now();
  await enqueueMany(queue, db, JOBS);
  const t1 = performance.now();
  await waitFor(db, JOBS);
  const seconds = (performance.now() - t1) / 1000;
  const enqueuePerSecond = Math.round(JOBS / ((t1 - t0) / 1000));
  for (let i = 1; i <= LATENCY_SAMPLES; i++) {
    await queue.enqueue(db.kysely, noopJob, { t: wallMs() }, { workspaceId: null });
    await waitFor(db, JOBS + i);
  }
  const { claimMs, startMs } = await workers.stop();
  await queue.close();
  return {
    jobsPerSecond: Math.round(JOBS / seconds),
    enqueuePerSecond,
    claimQueryMs: stats(claimMs),
    enqueueToStartMs: stats(startMs),
  };
}

async function sqliteRun(workers: number | 'embedded') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-bench-jobs-'));
  const file = path.join(dir, 'jobs.db');
  const db = openSqlite(file);
  await migrateToLatest(db);
  try {
    if (workers === 'embedded') {
      // As in `npm start`: the app's one queue both enqueues and runs, so wake-ups are in-process.
      const claimMs: number[] = [];
      const startMs: number[] = [];
      const queue = createJobQueue({ db, clock: systemClock, newId });
      const worker = new JobWorker(timedQueue(queue, claimMs), noopRegistry(startMs), { pollMs: 1000 });
      worker.start();
      const t0 = performance.now();
      await enqueueMany(queue, db, JOBS);
      const t1 = performance.now();
      await waitFor(db, JOBS);
      const seconds = (performance.now() - t1) / 1000;
      const enqueuePerSecond = Math.round(JOBS / ((t1 - t0) / 1000));
      for (let i = 1; i <= LATENCY_SAMPLES; i++) {
        await queue.enqueue(db.kysely, noopJob, { t: wallMs() }, { workspaceId: null });
        await waitFor(db, JOBS + i);
      }
      await worker.stop();
      return {
        jobsPerSecond: Math.round(JOBS / seconds),
        enqueuePerSecond,
        claimQueryMs: stats(claimMs),
        enqueueToStartMs: stats(startMs),
      };
    }
    return await measure(db, () => spawnWorkers(workers, [file, '-', String(SQLITE_POLL_MS)]));
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRun(workers: number) {
  const schema = `bench_jobs_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const db = openPostgres(PG_URL, { schema, max: 4 });
  try {
    await migrateToLatest(db);
    return await measure(db, () => spawnWorkers(workers, [PG_URL, schema, '1000']));
  } finally {
    await db.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const result: Record<string, unknown> = {
  jobs: JOBS,
  latencySamples: LATENCY_SAMPLES,
  sqliteWorkerPollMs: SQLITE_POLL_MS,
};
// The 1-minute load average before each configuration: the machine is shared, so a figure that
// moved with the load rather than with the worker count shows here.
const loadAt: Record<string, number> = {};
const load1 = () => Number(os.loadavg()[0]!.toFixed(2));
result.loadAverageBefore = loadAt;
loadAt.sqliteEmbedded1 = load1();
result.sqliteEmbedded1 = await sqliteRun('embedded');
console.log('sqlite, embedded worker', result.sqliteEmbedded1);
for (const n of [1, 4]) {
  loadAt[`sqliteProcesses${n}`] = load1();
  result[`sqliteProcesses${n}`] = await sqliteRun(n);
  console.log(`sqlite, ${n} worker process(es)`, result[`sqliteProcesses${n}`]);
}
if (await postgresReachable()) {
  for (const n of [1, 4]) {
    loadAt[`postgresProcesses${n}`] = load1();
    result[`postgresProcesses${n}`] = await postgresRun(n);
    console.log(`postgres, ${n} worker process(es)`, result[`postgresProcesses${n}`]);
  }
} else {
  result.postgres = `skipped: ${PG_URL.replace(/:[^:@/]*@/, ':***@')} unreachable`;
}
console.log(writeResult('jobs', result));
