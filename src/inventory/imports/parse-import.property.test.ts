/**
 * Property tests of the import parsers: generated, mutated and random inputs never crash with anything but
 * a typed AppError, good output is well-formed, valid tracker rows round-trip, and the CSV tokenizer agrees
 * with csv-parse.
 */
import { parse as csvParse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { csvSafeCell } from './csv-export.ts';
import { tokenizeCsv } from './csv-tokenizer.ts';
import { type ParsedImport, parseImport } from './index.ts';
import { bytesOf, FIXTURES, fixtureBytes } from './test-support.ts';

const REFUSALS: ErrorCode[] = [
  'IMPORT_FORMAT_UNKNOWN',
  'IMPORT_MALFORMED',
  'FILE_BINARY',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
];

/** Well-formed output: every error names its file and line; every row is typed as promised. */
function checkResult(file: string, r: ParsedImport): void {
  for (const e of r.errors) {
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.message.startsWith(`${file}:${e.line}`)).toBe(true);
  }
  const lines = r.timeEntries.map((e) => e.line);
  expect(new Set(lines).size).toBe(lines.length);
  for (const e of r.timeEntries) {
    expect(e.line).toBeGreaterThanOrEqual(2);
    expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isInteger(e.minutes) && e.minutes >= 0).toBe(true);
    expect(e.personName).not.toBe('');
    expect(e.task).not.toBe('');
    expect(e.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  }
  for (const t of r.tasks) {
    expect(t.minutesPerOccurrence).toBeGreaterThan(0);
    expect(t.process).not.toBe('');
    expect(t.name).not.toBe('');
  }
  expect(new Set(r.timeEntries.map((e) => e.fingerprint)).size).toBe(r.timeEntries.length);
}

async function survives(file: string, bytes: Uint8Array, maxBytes?: number): Promise<void> {
  try {
    const r = await parseImport({ file, bytes, defaultCurrency: 'USD', ...(maxBytes ? { maxBytes } : {}) });
    checkResult(file, r);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(REFUSALS).toContain(error.code);
    expect(error.message.startsWith(file)).toBe(true);
  }
}

const KNOWN_HEADERS = [
  'Date',
  'Client',
  'Project',
  'Task',
  'Notes',
  'Hours',
  'Billable?',
  'First Name',
  'Last Name',
  'Cost Rate',
  'Currency',
  'User',
  'Email',
  'Description',
  'Billable',
  'Start date',
  'Start time',
  'Duration',
  'Tags',
  'Start Date',
  'Start Time',
  'Duration (h)',
  'Duration (decimal)',
  'Cost Rate (EUR)',
  'Process',
  'Minutes per occurrence',
  'Occurrences per year',
  'Per project',
  'Projects per year',
  'Market price per unit',
  'Skill level',
  'Performer',
  'Performer hourly cost',
];

const noisyChar = fc.constantFrom(...'aZ09 ,;"\n\r\t=+-@\':/.€ü'.split(''), '\u0000', '\ufeff');
const plausibleCell = fc.oneof(
  fc.string({ unit: noisyChar, maxLength: 12 }),
  fc.constantFrom(
    '2024-03-05',
    '03/05/2024',
    '31/12/2024',
    '2024-02-30',
    '09:05:00 AM',
    '13:00 PM',
    '01:30:00',
    '1,5',
    '1.5',
    '-2',
    '0',
    '99999999999999999999',
    'Yes',
    'no',
    '$11',
    '€12,50',
    'USD',
    'Euro - EUR',
    'Ada',
    '=1+1',
    "'=x",
    'Total',
    'basic',
    'expert',
    'founder',
    '',
  ),
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
);

