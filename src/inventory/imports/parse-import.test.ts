import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseImport } from './index.ts';
import { appErrorOf, bytesOf, FIXTURES, fixtureBytes, fixtureText } from './test-support.ts';
import type { ImportFormat, ParsedImport, TimeEntryRow } from './types.ts';

function parse(file: string, text: string | Uint8Array, format?: ImportFormat, maxBytes?: number) {
  const bytes = typeof text === 'string' ? bytesOf(text) : text;
  return parseImport({
    file,
    bytes,
    defaultCurrency: 'USD',
    ...(format ? { format } : {}),
    ...(maxBytes ? { maxBytes } : {}),
  });
}

/** What must not change between two renderings of the same export. */
function essence(e: TimeEntryRow) {
  return {
    date: e.date,
    person: e.personName,
    minutes: e.minutes,
    task: e.task,
    project: e.project,
    client: e.client,
    description: e.description,
  };
}

function rowsOf(text: string): string[][] {
  return parseCsv(text, { bom: true, relax_column_count: true }) as string[][];
}

async function toggl(): Promise<ParsedImport> {
  return parse('toggl.csv', fixtureBytes(FIXTURES.toggl));
}

describe('detection and fixtures', () => {
  it('reads a Harvest Detailed Time Report', async () => {
    const r = await parse('harvest.csv', fixtureBytes(FIXTURES.harvest));
    expect(r).toMatchObject({ format: 'harvest', fileKind: 'csv', rowCount: 37, errors: [] });
    expect(r.timeEntries).toHaveLength(37);
    expect(r.timeEntries[0]).toMatchObject({
      line: 2,
      date: '2024-03-04',
      startTime: null,
      personName: 'Dana Whitfield',
      personEmail: null,
      project: 'Pricing strategy review',
      client: 'Halvorsen Foods',
      task: 'Executive interviews',
      description: 'Interview the CFO on pricing governance',
      minutes: 45,
      billable: true,
      costRatePerHour: { amountMinor: 18000, currency: 'USD' },
    });
    // Harvest writes a cost rate of 0 when none is set: that is "unknown", not "free".
    const marcus = r.timeEntries.find((e) => e.personName === 'Marcus Bell')!;
    expect(marcus.costRatePerHour).toBeNull();
    expect(r.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a Toggl Track detailed report (BOM, CRLF, HH:MM:SS durations)', async () => {
    const r = await toggl();
    expect(r).toMatchObject({ format: 'toggl', rowCount: 37, errors: [] });
    expect(r.timeEntries[1]).toMatchObject({
      line: 3,
      personName: 'Priya Nair',
      personEmail: 'priya@northlight.example',
      startTime: '09:05:00',
      minutes: 90,
      // Toggl rows without a task are named after their description.
      task: 'Summary slides of the director interviews',
    });
  });

  it('reads a Clockify detailed report (US dates, 12-hour times)', async () => {
    const r = await parse('clockify.csv', fixtureBytes(FIXTURES.clockify));
    expect(r).toMatchObject({ format: 'clockify', rowCount: 37, errors: [] });
    expect(r.timeEntries[2]).toMatchObject({ date: '2024-03-10', startTime: '10:15:00', minutes: 120 });
    const afternoon = r.timeEntries.find((e) => e.startTime !== null && e.startTime >= '13:00:00');
    expect(afternoon).toBeDefined();
  });

  it('the three trackers give the same entries for the same work', async () => {
    const h = await parse('h.csv', fixtureBytes(FIXTURES.harvest));
    const c = await parse('c.csv', fixtureBytes(FIXTURES.clockify));
    const t = await toggl();
    const pick = (e: TimeEntryRow) => [e.date, e.personName, e.minutes, e.project, e.client, e.description];
    expect(c.timeEntries.map(pick)).toEqual(h.timeEntries.map(pick));
    expect(t.timeEntries.map(pick)).toEqual(h.timeEntries.map(pick));
  });

  it('reports rows by spreadsheet row number after a cell that spans two lines', async () => {
    const text = fixtureText(FIXTURES.harvest);
    const r = await parse('harvest.csv', text);
    const multi = r.timeEntries.find((e) => e.description.includes('\n'))!;
    const next = r.timeEntries.find((e) => e.line === multi.line + 1)!;
    const rows = rowsOf(text);
    expect(rows[next.line - 1]![5]).toBe(next.description);
    expect(multi.description).toBe('Slides 1-12, incl. appendix\nand the back-up pages');
  });

  it('--format overrides detection when a header fits two layouts', async () => {
    // A Clockify export with an extra "Duration" column fits both Clockify and Toggl.
    const rows = rowsOf(fixtureText(FIXTURES.clockify)).map((row, i) => [
      ...row,
      i === 0 ? 'Duration' : row[13]!,
    ]);
    const text = stringify(rows);
    expect((await parse('both.csv', text)).format).toBe('clockify');
    const forced = await parse('both.csv', text, 'toggl');
    expect(forced.format).toBe('toggl');
    expect(forced.errors).toEqual([]);
    expect(forced.timeEntries).toHaveLength(37);
  });

  it('--format refuses a file that lacks the forced layout, naming what is missing', async () => {
    const error = await appErrorOf(parse('toggl.csv', fixtureBytes(FIXTURES.toggl), 'clockify'));
    expect(error.code).toBe('IMPORT_FORMAT_UNKNOWN');
    expect(error.message).toContain('toggl.csv does not have the columns of a Clockify detailed report');
    expect(error.message).toContain('missing Duration (h) or Duration (decimal)');
  });

  it('refuses an unknown layout, listing the headers found and the layouts tried', async () => {
    const error = await appErrorOf(parse('payroll.csv', 'Employee,Amount,Month\nAda,1200,2024-01\n'));
    expect(error.code).toBe('IMPORT_FORMAT_UNKNOWN');
    expect(error.message).toContain('Found headers: "Employee", "Amount", "Month"');
    expect(error.message).toContain(
      'Harvest Detailed Time Report (missing Date, Hours, First Name or Last Name)',
    );
    expect(error.message).toContain('Toggl Track detailed report (missing User, Start date, Duration)');
    expect(error.message).toContain('Clockify detailed report');
    expect(error.message).toContain('Outtask task template');
  });
});

describe('bad rows', () => {
  function replaceCell(text: string, line: number, column: number, value: string): string {
    const rows = rowsOf(text);
    rows[line - 1]![column] = value;
    return stringify(rows);
  }

  it('reports each bad cell with file, line, column and reason, and keeps the good rows', async () => {
    let text = fixtureText(FIXTURES.harvest);
    text = replaceCell(text, 14, 6, '1,5h');
    text = replaceCell(text, 20, 0, '2024-02-30');
    text = replaceCell(text, 20, 8, 'maybe');
    text = replaceCell(text, 31, 11, '');
    text = replaceCell(text, 31, 12, '');
    const r = await parse('harvest.csv', text);
    expect(r.errors).toEqual([
      {
        line: 14,
        column: 'Hours',
        message: 'harvest.csv:14 (column Hours): "1,5h" is not a number of hours',
      },
      {
        line: 20,
        column: 'Date',
        message:
          'harvest.csv:20 (column Date): "2024-02-30" is not a date; expected a date like 2024-03-05 or 03/05/2024',
      },
      {
        line: 20,
        column: 'Billable?',
        message: 'harvest.csv:20 (column Billable?): "maybe" is not Yes or No',
      },
      {
        line: 31,
        column: 'First Name',
        message:
          'harvest.csv:31 (column First Name): is empty; every time entry needs the person who tracked it',
      },
    ]);
    expect(r.rowCount).toBe(37);
    expect(r.timeEntries).toHaveLength(34);
    expect(r.timeEntries.map((e) => e.line)).not.toContain(14);
  });

  it('reports a Toggl duration that is not HH:MM:SS and a row with cells beyond the header', async () => {
    let text = fixtureText(FIXTURES.toggl);
    text = replaceCell(text, 9, 11, 'an hour');
    const lines = text.split(/\r?\n/);
    lines[11] = `${lines[11]},surplus`;
    const r = await parse('toggl.csv', lines.join('\n'));
    expect(r.errors.map((e) => e.message)).toEqual([
      'toggl.csv:9 (column Duration): "an hour" is not a duration; expected hours:minutes:seconds like 01:30:00',
      'toggl.csv:12: has 15 cells but the header has 14; a cell containing the delimiter must be put in double quotes',
    ]);
  });

  it('reports an entry with neither task nor description', async () => {
    const text = replaceCell(replaceCell(fixtureText(FIXTURES.clockify), 4, 2, ''), 4, 3, '');
    const r = await parse('clockify.csv', text);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(
      /^clockify\.csv:4 \(column Task\): has neither a task nor a description/,
    );
  });

  it('refuses an unterminated quote with the line where it opens', async () => {
    const text = fixtureText(FIXTURES.toggl);
    const at = text.indexOf('"Slides 1-12');
    const line = text.slice(0, at).split('\n').length;
    const error = await appErrorOf(parse('toggl.csv', text.slice(0, at + 20)));
    expect(error.code).toBe('IMPORT_MALFORMED');
    expect(error.message).toMatch(new RegExp(`^toggl\\.csv:${line}: a quoted cell is never closed`));
  });
});

describe('refusals', () => {
  it('refuses a file over the size limit, saying the limit', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61);
    const error = await appErrorOf(parse('big.csv', big));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toBe(
      'big.csv is over 20 MB (20971521 bytes); the import limit is 20 MB. Export a shorter date range or split the file.',
    );
    const small = await appErrorOf(parse('toggl.csv', fixtureBytes(FIXTURES.toggl), undefined, 1000));
    expect(small.message).toMatch(/^toggl\.csv is [\d.]+ KB; the import limit is 1000 bytes/);
  });

  it('refuses empty files, blank files and a header with no rows', async () => {
    for (const content of ['', '\ufeff', ' \r\n\r\n', 'User,Email,Start date,Duration\r\n']) {
      const error = await appErrorOf(parse('empty.csv', content));
      expect(error.code).toBe('FILE_EMPTY');
      expect(error.message).toMatch(/^empty\.csv /);
    }
  });

  it('refuses binary files that are neither CSV nor XLSX', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect((await appErrorOf(parse('photo.csv', png))).code).toBe('FILE_BINARY');
    const fakeZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const zipError = await appErrorOf(parse('report.xlsx', fakeZip));
    expect(zipError.code).toBe('FILE_BINARY');
    expect(zipError.message).toContain('not a CSV file nor a valid XLSX workbook');
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await appErrorOf(parse('old.xls', xls))).message).toContain('Excel 97-2003');
  });

  it('tells a Word document from a workbook', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    const docx = await zip.generateAsync({ type: 'uint8array' });
    const error = await appErrorOf(parse('notes.xlsx', docx));
    expect(error.code).toBe('FILE_BINARY');
    expect(error.message).toContain('notes.xlsx is a Word document');
  });

  it('refuses a workbook whose entries, unpacked, pass the cap (zip bomb; more in hostile.test.ts)', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', 'a'.repeat(130 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1_000_000);
    const error = await appErrorOf(parse('bomb.xlsx', bomb));
    expect(error.code).toBe('ARCHIVE_TOO_LARGE');
    expect(error.message).toContain(
      'bomb.xlsx: xl/worksheets/sheet1.xml declares 130 MB; the limit is 128 MB per entry',
    );
  });
});

