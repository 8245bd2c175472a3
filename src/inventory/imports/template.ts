/**
 * Outtask's own task template: rows → TaskRow and MemberRow, with documented defaults for empty cells.
 *
 * Kept in one file: one reader of one sheet layout: each column's parsing and default in the order
 * of the template's columns, then the merge of member rows.
 */
import { type Money, money as makeMoney, minorDigits, toMajor } from '../../platform/money.ts';
import { FIELD_LIMITS } from '../field-limits.ts';
import {
  CONFIDENTIALITY_LEVELS,
  type Confidentiality,
  type Frequency,
  MEMBER_ROLES,
  type MemberRole,
  SKILL_LEVELS,
  type SkillLevel,
} from '../inventory.ts';
import { cleanText, nameKey, parseBoolean, parseCurrency, parseMoneyCell, parseNumber } from './cells.ts';
import type { Columns } from './layouts.ts';
import { isBlankRow, RowErrors, RowReader, type Sheet } from './sheet.ts';
import { checkWidth } from './time-entries.ts';
import type { MemberRow, TaskRow } from './types.ts';

/** Values used when a cell is empty; docs/import-formats.md lists them. */
export const TEMPLATE_DEFAULTS = {
  skillLevel: 'intermediate' as SkillLevel,
  confidentiality: 'internal' as Confidentiality,
  needsClientContact: false,
  knownVariants: 1,
  deliverableUnit: 'item',
  unitsPerOccurrence: 1,
  turnaroundHours: 48,
} as const;

const SKILL_ALIASES: Record<string, SkillLevel> = {
  junior: 'basic',
  low: 'basic',
  entry: 'basic',
  medium: 'intermediate',
  mid: 'intermediate',
  senior: 'advanced',
  high: 'advanced',
  specialist: 'expert',
};

const CONFIDENTIALITY_ALIASES: Record<string, Confidentiality> = {
  open: 'public',
  secret: 'restricted',
  'highly confidential': 'restricted',
};

function choice<T extends string>(
  r: RowReader,
  field: string,
  allowed: readonly T[],
  aliases: Record<string, T>,
  fallback: T | null,
): T | null {
  const raw = cleanText(r.raw(field)).toLowerCase();
  if (raw === '') return fallback;
  const hit = allowed.find((a) => a === raw) ?? aliases[raw];
  if (hit === undefined) r.cellError(field, `is not one of ${allowed.join(', ')}`);
  return hit ?? fallback;
}

interface NumberRule {
  min: number;
  /** Is min itself allowed? */
  inclusive: boolean;
  integer?: boolean;
  what: string;
}

function numberCell(
  r: RowReader,
  field: string,
  rule: NumberRule,
  decimalComma: boolean,
): number | undefined {
  const raw = r.raw(field);
  if (raw.trim() === '') return undefined;
  const n = parseNumber(raw, decimalComma);
  if (n === undefined) {
    r.cellError(field, `is not a number; expected ${rule.what}`);
    return undefined;
  }
  const tooSmall = rule.inclusive ? n < rule.min : n <= rule.min;
  if (tooSmall || (rule.integer && !Number.isInteger(n))) {
    r.cellError(field, `is not ${rule.what}`);
    return undefined;
  }
  return n;
}

const POSITIVE = { min: 0, inclusive: false, what: 'a number above 0' };
const NON_NEGATIVE = { min: 0, inclusive: true, what: 'a number of 0 or more' };

function rowCurrency(r: RowReader, defaultCurrency: string): string {
  const raw = r.raw('currency');
  if (raw.trim() === '') return defaultCurrency;
  const c = parseCurrency(raw);
  if (c === undefined) {
    r.cellError('currency', 'is not a currency code; expected three letters like USD or EUR');
    return defaultCurrency;
  }
  return c;
}

