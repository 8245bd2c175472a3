/**
 * How large an import may be, whatever its format. A real time-tracking export of a boutique firm's
 * year is tens of thousands of rows and a few dozen columns; the caps leave ample room above that
 * and stop a hostile or broken file before it costs minutes and gigabytes.
 */
import { AppError } from '../../platform/errors.ts';
import type { ZipLimits } from '../../platform/zip.ts';

export const IMPORT_LIMITS = {
  /** Rows of one sheet (CSV or XLSX), header included. */
  maxRows: 250_000,
  /** Cells in one row. */
  maxColumns: 256,
  /**
   * An XLSX as unpacked: real inflated bytes, counted as they inflate. ExcelJS holds a workbook's XML
   * as objects (about 10× its size), so 128 MB of XML is the most one import may cost.
   */
  xlsx: {
    maxEntryBytes: 128 * 1024 * 1024,
    maxTotalBytes: 128 * 1024 * 1024,
    maxEntries: 1_000,
  } satisfies ZipLimits,
} as const;

export function tooManyRows(file: string, sheet: string | null, rows: number): AppError {
  const where = sheet ? `${file} (sheet ${sheet})` : file;
  return new AppError(
    'IMPORT_TOO_LARGE',
    `${where} has more than ${IMPORT_LIMITS.maxRows.toLocaleString('en')} rows (${rows.toLocaleString('en')} or more); ` +
      'split it into smaller files (a shorter date range each) and import them one by one.',
    { file, ...(sheet ? { sheet } : {}), rows, limit: IMPORT_LIMITS.maxRows },
  );
}

export function tooManyColumns(file: string, line: number, columns: number): AppError {
  return new AppError(
    'IMPORT_TOO_LARGE',
    `${file}:${line}: a row has more than ${IMPORT_LIMITS.maxColumns} cells (${columns} or more); ` +
      'this is not a time-tracking export or an Outtask template. Check the delimiter, or export it again.',
    { file, line, columns, limit: IMPORT_LIMITS.maxColumns },
  );
}
