/** Rows of a Harvest, Toggl Track or Clockify detailed export → TimeEntryRow, with per-cell errors. */
import * as crypto from 'node:crypto';
import type { Money } from '../../platform/money.ts';
import { FIELD_LIMITS } from '../field-limits.ts';
import {
  cleanText,
  parseBoolean,
  parseCurrency,
  parseDate,
  parseDurationSeconds,
  parseHoursToMinutes,
  parseMoneyCell,
  parseTimeOfDay,
  type SlashOrder,
  secondsToMinutes,
  slashHint,
} from './cells.ts';
import type { Detection } from './layouts.ts';
import { isBlankRow, type RowErrors, RowReader, type Sheet } from './sheet.ts';
import type { ImportFormat, TimeEntryRow } from './types.ts';

/** One entry longer than this is a typo (a missing decimal point), not a working day. */
const MAX_ENTRY_MINUTES = 1000 * 60;

interface Context {
  decimalComma: boolean;
  slashOrder: SlashOrder;
  /** Currency of the export's cost rate column. */
  costCurrency: string;
}

type Draft = Omit<TimeEntryRow, 'fingerprint'>;
type Extractor = (r: RowReader, ctx: Context) => Draft | undefined;

function readDate(r: RowReader, field: string, ctx: Context): string | undefined {
  const raw = r.raw(field);
  if (raw.trim() === '') {
    r.cellError(field, 'every time entry needs the date it was worked');
    return undefined;
  }
  const date = parseDate(raw, ctx.slashOrder);
  if (date === undefined) {
    const example = ctx.slashOrder === 'mdy' ? '2024-03-05 or 03/05/2024' : '2024-03-05 or 05/03/2024';
    r.cellError(field, `is not a date; expected a date like ${example}`);
  }
  return date;
}

function readStartTime(r: RowReader, field: string): string | null {
  const raw = r.raw(field);
  if (raw.trim() === '') return null;
  const time = parseTimeOfDay(raw);
  if (time === undefined) r.cellError(field, 'is not a time of day; expected 09:05:00 or 09:05:00 AM');
  return time ?? null;
}

function checkMinutes(r: RowReader, field: string, minutes: number | undefined, what: string): number {
  if (r.raw(field).trim() === '') r.cellError(field, 'every time entry needs its duration');
  else if (minutes === undefined) r.cellError(field, `is not ${what}`);
  else if (minutes < 0) r.cellError(field, 'is negative; a time entry cannot last less than nothing');
  else if (minutes > MAX_ENTRY_MINUTES) r.cellError(field, 'is more than 1,000 hours for one entry');
  else return minutes;
  return 0;
}

/** Durations as the trackers write them: 01:30:00 (also with hours above 24), 1:30 (h:mm), 1.5 (hours). */
function durationMinutes(raw: string, decimalComma: boolean): number | undefined {
  const fast = parseDurationSeconds(raw);
  if (fast !== undefined && raw.length === 8) return secondsToMinutes(fast);
  const text = raw.trim().replace(/\s*(h|hrs?|hours?)$/i, '');
  if (/^\d+:\d{1,2}:\d{1,2}/.test(text)) {
    const seconds = parseDurationSeconds(text);
    return seconds === undefined ? undefined : secondsToMinutes(seconds);
  }
  return parseHoursToMinutes(text, decimalComma);
}

function readBillable(r: RowReader, field: string): boolean | null {
  if (!r.has(field)) return null;
  const raw = r.raw(field);
  if (raw.trim() === '') return null;
  const b = parseBoolean(raw);
  if (b === undefined) r.cellError(field, 'is not Yes or No');
  return b ?? null;
}

/** A cost rate of 0 is how trackers say "no cost rate set": the member's own rate applies then. */
function readCostRate(r: RowReader, field: string, ctx: Context): Money | null {
  if (!r.has(field)) return null;
  const raw = r.raw(field);
  if (raw.trim() === '') return null;
  const read = parseMoneyCell(raw, ctx.costCurrency, ctx.decimalComma);
  if ('error' in read) {
    r.cellError(
      field,
      read.error === 'currency-conflict'
        ? `is in ${read.currency}, but cost rates of this file are in ${ctx.costCurrency}`
        : 'is not an amount of money per hour',
    );
    return null;
  }
  if (read.ok.amountMinor < 0) {
    r.cellError(field, 'is negative');
    return null;
  }
  return read.ok.amountMinor === 0 ? null : read.ok;
}

function requirePerson(r: RowReader, name: string, field: string): void {
  if (name === '') r.cellError(field, 'every time entry needs the person who tracked it');
}

