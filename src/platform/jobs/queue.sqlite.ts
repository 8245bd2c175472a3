/**
 * SQLite adapter (the embedded default): every write transaction is BEGIN IMMEDIATE on Kysely's one
 * connection, so it holds the database's write lock from its first statement — a claim cannot race
 * another process's claim, and busy_timeout queues writers instead of failing them. Wake-ups are
 * in-process; a worker in another process (outtask worker on a SQLite file) finds work by polling.
 */
import type { Db } from '../db/connect.ts';
import { immediateTransaction } from '../db/statements.ts';
import type { Executor } from './jobs.store.ts';
import type { QueueAdapter } from './queue.ts';

export function sqliteAdapter(db: Db): QueueAdapter {
  return {
    dialect: 'sqlite',
    write<T>(fn: (ex: Executor) => Promise<T>): Promise<T> {
      return immediateTransaction(db.kysely, fn);
    },
    // WAL with synchronous=NORMAL commits without an fsync already.
    relaxed(fn) {
      return this.write(fn);
    },
    // Other processes are not told: they poll. This process's workers are woken by the queue itself.
    notify: async () => undefined,
    listen: async () => undefined,
    close: async () => undefined,
  };
}
