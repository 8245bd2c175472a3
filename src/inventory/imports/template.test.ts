import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseImport, writeTemplate } from './index.ts';
import { bytesOf, FIXTURES, fixtureBytes, fixtureText } from './test-support.ts';

function parse(file: string, bytes: Uint8Array, defaultCurrency = 'USD') {
  return parseImport({ file, bytes, defaultCurrency });
}

function rowsOf(text: string): string[][] {
  return parseCsv(text, { bom: true, relax_column_count: true }) as string[][];
}

describe('Outtask task template', () => {
  it('reads the example inventory: tasks, frequencies, prices and the members the rows describe', async () => {
    const r = await parse('tasks.csv', fixtureBytes(FIXTURES.outtask));
    expect(r).toMatchObject({
      format: 'outtask',
      fileKind: 'csv',
      errors: [],
      rowCount: 20,
      timeEntries: [],
    });
    expect(r.tasks).toHaveLength(20);
    expect(r.tasks[0]).toEqual({
      line: 2,
      process: 'Client delivery',
      name: 'Executive interview summary deck',
      description: 'Turn the notes of 25-50 executive interviews into the summary deck',
      performer: 'Dana Whitfield',
      frequency: { kind: 'per_project', perProject: 1, projectsPerYear: 10 },
      minutesPerOccurrence: 960,
      skillLevel: 'advanced',
      confidentiality: 'confidential',
      needsClientContact: false,
      knownVariants: 4,
      deliverableUnit: 'slide',
      unitsPerOccurrence: 30,
      marketPricePerUnit: { amountMinor: 1100, currency: 'USD' },
      turnaroundHours: 24,
      reviewMinutesPerOccurrence: 90,
    });
    const proofreading = r.tasks.find((t) => t.name === 'Final report proofreading')!;
    expect(proofreading.marketPricePerUnit).toEqual({ amountMinor: 350, currency: 'USD' });
    const invoicing = r.tasks.find((t) => t.name === 'Client invoicing')!;
    expect(invoicing).toMatchObject({
      marketPricePerUnit: null,
      reviewMinutesPerOccurrence: null,
      needsClientContact: true,
    });
    expect(r.tasks.find((t) => t.name === 'Proposal formatting')!.frequency).toEqual({
      kind: 'per_year',
      occurrencesPerYear: 40,
    });
    expect(r.members.map((m) => m.name).sort()).toEqual([
      'Dana Whitfield',
      'Lena Fischer',
      'Priya Nair',
      'Sam Ortiz',
    ]);
    expect(r.members.find((m) => m.name === 'Sam Ortiz')).toEqual({
      line: 4,
      sheet: 'CSV',
      name: 'Sam Ortiz',
      email: 'sam@northlight.example',
      title: 'Analyst',
      role: 'analyst',
      hourlyCost: { amountMinor: 6500, currency: 'USD' },
      yearlyCapacityHours: 1700,
    });
  });

  it('matches headers whatever their case and spacing, and fills documented defaults', async () => {
    const csv = 'PROCESS ; task name ;MINUTES-PER-OCCURRENCE;occurrences per YEAR\nAdmin;Filing;15;200\n';
    const r = await parse('t.csv', bytesOf(csv), 'EUR');
    expect(r.errors).toEqual([]);
    expect(r.tasks[0]).toMatchObject({
      process: 'Admin',
      name: 'Filing',
      performer: null,
      minutesPerOccurrence: 15,
      skillLevel: 'intermediate',
      confidentiality: 'internal',
      needsClientContact: false,
      knownVariants: 1,
      deliverableUnit: 'item',
      unitsPerOccurrence: 1,
      marketPricePerUnit: null,
      turnaroundHours: 48,
      reviewMinutesPerOccurrence: null,
    });
  });

  it('reports bad cells of the template with line, column and the allowed values', async () => {
    const rows = rowsOf(fixtureText(FIXTURES.outtask));
    rows[2]![8] = 'guru';
    rows[3]![7] = '-5';
    rows[4]![14] = '€12';
    rows[5]![4] = '';
    rows[5]![5] = '';
    rows[6]![10] = 'sometimes';
    rows[7]![1] = rows[1]![1]!.toUpperCase();
    const r = await parse('tasks.csv', bytesOf(stringify(rows)));
    expect(r.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [
        3,
        'Skill level',
        'tasks.csv:3 (column Skill level): "guru" is not one of basic, intermediate, advanced, expert',
      ],
      [
        4,
        'Minutes per occurrence',
        'tasks.csv:4 (column Minutes per occurrence): "-5" is not a number above 0',
      ],
      [
        5,
        'Market price per unit',
        'tasks.csv:5 (column Market price per unit): "€12" is in EUR, but the row\'s currency is USD; fill the Currency column',
      ],
      [
        6,
        'Occurrences per year',
        'tasks.csv:6 (column Occurrences per year): gives no frequency: fill Occurrences per year, or Per project and Projects per year',
      ],
      [
        7,
        'Client contact',
        'tasks.csv:7 (column Client contact): "sometimes" is not yes or no (also accepted: true/false, 1/0)',
      ],
      [
        8,
        'Task',
        'tasks.csv:8 (column Task): repeats the task "EXECUTIVE INTERVIEW SUMMARY DECK" of process "Client delivery" from line 2; each task appears once (merge the rows or rename one)',
      ],
    ]);
    expect(r.tasks).toHaveLength(14);
  });

  it('reports a performer described twice with different costs', async () => {
    const rows = rowsOf(fixtureText(FIXTURES.outtask));
    rows[11]![21] = '70';
    const r = await parse('tasks.csv', bytesOf(stringify(rows)));
    expect(r.errors.map((e) => e.message)).toEqual([
      "tasks.csv:12: Sam Ortiz's hourly cost (70.00 USD) differs from line 4 (65.00 USD); give it once or make them agree",
    ]);
    expect(r.members.find((m) => m.name === 'Sam Ortiz')!.hourlyCost).toEqual({
      amountMinor: 6500,
      currency: 'USD',
    });
  });

  it('reads prices with a decimal comma in a semicolon file, and a currency per row', async () => {
    const csv =
      'Process;Task;Occurrences per year;Minutes per occurrence;Market price per unit;Currency\n' +
      'Delivery;Chart clean-up;100;20;1.234,50;EUR\n' +
      'Delivery;Slide polish;100;20;11,5;\n';
    const r = await parse('eu.csv', bytesOf(csv), 'CHF');
    expect(r.errors).toEqual([]);
    expect(r.tasks.map((t) => t.marketPricePerUnit)).toEqual([
      { amountMinor: 123450, currency: 'EUR' },
      { amountMinor: 1150, currency: 'CHF' },
    ]);
  });

  it('refuses per-project and per-year frequencies that disagree', async () => {
    const csv =
      'Process,Task,Occurrences per year,Per project,Projects per year,Minutes per occurrence\n' +
      'Delivery,Deck,300,30,10,60\nDelivery,Memo,99,30,10,60\n';
    const r = await parse('f.csv', bytesOf(csv));
    expect(r.tasks.map((t) => t.name)).toEqual(['Deck']);
    expect(r.errors.map((e) => e.message)).toEqual([
      'f.csv:3 (column Occurrences per year): "99" does not equal Per project × Projects per year (30 × 10); fill only one of the two',
    ]);
  });
});