describe('encodings and delimiters', () => {
  it('reads semicolon-separated CSV with decimal commas, CRLF and a BOM (European Excel)', async () => {
    const rows = rowsOf(fixtureText(FIXTURES.harvest)).map((row, i) =>
      i === 0 ? row : row.map((cell, c) => (c === 6 || c === 17 ? cell.replace('.', ',') : cell)),
    );
    const text = `\ufeff${stringify(rows, { delimiter: ';', record_delimiter: '\r\n', quoted_match: /\n/ })}`;
    expect(text).toContain(';0,75;');
    const european = await parse('harvest-eu.csv', text);
    const original = await parse('harvest.csv', fixtureBytes(FIXTURES.harvest));
    expect(european.errors).toEqual([]);
    expect(european.timeEntries.map(essence)).toEqual(original.timeEntries.map(essence));
    expect(european.timeEntries.map((e) => e.costRatePerHour)).toEqual(
      original.timeEntries.map((e) => e.costRatePerHour),
    );
  });

  it('reads Windows-1252 text (Excel "CSV" on Windows)', async () => {
    const text =
      'User,Email,Start date,Duration,Description\r\nJörg Müller,,2024-03-01,01:00:00,Präsentation für Señor Núñez\r\n';
    const bytes = new Uint8Array([...text].map((ch) => ch.charCodeAt(0)));
    const r = await parse('win.csv', bytes);
    expect(r.timeEntries[0]).toMatchObject({
      personName: 'Jörg Müller',
      task: 'Präsentation für Señor Núñez',
    });
  });

  it('reads UTF-16 tab-separated "Unicode text"', async () => {
    const text =
      '\ufeffUser\tEmail\tStart date\tDuration\tDescription\r\nAda\t\t2024-03-01\t00:30:00\tNotes\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i) & 0xff;
    for (let i = 0; i < text.length; i++) bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
    const r = await parse('unicode.txt', bytes);
    expect(r.timeEntries[0]).toMatchObject({ personName: 'Ada', minutes: 30, task: 'Notes' });
  });

  it('reads Clockify day-first dates when a day above 12 shows the order', async () => {
    const text =
      'Project,Client,Description,Task,User,Email,Billable,Start Date,Start Time,Duration (h)\n' +
      'Audit,Acme,Fieldwork,,Ada,,Yes,05/03/2024,09:00:00 AM,01:00:00\n' +
      'Audit,Acme,Fieldwork,,Ada,,Yes,25/03/2024,01:00:00 PM,00:30:00\n';
    const r = await parse('clockify-eu.csv', text);
    expect(r.timeEntries.map((e) => [e.date, e.startTime])).toEqual([
      ['2024-03-05', '09:00:00'],
      ['2024-03-25', '13:00:00'],
    ]);
  });
});

