/**
 * SQLite reads do not queue behind an open write transaction (issue 9 row 6): a SELECT outside a
 * transaction answers from the read-only connection with the last committed state while a transaction
 * is held open (as an import holds one between its insert slices); inside a transaction, reads see the
 * transaction's own writes; writes still wait for the writer. Each step waits on promises the test
 * controls, never on time: were the read to queue behind the transaction, the test would never finish.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './connect.ts';
import { openReader } from './sqlite-reads.ts';
import { immediateTransaction } from './statements.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-reads-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// biome-ignore lint/suspicious/noExplicitAny: a table of the test's own, not in the app's schema
type Any = Kysely<any>;

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { open, opened };
}

async function table(name: string) {
  const db = openSqlite(path.join(dir, `${name}.db`));
  await sql`create table t (id integer primary key, v text not null)`.execute(db.kysely);
  const k = db.kysely as unknown as Any;
  await k.insertInto('t').values({ id: 1, v: 'committed' }).execute();
  return { db, k };
}

const ids = async (k: Any) => (await k.selectFrom('t').select('id').orderBy('id').execute()).map((r) => r.id);

describe('SQLite reads beside an open write transaction', () => {
  it('a read outside the transaction answers at once with the committed rows, then sees the commit', async () => {
    const { db, k } = await table('outside');
    const inserted = gate();
    const release = gate();
    const held = k.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ id: 2, v: 'pending' }).execute();
      expect(await ids(trx)).toEqual([1, 2]);
      inserted.open();
      await release.opened;
    });
    await inserted.opened;
    expect(await ids(k)).toEqual([1]);
    expect(await k.selectFrom('t').select('v').where('id', '=', 1).executeTakeFirst()).toEqual({
      v: 'committed',
    });
    release.open();
    await held;
    expect(await ids(k)).toEqual([1, 2]);
    await db.close();
  });

  it('a write outside the transaction waits for it', async () => {
    const { db, k } = await table('write');
    const inserted = gate();
    const release = gate();
    const held = k.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ id: 2, v: 'pending' }).execute();
      inserted.open();
      await release.opened;
    });
    await inserted.opened;
    let written = false;
    const write = k
      .insertInto('t')
      .values({ id: 3, v: 'after' })
      .execute()
      .then(() => {
        written = true;
      });
    // The read is answered while the write still queues behind the transaction.
    expect(await ids(k)).toEqual([1]);
    expect(written).toBe(false);
    release.open();
    await Promise.all([held, write]);
    expect(await ids(k)).toEqual([1, 2, 3]);
    await db.close();
  });

  it('BEGIN IMMEDIATE on one connection reads its own writes, and a rollback leaves nothing', async () => {
    const { db, k } = await table('immediate');
    const seen = await immediateTransaction(db.kysely, async (conn) => {
      const c = conn as unknown as Any;
      await c.insertInto('t').values({ id: 2, v: 'in' }).execute();
      return ids(c);
    });
    expect(seen).toEqual([1, 2]);
    await expect(
      k.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 3, v: 'rolled back' }).execute();
        expect(await ids(trx)).toEqual([1, 2, 3]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await ids(k)).toEqual([1, 2]);
    await db.close();
  });

  it('the second connection is read-only', async () => {
    const { db } = await table('readonly');
    const reader = openReader(SQLite, path.join(dir, 'readonly.db'));
    expect(reader.prepare('select count(*) as n from t').get()).toEqual({ n: 1 });
    expect(() => reader.exec("insert into t values (9, 'x')")).toThrow(/readonly/);
    reader.close();
    await db.close();
  });
});
