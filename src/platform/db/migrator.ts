/** Runs the migrations in migrations/index.ts; returns what ran rather than printing it. */
import { type MigrationResult, Migrator } from 'kysely';
import { AppError } from '../errors.ts';
import type { Db } from './connect.ts';
import { migrations } from './migrations/index.ts';

export interface MigrateOutcome {
  applied: string[];
  latest: string | undefined;
}

export async function migrateToLatest(db: Db): Promise<MigrateOutcome> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
    // Kysely's introspection sees every schema; name ours so it finds its own lock table.
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? [])
    .filter((r: MigrationResult) => r.status === 'Success')
    .map((r) => r.migrationName);
  if (error) {
    const failed = (results ?? []).find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError(
      'MIGRATION_FAILED',
      `Migration ${failed} failed on ${db.dialect} (${db.where}): ${(error as Error).message}`,
      { failed },
      { cause: error },
    );
  }
  if (applied.length > 0) await bumpWorkspaceRevisions(db);
  const names = Object.keys(migrations).sort();
  return { applied, latest: names[names.length - 1] };
}

/**
 * A migration may change what the derived figures say (a new column's default, rows rewritten), and
 * a server started before it (or beside it) caches rankings and their ETags by workspace revision:
 * after any migration applied, every workspace's revision moves on, so nothing cached before it is
 * served again (issue 9: caches survive neither restore nor migration). Costs one UPDATE.
 */
async function bumpWorkspaceRevisions(db: Db): Promise<void> {
  await db.kysely
    .updateTable('workspaces')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .execute();
}

export function knownMigrationNames(): string[] {
  return Object.keys(migrations).sort();
}
