/** Picks the queue adapter for the database's dialect. */
import { postgresAdapter } from './queue.postgres.ts';
import { sqliteAdapter } from './queue.sqlite.ts';
import { type JobQueue, type QueueDeps, SqlJobQueue } from './queue.ts';

export function createJobQueue(deps: QueueDeps): JobQueue {
  const adapter = deps.db.dialect === 'postgres' ? postgresAdapter(deps.db) : sqliteAdapter(deps.db);
  return new SqlJobQueue(deps, adapter);
}
