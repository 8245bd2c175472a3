/**
 * Crash test, on both databases: real worker processes run multi-step jobs while the test kills them
 * with SIGKILL at random (seeded) moments and starts new ones. In the end every job must have ended
 * exactly once (succeeded, its end effect recorded once), nothing may be lost (every step's effect
 * there) and no side effect doubled (each (job, step) effect row exactly once).
 * Seed: CRASH_SEED (default fixed); printed with any failure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRng } from '../../bench/corpus/rng.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { type Db, openSqlite } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { newId } from '../../src/platform/ids.ts';
import { createJobQueue } from '../../src/platform/jobs/index.ts';
import { ROOT } from '../helpers/cli.ts';
import { crashJob } from '../helpers/crash-job.ts';
import { type DialectName, freshDb, testDialects } from '../helpers/db.ts';

const SEED = Number(process.env.CRASH_SEED ?? 20261207);
const JOBS = 40;
const STEPS = 8;
const KILLS = 10;
const WORKERS = 2;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function openTarget(dialect: DialectName): Promise<{ db: Db; env: Record<string, string> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-crash-'));
    dirs.push(dir);
    const file = path.join(dir, 'crash.db');
    const db = openSqlite(file);
    await migrateToLatest(db);
    return { db, env: { CRASH_DIALECT: 'sqlite', CRASH_TARGET: file } };
  }
  const db = await freshDb('postgres');
  return {
    db,
    env: {
      CRASH_DIALECT: 'postgres',
      CRASH_TARGET: process.env.TEST_DATABASE_URL!,
      CRASH_SCHEMA: db.schema!,
    },
  };
}

/** Starts a worker process; resolves once it is claiming. */
function startWorker(env: Record<string, string>, seed: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'test', 'helpers', 'crash-worker.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, CRASH_SEED: String(seed) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        child.removeAllListeners('exit');
        resolve(child);
      }
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDialects)('jobs survive workers killed at random on %s', (dialect) => {
  it(`runs ${JOBS} jobs of ${STEPS} steps to their end exactly once through up to ${KILLS} kill -9s (seed ${SEED})`, {
    timeout: 600_000,
  }, async () => {
    const random = seededRng(SEED + (dialect === 'postgres' ? 1 : 0));
    const { db, env } = await openTarget(dialect);
    await sql`create table crash_effects (job_id text not null, step text not null, worker integer not null)`.execute(
      db.kysely,
    );
    const queue = createJobQueue({ db, clock: systemClock, newId });
    const ids: string[] = [];
    for (let i = 0; i < JOBS; i++)
      ids.push((await queue.enqueue(db.kysely, crashJob, { steps: STEPS }, { workspaceId: null })).job.id);

    // Each worker with the promise of its readiness: a kill is aimed at a worker that is claiming.
    const workers: { child: Promise<ChildProcess> }[] = [];
    let kills = 0;
    let spawned = 0;
    const spawnOne = () => {
      const child = startWorker(env, SEED + ++spawned);
      child.catch(() => undefined);
      return { child };
    };
    const remaining = async () =>
      Number(
        (
          await db.kysely
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', 'in', ['queued', 'running'])
            .executeTakeFirstOrThrow()
        ).n,
      );
    try {
      for (let w = 0; w < WORKERS; w++) workers.push(spawnOne());
      // Kill a random worker at a random moment of its work while jobs remain; start another in its place.
      while (kills < KILLS && (await remaining()) > 0) {
        const victim = Math.floor(random.next() * workers.length);
        const child = await workers[victim]!.child;
        await sleep(200 + Math.floor(random.next() * 1000));
        child.kill('SIGKILL');
        kills++;
        workers[victim] = spawnOne();
      }
      const deadline = Date.now() + 300_000;
      while ((await remaining()) > 0 && Date.now() < deadline) await sleep(250);
    } finally {
      for (const w of workers) (await w.child.catch(() => undefined))?.kill('SIGKILL');
    }

    const jobs = await db.kysely
      .selectFrom('jobs')
      .select(['id', 'status', 'attempts'])
      .where('kind', '=', crashJob.kind)
      .execute();
    const effects = await db.kysely
      .selectFrom(
        sql<{
          job_id: string;
          step: string;
          n: number;
        }>`(select job_id, step, count(*) as n from crash_effects group by job_id, step)`.as('e'),
      )
      .selectAll()
      .execute();
    const byJob = new Map<string, Map<string, number>>();
    for (const e of effects) {
      if (!byJob.has(e.job_id)) byJob.set(e.job_id, new Map());
      byJob.get(e.job_id)!.set(e.step, Number(e.n));
    }
    const retried = jobs.filter((j) => j.attempts > 1).length;
    const doubled = effects.filter((e) => Number(e.n) > 1).length;
    const missing = ids.flatMap((id) =>
      [...Array.from({ length: STEPS }, (_, i) => `effect-${i}`), 'end'].filter(
        (s) => byJob.get(id)?.get(s) !== 1,
      ),
    ).length;
    const summary = `seed ${SEED}, ${dialect}: ${kills} kills, ${spawned} workers started, ${jobs.length} jobs, ${retried} taken over after a kill, ${effects.length} distinct effects, ${doubled} doubled, ${missing} missing`;
    console.log(`crash test: ${summary}`);

    // Up to KILLS: the loop stops early when the jobs run out first.
    expect(kills, summary).toBeGreaterThanOrEqual(3);
    expect(
      jobs.map((j) => j.status),
      summary,
    ).toEqual(Array(JOBS).fill('succeeded'));
    expect(doubled, summary).toBe(0);
    expect(missing, summary).toBe(0);
    expect(effects.length, summary).toBe(JOBS * (STEPS + 1));
    // The kills did land on running jobs: some were taken over by another worker.
    expect(retried, summary).toBeGreaterThan(0);
    if (dialect === 'sqlite') await db.close();
  });
});
