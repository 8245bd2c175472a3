/**
 * Fast multi-row inserts for imports: one precompiled statement text per chunk, bypassing the query
 * builder (whose per-value cost dominated 100k-row imports). Same SQL on SQLite and PostgreSQL but
 * for the placeholders.
 */
import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Db } from './connect.ts';

// SQLite allows 32,766 bound values per statement, PostgreSQL 65,535.
const MAX_VALUES = 30_000;

/**
 * How long synchronous SQLite work may hold the event loop before giving other requests a turn (issue
 * 9 row 6: no request waits more than ~100 ms behind an import).
 */
export const SLICE_MS = 10;

export interface BulkInsertOptions {
  /** Skip rows that collide on this unique key (ON CONFLICT (...) DO NOTHING). */
  onConflictDoNothing?: readonly string[];
}

/** A turn of the event loop: timers and sockets run before the caller goes on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function statement(
  dialect: Db['dialect'],
  table: string,
  columns: readonly string[],
  rows: number,
  opts: BulkInsertOptions,
): string {
  let n = 0;
  const tuple = () => `(${columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
  const values = Array.from({ length: rows }, tuple).join(', ');
  const conflict = opts.onConflictDoNothing
    ? ` on conflict (${opts.onConflictDoNothing.join(', ')}) do nothing`
    : '';
  return `insert into ${table} (${columns.join(', ')}) values ${values}${conflict}`;
}

const prepared = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * Inserts items, each turned into a row (an array in the order of `columns`) by `toRow`, through
 * `executor` — an open transaction; returns how many rows were actually inserted.
 *
 * On SQLite one single-row statement is prepared once and reused: better-sqlite3 is synchronous and
 * has one writing connection, so the rows land inside the caller's open transaction. Every SLICE_MS
 * the insert yields to the event loop; meanwhile other requests' writes wait on Kysely's writing
 * connection, which the transaction holds, so nothing of theirs can land in it — hence a transaction
 * is required — and their reads go to the read-only connection (sqlite-reads.ts).
 * The whole import still commits or rolls back as one (kill -9 mid-insert leaves nothing).
 */
export async function bulkInsert<DB, T>(
  executor: Kysely<DB>,
  db: Pick<Db, 'dialect' | 'sqlite'>,
  table: string,
  columns: readonly string[],
  rows: Iterable<T>,
  toRow: (item: T) => readonly unknown[],
  opts: BulkInsertOptions = {},
): Promise<number> {
  if (!executor.isTransaction) throw new Error(`bulkInsert into ${table} needs an open transaction`);
  if (db.sqlite) {
    const text = statement('sqlite', table, columns, 1, opts);
    const cache = prepared.get(db.sqlite) ?? new Map<string, SQLite.Statement>();
    prepared.set(db.sqlite, cache);
    const stmt = cache.get(text) ?? db.sqlite.prepare(text);
    cache.set(text, stmt);
    let inserted = 0;
    let n = 0;
    let sliceStart = performance.now();
    // Each row array is made just before it is bound, so it dies young (cheap for the GC at 100k rows).
    for (const item of rows) {
      inserted += stmt.run(toRow(item) as unknown[]).changes;
      if (++n % 128 === 0 && performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    return inserted;
  }
  const dialect = db.dialect;
  const chunk = Math.max(1, Math.floor(MAX_VALUES / columns.length));
  let inserted = 0;
  let cachedSize = -1;
  let cachedSql = '';
  const flush = async (part: T[]) => {
    if (part.length !== cachedSize) {
      cachedSize = part.length;
      cachedSql = statement(dialect, table, columns, part.length, opts);
    }
    const params = part.flatMap(toRow);
    const r = await executor.executeQuery(CompiledQuery.raw(cachedSql, params));
    inserted += Number(r.numAffectedRows ?? 0n);
  };
  let part: T[] = [];
  for (const item of rows) {
    part.push(item);
    if (part.length === chunk) {
      await flush(part);
      part = [];
    }
  }
  if (part.length > 0) await flush(part);
  return inserted;
}
