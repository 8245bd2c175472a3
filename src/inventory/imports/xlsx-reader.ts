/** XLSX bytes → sheets of text cells (ExcelJS), after a cheap check that the ZIP is a workbook. */
import { AppError, isAppError } from '../../platform/errors.ts';
import { readZip } from '../../platform/zip.ts';
import { IMPORT_LIMITS, tooManyColumns, tooManyRows } from './limits.ts';
import { arraySheet, type Sheet } from './sheet.ts';

function notAWorkbook(file: string, what: string, cause?: unknown): AppError {
  return new AppError(
    'FILE_BINARY',
    `${file} is ${what}, not a CSV file nor a valid XLSX workbook. Export the report as CSV or XLSX and import that.`,
    { file },
    { cause },
  );
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * ExcelJS turns date- and time-formatted numbers into Dates (in UTC). Times and durations are counted from
 * Excel's day zero (1899-12-30), so they come back as "HH:MM:SS"; real dates as yyyy-mm-dd (with the time
 * when there is one).
 */
function dateText(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return '';
  if (d.getUTCFullYear() < 1900) {
    const totalSeconds = Math.round((ms - EXCEL_EPOCH_MS) / 1000);
    if (totalSeconds < 0) return '';
    const h = Math.floor(totalSeconds / 3600);
    return `${pad(h)}:${pad(Math.floor((totalSeconds % 3600) / 60))}:${pad(totalSeconds % 60)}`;
  }
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (ms % DAY_MS === 0) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * A cell as text. Formula cells give the result Excel saved with them; a formula without a saved result
 * comes back as its text ("=A1*2"). Nothing is ever evaluated.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return '';
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return v.richText.map((part: unknown) => cellText((part as { text?: unknown })?.text)).join('');
  }
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result !== undefined && v.result !== null) return cellText(v.result);
    const formula = typeof v.formula === 'string' ? v.formula : String(v.sharedFormula ?? '');
    return formula === '' ? '' : `=${formula}`;
  }
  if ('text' in v) return cellText(v.text);
  if (typeof v.error === 'string') return v.error;
  return '';
}

export interface Workbook {
  sheets: Sheet[];
}

/**
 * Counts a worksheet's rows and each row's cells as its XML inflates (`<row …>` and `<c …>` tags,
 * across chunk boundaries), refusing at the first row or cell past the caps: a sheet of millions of
 * small rows fits the byte caps but would cost ExcelJS gigabytes as objects. Only the tags are seen
 * (no XML parsing), so this costs a scan of the bytes.
 */
export function worksheetScanner(file: string, entry: string): (chunk: Buffer) => AppError | undefined {
  let rows = 0;
  let cells = 0;
  let carry = '';
  const where = `${file} (${entry})`;
  return (chunk) => {
    const text = carry + chunk.toString('latin1');
    const tag = /<(row|c)[\s>/]/g;
    let end = 0;
    for (let m = tag.exec(text); m; m = tag.exec(text)) {
      end = tag.lastIndex;
      if (m[1] === 'row') {
        rows++;
        cells = 0;
        if (rows > IMPORT_LIMITS.maxRows) return tooManyRows(file, entry, rows);
      } else if (++cells > IMPORT_LIMITS.maxColumns) {
        return tooManyColumns(where, rows, cells);
      }
    }
    // A tag cut by the chunk's end (at most "<row" before its delimiter) is read with the next one.
    carry = text.slice(Math.max(end, text.length - 4));
    return undefined;
  };
}

/**
 * Before ExcelJS unpacks the workbook (all of it, in memory), every entry is inflated once as a stream
 * with its real bytes counted (platform/zip): an archive that lies about its sizes, or an honest one
 * too large to hold, is refused as it inflates, with the entry named; so is a worksheet with more
 * rows, or a row with more cells, than an import may have (worksheetScanner).
 */
async function checkArchive(file: string, bytes: Uint8Array): Promise<void> {
  let names: string[];
  try {
    ({ names } = await readZip(bytes, {
      file,
      limits: IMPORT_LIMITS.xlsx,
      keep: () => false,
      countOthers: true,
      inspect: (name) =>
        /^xl\/worksheets\/[^/]+\.xml$/i.test(name) ? worksheetScanner(file, name) : undefined,
    }));
  } catch (error) {
    if (isAppError(error) && error.code === 'ARCHIVE_DAMAGED') {
      throw notAWorkbook(file, 'a damaged or truncated ZIP archive', error);
    }
    throw error;
  }
  if (!names.includes('xl/workbook.xml')) {
    const kind = names.some((n) => n.startsWith('word/'))
      ? 'a Word document'
      : names.some((n) => n.startsWith('ppt/'))
        ? 'a PowerPoint presentation'
        : 'a ZIP archive';
    throw notAWorkbook(file, kind);
  }
}

export async function readWorkbook(file: string, bytes: Uint8Array): Promise<Workbook> {
  await checkArchive(file, bytes);
  // Loaded on first use: ExcelJS is the heaviest module of the app and CSV imports never need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    throw notAWorkbook(file, 'a damaged XLSX workbook', error);
  }
  const sheets: Sheet[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.rowCount > IMPORT_LIMITS.maxRows) throw tooManyRows(file, ws.name, ws.rowCount);
    if (ws.columnCount > IMPORT_LIMITS.maxColumns) {
      throw new AppError(
        'IMPORT_TOO_LARGE',
        `${file} (sheet ${ws.name}) has ${ws.columnCount} columns; the limit is ${IMPORT_LIMITS.maxColumns}. ` +
          'This is not a time-tracking export or an Outtask template.',
        { file, sheet: ws.name, columns: ws.columnCount, limit: IMPORT_LIMITS.maxColumns },
      );
    }
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      while (rows.length < rowNumber - 1) rows.push([]);
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      rows.push(cells);
    });
    sheets.push(arraySheet(ws.name, rows));
  }
  return { sheets };
}
