import { describe, expect, it } from 'vitest';
import {
  aFormYaml,
  aSmallFirm,
  aStandardProcedure,
  storeFirm,
  togglCsv,
} from '../../../test/factories/index.ts';
import { signedInApp } from '../../../test/helpers/app.ts';
import { type DialectName, freshDb, testDialects } from '../../../test/helpers/db.ts';
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

/**
 * A workspace with rows in most tables: members, processes, 60 tasks, measured time, variants, a
 * procedure, a form.
 */
async function appWithData(dialect: DialectName) {
  const app = await signedInApp(dialect);
  const firm = await storeFirm(app.services, app.owner.actor, aSmallFirm({ extraTasks: 59 }));
  const deck = { user: firm.founder.name, project: firm.process.name, task: firm.deck.name };
  const report = await app.services.inventory.importFile(app.owner.actor, {
    file: 'toggl.csv',
    bytes: Buffer.from(
      togglCsv([
        { ...deck, date: '2026-02-02', minutes: 240 },
        { ...deck, date: '2026-02-03', minutes: 180 },
      ]),
    ),
  });
  expect(report.timeEntries.imported).toBe(2);
  await aStandardProcedure(app.services, app.owner.actor, firm.deck.id);
  await app.services.procedures.importFormYaml(app.owner.actor, {
    text: aFormYaml(),
    file: 'form.yaml',
    taskRef: firm.deck.id,
  });
  return { ...app, firm };
}

describe.each(testDialects)('backup and restore on %s', (dialect) => {
  it('round-trips every row, and the restored owner can sign in', async () => {
    const app = await appWithData(dialect);
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
    await app.login(app.owner.email, app.owner.password);
    await app.close();
  });

  it('never takes a workspace revision back: the cached task list misses after a restore', async () => {
    const app = await appWithData(dialect);
    const { db } = app.services;
    const revision = async () =>
      Number(
        (await db.kysely.selectFrom('workspaces').select('revision').executeTakeFirstOrThrow()).revision,
      );
    const list = async () =>
      (await app.http.inject({ method: 'GET', url: '/api/tasks', cookies: app.cookies })).json() as {
        id: string;
      }[];
    const backup = await backupToBuffer(db, new Date('2026-05-01T00:00:00Z'));
    const atBackup = await revision();
    const before = await list();
    // A task added after the backup, seen (and cached) by the server at the newer revision.
    await app.http.inject({
      method: 'DELETE',
      url: `/api/tasks/${before[0]!.id}`,
      cookies: app.cookies,
    });
    expect(await list()).toHaveLength(before.length - 1);
    const afterChange = await revision();
    expect(afterChange).toBeGreaterThan(atBackup);
    await restoreFromBuffer(db, backup.bytes, 'snapshot');
    expect(await revision()).toBeGreaterThan(afterChange);
    expect((await list()).map((t) => t.id).sort()).toEqual(before.map((t) => t.id).sort());
    await app.close();
  });

  it('restores into an empty database of the same dialect', async () => {
    const app = await appWithData(dialect);
    const backup = await backupToBuffer(app.services.db, new Date());
    const empty = await freshDb(dialect);
    const r = await restoreFromBuffer(empty, backup.bytes, 'snapshot');
    expect(r.rows).toBe(backup.rows);
    const tasks = (d: typeof empty) =>
      d.kysely.selectFrom('tasks').select(['id', 'name']).orderBy('id').execute();
    expect(await tasks(empty)).toEqual(await tasks(app.services.db));
    expect((await tasks(empty)).length).toBe(app.firm.tasks.length);
    await app.close();
  });

  it('refuses a file that is not a backup and leaves the data as it was', async () => {
    const app = await appWithData(dialect);
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