function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Task, else description; an entry with neither cannot be assigned to a task. */
function taskName(r: RowReader, task: string, description: string, descriptionField: string): string {
  // A description standing in for the task is cut to a task name's length (it is kept whole as the
  // entry's description); a task column longer than that is an error, like the API's.
  const name = task !== '' ? task : shortened(description, FIELD_LIMITS.taskName);
  if (name === '') {
    const field = r.has('task') ? 'task' : descriptionField;
    r.rowError(
      `has neither a task nor a description, so it cannot be assigned to a task. ` +
        'Give the entry a description in the tracker, or remove the row.',
      r.header(field),
    );
  }
  return name;
}

const harvest: Extractor = (r, ctx) => {
  const date = readDate(r, 'date', ctx);
  const personName = [
    r.text('firstName', FIELD_LIMITS.memberName),
    r.text('lastName', FIELD_LIMITS.memberName),
  ]
    .filter((s) => s !== '')
    .join(' ');
  requirePerson(r, personName, r.has('firstName') ? 'firstName' : 'lastName');
  if (!r.failed && personName.length > FIELD_LIMITS.memberName) {
    r.rowError(
      `First and last name make ${personName.length} characters; the limit is ${FIELD_LIMITS.memberName}`,
    );
  }
  const minutes = checkMinutes(
    r,
    'hours',
    parseHoursToMinutes(r.raw('hours'), ctx.decimalComma),
    'a number of hours',
  );
  const notes = r.text('notes', FIELD_LIMITS.timeEntryDescription);
  const task = taskName(r, r.text('task', FIELD_LIMITS.taskName), notes, 'notes');
  const billable = readBillable(r, 'billable');
  const costRatePerHour = readCostRate(r, 'costRate', ctx);
  if (r.failed || date === undefined) return undefined;
  return {
    line: r.line,
    date,
    startTime: null,
    personName,
    personEmail: null,
    project: r.text('project', FIELD_LIMITS.processName),
    client: r.text('client', FIELD_LIMITS.processName),
    task,
    description: notes,
    minutes,
    billable,
    costRatePerHour,
  };
};

function trackerEntry(r: RowReader, ctx: Context, minutesOf: () => number | undefined): Draft | undefined {
  const date = readDate(r, 'startDate', ctx);
  const startTime = r.has('startTime') ? readStartTime(r, 'startTime') : null;
  const personName = r.text('user', FIELD_LIMITS.memberName);
  requirePerson(r, personName, 'user');
  const email = cleanText(r.raw('email'));
  const minutes = minutesOf();
  const description = r.text('description', FIELD_LIMITS.timeEntryDescription);
  const task = taskName(r, r.text('task', FIELD_LIMITS.taskName), description, 'description');
  const billable = readBillable(r, 'billable');
  const costRatePerHour = readCostRate(r, 'costRate', ctx);
  if (r.failed || date === undefined || minutes === undefined) return undefined;
  return {
    line: r.line,
    date,
    startTime,
    personName,
    personEmail: email === '' ? null : email,
    project: r.text('project', FIELD_LIMITS.processName),
    client: r.text('client', FIELD_LIMITS.processName),
    task,
    description,
    minutes,
    billable,
    costRatePerHour,
  };
}

const toggl: Extractor = (r, ctx) =>
  trackerEntry(r, ctx, () =>
    checkMinutes(
      r,
      'duration',
      durationMinutes(r.raw('duration'), ctx.decimalComma),
      'a duration; expected hours:minutes:seconds like 01:30:00',
    ),
  );

const clockify: Extractor = (r, ctx) =>
  trackerEntry(r, ctx, () => {
    const useClock = r.has('durationH') && (r.raw('durationH').trim() !== '' || !r.has('durationDecimal'));
    const field = useClock ? 'durationH' : 'durationDecimal';
    return checkMinutes(
      r,
      field,
      durationMinutes(r.raw(field), ctx.decimalComma),
      useClock ? 'a duration; expected hours:minutes:seconds like 01:30:00' : 'a number of hours',
    );
  });

const EXTRACTORS: Record<Exclude<ImportFormat, 'outtask'>, Extractor> = { harvest, toggl, clockify };

/** "Total" lines some exports append have no date; they are not entries. */
function isTotalRow(row: readonly string[], dateIndex: number | undefined): boolean {
  if (dateIndex !== undefined && (row[dateIndex] ?? '').trim() !== '') return false;
  return row.some((c) => /^total\b/i.test(c.trim()));
}

/**
 * Slashed dates are read month-first (Clockify's US default) unless a value shows the file is day-first.
 * The scan stops at the first telling value, and at once for files whose dates have no slashes.
 */
function dateOrder(sheet: Sheet, headerIndex: number, dateIndex: number | undefined): SlashOrder {
  let order: SlashOrder = 'mdy';
  if (dateIndex === undefined) return order;
  sheet.eachRow(headerIndex + 1, (row) => {
    const value = row[dateIndex];
    if (value === undefined || value.trim() === '') return true;
    const hint = slashHint(value);
    if (hint === 'unknown') return true;
    if (hint !== 'none') order = hint;
    return false;
  });
  return order;
}

