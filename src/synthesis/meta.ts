/**
 * Interview metadata (role and date per interview) parsed from the text of a CSV or JSON manifest.
 * Pure: the caller reads the file.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../platform/errors.ts';
import { interviewIdFromFile } from './readers/index.ts';

export interface InterviewMeta {
  role?: string;
  date?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function metaError(file: string, line: number | undefined, message: string): AppError {
  return new AppError(
    'IMPORT_MALFORMED',
    `${file}${line !== undefined ? `:${line}` : ''}: ${message}. An interview metadata file is a CSV with the columns id (or file), role, date (YYYY-MM-DD), or JSON {"<id>": {"role": "…", "date": "…"}}`,
    { file, line },
  );
}

/**
 * Parse an interview metadata file: role and date per interview, keyed by interview id (a `file`
 * column is reduced to the id the readers give that file). CSV or JSON, decided by the content.
 */
export function parseInterviewMeta(text: string, file = 'interviews.csv'): Record<string, InterviewMeta> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw metaError(file, 1, 'the file is empty');
  const out: Record<string, InterviewMeta> = {};
  const put = (rawId: unknown, rawFile: unknown, role: unknown, date: unknown, line: number | undefined) => {
    const id =
      typeof rawId === 'string' && rawId.trim() !== ''
        ? rawId.trim()
        : typeof rawFile === 'string' && rawFile.trim() !== ''
          ? interviewIdFromFile(rawFile.trim())
          : undefined;
    if (id === undefined) throw metaError(file, line, 'a row has neither an id nor a file');
    if (role !== undefined && role !== null && typeof role !== 'string')
      throw metaError(file, line, `role of "${id}" must be text`);
    if (
      date !== undefined &&
      date !== null &&
      (typeof date !== 'string' || (date.trim() !== '' && !DATE.test(date.trim())))
    ) {
      throw metaError(file, line, `date of "${id}" must look like 2025-03-14, got ${JSON.stringify(date)}`);
    }
    if (Object.hasOwn(out, id)) throw metaError(file, line, `interview "${id}" appears twice`);
    const m: InterviewMeta = {};
    if (typeof role === 'string' && role.trim() !== '') m.role = role.trim().slice(0, 120);
    if (typeof date === 'string' && date.trim() !== '') m.date = date.trim();
    out[id] = m;
  };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      throw metaError(
        file,
        undefined,
        `not valid JSON (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    if (Array.isArray(value)) {
      value.forEach((row, i) => {
        if (row === null || typeof row !== 'object' || Array.isArray(row))
          throw metaError(file, undefined, `item ${i + 1} is not an object`);
        const r = row as Record<string, unknown>;
        put(r.id, r.file, r.role, r.date, undefined);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [id, row] of Object.entries(value)) {
        if (row === null || typeof row !== 'object' || Array.isArray(row))
          throw metaError(file, undefined, `"${id}" is not an object`);
        const r = row as Record<string, unknown>;
        put(id, undefined, r.role, r.date, undefined);
      }
    } else throw metaError(file, undefined, 'expected an object or an array');
    return out;
  }
  let rows: string[][];
  try {
    rows = parseCsv(trimmed, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw metaError(
      file,
      line,
      `not valid CSV (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
    );
  }
  const head = (rows[0] ?? []).map((h) => h.toLowerCase());
  const col = (name: string) => head.indexOf(name);
  if (col('id') < 0 && col('file') < 0)
    throw metaError(file, 1, 'the header row needs an "id" or a "file" column');
  if (col('role') < 0 && col('date') < 0)
    throw metaError(file, 1, 'the header row needs a "role" or a "date" column');
  const cell = (row: string[], name: string) => (col(name) >= 0 ? row[col(name)] : undefined);
  rows.slice(1).forEach((row, i) => {
    put(cell(row, 'id'), cell(row, 'file'), cell(row, 'role'), cell(row, 'date'), i + 2);
  });
  return out;
}
