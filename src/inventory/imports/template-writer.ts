/** Writes Outtask's task template (`outtask tasks template`) as CSV or XLSX, with example rows. */
import type ExcelJS from 'exceljs';
import { CONFIDENTIALITY_LEVELS, MEMBER_ROLES, SKILL_LEVELS } from '../inventory.ts';
import { toCsv } from './csv-export.ts';
import { MEMBERS, OUTTASK } from './layouts.ts';
import { TEMPLATE_DEFAULTS } from './template.ts';

/** What each template column holds; the XLSX "Read me" sheet and docs/import-formats.md say the same. */
export const TASK_COLUMN_HELP: Record<keyof typeof OUTTASK.fields, string> = {
  process: 'Required. The process the task belongs to, e.g. "Client delivery".',
  task: 'Required. The task name; unique within its process.',
  description: 'What the task is, in a sentence.',
  performer: 'Who does it today: a member name or email.',
  occurrencesPerYear: 'How many times a year the task happens. Or leave empty and fill the next two.',
  perProject: 'How many times per project (with Projects per year).',
  projectsPerYear: 'How many projects a year.',
  minutesPerOccurrence: 'Required. Minutes one occurrence takes in-house.',
  skillLevel: `${SKILL_LEVELS.join(', ')}. Empty: ${TEMPLATE_DEFAULTS.skillLevel}.`,
  confidentiality: `${CONFIDENTIALITY_LEVELS.join(', ')}. Empty: ${TEMPLATE_DEFAULTS.confidentiality}.`,
  clientContact: 'yes or no: does the task need contact with the client? Empty: no.',
  knownVariants: 'How many different ways the task is done today (1 = already standard). Empty: 1.',
  deliverableUnit: `What one unit of output is: slide, page, item, hour… Empty: ${TEMPLATE_DEFAULTS.deliverableUnit}.`,
  unitsPerOccurrence: 'Units produced per occurrence. Empty: 1.',
  marketPrice: 'What a freelancer charges per unit, e.g. 11 or $11.',
  currency: 'Currency of the prices and costs on the row (USD, EUR…). Empty: the workspace currency.',
  turnaroundHours: `How many hours the firm can wait for the result. Empty: ${TEMPLATE_DEFAULTS.turnaroundHours}.`,
  reviewMinutes: 'Minutes the firm spends reviewing one out-tasked occurrence. Empty: a default share.',
  performerEmail:
    'Optional member details of the performer: email (CSV template; in XLSX use the Members sheet).',
  performerTitle: "The performer's job title.",
  performerRole: `The performer's role: ${MEMBER_ROLES.join(', ')}.`,
  performerHourlyCost: "The performer's loaded cost of one hour to the firm.",
  performerCapacity: 'Hours the performer works in a year.',
};

const PERFORMER_FIELDS = [
  'performerEmail',
  'performerTitle',
  'performerRole',
  'performerHourlyCost',
  'performerCapacity',
] as const;

type TaskExample = Partial<Record<keyof typeof OUTTASK.fields, string>>;

const TASK_EXAMPLES: TaskExample[] = [
  {
    process: 'Client delivery',
    task: 'Executive interview summary deck',
    description: 'Turn the notes of 25-50 executive interviews into the summary deck',
    performer: 'Dana Whitfield',
    perProject: '1',
    projectsPerYear: '10',
    minutesPerOccurrence: '960',
    skillLevel: 'advanced',
    confidentiality: 'confidential',
    clientContact: 'no',
    knownVariants: '4',
    deliverableUnit: 'slide',
    unitsPerOccurrence: '30',
    marketPrice: '11',
    currency: 'USD',
    turnaroundHours: '24',
    reviewMinutes: '90',
    performerEmail: 'dana@example.com',
    performerTitle: 'Founder and managing partner',
    performerRole: 'founder',
    performerHourlyCost: '250',
    performerCapacity: '1800',
  },
  {
    process: 'Client delivery',
    task: 'Interview transcript clean-up',
    description: 'Correct names and jargon in the transcript of one interview',
    performer: 'Sam Ortiz',
    perProject: '35',
    projectsPerYear: '10',
    minutesPerOccurrence: '45',
    skillLevel: 'basic',
    confidentiality: 'confidential',
    clientContact: 'no',
    knownVariants: '3',
    deliverableUnit: 'interview',
    unitsPerOccurrence: '1',
    marketPrice: '25',
    currency: 'USD',
    turnaroundHours: '48',
    reviewMinutes: '10',
    performerEmail: 'sam@example.com',
    performerTitle: 'Analyst',
    performerRole: 'analyst',
    performerHourlyCost: '65',
    performerCapacity: '1700',
  },
  {
    process: 'Business development',
    task: 'Proposal formatting',
    description: 'Lay out the proposal text in the firm template',
    performer: 'Priya Nair',
    occurrencesPerYear: '40',
    minutesPerOccurrence: '120',
    skillLevel: 'intermediate',
    confidentiality: 'internal',
    clientContact: 'no',
    knownVariants: '2',
    deliverableUnit: 'page',
    unitsPerOccurrence: '12',
    marketPrice: '9',
    currency: 'USD',
    turnaroundHours: '24',
    reviewMinutes: '20',
    performerEmail: 'priya@example.com',
    performerTitle: 'Engagement manager',
    performerRole: 'manager',
    performerHourlyCost: '140',
    performerCapacity: '1750',
  },
  {
    process: 'Finance and admin',
    task: 'Monthly expense reconciliation',
    description: 'Match card statements to receipts and code them',
    performer: 'Sam Ortiz',
    occurrencesPerYear: '12',
    minutesPerOccurrence: '180',
    skillLevel: 'basic',
    confidentiality: 'restricted',
    clientContact: 'no',
    knownVariants: '1',
    deliverableUnit: 'hour',
    unitsPerOccurrence: '3',
    marketPrice: '30',
    currency: 'USD',
    turnaroundHours: '72',
  },
];