describe('fingerprints', () => {
  it('the same file twice gives the same fingerprints', async () => {
    const a = await toggl();
    const b = await toggl();
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(b.timeEntries.map((e) => e.fingerprint)).toEqual(a.timeEntries.map((e) => e.fingerprint));
  });

  it('keeps two identical entries on one day apart', async () => {
    const r = await toggl();
    const [first, second] = r.timeEntries.filter((e) => e.line === 6 || e.line === 7);
    expect(essence(first!)).toEqual(essence(second!));
    expect(first!.fingerprint).not.toBe(second!.fingerprint);
    expect(new Set(r.timeEntries.map((e) => e.fingerprint)).size).toBe(37);
  });

  it('a copy with one extra row has exactly one new fingerprint, even when the row repeats one', async () => {
    const text = fixtureText(FIXTURES.toggl);
    const lines = text.split('\r\n');
    const before = new Set((await toggl()).timeEntries.map((e) => e.fingerprint));
    for (const extra of [lines[3]!, lines[3]!.replace('2024-03-10', '2024-03-11')]) {
      const longer = [...lines.slice(0, 2), extra, ...lines.slice(2)].join('\r\n');
      const after = (await parse('toggl-2.csv', longer)).timeEntries.map((e) => e.fingerprint);
      expect(after.filter((f) => !before.has(f))).toHaveLength(1);
    }
  });

  it('overlapping exports of one period share the fingerprints of the overlap', async () => {
    const lines = fixtureText(FIXTURES.toggl).split('\r\n');
    const [header, ...data] = lines;
    const full = (await toggl()).timeEntries.map((e) => e.fingerprint);
    const first = (await parse('a.csv', [header, ...data.slice(0, 20)].join('\r\n'))).timeEntries;
    const second = (await parse('b.csv', [header, ...data.slice(10)].join('\r\n'))).timeEntries;
    const union = new Set([...first, ...second].map((e) => e.fingerprint));
    expect([...union].sort()).toEqual([...full].sort());
  });

  it('re-flagging an entry billable or changing its rate does not make it a new entry', async () => {
    const text = fixtureText(FIXTURES.harvest);
    const rows = rowsOf(text);
    rows[1]![8] = 'No';
    rows[1]![17] = '200.00';
    const changed = await parse('h2.csv', stringify(rows));
    const original = await parse('h.csv', text);
    expect(changed.timeEntries[0]!.fingerprint).toBe(original.timeEntries[0]!.fingerprint);
  });
});