const generatedCsv = fc
  .record({
    header: fc.array(
      fc.oneof(fc.constantFrom(...KNOWN_HEADERS), fc.string({ unit: noisyChar, maxLength: 8 })),
      {
        minLength: 1,
        maxLength: 14,
      },
    ),
    rows: fc.array(fc.array(plausibleCell, { maxLength: 16 }), { maxLength: 12 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    quoteAll: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ header, rows, delimiter, newline, quoteAll, bom }) => {
    const cell = (c: string) => (quoteAll || /[",;\t\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const text = [header, ...rows].map((r) => r.map(cell).join(delimiter)).join(newline);
    return (bom ? '\ufeff' : '') + text;
  });

describe('parsers never crash (fast-check)', () => {
  it('generated CSVs (random headers, cells, quotes, newlines) give rows or a typed refusal', async () => {
    await fc.assert(
      fc.asyncProperty(generatedCsv, (text) => survives('gen.csv', bytesOf(text))),
      { numRuns: 1500 },
    );
  });

  it('generated CSVs with raw (unbalanced) quotes give rows or a typed refusal', async () => {
    const raw = fc
      .array(fc.array(plausibleCell, { maxLength: 10 }), { minLength: 1, maxLength: 10 })
      .map((rows) => [KNOWN_HEADERS.slice(11, 19), ...rows].map((r) => r.join(',')).join('\n'));
    await fc.assert(
      fc.asyncProperty(raw, (text) => survives('raw.csv', bytesOf(text))),
      { numRuns: 1000 },
    );
  });

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 40 }),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    }),
    fc.record({
      kind: fc.constant('text' as const),
      at: fc.nat(),
      text: fc.constantFrom(
        '"',
        '""',
        ',',
        ';',
        '\n',
        '\r',
        '\r\n',
        '"\n"',
        '=',
        '\u0000',
        'Total,',
        '99:99:99',
      ),
    }),
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  );

  type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

  function mutate(bytes: Uint8Array, ops: Mutation[]): Uint8Array {
    let b = bytes;
    for (const op of ops) {
      const at = b.length === 0 ? 0 : op.at % (b.length + 1);
      if (op.kind === 'truncate') b = b.slice(0, at);
      else if (op.kind === 'delete') b = new Uint8Array([...b.slice(0, at), ...b.slice(at + op.length)]);
      else if (op.kind === 'insert') b = new Uint8Array([...b.slice(0, at), ...op.bytes, ...b.slice(at)]);
      else if (op.kind === 'text')
        b = new Uint8Array([...b.slice(0, at), ...bytesOf(op.text), ...b.slice(at)]);
      else if (at < b.length) {
        b = b.slice();
        b[at] = op.value;
      }
    }
    return b;
  }

  for (const [format, name] of Object.entries(FIXTURES)) {
    it(`mutations and truncations of the ${format} fixture give rows or a typed refusal`, async () => {
      const original = fixtureBytes(name);
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ops) =>
          survives(name, mutate(original, ops)),
        ),
        { numRuns: 400 },
      );
    });
  }

  it('random bytes give a typed refusal or rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), (bytes) => survives('random.bin', bytes, 2000)),
      { numRuns: 1000 },
    );
  });

  it('random bytes behind a ZIP signature are refused as binary, never crash ExcelJS out of its box', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (tail) => {
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
        const error = await parseImport({ file: 'x.xlsx', bytes, defaultCurrency: 'USD' }).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('FILE_BINARY');
      }),
      { numRuns: 300 },
    );
  });
});