const MEMBER_EXAMPLES: Record<keyof typeof MEMBERS.fields, string>[] = [
  TASK_EXAMPLES[0]!,
  TASK_EXAMPLES[1]!,
  TASK_EXAMPLES[2]!,
].map((t) => ({
  name: t.performer ?? '',
  email: t.performerEmail ?? '',
  title: t.performerTitle ?? '',
  role: t.performerRole ?? '',
  hourlyCost: t.performerHourlyCost ?? '',
  currency: t.currency ?? '',
  yearlyCapacity: t.performerCapacity ?? '',
}));

const MEMBER_COLUMN_HELP: Record<keyof typeof MEMBERS.fields, string> = {
  name: 'Required. The member as tasks name them in Performer.',
  email: 'Email address (optional).',
  title: 'Job title.',
  role: `${MEMBER_ROLES.join(', ')}.`,
  hourlyCost: 'Loaded cost of one hour of this person to the firm.',
  currency: 'Currency of the hourly cost. Empty: the workspace currency.',
  yearlyCapacity: 'Hours this person works in a year.',
};

function taskFields(includePerformer: boolean): (keyof typeof OUTTASK.fields)[] {
  const all = Object.keys(OUTTASK.fields) as (keyof typeof OUTTASK.fields)[];
  return includePerformer ? all : all.filter((f) => !(PERFORMER_FIELDS as readonly string[]).includes(f));
}

function csvTemplate(): Uint8Array {
  const fields = taskFields(true);
  const rows = [
    fields.map((f) => OUTTASK.fields[f]!.label),
    ...TASK_EXAMPLES.map((ex) => fields.map((f) => ex[f] ?? '')),
  ];
  // The BOM makes Excel open the file as UTF-8.
  return new TextEncoder().encode(`\ufeff${toCsv(rows)}`);
}

function listValidation(values: readonly string[]): ExcelJS.DataValidation {
  return { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] };
}

async function xlsxTemplate(): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs'); // loaded on first use (heavy)
  const wb = new Excel.Workbook();
  wb.creator = 'Outtask';
  const fixed = new Date(Date.UTC(2024, 0, 1));
  wb.created = fixed;
  wb.modified = fixed;

  const tasks = wb.addWorksheet('Tasks', { views: [{ state: 'frozen', ySplit: 1 }] });
  const fields = taskFields(false);
  tasks.columns = fields.map((f) => ({
    header: OUTTASK.fields[f]!.label,
    key: f,
    width: Math.max(12, OUTTASK.fields[f]!.label.length + 2),
  }));
  tasks.getColumn('task').width = 36;
  tasks.getColumn('description').width = 48;
  for (const ex of TASK_EXAMPLES) {
    tasks.addRow(Object.fromEntries(fields.map((f) => [f, numeric(ex[f])])));
  }
  tasks.getRow(1).font = { bold: true };
  const lists: [keyof typeof OUTTASK.fields, readonly string[]][] = [
    ['skillLevel', SKILL_LEVELS],
    ['confidentiality', CONFIDENTIALITY_LEVELS],
    ['clientContact', ['yes', 'no']],
  ];
  for (const [field, values] of lists) {
    const letter = tasks.getColumn(field).letter;
    for (let r = 2; r <= 500; r++) tasks.getCell(`${letter}${r}`).dataValidation = listValidation(values);
  }

  const members = wb.addWorksheet('Members', { views: [{ state: 'frozen', ySplit: 1 }] });
  const memberFields = Object.keys(MEMBERS.fields) as (keyof typeof MEMBERS.fields)[];
  members.columns = memberFields.map((f) => ({ header: MEMBERS.fields[f]!.label, key: f, width: 22 }));
  for (const ex of MEMBER_EXAMPLES)
    members.addRow(Object.fromEntries(memberFields.map((f) => [f, numeric(ex[f])])));
  members.getRow(1).font = { bold: true };
  const roleLetter = members.getColumn('role').letter;
  for (let r = 2; r <= 200; r++)
    members.getCell(`${roleLetter}${r}`).dataValidation = listValidation(MEMBER_ROLES);

  const readme = wb.addWorksheet('Read me');
  readme.columns = [
    { header: 'Sheet', key: 'sheet', width: 10 },
    { header: 'Column', key: 'column', width: 26 },
    { header: 'What to put in it', key: 'help', width: 100 },
  ];
  readme.getRow(1).font = { bold: true };
  for (const f of fields)
    readme.addRow({ sheet: 'Tasks', column: OUTTASK.fields[f]!.label, help: TASK_COLUMN_HELP[f] });
  for (const f of memberFields) {
    readme.addRow({ sheet: 'Members', column: MEMBERS.fields[f]!.label, help: MEMBER_COLUMN_HELP[f] });
  }

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Numbers go into the workbook as numbers, so spreadsheet sums work on them. */
function numeric(value: string | undefined): string | number {
  if (value === undefined) return '';
  return /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** An example template for `outtask tasks template`: CSV (UTF-8 with BOM) or XLSX (Tasks, Members, Read me). */
export async function writeTemplate(kind: 'csv' | 'xlsx'): Promise<Uint8Array> {
  return kind === 'csv' ? csvTemplate() : xlsxTemplate();
}
