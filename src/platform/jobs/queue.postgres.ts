/**
 * PostgreSQL adapter: claims lock the chosen row FOR UPDATE SKIP LOCKED (in jobs.store.ts), so any
 * number of workers on any number of machines take different jobs; NOTIFY, sent inside the enqueuing
 * transaction, wakes them when it commits (LISTEN on a connection of its own). Polling stays as the
 * fallback for a notification lost while that connection was down.
 */
import type { Db, Listener } from '../db/connect.ts';
import { notify } from '../db/statements.ts';
import type { Executor } from './jobs.store.ts';
import type { QueueAdapter } from './queue.ts';

/** One channel per schema: tests (and tenants of one server) in separate schemas do not wake each other. */
export function channelFor(db: Db): string {
  return `outtask_jobs${db.schema ? `_${db.schema.toLowerCase()}` : ''}`.slice(0, 63);
}

export function postgresAdapter(db: Db): QueueAdapter {
  const channel = channelFor(db);
  let listener: Listener | undefined;
  return {
    dialect: 'postgres',
    write<T>(fn: (ex: Executor) => Promise<T>): Promise<T> {
      return db.kysely.transaction().execute((trx) => fn(trx));
    },
    // One statement each (claim, heartbeat, success), autocommitted on the relaxed pool.
    relaxed<T>(fn: (ex: Executor) => Promise<T>): Promise<T> {
      return fn(db.relaxed ? db.relaxed() : db.kysely);
    },
    async notify(ex, signal) {
      await notify(ex, channel, signal);
    },
    async listen(onSignal) {
      if (!db.listen) throw new Error('This PostgreSQL connection cannot LISTEN');
      if (!listener) listener = await db.listen(channel, onSignal);
    },
    async close() {
      await listener?.close();
      listener = undefined;
    },
  };
}