/** Cost rate currency: "Cost Rate (USD)" names it; Harvest's plain "Cost Rate" is in the account currency. */
function costCurrencyOf(header: string | undefined, defaultCurrency: string): string {
  const m = header ? /\(([A-Za-z]{3})\)/.exec(header) : null;
  return m ? (parseCurrency(m[1]!) ?? defaultCurrency) : defaultCurrency;
}

export interface TimeEntriesResult {
  entries: TimeEntryRow[];
  errors: RowErrors;
  rowCount: number;
}

export function readTimeEntries(
  file: string,
  sheet: Sheet,
  detection: Detection,
  defaultCurrency: string,
): TimeEntriesResult {
  const format = detection.layout.format as Exclude<ImportFormat, 'outtask'>;
  const extract = EXTRACTORS[format];
  const { columns, headerIndex } = detection;
  const dateField = format === 'harvest' ? 'date' : 'startDate';
  const dateIndex = columns[dateField]?.index;
  const headerWidth = sheet.head[headerIndex]!.length;
  const ctx: Context = {
    decimalComma: sheet.decimalComma,
    slashOrder: dateOrder(sheet, headerIndex, dateIndex),
    costCurrency: costCurrencyOf(columns.costRate?.header, defaultCurrency),
  };
  const reader = new RowReader(file, sheet.name, columns);
  const drafts: Draft[] = [];
  let rowCount = 0;
  sheet.eachRow(headerIndex + 1, (row, i) => {
    if (isBlankRow(row) || isTotalRow(row, dateIndex)) return;
    rowCount++;
    reader.start(row, i + 1);
    if (row.length > headerWidth) checkWidth(reader, row, headerWidth);
    const draft = extract(reader, ctx);
    if (draft && !reader.failed) drafts.push(draft);
  });
  return { entries: fingerprintEntries(drafts), errors: reader.errors, rowCount };
}

/** Cells beyond the header are data a delimiter split off: the row cannot be trusted. */
export function checkWidth(r: RowReader, row: readonly string[], headerWidth: number): void {
  for (let c = headerWidth; c < row.length; c++) {
    if (row[c]!.trim() !== '') {
      r.rowError(
        `has ${row.length} cells but the header has ${headerWidth}; ` +
          'a cell containing the delimiter must be put in double quotes',
      );
      return;
    }
  }
}

/**
 * What identifies an entry across exports: the fields a tracker does not change on its own. Rates,
 * billable and invoiced flags are left out, so re-flagging an entry does not make it a new one. The text
 * is taken as the tracker wrote it (trimmed): two exports of one entry, CSV or XLSX, spell it the same.
 */
function entryKey(e: Draft): string {
  const sep = '\u001f';
  return `${e.date}${sep}${e.startTime ?? ''}${sep}${e.personName}${sep}${e.personEmail ?? ''}${sep}${e.project}${sep}${e.client}${sep}${e.task}${sep}${e.description}${sep}${e.minutes}`;
}

/** crypto.hash (Node ≥ 20.12) is the one-shot form: twice as fast as createHash for short strings. */
const sha256Hex: (s: string) => string =
  typeof crypto.hash === 'function'
    ? (s) => crypto.hash('sha256', s, 'hex')
    : (s) => crypto.createHash('sha256').update(s).digest('hex');

/**
 * Identical-looking entries in one file are distinct real entries: the occurrence index keeps them apart.
 * fingerprint = sha256(key + occurrence). Occurrences are counted by the hash of occurrence 0, indexed by
 * a 28-bit prefix: a Map of small-integer keys is several times faster at 100,000 rows than one keyed by
 * long strings.
 */
export function fingerprintEntries(drafts: Draft[]): TimeEntryRow[] {
  const firstByPrefix = new Map<number, string>();
  const seenCount = new Map<string, number>();
  // The drafts become the entries in place: at 100,000 rows a copy per row is measurable GC time.
  const entries = drafts as TimeEntryRow[];
  for (const entry of entries) {
    const key = entryKey(entry);
    const first = sha256Hex(`${key}\u001f0`);
    const prefix = Number.parseInt(first.slice(0, 7), 16);
    const representative = firstByPrefix.get(prefix);
    let occurrence = 0;
    if (representative === undefined) {
      firstByPrefix.set(prefix, first);
    } else {
      occurrence = seenCount.get(first) ?? (representative === first ? 1 : 0);
      seenCount.set(first, occurrence + 1);
    }
    entry.fingerprint = occurrence === 0 ? first : sha256Hex(`${key}\u001f${occurrence}`);
  }
  return entries;
}
