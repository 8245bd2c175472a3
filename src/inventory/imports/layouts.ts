/**
 * The column layouts Outtask reads, and detection of a layout from a header row. Headers are matched
 * case-, space- and punctuation-insensitively ("Billable?" = "billable", "Duration (h)" = "durationh").
 *
 * Time-tracker headers are the ones their detailed reports write (Harvest Detailed Time Report, Toggl Track
 * detailed report, Clockify detailed report); see docs/import-formats.md for the sources.
 */
import { AppError } from '../../platform/errors.ts';
import type { ImportFormat } from './types.ts';

export interface FieldSpec {
  /** Header shown in messages and written in templates. */
  label: string;
  /** Normalized header spellings; the first is the label's own. */
  aliases: readonly string[];
  /** Also match headers that start with an alias, e.g. "Cost Rate (USD)" for "costrate". */
  prefix?: boolean;
}

export interface Layout {
  format: ImportFormat | 'members';
  label: string;
  fields: Readonly<Record<string, FieldSpec>>;
  /** Each group needs at least one of its fields present in the header. */
  required: readonly (readonly string[])[];
}

export function normHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function f(label: string, ...more: string[]): FieldSpec {
  return { label, aliases: [normHeader(label), ...more.map(normHeader)] };
}

function prefixed(label: string, ...more: string[]): FieldSpec {
  return { ...f(label, ...more), prefix: true };
}

export const HARVEST: Layout = {
  format: 'harvest',
  label: 'Harvest Detailed Time Report',
  fields: {
    date: f('Date', 'Spent Date'),
    client: f('Client'),
    project: f('Project'),
    projectCode: f('Project Code'),
    task: f('Task'),
    notes: f('Notes'),
    hours: f('Hours'),
    hoursRounded: f('Hours Rounded'),
    billable: f('Billable?'),
    invoiced: f('Invoiced?'),
    approved: f('Approved?'),
    firstName: f('First Name'),
    lastName: f('Last Name'),
    employeeId: f('Employee Id'),
    roles: f('Roles', 'Roles/Department', 'Department'),
    teams: f('Teams'),
    employee: f('Employee?'),
    billableRate: f('Billable Rate'),
    billableAmount: f('Billable Amount'),
    costRate: f('Cost Rate'),
    costAmount: f('Cost Amount'),
    currency: f('Currency'),
    externalUrl: f('External Reference URL'),
  },
  required: [['date'], ['hours'], ['firstName', 'lastName']],
};

export const TOGGL: Layout = {
  format: 'toggl',
  label: 'Toggl Track detailed report',
  fields: {
    user: f('User', 'Member'),
    email: f('Email'),
    client: f('Client'),
    project: f('Project'),
    task: f('Task'),
    description: f('Description'),
    billable: f('Billable'),
    startDate: f('Start date'),
    startTime: f('Start time'),
    endDate: f('End date', 'Stop date'),
    endTime: f('End time', 'Stop time'),
    duration: f('Duration'),
    tags: f('Tags'),
    amount: prefixed('Amount'),
  },
  required: [['user'], ['startDate'], ['duration']],
};

export const CLOCKIFY: Layout = {
  format: 'clockify',
  label: 'Clockify detailed report',
  fields: {
    project: f('Project'),
    client: f('Client'),
    description: f('Description'),
    task: f('Task'),
    user: f('User'),
    group: f('Group'),
    email: f('Email'),
    tags: f('Tags'),
    billable: f('Billable'),
    startDate: f('Start Date'),
    startTime: f('Start Time'),
    endDate: f('End Date'),
    endTime: f('End Time'),
    durationH: f('Duration (h)'),
    durationDecimal: f('Duration (decimal)'),
    billableRate: prefixed('Billable Rate'),
    billableAmount: prefixed('Billable Amount'),
    costRate: prefixed('Cost Rate'),
    costAmount: prefixed('Cost Amount'),
  },
  required: [['user'], ['startDate'], ['durationH', 'durationDecimal']],
};

export const OUTTASK: Layout = {
  format: 'outtask',
  label: 'Outtask task template',
  fields: {
    process: f('Process'),
    task: f('Task', 'Task name'),
    description: f('Description'),
    performer: f('Performer', 'Performed by', 'Member'),
    occurrencesPerYear: f('Occurrences per year', 'Times per year', 'Per year'),
    perProject: f('Per project', 'Occurrences per project', 'Times per project'),
    projectsPerYear: f('Projects per year'),
    minutesPerOccurrence: f('Minutes per occurrence', 'Minutes each', 'Minutes'),
    skillLevel: f('Skill level', 'Skill'),
    confidentiality: f('Confidentiality'),
    clientContact: f('Client contact', 'Needs client contact'),
    knownVariants: f('Known variants', 'Variants'),
    deliverableUnit: f('Deliverable unit', 'Unit'),
    unitsPerOccurrence: f('Units per occurrence', 'Units'),
    marketPrice: f('Market price per unit', 'Market price', 'Price per unit'),
    currency: f('Currency'),
    turnaroundHours: f('Turnaround hours', 'Turnaround'),
    reviewMinutes: f('Review minutes', 'Review minutes per occurrence'),
    performerEmail: f('Performer email'),
    performerTitle: f('Performer title'),
    performerRole: f('Performer role'),
    performerHourlyCost: f('Performer hourly cost', 'Hourly cost', 'Loaded hourly cost'),
    performerCapacity: f('Performer yearly capacity', 'Yearly capacity', 'Yearly capacity hours'),
  },
  required: [['process'], ['task'], ['minutesPerOccurrence'], ['occurrencesPerYear', 'perProject']],
};

