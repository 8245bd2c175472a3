/** What every service needs from the platform: the database, the time and a source of ids. */
import type { Clock } from './clock.ts';
import type { Db } from './db/connect.ts';
import type { IdGenerator } from './ids.ts';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
}

export function nowIso(deps: Pick<ServiceDeps, 'clock'>): string {
  return deps.clock.now().toISOString();
}
