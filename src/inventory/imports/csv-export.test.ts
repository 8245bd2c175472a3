import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvSafeCell, parseImport, toCsv } from './index.ts';
import { bytesOf } from './test-support.ts';

describe('csvSafeCell and toCsv', () => {
  it('prefixes text a spreadsheet would run as a formula with a single quote', () => {
    expect(csvSafeCell('=HYPERLINK("http://evil.example")')).toBe('\'=HYPERLINK("http://evil.example")');
    expect(csvSafeCell('+1 call')).toBe("'+1 call");
    expect(csvSafeCell('-- draft --')).toBe("'-- draft --");
    expect(csvSafeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvSafeCell('\tindent')).toBe("'\tindent");
    expect(csvSafeCell('\rreturn')).toBe("'\rreturn");
    expect(csvSafeCell('Plain text = fine')).toBe('Plain text = fine');
    expect(csvSafeCell('-12.5')).toBe('-12.5');
    expect(csvSafeCell('')).toBe('');
    expect(csvSafeCell("'=already quoted")).toBe("''=already quoted");
  });

  it('writes RFC 4180 CSV with CRLF and quotes where needed', () => {
    expect(
      toCsv([
        ['Name', 'Note'],
        ['Ada, Countess', 'said "hi"\nthen left'],
        ['=1+1', '@x'],
      ]),
    ).toBe('Name,Note\r\n"Ada, Countess","said ""hi""\nthen left"\r\n\'=1+1,\'@x\r\n');
  });

  it('any text survives export then import unchanged, and no exported cell starts a formula', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('=', '+', '-', '@', '\t', 'a', ' ', ',', '"', '\n', "'", '1'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 8 }), async (descriptions) => {
        const rows = [
          ['User', 'Start date', 'Duration', 'Description'],
          ...descriptions.map((d) => ['Ada', '2024-01-02', '00:10:00', d.trim() || 'note']),
        ];
        const csv = toCsv(rows);
        const cells = (parseCsv(csv, { relax_column_count: true }) as string[][]).flat();
        const formulas = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(\.\d+)?$/.test(c));
        expect(formulas).toEqual([]);
        const parsed = await parseImport({ file: 'round.csv', bytes: bytesOf(csv), defaultCurrency: 'USD' });
        expect(parsed.timeEntries.map((e) => e.description)).toEqual(rows.slice(1).map((r) => r[3]!.trim()));
      }),
      { numRuns: 300 },
    );
  });
});
