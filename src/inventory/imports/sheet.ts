/** A sheet of text cells, the same shape for CSV and XLSX, and the per-row error helper. */
import { formatLocation } from '../../platform/errors.ts';
import { cleanText } from './cells.ts';
import { CsvCursor } from './csv-tokenizer.ts';
import type { Columns } from './layouts.ts';
import { IMPORT_LIMITS, tooManyRows } from './limits.ts';
import type { RowError } from './types.ts';

/** The header is looked for in this many first rows (some XLSX exports put title lines above it). */
export const HEAD_ROWS = 10;

/**
 * Visits rows in order; `index` 0 is spreadsheet row 1. Return false to stop early. The row array may be
 * reused for the next row: keep cells, not the array.
 */
export type RowVisitor = (row: string[], index: number) => unknown;

export interface Sheet {
  /** Worksheet name for XLSX; null for CSV. */
  name: string | null;
  /** True when number cells may use a decimal comma ("1,5"): semicolon-separated CSV. */
  decimalComma: boolean;
  /** The first HEAD_ROWS rows, for finding the header. */
  head: string[][];
  /** Visit the rows from index `from` on. A CSV is tokenized as it goes, so rows need not all be held. */
  eachRow(from: number, visit: RowVisitor): void;
}

export function arraySheet(name: string | null, rows: string[][], decimalComma = false): Sheet {
  return {
    name,
    decimalComma,
    head: rows.slice(0, HEAD_ROWS),
    eachRow(from, visit) {
      for (let i = from; i < rows.length; i++) if (visit(rows[i]!, i) === false) return;
    },
  };
}

export function csvSheet(file: string, text: string): Sheet {
  const first = new CsvCursor(file, text);
  const head: string[][] = [];
  for (let row = first.next(); row !== undefined && head.length < HEAD_ROWS; row = first.next())
    head.push(row);
  return {
    name: null,
    decimalComma: first.delimiter === ';',
    head,
    eachRow(from, visit) {
      const cursor = new CsvCursor(file, text, first.delimiter);
      // One array for every row: at 100,000 rows, an array per row is garbage-collection work.
      const buffer: string[] = [];
      let index = 0;
      for (let row = cursor.next(buffer); row !== undefined; row = cursor.next(buffer), index++) {
        if (index >= IMPORT_LIMITS.maxRows) throw tooManyRows(file, null, index + 1);
        if (index >= from && visit(row, index) === false) return;
      }
    },
  };
}

/** Is there a non-blank row after the header? */
export function hasRowsAfter(sheet: Sheet, headerIndex: number): boolean {
  let found = false;
  sheet.eachRow(headerIndex + 1, (row) => {
    found = !isBlankRow(row);
    return !found;
  });
  return found;
}

export function isBlankRow(row: readonly string[]): boolean {
  for (const c of row) if (c !== '' && c.trim() !== '') return false;
  return true;
}

/**
 * How many row errors an import reports. A file in which every one of 1.5 M rows is wrong must not
 * become a 1.5 M-entry array (and a 100 MB answer): the first ones show what is wrong, the count how much.
 */
export const MAX_REPORTED_ERRORS = 1_000;

/** Row errors as an import reports them: the first MAX_REPORTED_ERRORS in file order, and the counts. */
export class RowErrors {
  readonly first: RowError[] = [];
  /** Every error found, reported or not. */
  count = 0;
  /** Rows with at least one error. */
  rows = 0;

  add(error: RowError, firstOfRow = true): void {
    this.count++;
    if (firstOfRow) this.rows++;
    if (this.first.length < MAX_REPORTED_ERRORS) this.first.push(error);
  }
}

/** Reads one data row by field name and collects its errors with file, line and column. */
export class RowReader {
  row: readonly string[] = [];
  line = 0;
  private rowHasError = false;
  /** Field → column index; a Map lookup per cell is cheaper than a keyed property load at 100,000 rows. */
  private readonly index = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly sheetName: string | null,
    private readonly columns: Columns,
    /** Shared when several sheets feed one import. */
    readonly errors: RowErrors = new RowErrors(),
  ) {
    for (const [field, col] of Object.entries(columns)) if (col) this.index.set(field, col.index);
  }

  start(row: readonly string[], line: number): void {
    this.row = row;
    this.line = line;
    this.rowHasError = false;
  }

  get failed(): boolean {
    return this.rowHasError;
  }

  has(field: string): boolean {
    return this.index.has(field);
  }

  header(field: string): string | undefined {
    return this.columns[field]?.header;
  }

  /**
   * A text field, cleaned; longer than `max` characters (FIELD_LIMITS, the API's own limits) it is an
   * error on this cell, so no import stores what the API would refuse.
   */
  text(field: string, max: number): string {
    const value = cleanText(this.raw(field));
    if (value.length > max) {
      this.cellError(
        field,
        `is ${value.length.toLocaleString('en')} characters long; the limit is ${max.toLocaleString('en')}`,
      );
    }
    return value;
  }

  /** Raw cell text of a field ('' when the column is absent or the row is short). */
  raw(field: string): string {
    const i = this.index.get(field);
    return i === undefined ? '' : (this.row[i] ?? '');
  }

  /** "file.csv:14 (column Hours)"; XLSX adds the sheet: "tasks.xlsx:3 (sheet Members, column Email)". */
  private where(column?: string): string {
    if (!this.sheetName) return formatLocation({ file: this.file, line: this.line, column });
    const parts = [`sheet ${this.sheetName}`, ...(column ? [`column ${column}`] : [])];
    return `${this.file}:${this.line} (${parts.join(', ')})`;
  }

  /** Record a problem with a cell; `reason` follows the quoted cell text. */
  cellError(field: string, reason: string): void {
    const column = this.columns[field]?.header;
    const text = this.raw(field).trim();
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    const message =
      text === ''
        ? `${this.where(column)}: is empty; ${reason}`
        : `${this.where(column)}: "${shown}" ${reason}`;
    this.push({ line: this.line, ...(column ? { column } : {}), message });
  }

  /** Record a problem with the row as a whole, or with a column the file lacks. */
  rowError(reason: string, column?: string): void {
    this.push({
      line: this.line,
      ...(column ? { column } : {}),
      message: `${this.where(column)}: ${reason}`,
    });
  }

  private push(error: RowError): void {
    this.errors.add(error, !this.rowHasError);
    this.rowHasError = true;
  }
}