describe('formula cells', () => {
  it('keeps cell text beginning with = + - @ as text', async () => {
    const r = await parse('harvest.csv', fixtureBytes(FIXTURES.harvest));
    const descriptions = r.timeEntries.map((e) => e.description);
    expect(descriptions).toContain('=HYPERLINK("http://evil.example","click")');
    expect(descriptions).toContain('+1 call with the client, notes in "shared drive"');
    expect(descriptions).toContain('@Lena to review, then send');
    expect(descriptions).toContain('-- draft only --');
  });

  it('removes the escaping quote of a safe export ("\'=SUM(A1)" comes back as "=SUM(A1)")', async () => {
    const text =
      "User,Start date,Duration,Description\nAda,2024-01-02,00:10:00,'=SUM(A1:A3)\nAda,2024-01-02,00:10:00,'plain quote\n";
    const r = await parse('t.csv', text);
    expect(r.timeEntries.map((e) => e.description)).toEqual(['=SUM(A1:A3)', "'plain quote"]);
  });
});

describe('XLSX', () => {
  async function workbookOf(
    rows: (string | number | Date | ExcelJS.CellValue)[][],
    sheet = 'Detailed report',
  ) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(sheet);
    for (const row of rows) ws.addRow(row);
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it('a Toggl XLSX with typed date and duration cells gives the same entries and fingerprints as its CSV', async () => {
    const rows = rowsOf(fixtureText(FIXTURES.toggl));
    const typed = rows.map((row, i) => {
      if (i === 0) return row;
      const [h, m, s] = row[11]!.split(':').map(Number) as [number, number, number];
      return row.map((cell, c) => {
        if (c === 7) return new Date(`${cell}T00:00:00Z`);
        if (c === 11) return (h * 3600 + m * 60 + s) / 86_400;
        return cell;
      });
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Detailed report');
    for (const row of typed) ws.addRow(row);
    ws.getColumn(12).numFmt = '[h]:mm:ss';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const fromXlsx = await parse('toggl.xlsx', bytes);
    const fromCsv = await toggl();
    expect(fromXlsx).toMatchObject({ format: 'toggl', fileKind: 'xlsx', errors: [], rowCount: 37 });
    expect(fromXlsx.timeEntries.map((e) => e.fingerprint)).toEqual(
      fromCsv.timeEntries.map((e) => e.fingerprint),
    );
  });

  it('finds the header below title rows and reports lines as the spreadsheet numbers them', async () => {
    const rows = rowsOf(fixtureText(FIXTURES.clockify));
    rows[5]![13] = 'soon';
    const bytes = await workbookOf([['Detailed report'], ['03/01/2024 - 03/31/2024'], [], ...rows]);
    const r = await parse('clockify.xlsx', bytes);
    expect(r.format).toBe('clockify');
    expect(r.errors.map((e) => e.message)).toEqual([
      'clockify.xlsx:9 (sheet Detailed report, column Duration (h)): "soon" is not a duration; expected hours:minutes:seconds like 01:30:00',
    ]);
    expect(r.timeEntries[0]!.line).toBe(5);
  });

  it('takes a formula cell’s saved result, and keeps a formula without one as text', async () => {
    const bytes = await workbookOf([
      ['User', 'Start date', 'Duration', 'Description'],
      ['Ada', '2024-01-02', { formula: 'TEXT(1/24,"hh:mm:ss")', result: '01:00:00' }, 'Call'],
      ['Ada', '2024-01-03', '00:30:00', { formula: 'HYPERLINK("http://x","y")' }],
    ]);
    const r = await parse('formulas.xlsx', bytes);
    expect(r.errors).toEqual([]);
    expect(r.timeEntries.map((e) => [e.minutes, e.description])).toEqual([
      [60, 'Call'],
      [30, '=HYPERLINK("http://x","y")'],
    ]);
  });

  it('refuses a truncated workbook as binary', async () => {
    const bytes = await workbookOf([
      ['User', 'Start date', 'Duration'],
      ['Ada', '2024-01-02', '01:00:00'],
    ]);
    const error = await appErrorOf(parse('cut.xlsx', bytes.slice(0, bytes.length / 2)));
    expect(error.code).toBe('FILE_BINARY');
  });
});
