import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoApp } from '../../../test/helpers/app.ts';
import { freshDb, testDialects } from '../../../test/helpers/db.ts';
import { backupToBuffer, dependencyOrder, restoreFromBuffer } from './backup.ts';

describe('dependencyOrder', () => {
  it('puts parents before children', () => {
    const deps = new Map([
      ['tasks', ['processes', 'workspaces']],
      ['processes', ['workspaces']],
      ['workspaces', []],
    ]);
    expect(dependencyOrder(['tasks', 'processes', 'workspaces'], deps)).toEqual([
      'workspaces',
      'processes',
      'tasks',
    ]);
  });
});

describe.each(testDialects)('backup and restore on %s', (dialect) => {
  it('round-trips every row, and the restored owner can sign in', async () => {
    const app = await demoApp(dialect);
    const { db } = app.services;
    const tasksBefore = await db.kysely.selectFrom('tasks').selectAll().orderBy('id').execute();
    const backup = await backupToBuffer(db, new Date('2026-05-01T00:00:00Z'));
    expect(backup.rows).toBeGreaterThan(tasksBefore.length);

    // Change and delete data after the backup; the restore must bring back exactly the snapshot.
    await db.kysely.deleteFrom('tasks').where('id', '=', tasksBefore[0]!.id).execute();
    await db.kysely.updateTable('members').set({ hourly_cost_minor: 1 }).execute();
    await restoreFromBuffer(db, backup.bytes, 'snapshot');
    expect(await db.kysely.selectFrom('tasks').selectAll().orderBy('id').execute()).toEqual(tasksBefore);
    const costs = await db.kysely.selectFrom('members').select('hourly_cost_minor').execute();
    expect(costs.every((c) => c.hourly_cost_minor > 1)).toBe(true);
    await app.login(app.demo.email, DEMO_PASSWORD);
    await app.close();
  });

  it('restores into an empty database of the same dialect', async () => {
    const app = await demoApp(dialect);
    const backup = await backupToBuffer(app.services.db, new Date());
    const empty = await freshDb(dialect);
    const r = await restoreFromBuffer(empty, backup.bytes, 'snapshot');
    expect(r.rows).toBe(backup.rows);
    const tasks = (d: typeof empty) =>
      d.kysely.selectFrom('tasks').select(['id', 'name']).orderBy('id').execute();
    expect(await tasks(empty)).toEqual(await tasks(app.services.db));
    expect((await tasks(empty)).length).toBeGreaterThan(50);
    await app.close();
  });

  it('refuses a file that is not a backup and leaves the data as it was', async () => {
    const app = await demoApp(dialect);
    const count = async () =>
      Number(
        (
          await app.services.db.kysely
            .selectFrom('tasks')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst()
        )?.n,
      );
    const before = await count();
    await expect(restoreFromBuffer(app.services.db, Buffer.from('hello'), 'notes.txt')).rejects.toMatchObject(
      {
        code: 'BACKUP_INVALID',
      },
    );
    expect(await count()).toBe(before);
    await app.close();
  });
});
