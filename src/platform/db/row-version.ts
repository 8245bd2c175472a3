/**
 * Optimistic concurrency in SQL, for every table whose rows carry a `version` (migration 0007).
 * A write first claims the row: its version moves on by one in a single UPDATE, only if the row is
 * still at the version the writer read when it names one (If-Match). On PostgreSQL the UPDATE also
 * locks the row until the transaction ends, so what the write reads next is what it changes and a
 * concurrent writer waits, then finds the version moved; on SQLite the transaction holds the
 * database. Either way a stale write matches no row, and no edit is lost.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

export type VersionedTable =
  | 'members'
  | 'processes'
  | 'tasks'
  | 'procedure_variants'
  | 'procedure_versions'
  | 'procedure_steps'
  | 'forms';

/**
 * Moves the row's version on by one, only from `expected` when given. Call it first in the write's
 * transaction. Returns the new version, or undefined when no row matched (gone, or moved past
 * `expected`): the caller then says which.
 */
export async function claimRowVersion(
  db: Kysely<Database>,
  table: VersionedTable,
  ws: string,
  id: string,
  expected?: number,
): Promise<number | undefined> {
  const onlyAt = expected === undefined ? sql`` : sql` and version = ${expected}`;
  const r = await sql<{ version: number }>`update ${sql.table(table)} set version = version + 1
    where workspace_id = ${ws} and id = ${id}${onlyAt} returning version`.execute(db);
  const row = r.rows[0];
  return row ? Number(row.version) : undefined;
}

/** Moves the workspace's settings version on by one (only from `expected` when given); as above. */
export async function claimSettingsVersion(
  db: Kysely<Database>,
  ws: string,
  expected?: number,
): Promise<number | undefined> {
  let q = db
    .updateTable('workspaces')
    .set((eb) => ({ settings_version: eb('settings_version', '+', 1) }))
    .where('id', '=', ws);
  if (expected !== undefined) q = q.where('settings_version', '=', expected);
  const row = await q.returning('settings_version').executeTakeFirst();
  return row ? Number(row.settings_version) : undefined;
}
