/**
 * Optimistic concurrency for the procedures' rows (variants, versions with their steps, forms): a
 * write claims its row first in its transaction (claimRowVersion: the version moves on, from the one
 * the writer read when it names one), then reads the row as it now stands and changes that. A write
 * that names an older version is refused with STALE_WRITE and the row as it is now.
 */
import { claimRowVersion, type VersionedTable } from '../../platform/db/row-version.ts';
import type { AppError } from '../../platform/errors.ts';
import { staleWrite, type WriteCondition } from '../../platform/versioning.ts';
import type { Trx } from './context.ts';

export async function claimRow<T extends { version?: number }>(
  trx: Trx,
  table: VersionedTable,
  ws: string,
  id: string,
  condition: WriteCondition,
  what: string,
  load: () => Promise<T | undefined>,
  notFound: () => AppError,
): Promise<T> {
  const claimed = await claimRowVersion(trx, table, ws, id, condition.expectedVersion);
  const current = await load();
  if (!current) throw notFound();
  if (claimed === undefined) {
    throw staleWrite(what, id, condition.expectedVersion ?? -1, current.version ?? 0, current);
  }
  return current;
}