describe('writeTemplate', () => {
  it('writes a CSV template that imports without errors', async () => {
    const bytes = await writeTemplate('csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const r = await parse('template.csv', bytes);
    expect(r).toMatchObject({ format: 'outtask', errors: [] });
    expect(r.tasks.map((t) => t.name)).toContain('Executive interview summary deck');
    expect(r.members.length).toBeGreaterThan(0);
  });

  it('writes an XLSX template with Tasks, Members and Read me sheets that imports without errors', async () => {
    const bytes = await writeTemplate('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tasks', 'Members', 'Read me']);
    const r = await parse('template.xlsx', bytes);
    expect(r).toMatchObject({ format: 'outtask', fileKind: 'xlsx', errors: [] });
    expect(r.tasks).toHaveLength(4);
    expect(r.members.find((m) => m.name === 'Dana Whitfield')).toMatchObject({
      sheet: 'Members',
      line: 2,
      role: 'founder',
      hourlyCost: { amountMinor: 25000, currency: 'USD' },
    });
  });

  it('reports members-sheet errors with the sheet name', async () => {
    const wb = new ExcelJS.Workbook();
    const tasks = wb.addWorksheet('Tasks');
    tasks.addRow(['Process', 'Task', 'Performer', 'Occurrences per year', 'Minutes per occurrence']);
    tasks.addRow(['Admin', 'Filing', 'Ada', 100, 10]);
    const members = wb.addWorksheet('Members');
    members.addRow(['Name', 'Email', 'Role', 'Hourly cost']);
    members.addRow(['Ada', 'not-an-email', 'wizard', 'lots']);
    const r = await parse('inventory.xlsx', new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(r.errors.map((e) => e.message)).toEqual([
      'inventory.xlsx:2 (sheet Members, column Email): "not-an-email" is not an email address',
      'inventory.xlsx:2 (sheet Members, column Role): "wizard" is not one of founder, partner, manager, consultant, analyst, support',
      'inventory.xlsx:2 (sheet Members, column Hourly cost): "lots" is not an amount of money',
    ]);
    expect(r.tasks).toHaveLength(1);
  });
});
