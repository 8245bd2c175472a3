/**
 * Imports are all-or-nothing under kill -9, on both databases (issue 9): a real process imports a
 * 20,000-row Toggl file — its writes now yield to the event loop between slices inside one
 * transaction — and the test kills it with SIGKILL at a seeded random moment while that
 * transaction is open (seen from outside: SQLite's write lock is taken, or PostgreSQL shows the
 * import's backend holding a lock on time_entries). After each kill nothing of the import is in
 * the database; a last run to its end stores every entry once. Seed: CRASH_SEED (printed on failure).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRng } from '../../bench/corpus/rng.ts';
import { createAccountsService } from '../../src/accounts/index.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { type Db, openSqlite } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { newId } from '../../src/platform/ids.ts';
import { togglCsv } from '../factories/index.ts';
import { ROOT } from '../helpers/cli.ts';
import { type DialectName, freshDb, testDialects } from '../helpers/db.ts';

const SEED = Number(process.env.CRASH_SEED ?? 20261207);
// Large enough that the write transaction outlasts the longest kill delay on a quiet, fast machine
// (20,000 rows committed within 400 ms on an idle CI machine).
const ROWS = 100_000;
const MAX_KILL_DELAY_MS = 100;
const KILLS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The database, the child's environment, and how to tell that a write transaction is open. */
async function openTarget(dialect: DialectName, dir: string) {
  if (dialect === 'sqlite') {
    const file = path.join(dir, 'import.db');
    const db = openSqlite(file);
    await migrateToLatest(db);
    const probe = new SQLite(file);
    probe.pragma('busy_timeout = 0');
    const writing = async () => {
      try {
        probe.exec('begin immediate');
        probe.exec('rollback');
        return false;
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
        throw err;
      }
    };
    const env: Record<string, string> = { CRASH_DIALECT: 'sqlite', CRASH_TARGET: file };
    return { db, env, writing, close: () => probe.close() };
  }
  const db = await freshDb('postgres');
  const writing = async () => {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from pg_locks l
      where l.relation = 'time_entries'::regclass and l.pid <> pg_backend_pid()`.execute(db.kysely);
    return (r.rows[0]?.n ?? 0) > 0;
  };
  return {
    db,
    env: {
      CRASH_DIALECT: 'postgres',
      CRASH_TARGET: process.env.TEST_DATABASE_URL!,
      CRASH_SCHEMA: db.schema!,
    },
    writing,
    close: () => undefined,
  };
}

function startImport(env: Record<string, string>): { child: ChildProcess; done: Promise<string | null> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'test', 'helpers', 'import-child.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const done = new Promise<string | null>((resolve) =>
    child.once('exit', () => resolve(out.includes('done') ? out : null)),
  );
  return { child, done };
}

async function counts(db: Db) {
  const n = async (table: 'time_entries' | 'import_batches' | 'tasks' | 'processes' | 'members') =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    entries: await n('time_entries'),
    imports: await n('import_batches'),
    tasks: await n('tasks'),
    processes: await n('processes'),
    members: await n('members'),
  };
}

describe.each(testDialects)('imports under kill -9 on %s', (dialect) => {
  it(`leave nothing when killed mid-transaction, ${KILLS} times, then import ${ROWS} rows once (seed ${SEED})`, {
    timeout: 600_000,
  }, async () => {
    const random = seededRng(SEED + (dialect === 'postgres' ? 1 : 0));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-import-crash-'));
    dirs.push(dir);
    const target = await openTarget(dialect, dir);
    const { db } = target;
    const accounts = createAccountsService({ db, clock: systemClock, newId }, { sessionTtlHours: 1 });
    const workspace = await accounts.createWorkspace({ name: 'Crash & Co', currency: 'USD' });
    const people = ['Priya Nair', 'Sam Ortiz', 'Lee Chen', 'Ana Ruiz'];
    const file = path.join(dir, 'toggl.csv');
    fs.writeFileSync(
      file,
      togglCsv(
        Array.from({ length: ROWS }, (_, i) => ({
          user: people[i % people.length]!,
          project: `Engagement ${i % 7}`,
          task: `Activity ${i % 23}`,
          date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
          minutes: 5 + (i % 200),
          description: `entry ${i}`,
        })),
      ),
    );
    const env = { ...target.env, IMPORT_WORKSPACE: workspace.id, IMPORT_FILE: file };
    const empty = await counts(db);
    try {
      let killed = 0;
      for (let attempt = 0; killed < KILLS && attempt < KILLS * 3; attempt++) {
        const run = startImport(env);
        // Wait for the import's write transaction, then kill at a random moment inside it.
        let open = false;
        const deadline = Date.now() + 240_000;
        while (!open && run.child.exitCode === null && Date.now() < deadline) {
          open = await target.writing();
          if (!open) await sleep(2);
        }
        if (!open)
          throw new Error(`the import finished or stalled before its transaction was seen (seed ${SEED})`);
        await sleep(Math.floor(random.next() * MAX_KILL_DELAY_MS));
        run.child.kill('SIGKILL');
        const finished = await run.done;
        if (finished) throw new Error(`the import committed before the kill; raise ROWS (seed ${SEED})`);
        killed++;
        // Nothing of the killed import: not an entry, not the batch, not a task, process or member.
        expect(await counts(db), `after kill ${killed} (seed ${SEED})`).toEqual(empty);
      }
      expect(killed).toBe(KILLS);
      const last = startImport(env);
      expect(await last.done, `seed ${SEED}`).toContain(`done ${ROWS}`);
      const after = await counts(db);
      expect(after.entries).toBe(ROWS);
      expect(after.imports).toBe(1);
      expect(after.tasks).toBe(23);
    } finally {
      target.close();
      await db.close();
    }
  });
});
