/** Public surface of the inventory imports: parse a file, aggregate its time entries, write CSV safely. */
export { aggregateTimeEntries, NO_PROJECT, processOf } from './aggregate.ts';
export { csvSafeCell, toCsv } from './csv-export.ts';
export { DEFAULT_MAX_BYTES } from './decode.ts';
export { type ParseImportInput, parseImport } from './parse-import.ts';
export { TEMPLATE_DEFAULTS } from './template.ts';
export { TASK_COLUMN_HELP, writeTemplate } from './template-writer.ts';
export {
  type AggregatedTask,
  type FileKind,
  IMPORT_FORMATS,
  type ImportFormat,
  type MemberRow,
  type ParsedImport,
  type PersonMeasurement,
  type RowError,
  type TaskRow,
  type TimeEntryRow,
} from './types.ts';
