/** CSV written for spreadsheets, safe from formula injection (OWASP "CSV Injection"). */
import { stringify } from 'csv-stringify/sync';
import { ESCAPED_FORMULA, FORMULA_TRIGGERS } from './cells.ts';

/** Plain numbers ("-12", "+3.5") cannot run as formulas and stay numbers in the spreadsheet. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Text that starts with = + - @ (or tab/CR) would be run as a formula by Excel, LibreOffice or Sheets.
 * A leading single quote makes them show it as text; Outtask's import removes that quote again.
 */
export function csvSafeCell(value: string): string {
  const first = value[0];
  if (first === undefined) return value;
  // Text already starting with the escape quote gets one more, so the import's unescaping gives it back.
  const looksEscaped = first === "'" && ESCAPED_FORMULA.test(value);
  if (looksEscaped || (FORMULA_TRIGGERS.has(first) && !PLAIN_NUMBER.test(value))) return `'${value}`;
  return value;
}

/** Rows → CSV text (RFC 4180 quoting, CRLF), every cell passed through csvSafeCell. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => row.map(csvSafeCell)),
    // csv-stringify quotes a cell holding the record delimiter (CRLF) but not a bare LF or CR, which would
    // split the row in every reader: quote those too.
    { record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
  );
}