export const MEMBERS: Layout = {
  format: 'members',
  label: 'Outtask members sheet',
  fields: {
    name: f('Name', 'Member', 'Full name'),
    email: f('Email'),
    title: f('Title', 'Job title'),
    role: f('Role'),
    hourlyCost: f('Hourly cost', 'Loaded hourly cost', 'Cost per hour'),
    currency: f('Currency'),
    yearlyCapacity: f('Yearly capacity', 'Yearly capacity hours', 'Capacity hours'),
  },
  required: [['name']],
};

export const LAYOUTS: Readonly<Record<ImportFormat, Layout>> = {
  outtask: OUTTASK,
  harvest: HARVEST,
  toggl: TOGGL,
  clockify: CLOCKIFY,
};

/** Where each of a layout's fields sits in a header row, with the header text as the file spells it. */
export type Columns = Partial<Record<string, { index: number; header: string }>>;

export function resolveColumns(header: readonly string[], layout: Layout): Columns {
  const normalized = header.map(normHeader);
  const columns: Columns = {};
  for (const [field, spec] of Object.entries(layout.fields)) {
    let index = normalized.findIndex((h) => spec.aliases.includes(h));
    if (index === -1 && spec.prefix) {
      index = normalized.findIndex((h) => spec.aliases.some((a) => h.startsWith(a)));
    }
    if (index !== -1) columns[field] = { index, header: header[index]!.trim() };
  }
  return columns;
}

export function missingGroups(columns: Columns, layout: Layout): string[] {
  return layout.required
    .filter((group) => !group.some((field) => columns[field]))
    .map((group) => group.map((field) => layout.fields[field]!.label).join(' or '));
}

export interface Detection {
  layout: Layout;
  /** Index of the header row in the sheet's rows. */
  headerIndex: number;
  columns: Columns;
}

function isBlank(row: readonly string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/**
 * Find the header row among the first rows (title lines above it are skipped) and its layout: among the layouts whose required columns are all
 * present, the one that recognizes most headers wins. Returns undefined when none fits.
 */
export function detectLayout(
  rows: readonly (readonly string[])[],
  candidates: readonly Layout[],
): Detection | undefined {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (isBlank(row)) continue;
    let best: Detection | undefined;
    let bestScore = -1;
    for (const layout of candidates) {
      const columns = resolveColumns(row, layout);
      if (missingGroups(columns, layout).length > 0) continue;
      const score = Object.keys(columns).length;
      if (score > bestScore) {
        best = { layout, headerIndex: i, columns };
        bestScore = score;
      }
    }
    if (best) return best;
  }
  return undefined;
}

export function firstNonBlankRow(rows: readonly (readonly string[])[]): readonly string[] {
  return rows.find((r) => !isBlank(r)) ?? [];
}

function listHeaders(header: readonly string[]): string {
  const names = header.map((h) => h.trim()).filter((h) => h !== '');
  if (names.length === 0) return '(none)';
  const shown = names.slice(0, 30).map((h) => `"${h.length > 40 ? `${h.slice(0, 40)}…` : h}"`);
  return shown.join(', ') + (names.length > 30 ? `, and ${names.length - 30} more` : '');
}

/** The refusal when no layout fits: which headers were found, which layouts were tried and what each lacks. */
export function unknownLayoutError(
  file: string,
  rows: readonly (readonly string[])[],
  tried: readonly Layout[],
  forced: boolean,
): AppError {
  const header = firstNonBlankRow(rows);
  const lacks = tried.map((layout) => {
    const missing = missingGroups(resolveColumns(header, layout), layout);
    return `${layout.label} (missing ${missing.join(', ')})`;
  });
  const what = forced
    ? `${file} does not have the columns of a ${tried[0]!.label}`
    : `${file} has a header row Outtask does not recognize`;
  return new AppError(
    'IMPORT_FORMAT_UNKNOWN',
    `${what}. Found headers: ${listHeaders(header)}. Tried: ${lacks.join('; ')}. ` +
      (forced
        ? 'Check the export settings, or leave out --format to detect the layout.'
        : 'Export a detailed report from Harvest, Toggl Track or Clockify, or start from `outtask tasks template`.'),
    { file, foundHeaders: header.map((h) => h.trim()), tried: tried.map((l) => l.format) },
  );
}
