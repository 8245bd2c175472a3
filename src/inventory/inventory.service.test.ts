import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDb, testDialects } from '../../test/helpers/db.ts';
import { createAccountsService } from '../accounts/index.ts';
import { systemClock } from '../platform/clock.ts';
import { isAppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { createEconomicsService } from './economics.service.ts';
import { createInventoryService } from './inventory.service.ts';
import { taskListJson } from './inventory.views.ts';

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, 'imports', 'fixtures', name));

async function setup(dialect: 'sqlite' | 'postgres') {
  const db = await freshDb(dialect);
  const deps = { db, clock: systemClock, newId };
  const accounts = createAccountsService(deps, { sessionTtlHours: 1 });
  const workspace = await accounts.createWorkspace({ name: 'Northlight Partners', currency: 'USD' });
  const inventory = createInventoryService(deps, { importMaxBytes: 20 * 1024 * 1024 });
  const economics = createEconomicsService(deps);
  const actor = { workspace, userId: null };
  const list = async () => taskListJson(await economics.overview(workspace));
  return { db, inventory, economics, actor, list };
}

describe.each(testDialects)('inventory imports on %s', (dialect) => {
  it('aggregates a Toggl export into tasks with measured hours and cost, and a second import doubles nothing', async () => {
    const { inventory, actor, list, db } = await setup(dialect);
    const bytes = fixture('toggl-detailed.csv');
    const first = await inventory.importFile(actor, { file: 'toggl.csv', bytes });
    expect(first.format).toBe('toggl');
    expect(first.timeEntries.imported).toBeGreaterThan(10);
    expect(first.created.tasks).toBeGreaterThan(0);
    const before = await list();
    const hoursBefore = before.reduce((s, t) => s + t.measuredHours, 0);
    expect(hoursBefore).toBeGreaterThan(0);

    const again = await inventory.importFile(actor, { file: 'toggl.csv', bytes });
    expect(again.timeEntries.imported).toBe(0);
    expect(again.timeEntries.alreadyImported).toBe(first.timeEntries.imported);
    expect(again.created).toEqual({ members: 0, processes: 0, tasks: 0 });
    const after = await list();
    expect(after.reduce((s, t) => s + t.measuredHours, 0)).toBe(hoursBefore);
    const entries = await db.kysely
      .selectFrom('time_entries')
      .select(db.kysely.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(entries?.n)).toBe(first.timeEntries.imported);
  });

  it('costs Harvest entries at the export’s own cost rate', async () => {
    const { inventory, actor, list } = await setup(dialect);
    const report = await inventory.importFile(actor, {
      file: 'harvest.csv',
      bytes: fixture('harvest-detailed-time.csv'),
    });
    expect(report.format).toBe('harvest');
    const tasks = await list();
    const measured = tasks.filter((t) => t.measuredHours > 0);
    expect(measured.length).toBeGreaterThan(0);
    // Harvest carries a cost rate on every row: every measured task has a positive in-house cost.
    for (const t of measured) expect(t.inHouseAnnualCost.amountMinor).toBeGreaterThan(0);
  });

  it('imports nothing when a row is bad, and only the valid rows with skipInvalid', async () => {
    const { inventory, actor, list } = await setup(dialect);
    const good = fixture('clockify-detailed.csv')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const lines = good.trimEnd().split(/\r?\n/);
    // Break the duration of the third data row (line 4 as a spreadsheet shows it).
    const cells = lines[3]!.split(',');
    const bad = [
      ...lines.slice(0, 3),
      lines[3]!.replace(/\d\d:\d\d:\d\d(?=,[\d.]+,)/, 'soon'),
      ...lines.slice(4),
    ].join('\n');
    expect(bad).not.toBe(lines.join('\n'));
    expect(cells.length).toBeGreaterThan(5);
    let error: unknown;
    try {
      await inventory.importFile(actor, { file: 'clockify.csv', bytes: Buffer.from(bad) });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('IMPORT_ROWS_INVALID');
    const details = (error as { details: { errors: { line: number; message: string }[] } }).details;
    expect(details.errors[0]?.line).toBe(4);
    expect(details.errors[0]?.message).toMatch(/clockify\.csv:4/);
    expect(await list()).toEqual([]);

    const partial = await inventory.importFile(actor, {
      file: 'clockify.csv',
      bytes: Buffer.from(bad),
      skipInvalid: true,
    });
    expect(partial.skippedRows).toBe(1);
    expect(partial.rows).toBe(37);
    expect(partial.timeEntries.imported).toBe(partial.rows - 1);
  });

  it('creates members, processes and tasks from the Outtask template and updates them on re-import', async () => {
    const { inventory, actor, list } = await setup(dialect);
    const bytes = fixture('outtask-tasks.csv');
    const first = await inventory.importFile(actor, { file: 'tasks.csv', bytes });
    expect(first.format).toBe('outtask');
    expect(first.created.tasks).toBeGreaterThan(0);
    const again = await inventory.importFile(actor, { file: 'tasks.csv', bytes });
    expect(again.created.tasks).toBe(0);
    expect(again.updated.tasks).toBe(0);
    expect((await list()).length).toBe(first.created.tasks);
  });

  it('refuses an unknown layout and a binary file with a clear message', async () => {
    const { inventory, actor } = await setup(dialect);
    await expect(
      inventory.importFile(actor, { file: 'notes.csv', bytes: Buffer.from('Foo,Bar\n1,2\n') }),
    ).rejects.toMatchObject({ code: 'IMPORT_FORMAT_UNKNOWN' });
    await expect(
      inventory.importFile(actor, {
        file: 'photo.csv',
        bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]),
      }),
    ).rejects.toMatchObject({ code: 'FILE_BINARY' });
  });
});
