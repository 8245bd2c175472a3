/**
 * Bytes in, text or "this is a workbook" out: size limit, emptiness, binary sniffing and the text
 * encodings spreadsheets really write (UTF-8 with or without BOM, UTF-16 "Unicode text", Windows-1252
 * from Excel's plain "CSV" on Windows).
 */
import { AppError } from '../../platform/errors.ts';
import type { FileKind } from './types.ts';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

export function checkSize(file: string, bytes: Uint8Array, maxBytes: number): void {
  if (bytes.length > maxBytes) {
    const size =
      formatSize(bytes.length) === formatSize(maxBytes)
        ? `over ${formatSize(maxBytes)} (${bytes.length} bytes)`
        : formatSize(bytes.length);
    throw new AppError(
      'FILE_TOO_LARGE',
      `${file} is ${size}; the import limit is ${formatSize(maxBytes)}. ` +
        'Export a shorter date range or split the file.',
      { file, bytes: bytes.length, maxBytes },
    );
  }
  if (bytes.length === 0) {
    throw new AppError('FILE_EMPTY', `${file} is empty: there is nothing to import.`, { file });
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

/** XLSX is a ZIP; everything else must be text. */
export function sniffFileKind(file: string, bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new AppError(
      'FILE_BINARY',
      `${file} is an old Excel 97-2003 (.xls) workbook, which Outtask does not read. ` +
        'Save it as .xlsx or CSV and import that.',
      { file },
    );
  }
  if (startsWith(bytes, PDF_MAGIC)) {
    throw new AppError(
      'FILE_BINARY',
      `${file} is a PDF. Export the report as CSV or XLSX instead and import that.`,
      { file },
    );
  }
  return 'csv';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false });
const windows1252 = new TextDecoder('windows-1252');

function binaryError(file: string): AppError {
  return new AppError(
    'FILE_BINARY',
    `${file} is not a CSV text file nor an XLSX workbook (it contains binary data). ` +
      'Export the report as CSV or XLSX and import that file.',
    { file },
  );
}

/** Control characters other than tab, CR, LF and form feed do not occur in real CSV. */
function looksBinary(text: string): boolean {
  const sample = Math.min(text.length, 65_536);
  let controls = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
    else if (c === 0xfffd) controls++;
  }
  return controls > 0 && controls * 100 > sample;
}

/** Decode CSV bytes to text (BOM removed). Throws FILE_BINARY or FILE_EMPTY. */
export function decodeText(file: string, bytes: Uint8Array): string {
  let text: string;
  try {
    if (startsWith(bytes, [0xff, 0xfe])) text = utf16le.decode(bytes);
    else if (startsWith(bytes, [0xfe, 0xff])) text = utf16be.decode(bytes);
    else text = utf8.decode(bytes);
  } catch {
    // Not UTF-8: Excel on Windows writes "CSV" in the ANSI code page (Windows-1252 in the West).
    // A NUL byte never occurs in such text, so it marks a binary file.
    if (bytes.includes(0)) throw binaryError(file);
    text = windows1252.decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) throw binaryError(file);
  if (text.trim() === '') {
    throw new AppError('FILE_EMPTY', `${file} holds no rows: there is nothing to import.`, { file });
  }
  return text;
}
