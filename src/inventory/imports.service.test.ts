/**
 * Imports map a tracker's activities to the firm's tasks, on both databases: three trackers' exports
 * over three engagements give one task per activity with the hours summed; a preview stores nothing and
 * its decisions, confirmed, attach entries to existing tasks; the decisions are remembered; an import
 * is undone as a whole, leaving the inventory exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { aSmallFirm, aTask, storeFirm, togglCsv } from '../../test/factories/index.ts';
import { freshDb, testDialects } from '../../test/helpers/db.ts';
import { createAccountsService } from '../accounts/index.ts';
import { systemClock } from '../platform/clock.ts';
import type { Db } from '../platform/db/connect.ts';
import { isAppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { createEconomicsService } from './economics.service.ts';
import { createInventoryService } from './inventory.service.ts';
import { taskListJson } from './inventory.views.ts';

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

/** Three engagements, three trackers, the same two activities in each (and lunch in one). */
const harvest = [
  'Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,Approved?,First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,Currency,External Reference URL',
  '2025-03-03,Acme,Acme – Growth Strategy,AC-1,Interview summary deck,Deck v1,2.00,2.00,Yes,No,Yes,Priya,Nair,Manager,Yes,300,600,120,240,USD,',
  '2025-03-04,Acme,Acme – Growth Strategy,AC-1,Slide formatting,,1.00,1.00,Yes,No,Yes,Priya,Nair,Manager,Yes,300,300,120,120,USD,',
].join('\n');
const toggl = togglCsv([
  {
    user: 'Priya Nair',
    project: 'Pricing review',
    task: 'Interview summary deck',
    date: '2025-03-10',
    minutes: 90,
  },
  { user: 'Sam Ortiz', project: 'Pricing review', task: 'Slide formatting', date: '2025-03-11', minutes: 30 },
  { user: 'Sam Ortiz', project: 'Pricing review', task: 'Lunch', date: '2025-03-11', minutes: 45 },
]);
const clockify = [
  'Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD)',
  'Network redesign,Keller,Deck for the CEO,Interview Summary Deck,Priya Nair,,,,Yes,03/20/2025,09:00:00 AM,03/20/2025,10:00:00 AM,01:00:00,1.00,300,300',
  'Network redesign,Keller,,Slide formatting,Sam Ortiz,,,,Yes,03/23/2025,09:00:00 AM,03/23/2025,09:30:00 AM,00:30:00,0.50,300,150',
].join('\n');
const files = [
  { file: 'harvest.csv', bytes: Buffer.from(harvest) },
  { file: 'toggl.csv', bytes: Buffer.from(toggl) },
  { file: 'clockify.csv', bytes: Buffer.from(clockify) },
];

/** Every row of the inventory, in a stable order: what "exactly as it was" compares. */
async function dump(db: Db) {
  const k = db.kysely;
  // Versions move on with every write, an undo's too (a client holding the pre-undo version must reload).
  const strip = <T extends Record<string, unknown>>(rows: T[]) =>
    rows.map(({ updated_at: _u, created_at: _c, version: _v, ...rest }) => rest);
  return {
    members: strip(await k.selectFrom('members').selectAll().orderBy('id').execute()),
    processes: strip(await k.selectFrom('processes').selectAll().orderBy('id').execute()),
    tasks: strip(await k.selectFrom('tasks').selectAll().orderBy('id').execute()),
    entries: await k.selectFrom('time_entries').selectAll().orderBy('fingerprint').execute(),
  };
}