describe('CSV tokenizer agrees with csv-parse', () => {
  it('on well-formed files of any cells, delimiter and line ending', () => {
    const cell = fc.string({ unit: fc.constantFrom(...'ab ,;\t"\n\r\'=é'.split('')), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        (rows, delimiter, newline) => {
          const text = stringify(rows, { delimiter, record_delimiter: newline, quoted_match: /[\r\n]/ });
          const expected = csvParse(text, { delimiter, relax_column_count: true, skip_empty_lines: false });
          expect(tokenizeCsv('t.csv', text, delimiter).rows).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('valid tracker rows round-trip', () => {
  const word = fc.string({
    unit: fc.constantFrom(...'abcXYZ éü,"\'=+-@;'.split('')),
    minLength: 1,
    maxLength: 10,
  });
  const text = word.map((s) => s.trim()).filter((s) => s !== '' && s !== 'Total' && !/^total\b/i.test(s));
  const entryArb = fc.record({
    first: text,
    last: text,
    project: text,
    client: text,
    description: text,
    date: fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    minutes: fc.integer({ min: 0, max: 20_000 }),
    startMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  });
  type Entry = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
  const us = (d: Date) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
  const twelve = (m: number) => {
    const h = Math.floor(m / 60);
    return `${pad(h % 12 || 12)}:${pad(m % 60)}:00 ${h < 12 ? 'AM' : 'PM'}`;
  };

  function render(header: string[], rows: string[][], delimiter: string): Uint8Array {
    const safe = rows.map((r) => r.map(csvSafeCell));
    return bytesOf(stringify([header, ...safe], { delimiter, quoted_match: /[\r\n]/ }));
  }

  const layouts: Record<string, (es: Entry[], delimiter: string) => Uint8Array> = {
    toggl: (es, d) =>
      render(
        [
          'User',
          'Email',
          'Client',
          'Project',
          'Task',
          'Description',
          'Billable',
          'Start date',
          'Start time',
          'End date',
          'End time',
          'Duration',
          'Tags',
          'Amount (USD)',
        ],
        es.map((e) => [
          `${e.first} ${e.last}`,
          '',
          e.client,
          e.project,
          '',
          e.description,
          'Yes',
          iso(e.date),
          hms(e.startMinute),
          iso(e.date),
          '',
          hms(e.minutes),
          '',
          '',
        ]),
        d,
      ),
    clockify: (es, d) =>
      render(
        [
          'Project',
          'Client',
          'Description',
          'Task',
          'User',
          'Group',
          'Email',
          'Tags',
          'Billable',
          'Start Date',
          'Start Time',
          'End Date',
          'End Time',
          'Duration (h)',
          'Duration (decimal)',
        ],
        es.map((e) => [
          e.project,
          e.client,
          e.description,
          '',
          `${e.first} ${e.last}`,
          '',
          '',
          '',
          'No',
          us(e.date),
          twelve(e.startMinute),
          us(e.date),
          '',
          hms(e.minutes),
          (e.minutes / 60).toFixed(2),
        ]),
        d,
      ),
    harvest: (es, d) =>
      render(
        [
          'Date',
          'Client',
          'Project',
          'Project Code',
          'Task',
          'Notes',
          'Hours',
          'Hours Rounded',
          'Billable?',
          'First Name',
          'Last Name',
          'Cost Rate',
          'Currency',
        ],
        es.map((e) => {
          const hours = (e.minutes / 60).toFixed(6);
          return [
            iso(e.date),
            e.client,
            e.project,
            '',
            '',
            e.description,
            d === ';' ? hours.replace('.', ',') : hours,
            '',
            'Yes',
            e.first,
            e.last,
            '',
            '',
          ];
        }),
        d,
      ),
  };

  for (const [format, write] of Object.entries(layouts)) {
    it(`${format}: render to CSV → parse gives back the dates, minutes, people and descriptions`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(entryArb, { minLength: 1, maxLength: 12 }),
          fc.constantFrom(',', ';'),
          async (es, d) => {
            const r = await parseImport({
              file: `${format}.csv`,
              bytes: write(es, d),
              defaultCurrency: 'USD',
            });
            expect(r.format).toBe(format);
            expect(r.errors).toEqual([]);
            expect(
              r.timeEntries.map((e) => [e.date, e.minutes, e.personName, e.description, e.task, e.project]),
            ).toEqual(
              es.map((e) => [
                iso(e.date),
                e.minutes,
                `${e.first} ${e.last}`,
                e.description,
                e.description,
                e.project,
              ]),
            );
            if (format !== 'harvest') {
              expect(r.timeEntries.map((e) => e.startTime)).toEqual(es.map((e) => hms(e.startMinute)));
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});
