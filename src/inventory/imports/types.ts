/** The typed output of an import: what the inventory service persists. Pure types, no I/O. */
import type { Money } from '../../platform/money.ts';
import type { Confidentiality, Frequency, MemberRole, SkillLevel } from '../inventory.ts';

export const IMPORT_FORMATS = ['outtask', 'harvest', 'toggl', 'clockify'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type FileKind = 'csv' | 'xlsx';

/** One bad row (or cell). `line` is the row number a spreadsheet shows: the header row is line 1. */
export interface RowError {
  line: number;
  column?: string;
  /** Starts with "file.csv:LINE (column X): " and says what is wrong. */
  message: string;
}

/** One row of Outtask's task template. Natural key: (process, name), compared case-insensitively. */
export interface TaskRow {
  line: number;
  process: string;
  name: string;
  description: string;
  /** Member name or email as written in the sheet; null when the cell is empty. */
  performer: string | null;
  frequency: Frequency;
  minutesPerOccurrence: number;
  skillLevel: SkillLevel;
  confidentiality: Confidentiality;
  needsClientContact: boolean;
  knownVariants: number;
  deliverableUnit: string;
  unitsPerOccurrence: number;
  marketPricePerUnit: Money | null;
  turnaroundHours: number;
  reviewMinutesPerOccurrence: number | null;
}

/**
 * A member described by the import: a row of the XLSX `Members` sheet, or the performer columns of a
 * task row. Fields the file leaves empty are null, so the service keeps what it already knows.
 */
export interface MemberRow {
  line: number;
  sheet: string;
  name: string;
  email: string | null;
  title: string | null;
  role: MemberRole | null;
  hourlyCost: Money | null;
  yearlyCapacityHours: number | null;
}

/** One time entry of a Harvest, Toggl Track or Clockify detailed export. */
export interface TimeEntryRow {
  line: number;
  /** ISO yyyy-mm-dd. */
  date: string;
  /** 24-hour HH:MM:SS when the export has a start time, else null. */
  startTime: string | null;
  personName: string;
  personEmail: string | null;
  project: string;
  client: string;
  /** The export's task, or the description when the export has no task. Never empty. */
  task: string;
  description: string;
  minutes: number;
  /** null when the export has no billable column. */
  billable: boolean | null;
  /** The export's own cost rate (Harvest "Cost Rate", Clockify "Cost Rate (USD)"); null when absent or 0. */
  costRatePerHour: Money | null;
  /** sha256 of the normalized entry + its occurrence index among identical entries in the file. */
  fingerprint: string;
}

export interface ParsedImport {
  format: ImportFormat;
  fileKind: FileKind;
  /** sha256 (hex) of the file's bytes. */
  fingerprint: string;
  tasks: TaskRow[];
  members: MemberRow[];
  timeEntries: TimeEntryRow[];
  /** The first 1,000 row errors (MAX_REPORTED_ERRORS), in file order. */
  errors: RowError[];
  /** All row errors found, reported or not. */
  errorCount: number;
  /** Rows with at least one error. */
  invalidRows: number;
  /** Data rows read (blank rows and export total rows are not counted). */
  rowCount: number;
}

/** Minutes measured for one person on one aggregated task. */
export interface PersonMeasurement {
  personName: string;
  personEmail: string | null;
  minutes: number;
  entries: number;
  firstDate: string;
  lastDate: string;
  /** Minutes that carried a cost rate in the export; the rest need the member's own rate. */
  costedMinutes: number;
  /** Cost of the costed minutes at the export's rates; null when no entry had a rate. */
  cost: Money | null;
}

/** Time entries grouped into one task of one process. */
export interface AggregatedTask {
  /** Stable grouping key: normalized process and task name. */
  key: string;
  process: string;
  name: string;
  minutes: number;
  entries: number;
  firstDate: string;
  lastDate: string;
  /** Sorted by minutes (most first), then name. */
  people: PersonMeasurement[];
}
