/** parseImport: one file's bytes → typed rows and per-row errors. Refusals are AppErrors; bad rows are not. */
import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { checkSize, DEFAULT_MAX_BYTES, decodeText, sniffFileKind } from './decode.ts';
import {
  type Detection,
  detectLayout,
  LAYOUTS,
  type Layout,
  MEMBERS,
  unknownLayoutError,
} from './layouts.ts';
import { csvSheet, hasRowsAfter, isBlankRow, type Sheet } from './sheet.ts';
import { readTemplate, type SheetRead } from './template.ts';
import { readTimeEntries } from './time-entries.ts';
import { IMPORT_FORMATS, type ImportFormat, type ParsedImport } from './types.ts';
import { readWorkbook } from './xlsx-reader.ts';

export interface ParseImportInput {
  /** File name or path; messages name its last segment. */
  file: string;
  bytes: Uint8Array;
  /** Skip detection and read the file as this layout (the CLI's --format). */
  format?: ImportFormat;
  /** Workspace currency: prices without a currency, and Harvest cost rates, are in it. */
  defaultCurrency: string;
  /** Refuse files larger than this; 20 MB when not given. */
  maxBytes?: number;
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

const MEMBERS_SHEET = /^(members?|team|people|staff)$/i;

async function readSheets(file: string, bytes: Uint8Array) {
  const fileKind = sniffFileKind(file, bytes);
  if (fileKind === 'xlsx') return { fileKind, sheets: (await readWorkbook(file, bytes)).sheets };
  return { fileKind, sheets: [csvSheet(file, decodeText(file, bytes))] };
}

export async function parseImport(input: ParseImportInput): Promise<ParsedImport> {
  const file = baseName(input.file);
  if (!/^[A-Z]{3}$/.test(input.defaultCurrency)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The workspace currency must be a 3-letter ISO code, got "${input.defaultCurrency}"`,
    );
  }
  if (input.format !== undefined && !IMPORT_FORMATS.includes(input.format)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Unknown import format "${String(input.format)}"; use one of ${IMPORT_FORMATS.join(', ')}`,
    );
  }
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  checkSize(file, input.bytes, maxBytes);
  const fingerprint = createHash('sha256').update(input.bytes).digest('hex');
  const { fileKind, sheets } = await readSheets(file, input.bytes);

  const candidates: Layout[] = input.format ? [LAYOUTS[input.format]] : Object.values(LAYOUTS);
  const dataSheets = sheets.filter((s) => !MEMBERS_SHEET.test(s.name ?? ''));
  const searchable = dataSheets.length > 0 ? dataSheets : sheets;
  let found: { sheet: Sheet; detection: Detection } | undefined;
  for (const sheet of searchable) {
    const detection = detectLayout(sheet.head, candidates);
    if (detection) {
      found = { sheet, detection };
      break;
    }
  }
  if (!found) {
    const first = searchable.find((s) => s.head.some((r) => !isBlankRow(r)));
    if (!first)
      throw new AppError('FILE_EMPTY', `${file} holds no rows: there is nothing to import.`, { file });
    throw unknownLayoutError(file, first.head, candidates, input.format !== undefined);
  }
  const { sheet, detection } = found;
  const format = detection.layout.format as ImportFormat;

  let membersSheet: SheetRead | undefined;
  if (format === 'outtask') {
    const ms = sheets.find((s) => s !== sheet && MEMBERS_SHEET.test(s.name ?? ''));
    const md = ms ? detectLayout(ms.head, [MEMBERS]) : undefined;
    if (ms && md) membersSheet = { sheet: ms, headerIndex: md.headerIndex, columns: md.columns };
  }

  const hasMembers = membersSheet ? hasRowsAfter(membersSheet.sheet, membersSheet.headerIndex) : false;
  if (!hasRowsAfter(sheet, detection.headerIndex) && !hasMembers) {
    throw new AppError(
      'FILE_EMPTY',
      `${file} has a ${detection.layout.label} header but no rows below it: there is nothing to import.`,
      { file, format },
    );
  }

  const base = { format, fileKind, fingerprint };
  if (format === 'outtask') {
    const read = readTemplate(
      file,
      { sheet, headerIndex: detection.headerIndex, columns: detection.columns },
      membersSheet,
      input.defaultCurrency,
    );
    return {
      ...base,
      tasks: read.tasks,
      members: read.members,
      timeEntries: [],
      errors: read.errors.first,
      errorCount: read.errors.count,
      invalidRows: read.errors.rows,
      rowCount: read.rowCount,
    };
  }
  const read = readTimeEntries(file, sheet, detection, input.defaultCurrency);
  return {
    ...base,
    tasks: [],
    members: [],
    timeEntries: read.entries,
    errors: read.errors.first,
    errorCount: read.errors.count,
    invalidRows: read.errors.rows,
    rowCount: read.rowCount,
  };
}
