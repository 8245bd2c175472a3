/**
 * A real worker process for the intake crash test (test/jobs/intake-crash.test.ts): the whole app
 * (openApp) over the test's database and data folder, running its registered job types — the intake
 * pipeline's handler among them, with the real stages (ffprobe, ffmpeg, pocketsphinx, the blob store,
 * redaction in the worker pool, the hand-off package). The test kills these processes with SIGKILL.
 * A short lease, so a killed worker's run is taken over within seconds, yet long enough that a worker
 * slowed by a loaded machine keeps its runs (a lost lease costs a run an attempt, as a kill does).
 *
 * env: CRASH_DIALECT sqlite|postgres, CRASH_TARGET (file or url), CRASH_SCHEMA (postgres), CRASH_DATA_DIR.
 */
import { openApp } from '../../src/main.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openPostgres, openSqlite } from '../../src/platform/db/connect.ts';
import { JobWorker } from '../../src/platform/jobs/index.ts';

const target = process.env.CRASH_TARGET ?? '';
const db =
  process.env.CRASH_DIALECT === 'postgres'
    ? openPostgres(target, { schema: process.env.CRASH_SCHEMA ?? '', max: 4 })
    : openSqlite(target);
const app = await openApp(loadConfig({ OUTTASK_DATA_DIR: process.env.CRASH_DATA_DIR ?? '' }), {
  db,
  migrate: false,
});
await app.jobs.queue.start();
const worker = new JobWorker(app.jobs.queue, app.jobs.registry, {
  concurrency: 2,
  leaseMs: 10_000,
  heartbeatMs: 1000,
  pollMs: 100,
});
worker.start();
process.stdout.write('ready\n');
