/**
 * WAL checkpoints leave the committing connection (issue 9 row 6): after a commit that fills the log
 * with megabytes, the database file has not grown (SQLite's default would have copied the log into it
 * inside that commit, on the event loop); the checkpointer's thread moves it — when asked, and on its
 * own once the log passes its threshold.
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './connect.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-checkpoint-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function fill(file: string) {
  const db = openSqlite(file);
  await sql`create table filler (id integer primary key, body text not null)`.execute(db.kysely);
  const base = fs.statSync(file).size;
  const body = 'x'.repeat(1000);
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < 12_000; i += 500) {
      await trx
        .insertInto('filler' as never)
        .values(Array.from({ length: 500 }, (_, j) => ({ id: i + j, body })) as never)
        .execute();
    }
  });
  return { db, base };
}

describe('the SQLite checkpointer', () => {
  it('commits without checkpointing; its thread moves the log into the file when asked', async () => {
    const file = path.join(dir, 'asked.db');
    const { db, base } = await fill(file);
    expect(db.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(10_000_000);
    expect(fs.statSync(file).size).toBe(base);
    const r = await db.checkpoint!();
    expect(r.checkpointed).toBeGreaterThan(2500);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000_000);
    const n = await sql<{ n: number }>`select count(*) as n from filler`.execute(db.kysely);
    expect(n.rows[0]!.n).toBe(12_000);
    await db.close();
  });

  it('checkpoints on its own once the log has grown', async () => {
    const file = path.join(dir, 'timer.db');
    const { db, base } = await fill(file);
    const deadline = Date.now() + 20_000;
    expect(base).toBeLessThan(1_000_000);
    // The file grows page by page while the checkpoint copies: wait for the whole log to be in it.
    while (fs.statSync(file).size < 10_000_000 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(fs.statSync(file).size).toBeGreaterThan(10_000_000);
    await db.close();
  });

  it('keeps the process alive until its thread has exited: a script whose last step is close() exits 0', () => {
    // Before: the thread was unref'd while close() waited for it, so the event loop drained and Node
    // ended the script with 13 (an unsettled top-level await) — how `outtask demo` ended.
    const file = path.join(dir, 'script.db');
    // Whether the loop drained before the thread's exit was a race (about one run in two ended 13):
    // twenty rounds make the old code fail all but once in a million runs; the fix never does.
    const script = [
      `import { openSqlite } from ${JSON.stringify(path.join(import.meta.dirname, 'connect.ts'))};`,
      'for (let i = 0; i < 20; i++) {',
      `  const db = openSqlite(${JSON.stringify(file)});`,
      '  await db.checkpoint!();',
      '  await db.close();',
      '}',
    ].join('\n');
    const entry = path.join(dir, 'script.mts');
    fs.writeFileSync(entry, script);
    const r = spawnSync(process.execPath, ['--import', 'tsx', entry], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
  });
});
