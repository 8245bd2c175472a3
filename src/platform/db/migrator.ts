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
  const names = Object.keys(migrations).sort();
  return { applied, latest: names[names.length - 1] };
}

export function knownMigrationNames(): string[] {
  return Object.keys(migrations).sort();
}
