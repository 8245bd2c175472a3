/**
 * Statements of the database itself rather than queries of a feature's tables, for the platform's
 * components that need them (the job queue's dialect adapters): SQLite's write transaction that
 * takes the write lock from its first statement, and PostgreSQL's NOTIFY.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * BEGIN IMMEDIATE … COMMIT on one connection (SQLite): a writer holds the lock from the start, so
 * two read-then-write transactions cannot interleave; rolled back when fn throws.
 */
export function immediateTransaction<T>(
  kysely: Kysely<Database>,
  fn: (conn: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return kysely.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

/** pg_notify(channel, payload) (PostgreSQL): delivered when the executor's transaction commits. */
export async function notify(ex: Kysely<Database>, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(ex);
}