describe.each(testDialects)('time-tracker imports on %s', (dialect) => {
  it('three exports over three engagements give one task per activity, with the hours summed', async () => {
    const { inventory, actor, list } = await setup(dialect);
    for (const f of files) await inventory.importFile(actor, f);
    const tasks = await list();
    expect(tasks.map((t) => [t.name, t.process, t.measuredHours])).toEqual([
      ['Interview summary deck', 'Imported activities', 4.5],
      ['Lunch', 'Imported activities', 0.75],
      ['Slide formatting', 'Imported activities', 2],
    ]);
    const deck = tasks.find((t) => t.name === 'Interview summary deck')!;
    // Made by the first export (one 2-hour entry); the later exports attach to it, as remembered.
    expect(deck.frequency).toMatchObject({ kind: 'per_project', perProject: 1 });
    expect(deck.minutesPerOccurrence).toBe(120);
  });

  it('previews without storing, then attaches the entries to the firm’s tasks as decided; the decisions are remembered', async () => {
    const { inventory, actor, list, db } = await setup(dialect);
    const firm = aSmallFirm();
    const formatting = aTask({ processId: firm.process.id, name: 'Format the slides' });
    firm.tasks.push(formatting);
    await storeFirm({ inventory }, actor, firm);
    const before = await dump(db);

    const preview = await inventory.previewImport(actor, files[1]!);
    expect(await dump(db)).toEqual(before);
    expect(preview.period).toMatchObject({ from: '2025-03-10', to: '2025-03-11', days: 2, stated: false });
    const byName = Object.fromEntries(preview.activities.map((a) => [a.name, a]));
    expect(byName['Interview summary deck']).toMatchObject({
      hours: 1.5,
      people: ['Priya Nair'],
      engagements: ['Pricing review'],
      match: 'similar',
      decision: { action: 'task', taskId: firm.deck.id },
    });
    expect(byName.Lunch).toMatchObject({
      match: 'none',
      decision: { action: 'new', processName: 'Imported activities' },
    });
    expect(byName['Slide formatting']).toMatchObject({
      match: 'similar',
      decision: { action: 'task', taskId: formatting.id },
      target: { taskName: 'Format the slides', process: 'Client research' },
    });
    expect(preview.summary).toMatchObject({ tasksMatched: 2, tasksCreated: 1, entries: 3 });

    const decisions = [
      {
        activity: 'interview summary deck',
        action: 'task' as const,
        task: 'Client research / Build the summary deck',
      },
      { activity: 'Lunch', action: 'ignore' as const },
    ];
    const edited = await inventory.previewImport(actor, { ...files[1]!, decisions });
    expect(edited.summary).toMatchObject({
      tasksMatched: 2,
      tasksCreated: 0,
      activitiesIgnored: 1,
      entriesIgnored: 1,
    });

    const report = await inventory.importFile(actor, { ...files[1]!, decisions });
    expect(report.created).toEqual({ members: 2, processes: 0, tasks: 0 });
    expect(report.timeEntries).toEqual({ imported: 2, alreadyImported: 0, ignored: 1 });
    const tasks = await list();
    expect(tasks.map((t) => t.name).sort()).toEqual(['Build the summary deck', 'Format the slides']);
    expect(tasks.find((t) => t.name === 'Build the summary deck')!.measuredHours).toBe(1.5);

    // The next Toggl export is decided the same way without being told.
    const next = await inventory.previewImport(actor, files[1]!);
    expect(Object.fromEntries(next.activities.map((a) => [a.name, [a.match, a.decision.action]]))).toEqual({
      'Interview summary deck': ['remembered', 'task'],
      'Slide formatting': ['remembered', 'task'],
      Lunch: ['remembered', 'ignore'],
    });
    expect(next.summary.entries).toBe(0);
  });

  it('annualises three weeks of entries, and an overlapping re-import counts each entry once', async () => {
    const { inventory, actor, list } = await setup(dialect);
    const week = (day: string, minutes = 60) => ({
      user: 'Priya Nair',
      project: 'Acme',
      task: 'Slide formatting',
      date: `2025-03-${day}`,
      minutes,
    });
    // Three weeks: 3 to 23 March, 6 hours.
    const first = togglCsv([week('03', 120), week('10', 120), week('23', 120)]);
    await inventory.importFile(actor, { file: 'march.csv', bytes: Buffer.from(first) });
    let [t] = await list();
    expect(t).toMatchObject({ measuredHours: 6, measuredFrom: '2025-03-03', measuredTo: '2025-03-23' });
    expect(t!.measuredNote).toBe('from 3 weeks of entries, scaled to a year');
    const scale = 12 / ((21 * 12) / 365.25);
    expect(t!.annualHours).toBeCloseTo(6 * scale, 1);

    // The next export overlaps (the 23rd again) and runs to 6 April: the 23rd counts once, and the
    // period is now five weeks.
    const second = togglCsv([week('23', 120), { ...week('30'), date: '2025-04-06' }]);
    const report = await inventory.importFile(actor, { file: 'april.csv', bytes: Buffer.from(second) });
    expect(report.timeEntries).toEqual({ imported: 1, alreadyImported: 1, ignored: 0 });
    [t] = await list();
    expect(t).toMatchObject({ measuredHours: 7, measuredFrom: '2025-03-03', measuredTo: '2025-04-06' });
    expect(t!.annualHours).toBeCloseTo(7 * (12 / ((35 * 12) / 365.25)), 1);
    expect(t!.measuredNote).toBe('from 5 weeks of entries, scaled to a year');

    // A period stated at import is the period: a quarter scales by exactly 4.
    const { inventory: inv2, actor: a2, list: list2 } = await setup(dialect);
    await inv2.importFile(a2, {
      file: 'march.csv',
      bytes: Buffer.from(first),
      period: { from: '2025-01-01', to: '2025-03-31' },
    });
    const [q] = await list2();
    expect(q).toMatchObject({ measuredFrom: '2025-01-01', measuredTo: '2025-03-31', annualHours: 24 });
    expect(q!.measuredNote).toBe('from 3 months of entries, scaled to a year');
  });

  it('refuses a decision that names no task, saying which decision', async () => {
    const { inventory, actor } = await setup(dialect);
    const err = await inventory
      .importFile(actor, { ...files[1]!, decisions: [{ activity: 'Lunch', action: 'task', task: 'Eat' }] })
      .catch((e) => e);
    expect(isAppError(err) && err.code).toBe('IMPORT_DECISION_INVALID');
    expect(err.message).toBe('Decision 1 (activity "Lunch"): no task "Eat"');
  });

  it('undoes an import as a whole, restoring the inventory exactly', async () => {
    const { inventory, actor, db } = await setup(dialect);
    const firm = aSmallFirm();
    await storeFirm({ inventory }, actor, firm);
    const first = await inventory.importFile(actor, files[0]!);
    const before = await dump(db);

    const second = await inventory.importFile(actor, {
      ...files[1]!,
      decisions: [{ activity: 'Interview summary deck', action: 'task', task: 'Build the summary deck' }],
    });
    expect(second.created.tasks).toBe(1); // Lunch
    expect(await dump(db)).not.toEqual(before);

    // The first import's tasks now hold the second's entries: undoing the first is refused.
    const blocked = await inventory.undoImport(actor, first.importId).catch((e) => e);
    expect(isAppError(blocked) && blocked.code).toBe('IMPORT_UNDO_BLOCKED');

    const undone = await inventory.undoImport(actor, second.importId);
    expect(undone.undoneAt).not.toBeNull();
    expect(await dump(db)).toEqual(before);
    const again = await inventory.undoImport(actor, second.importId).catch((e) => e);
    expect(isAppError(again) && again.code).toBe('IMPORT_ALREADY_UNDONE');

    await inventory.undoImport(actor, first.importId);
    const empty = await dump(db);
    expect(empty.entries).toEqual([]);
    expect(empty.tasks.map((t) => t.name)).toEqual(['Build the summary deck']);
    expect((await inventory.importHistory(actor)).map((b) => b.undoneAt !== null)).toEqual([true, true]);
  });

  it('undoes a template import: changed tasks get their values back, new ones go', async () => {
    const { inventory, actor, db } = await setup(dialect);
    const firm = aSmallFirm();
    await storeFirm({ inventory }, actor, firm);
    const before = await dump(db);
    const csv = [
      'Process,Task,Minutes per occurrence,Occurrences per year,Performer',
      'Client research,Build the summary deck,1500,10,Fiona Founder',
      'Finance,Prepare client invoices,60,12,Nora New',
    ].join('\n');
    const report = await inventory.importFile(actor, { file: 'tasks.csv', bytes: Buffer.from(csv) });
    expect(report.updated.tasks).toBe(1);
    expect(report.created).toEqual({ members: 1, processes: 1, tasks: 1 });
    await inventory.undoImport(actor, report.importId);
    expect(await dump(db)).toEqual(before);
  });
});
