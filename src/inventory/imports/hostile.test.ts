/** Hostile imports: zip bombs, lying archives, too many rows or columns — each refused early and clearly. */
import { describe, expect, it } from 'vitest';
import { buildZip } from '../../../test/factories/zip.ts';
import { parseImport } from './index.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { appErrorOf, bytesOf } from './test-support.ts';

const MB = 1024 * 1024;
const parse = (file: string, bytes: Uint8Array) => parseImport({ file, bytes, defaultCurrency: 'USD' });

describe('hostile imports', () => {
  it('refuses an XLSX whose central directory declares 1 KB for a 200 MB sheet, while inflating', async () => {
    const liar = await buildZip([
      { name: '[Content_Types].xml', head: '<Types/>' },
      { name: 'xl/workbook.xml', head: '<workbook/>' },
      {
        name: 'xl/worksheets/sheet1.xml',
        head: '<worksheet><sheetData>',
        // Not rows: a bomb of rows is refused sooner, by the row cap (xlsx-caps.test.ts).
        chunk: `<pad>${'T'.repeat(39)}</pad>`,
        times: (200 * MB) / 50,
        tail: '</sheetData></worksheet>',
        declaredSize: 1024,
      },
    ]);
    expect(liar.length).toBeLessThan(MB);
    const before = process.memoryUsage().rss;
    const error = await appErrorOf(parse('time.xlsx', liar));
    expect(error.code).toBe('ARCHIVE_TOO_LARGE');
    expect(error.details).toMatchObject({ file: 'time.xlsx', entry: 'xl/worksheets/sheet1.xml' });
    expect(error.message).toMatch(/^time\.xlsx: xl\/worksheets\/sheet1\.xml .*; the limit is 128 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it('refuses an XLSX whose entries each pass but together pass the total', async () => {
    const parts = [1, 2].map((k) => ({
      name: `xl/worksheets/sheet${k}.xml`,
      chunk: '<pad/>',
      times: (70 * MB) / 6,
      declaredSize: 100,
    }));
    const zip = await buildZip([{ name: 'xl/workbook.xml', head: '<workbook/>' }, ...parts]);
    const error = await appErrorOf(parse('two.xlsx', zip));
    expect(error.details).toMatchObject({ entry: 'xl/worksheets/sheet2.xml', scope: 'total' });
  });

  it('refuses a CSV row with more cells than the cap, naming the line', async () => {
    const wide = `User,Email,Start date,Duration\n${'x,'.repeat(IMPORT_LIMITS.maxColumns + 10)}\n`;
    const error = await appErrorOf(parse('wide.csv', bytesOf(wide)));
    expect(error.code).toBe('IMPORT_TOO_LARGE');
    expect(error.message).toMatch(/^wide\.csv:2: a row has more than 256 cells/);
    const header = await appErrorOf(parse('header.csv', bytesOf(`${'col,'.repeat(1_000_000)}\n1\n`)));
    expect(header.details).toMatchObject({ line: 1, limit: IMPORT_LIMITS.maxColumns });
  });

  it('refuses a CSV with more rows than the cap', async () => {
    const rows = `User,Email,Start date,Duration\n${'Ann,,2024-03-01,01:00:00\n'.repeat(IMPORT_LIMITS.maxRows)}`;
    const error = await appErrorOf(parse('long.csv', bytesOf(rows)));
    expect(error.code).toBe('IMPORT_TOO_LARGE');
    expect(error.message).toMatch(/^long\.csv has more than 250,000 rows/);
  });
});

describe('imports full of bad rows', () => {
  const TOGGL =
    'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration\n';

  it('reports the first 1,000 errors with line and reason, and counts them all (200,000 bad rows)', async () => {
    const bad =
      'Ann Lee,,Acme,Pricing,Desk research,Read,Yes,2025-02-03,09:00:00,2025-02-03,10:30:00,later\n';
    const parsed = await parse('toggl.csv', bytesOf(TOGGL + bad.repeat(200_000)));
    expect(parsed.rowCount).toBe(200_000);
    expect(parsed.errorCount).toBe(200_000);
    expect(parsed.invalidRows).toBe(200_000);
    expect(parsed.errors).toHaveLength(1_000);
    expect(parsed.errors[0]).toMatchObject({ line: 2, column: 'Duration' });
    expect(parsed.errors[999]!.line).toBe(1_001);
  });

  it('does the same for a template file (no push(...spread) of every error)', async () => {
    const header = 'Process,Task,Occurrences per year,Minutes per occurrence\n';
    const parsed = await parse('tasks.csv', bytesOf(header + 'Delivery,,many,\n'.repeat(200_000)));
    expect(parsed.invalidRows).toBe(200_000);
    expect(parsed.errorCount).toBeGreaterThanOrEqual(400_000);
    expect(parsed.errors).toHaveLength(1_000);
  });
});

describe('field limits on every import path (the API’s FIELD_LIMITS)', () => {
  it('refuses a template task name over the API’s limit, naming line and column', async () => {
    const header = 'Process,Task,Occurrences per year,Minutes per occurrence\n';
    const huge = 'x'.repeat(10_485_760);
    const parsed = await parse(
      'tasks.csv',
      bytesOf(`${header}Delivery,${huge},12,30\nDelivery,Deck,12,30\n`),
    );
    expect(parsed.tasks.map((t) => t.name)).toEqual(['Deck']);
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'Task',
        message: expect.stringMatching(/is 10,485,760 characters long; the limit is 300$/),
      }),
    ]);
    expect(parsed.errors[0]!.message.length).toBeLessThan(200);
  });

  it('refuses tracker projects, people and tasks over the limits; a long description only shortens the task name', async () => {
    const TOGGL =
      'User,Email,Client,Project,Description,Billable,Start date,Start time,End date,End time,Duration\n';
    const row = (user: string, project: string, description: string) =>
      `${user},,Acme,${project},${description},Yes,2025-02-03,09:00:00,2025-02-03,10:30:00,01:30:00\n`;
    const longWords = 'word '.repeat(2_000).trim();
    const parsed = await parse(
      'toggl.csv',
      bytesOf(
        TOGGL +
          row('Ann', 'p'.repeat(201), 'Research') +
          row('n'.repeat(201), 'Pricing', 'Research') +
          row('Ann', 'Pricing', longWords),
      ),
    );
    expect(parsed.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Project'],
      [3, 'User'],
    ]);
    expect(parsed.timeEntries).toHaveLength(1);
    expect(parsed.timeEntries[0]!.task.length).toBeLessThanOrEqual(300);
    expect(parsed.timeEntries[0]!.task).toMatch(/^word word .*…$/);
    expect(parsed.timeEntries[0]!.description).toBe(longWords);
  });
});