function moneyCell(r: RowReader, field: string, currency: string, decimalComma: boolean): Money | null {
  const raw = r.raw(field);
  if (raw.trim() === '') return null;
  const read = parseMoneyCell(raw, currency, decimalComma);
  if ('error' in read) {
    r.cellError(
      field,
      read.error === 'currency-conflict'
        ? `is in ${read.currency}, but the row's currency is ${currency}; fill the Currency column`
        : 'is not an amount of money',
    );
    return null;
  }
  if (read.ok.amountMinor < 0) {
    r.cellError(field, 'is negative');
    return null;
  }
  return makeMoney(read.ok.amountMinor, read.ok.currency);
}

function readFrequency(r: RowReader, decimalComma: boolean): Frequency | undefined {
  const perYear = numberCell(r, 'occurrencesPerYear', NON_NEGATIVE, decimalComma);
  const perProject = numberCell(r, 'perProject', NON_NEGATIVE, decimalComma);
  const projects = numberCell(r, 'projectsPerYear', NON_NEGATIVE, decimalComma);
  if (r.failed) return undefined;
  const byProject =
    perProject !== undefined && projects !== undefined
      ? ({ kind: 'per_project', perProject, projectsPerYear: projects } as const)
      : undefined;
  if (perProject !== undefined && projects === undefined) {
    r.cellError('projectsPerYear', 'but Per project is filled; give the number of projects a year');
    return undefined;
  }
  if (perYear !== undefined) {
    if (byProject && Math.abs(byProject.perProject * byProject.projectsPerYear - perYear) > 1e-6) {
      r.cellError(
        'occurrencesPerYear',
        `does not equal Per project × Projects per year (${perProject} × ${projects}); fill only one of the two`,
      );
      return undefined;
    }
    return byProject ?? { kind: 'per_year', occurrencesPerYear: perYear };
  }
  if (byProject) return byProject;
  r.rowError(
    'gives no frequency: fill Occurrences per year, or Per project and Projects per year',
    r.header('occurrencesPerYear') ?? r.header('perProject'),
  );
  return undefined;
}

function readTask(r: RowReader, defaultCurrency: string, dc: boolean): TaskRow | undefined {
  const process = r.text('process', FIELD_LIMITS.processName);
  if (process === '')
    r.cellError('process', 'every task belongs to a process (for example "Client delivery")');
  const name = r.text('task', FIELD_LIMITS.taskName);
  if (name === '') r.cellError('task', 'every row needs the task name');
  const frequency = readFrequency(r, dc);
  const minutes = numberCell(r, 'minutesPerOccurrence', POSITIVE, dc);
  if (minutes === undefined && r.raw('minutesPerOccurrence').trim() === '') {
    r.cellError('minutesPerOccurrence', 'give how many minutes one occurrence takes');
  }
  const currency = rowCurrency(r, defaultCurrency);
  const task: TaskRow = {
    line: r.line,
    process,
    name,
    description: r.text('description', FIELD_LIMITS.taskDescription),
    performer: r.text('performer', FIELD_LIMITS.memberName) || null,
    frequency: frequency ?? { kind: 'per_year', occurrencesPerYear: 0 },
    minutesPerOccurrence: minutes ?? 0,
    skillLevel: choice(r, 'skillLevel', SKILL_LEVELS, SKILL_ALIASES, TEMPLATE_DEFAULTS.skillLevel)!,
    confidentiality: choice(
      r,
      'confidentiality',
      CONFIDENTIALITY_LEVELS,
      CONFIDENTIALITY_ALIASES,
      TEMPLATE_DEFAULTS.confidentiality,
    )!,
    needsClientContact: readYesNo(r, 'clientContact') ?? TEMPLATE_DEFAULTS.needsClientContact,
    knownVariants:
      numberCell(
        r,
        'knownVariants',
        { min: 1, inclusive: true, integer: true, what: 'a whole number of 1 or more' },
        dc,
      ) ?? TEMPLATE_DEFAULTS.knownVariants,
    deliverableUnit:
      r.text('deliverableUnit', FIELD_LIMITS.deliverableUnit) || TEMPLATE_DEFAULTS.deliverableUnit,
    unitsPerOccurrence:
      numberCell(r, 'unitsPerOccurrence', POSITIVE, dc) ?? TEMPLATE_DEFAULTS.unitsPerOccurrence,
    marketPricePerUnit: moneyCell(r, 'marketPrice', currency, dc),
    turnaroundHours: numberCell(r, 'turnaroundHours', POSITIVE, dc) ?? TEMPLATE_DEFAULTS.turnaroundHours,
    reviewMinutesPerOccurrence: numberCell(r, 'reviewMinutes', NON_NEGATIVE, dc) ?? null,
  };
  return r.failed ? undefined : task;
}

