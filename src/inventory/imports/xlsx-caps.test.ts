/**
 * XLSX imports' caps (issue 9, rows 2 and 6), each with an error that says what was too large and
 * where: a zip bomb (sizes that lie), an honest but huge shared-strings part, a sheet of too many rows,
 * a row of too many cells. Every one is refused while the archive inflates, before ExcelJS holds
 * anything, and quickly.
 */
import { describe, expect, it } from 'vitest';
import { buildZip } from '../../../test/factories/zip.ts';
import { type AppError, isAppError } from '../../platform/errors.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { readWorkbook, worksheetScanner } from './xlsx-reader.ts';

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const WORKBOOK = {
  name: 'xl/workbook.xml',
  head: '<workbook><sheets><sheet name="Time"/></sheets></workbook>',
};

async function refusal(bytes: Buffer, file = 'time.xlsx'): Promise<{ error: AppError; ms: number }> {
  const t0 = performance.now();
  const error = await readWorkbook(file, bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  const ms = performance.now() - t0;
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { error, ms };
}

describe('XLSX import caps', () => {
  it('refuses a zip bomb (a sheet declaring 1 KB, inflating past 128 MB), naming the file and entry', async () => {
    const bomb = await buildZip([
      WORKBOOK,
      {
        name: 'xl/worksheets/sheet1.xml',
        head: SHEET_HEAD,
        chunk: '<!-- padding padding padding -->',
        times: 5_000_000,
        tail: SHEET_TAIL,
        declaredSize: 1024,
      },
    ]);
    expect(bomb.length).toBeLessThan(2_000_000);
    const { error, ms } = await refusal(bomb);
    expect(error.code).toBe('ARCHIVE_TOO_LARGE');
    expect(error.details).toMatchObject({
      file: 'time.xlsx',
      entry: 'xl/worksheets/sheet1.xml',
    });
    expect(error.message).toMatch(
      /^time\.xlsx: xl\/worksheets\/sheet1\.xml (inflates to more|brings the unpacked archive over its limit); the limit is 128 MB/,
    );
    expect(ms).toBeLessThan(30_000);
  });

  it('refuses huge shared strings: declared (before inflating) or lied about (while inflating)', async () => {
    const honest = await buildZip([
      WORKBOOK,
      {
        name: 'xl/sharedStrings.xml',
        head: '<sst>',
        chunk: '<si><t>a long cell</t></si>',
        times: 7_000_000,
        tail: '</sst>',
      },
    ]);
    const declared = await refusal(honest);
    expect(declared.error.code).toBe('ARCHIVE_TOO_LARGE');
    expect(declared.error.details).toMatchObject({ entry: 'xl/sharedStrings.xml' });
    expect(declared.error.message).toMatch(/xl\/sharedStrings\.xml declares 1\d\d(\.\d)? MB/);

    const liar = await buildZip([
      WORKBOOK,
      {
        name: 'xl/sharedStrings.xml',
        head: '<sst>',
        chunk: '<si><t>a long cell</t></si>',
        times: 7_000_000,
        tail: '</sst>',
        declaredSize: 2048,
      },
    ]);
    const lied = await refusal(liar);
    expect(lied.error.details).toMatchObject({ entry: 'xl/sharedStrings.xml' });
    expect(lied.error.message).toMatch(
      /xl\/sharedStrings\.xml (inflates to more|brings the unpacked archive over)/,
    );
  });

  it('refuses parts that each fit but together pass the archive cap, naming the entry that passed it', async () => {
    const part = (n: number) => ({
      name: `xl/worksheets/sheet${n}.xml`,
      head: SHEET_HEAD,
      chunk: '<!-- filler filler filler filler -->',
      times: 1_500_000,
      tail: SHEET_TAIL,
    });
    const { error } = await refusal(await buildZip([WORKBOOK, part(1), part(2), part(3)]));
    expect(error.code).toBe('ARCHIVE_TOO_LARGE');
    expect(error.details).toMatchObject({ entry: 'xl/worksheets/sheet3.xml', scope: 'total' });
  });

  it(`refuses a sheet of more than ${IMPORT_LIMITS.maxRows.toLocaleString('en')} rows while it inflates`, async () => {
    const sheet = await buildZip([
      WORKBOOK,
      {
        name: 'xl/worksheets/sheet1.xml',
        head: SHEET_HEAD,
        chunk: '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
        times: IMPORT_LIMITS.maxRows + 1,
        tail: SHEET_TAIL,
      },
    ]);
    const { error, ms } = await refusal(sheet);
    expect(error.code).toBe('IMPORT_TOO_LARGE');
    expect(error.details).toMatchObject({
      file: 'time.xlsx',
      sheet: 'xl/worksheets/sheet1.xml',
      rows: IMPORT_LIMITS.maxRows + 1,
      limit: IMPORT_LIMITS.maxRows,
    });
    expect(error.message).toMatch(
      /^time\.xlsx \(sheet xl\/worksheets\/sheet1\.xml\) has more than 250,000 rows .*split it into smaller files/,
    );
    expect(ms).toBeLessThan(30_000);
  });

  it(`refuses a row of more than ${IMPORT_LIMITS.maxColumns} cells, naming the row`, async () => {
    const sheet = await buildZip([
      WORKBOOK,
      {
        name: 'xl/worksheets/sheet1.xml',
        head: `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row><row r="2">`,
        chunk: '<c><v>7</v></c>',
        times: 1_000_000,
        tail: `</row>${SHEET_TAIL}`,
      },
    ]);
    const { error } = await refusal(sheet);
    expect(error.code).toBe('IMPORT_TOO_LARGE');
    expect(error.details).toMatchObject({ line: 2, columns: IMPORT_LIMITS.maxColumns + 1 });
    expect(error.message).toMatch(
      /^time\.xlsx \(xl\/worksheets\/sheet1\.xml\):2: a row has more than 256 cells/,
    );
  });

  it('counts tags cut across chunk boundaries exactly once', () => {
    const xml = `${SHEET_HEAD}${'<row r="1"><c r="A1"><v>1</v></c><c><v>2</v></c></row>'.repeat(40)}${SHEET_TAIL}`;
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const seen: number[] = [];
      const scan = worksheetScanner('f.xlsx', 's.xml');
      // Each chunk size once; any row or cell counted twice would show in the counts below.
      for (let i = 0; i < xml.length; i += size) {
        const refused = scan(Buffer.from(xml.slice(i, i + size), 'latin1'));
        if (refused) seen.push(Number(refused.details?.rows ?? -1));
      }
      expect(seen, `chunk size ${size}`).toEqual([]);
    }
    // 3 cells in a row against a cap of 256 is no refusal; 257 cells is, whatever the chunking.
    const wide = `<row>${'<c/>'.repeat(257)}</row>`;
    for (const size of [1, 3, 4, 1000]) {
      const scan = worksheetScanner('f.xlsx', 's.xml');
      let refused: AppError | undefined;
      for (let i = 0; i < wide.length && !refused; i += size)
        refused = scan(Buffer.from(wide.slice(i, i + size)));
      expect(refused?.details, `chunk size ${size}`).toMatchObject({ columns: 257, line: 1 });
    }
  });
});
