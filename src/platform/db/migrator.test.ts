import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshDb, testDialects } from '../../../test/helpers/db.ts';
import { migrations } from './migrations/index.ts';
import { migrateToLatest } from './migrator.ts';

describe.each(testDialects)('migrations on %s', (dialect) => {
  it('creates every table and is idempotent', async () => {
    const db = await freshDb(dialect);
    const tables = (await db.kysely.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['workspaces', 'users', 'tasks', 'time_entries', 'jobs']));
    const again = await migrateToLatest(db);
    expect(again.applied).toEqual([]);
  });

  it('stores money as exact integers beyond 2^31 minor units', async () => {
    const db = await freshDb(dialect);
    const now = '2026-01-01T00:00:00.000Z';
    await db.kysely
      .insertInto('workspaces')
      .values({ id: 'w1', name: 'W', slug: 'w', currency: 'USD', settings_json: '{}', created_at: now })
      .execute();
    await db.kysely
      .insertInto('members')
      .values({
        id: 'm1',
        workspace_id: 'w1',
        name: 'A',
        email: null,
        title: '',
        role: 'founder',
        hourly_cost_minor: 9_007_199_254,
        currency: 'USD',
        yearly_capacity_hours: 1600,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const row = await db.kysely.selectFrom('members').select('hourly_cost_minor').executeTakeFirstOrThrow();
    expect(row.hourly_cost_minor).toBe(9_007_199_254);
    expect(typeof row.hourly_cost_minor).toBe('number');
  });

  it('moves every workspace revision on when a migration runs, so nothing cached before it is served', async () => {
    const db = await freshDb(dialect);
    const now = '2026-01-01T00:00:00.000Z';
    for (const id of ['w1', 'w2']) {
      await db.kysely
        .insertInto('workspaces')
        .values({ id, name: id, slug: id, currency: 'USD', settings_json: '{}', created_at: now })
        .execute();
    }
    const revisions = async () =>
      (await db.kysely.selectFrom('workspaces').select(['id', 'revision']).orderBy('id').execute()).map((w) =>
        Number(w.revision),
      );
    expect(await revisions()).toEqual([0, 0]);
    // Nothing to apply: nothing moves.
    expect((await migrateToLatest(db)).applied).toEqual([]);
    expect(await revisions()).toEqual([0, 0]);
    // The latest migration taken back, then applied again (as an upgrade would apply it).
    const migrator = new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => migrations },
      ...(db.schema ? { migrationTableSchema: db.schema } : {}),
    });
    const down = await migrator.migrateDown();
    expect(down.error).toBeUndefined();
    const again = await migrateToLatest(db);
    expect(again.applied).toHaveLength(1);
    expect(await revisions()).toEqual([1, 1]);
  });
});