function readYesNo(r: RowReader, field: string): boolean | undefined {
  const raw = r.raw(field);
  if (raw.trim() === '') return undefined;
  const b = parseBoolean(raw);
  if (b === undefined) r.cellError(field, 'is not yes or no (also accepted: true/false, 1/0)');
  return b;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function readEmail(r: RowReader, field: string): string | null {
  const email = cleanText(r.raw(field));
  if (email === '') return null;
  if (!EMAIL.test(email)) r.cellError(field, 'is not an email address');
  return email;
}

const CAPACITY = { min: 0, inclusive: false, what: 'a number of hours above 0' };

/** The performer columns of a task row describe the performer as a member. */
function readPerformerProfile(
  r: RowReader,
  sheet: string,
  defaultCurrency: string,
  dc: boolean,
): MemberRow | null {
  const profileFields = [
    'performerEmail',
    'performerTitle',
    'performerRole',
    'performerHourlyCost',
    'performerCapacity',
  ];
  const filled = profileFields.filter((f) => r.raw(f).trim() !== '');
  if (filled.length === 0) return null;
  const name = r.text('performer', FIELD_LIMITS.memberName);
  if (name === '') {
    r.cellError(
      'performer',
      `but ${r.header(filled[0]!)} is filled; name the performer the details belong to`,
    );
    return null;
  }
  const currency = rowCurrency(r, defaultCurrency);
  const member: MemberRow = {
    line: r.line,
    sheet,
    name,
    email: readEmail(r, 'performerEmail') ?? (EMAIL.test(name) ? name : null),
    title: r.text('performerTitle', FIELD_LIMITS.memberTitle) || null,
    role: choice<MemberRole>(r, 'performerRole', MEMBER_ROLES, {}, null),
    hourlyCost: moneyCell(r, 'performerHourlyCost', currency, dc),
    yearlyCapacityHours: numberCell(r, 'performerCapacity', CAPACITY, dc) ?? null,
  };
  return member;
}

function readMember(
  r: RowReader,
  sheet: string,
  defaultCurrency: string,
  dc: boolean,
): MemberRow | undefined {
  const name = r.text('name', FIELD_LIMITS.memberName);
  if (name === '') r.cellError('name', 'every member needs a name');
  const currency = rowCurrency(r, defaultCurrency);
  const member: MemberRow = {
    line: r.line,
    sheet,
    name,
    email: readEmail(r, 'email'),
    title: r.text('title', FIELD_LIMITS.memberTitle) || null,
    role: choice<MemberRole>(r, 'role', MEMBER_ROLES, {}, null),
    hourlyCost: moneyCell(r, 'hourlyCost', currency, dc),
    yearlyCapacityHours: numberCell(r, 'yearlyCapacity', CAPACITY, dc) ?? null,
  };
  return r.failed ? undefined : member;
}

export interface SheetRead {
  sheet: Sheet;
  headerIndex: number;
  columns: Columns;
}

export interface TemplateResult {
  tasks: TaskRow[];
  members: MemberRow[];
  errors: RowErrors;
  rowCount: number;
}

function sheetLabel(sheet: Sheet): string {
  return sheet.name ?? 'CSV';
}

export function readTemplate(
  file: string,
  tasksSheet: SheetRead,
  membersSheet: SheetRead | undefined,
  defaultCurrency: string,
): TemplateResult {
  const errors = new RowErrors();
  const members: MemberRow[] = [];
  let rowCount = 0;

  if (membersSheet) {
    const { sheet, headerIndex, columns } = membersSheet;
    const r = new RowReader(file, sheet.name, columns, errors);
    const width = sheet.head[headerIndex]!.length;
    sheet.eachRow(headerIndex + 1, (row, i) => {
      if (isBlankRow(row)) return;
      rowCount++;
      r.start(row, i + 1);
      checkWidth(r, row, width);
      const m = readMember(r, sheetLabel(sheet), defaultCurrency, sheet.decimalComma);
      if (m && !r.failed) members.push(m);
    });
  }

  const { sheet, headerIndex, columns } = tasksSheet;
  const r = new RowReader(file, sheet.name, columns, errors);
  const width = sheet.head[headerIndex]!.length;
  const tasks: TaskRow[] = [];
  const seen = new Map<string, number>();
  sheet.eachRow(headerIndex + 1, (row, i) => {
    if (isBlankRow(row)) return;
    rowCount++;
    r.start(row, i + 1);
    checkWidth(r, row, width);
    const task = readTask(r, defaultCurrency, sheet.decimalComma);
    const profile = readPerformerProfile(r, sheetLabel(sheet), defaultCurrency, sheet.decimalComma);
    if (task && !r.failed) {
      const key = `${nameKey(task.process)}\u001f${nameKey(task.name)}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        r.rowError(
          `repeats the task "${task.name}" of process "${task.process}" from line ${earlier}; ` +
            'each task appears once (merge the rows or rename one)',
          r.header('task'),
        );
      } else {
        seen.set(key, task.line);
        tasks.push(task);
        if (profile) members.push(profile);
      }
    }
  });
  const merged = mergeMembers(file, members, errors);
  return { tasks, members: merged.members, errors, rowCount };
}

const MEMBER_FIELDS = ['email', 'title', 'role', 'hourlyCost', 'yearlyCapacityHours'] as const;
const MEMBER_FIELD_LABELS: Record<(typeof MEMBER_FIELDS)[number], string> = {
  email: 'email',
  title: 'title',
  role: 'role',
  hourlyCost: 'hourly cost',
  yearlyCapacityHours: 'yearly capacity',
};

function show(v: unknown): string {
  if (v && typeof v === 'object' && 'amountMinor' in v) {
    const m = v as Money;
    return `${toMajor(m).toFixed(minorDigits(m.currency))} ${m.currency}`;
  }
  return String(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * One member may be described on the Members sheet and again on task rows: the details are combined, and
 * a detail given twice with different values is an error on the later row.
 */
function mergeMembers(file: string, rows: readonly MemberRow[], errors: RowErrors): { members: MemberRow[] } {
  const byKey = new Map<string, MemberRow>();
  let lastBadLine = -1;
  for (const row of rows) {
    const key = nameKey(row.name);
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, { ...row });
      continue;
    }
    for (const field of MEMBER_FIELDS) {
      const value = row[field];
      if (value === null) continue;
      const current = existing[field];
      if (current === null) (existing as unknown as Record<string, unknown>)[field] = value;
      else if (!same(current, value)) {
        errors.add(
          {
            line: row.line,
            message:
              `${file}:${row.line}: ${row.name}'s ${MEMBER_FIELD_LABELS[field]} (${show(value)}) differs from ` +
              `${existing.sheet === 'CSV' ? `line ${existing.line}` : `line ${existing.line} of sheet ${existing.sheet}`} ` +
              `(${show(current)}); give it once or make them agree`,
          },
          row.line !== lastBadLine,
        );
        lastBadLine = row.line;
      }
    }
  }
  return { members: [...byKey.values()] };
}
