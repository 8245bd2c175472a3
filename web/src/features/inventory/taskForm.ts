/**
 * A task as a form holds it (text as typed) and back: parsing, validation with messages that name the
 * field, and the labels of the task's choices. Pure: no React here.
 */
import type {
  Confidentiality,
  Frequency,
  Money,
  NewTask,
  SkillLevel,
  TaskListItem,
} from '../../api/types.ts';
import { moneyInputValue, parseMoneyInput } from '../../ui/format.ts';

export const SKILL_HINTS: Record<SkillLevel, string> = {
  basic: 'Anyone careful can do it.',
  intermediate: 'A junior freelancer can do it.',
  advanced: 'Needs an experienced specialist.',
  expert: 'Only the firm’s seniors can do it.',
};

export const CONFIDENTIALITY_HINTS: Record<Confidentiality, string> = {
  public: 'Nothing secret in it.',
  internal: 'The firm’s own material, not the client’s.',
  confidential: 'Client material: redact before sharing.',
  restricted: 'Must never leave the firm.',
};

export interface TaskFormState {
  processId: string;
  /** Used when processId is NEW_PROCESS. */
  newProcessName: string;
  name: string;
  description: string;
  /** '' = nobody assigned. */
  performerId: string;
  frequencyKind: Frequency['kind'];
  occurrencesPerYear: string;
  perProject: string;
  projectsPerYear: string;
  minutesPerOccurrence: string;
  skillLevel: SkillLevel;
  confidentiality: Confidentiality;
  needsClientContact: boolean;
  knownVariants: string;
  deliverableUnit: string;
  unitsPerOccurrence: string;
  marketPrice: string;
  turnaroundHours: string;
  /** '' = the workspace's default share of the in-house time. */
  reviewMinutes: string;
}

export const NEW_PROCESS = '__new__';

type TaskFields = Pick<
  TaskListItem,
  | 'processId'
  | 'name'
  | 'description'
  | 'performerId'
  | 'frequency'
  | 'minutesPerOccurrence'
  | 'skillLevel'
  | 'confidentiality'
  | 'needsClientContact'
  | 'knownVariants'
  | 'deliverableUnit'
  | 'unitsPerOccurrence'
  | 'marketPricePerUnit'
  | 'turnaroundHours'
  | 'reviewMinutesPerOccurrence'
>;

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function emptyTaskForm(processId = ''): TaskFormState {
  return {
    processId,
    newProcessName: '',
    name: '',
    description: '',
    performerId: '',
    frequencyKind: 'per_year',
    occurrencesPerYear: '',
    perProject: '',
    projectsPerYear: '',
    minutesPerOccurrence: '',
    skillLevel: 'intermediate',
    confidentiality: 'internal',
    needsClientContact: false,
    knownVariants: '1',
    deliverableUnit: 'item',
    unitsPerOccurrence: '1',
    marketPrice: '',
    turnaroundHours: '72',
    reviewMinutes: '',
  };
}

export function taskToForm(t: TaskFields): TaskFormState {
  const f = t.frequency;
  return {
    processId: t.processId,
    newProcessName: '',
    name: t.name,
    description: t.description,
    performerId: t.performerId ?? '',
    frequencyKind: f.kind,
    occurrencesPerYear: f.kind === 'per_year' ? text(f.occurrencesPerYear) : '',
    perProject: f.kind === 'per_project' ? text(f.perProject) : '',
    projectsPerYear: f.kind === 'per_project' ? text(f.projectsPerYear) : '',
    minutesPerOccurrence: text(t.minutesPerOccurrence),
    skillLevel: t.skillLevel as SkillLevel,
    confidentiality: t.confidentiality as Confidentiality,
    needsClientContact: t.needsClientContact,
    knownVariants: text(t.knownVariants),
    deliverableUnit: t.deliverableUnit,
    unitsPerOccurrence: text(t.unitsPerOccurrence),
    marketPrice: moneyInputValue(t.marketPricePerUnit),
    turnaroundHours: text(t.turnaroundHours),
    reviewMinutes: text(t.reviewMinutesPerOccurrence),
  };
}

/** "1,200" → 1200; null when empty; NaN when it is not a number. */
export function parseNumberInput(s: string): number | null {
  const t = s.trim().replace(/[\s\u00a0,]/g, '');
  if (t === '') return null;
  return /^-?\d*\.?\d+$|^-?\d+\.$/.test(t) ? Number(t) : Number.NaN;
}

export type FormErrors = Partial<Record<keyof TaskFormState | 'form', string>>;

interface NumberRule {
  label: string;
  min?: number;
  max?: number;
  integer?: boolean;
  required?: boolean;
}

/** Checks one numeric field; returns its value or records why it is wrong. */
export function checkNumber(
  raw: string,
  field: keyof TaskFormState,
  rule: NumberRule,
  errors: FormErrors,
): number | null {
  const n = parseNumberInput(raw);
  if (n === null) {
    if (rule.required) errors[field] = `Enter the ${rule.label}.`;
    return null;
  }
  if (Number.isNaN(n)) errors[field] = `The ${rule.label} must be a number.`;
  else if (rule.integer && !Number.isInteger(n)) errors[field] = `The ${rule.label} must be a whole number.`;
  else if (rule.min !== undefined && n < rule.min)
    errors[field] = `The ${rule.label} must be ${rule.min} or more.`;
  else if (rule.max !== undefined && n > rule.max)
    errors[field] = `The ${rule.label} must be at most ${rule.max.toLocaleString()}.`;
  else return n;
  return null;
}

export function checkMoney(
  raw: string,
  field: keyof TaskFormState,
  label: string,
  currency: string,
  errors: FormErrors,
): Money | null {
  const minor = parseMoneyInput(raw, currency);
  if (minor === null) return null;
  if (Number.isNaN(minor)) errors[field] = `The ${label} must be an amount, like 11.50.`;
  else if (minor < 0) errors[field] = `The ${label} cannot be negative.`;
  else return { amountMinor: minor, currency };
  return null;
}

export function formToFrequency(f: TaskFormState, errors: FormErrors): Frequency | null {
  if (f.frequencyKind === 'per_year') {
    const n = checkNumber(
      f.occurrencesPerYear,
      'occurrencesPerYear',
      { label: 'occurrences per year', min: 0, max: 1_000_000, required: true },
      errors,
    );
    return n === null ? null : { kind: 'per_year', occurrencesPerYear: n };
  }
  const per = checkNumber(
    f.perProject,
    'perProject',
    { label: 'occurrences per project', min: 0, max: 100_000, required: true },
    errors,
  );
  const projects = checkNumber(
    f.projectsPerYear,
    'projectsPerYear',
    { label: 'projects per year', min: 0, max: 10_000, required: true },
    errors,
  );
  return per === null || projects === null
    ? null
    : { kind: 'per_project', perProject: per, projectsPerYear: projects };
}

/** The form as the API's task input, or the errors to show next to each field. */
export function formToTask(
  f: TaskFormState,
  currency: string,
):
  | { ok: true; task: Omit<NewTask, 'processId'> & { processId: string } }
  | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const name = f.name.trim();
  if (!name) errors.name = 'Give the task a name.';
  else if (name.length > 300) errors.name = 'Keep the name under 300 characters.';
  if (!f.processId) errors.processId = 'Choose the process this task belongs to.';
  if (f.processId === NEW_PROCESS && !f.newProcessName.trim())
    errors.newProcessName = 'Name the new process.';
  const frequency = formToFrequency(f, errors);
  const minutes = checkNumber(
    f.minutesPerOccurrence,
    'minutesPerOccurrence',
    { label: 'minutes per occurrence', min: 0, max: 100_000, required: true },
    errors,
  );
  const variants = checkNumber(
    f.knownVariants,
    'knownVariants',
    { label: 'number of known variants', min: 1, max: 1000, integer: true, required: true },
    errors,
  );
  const units = checkNumber(
    f.unitsPerOccurrence,
    'unitsPerOccurrence',
    { label: 'units per occurrence', min: 0, max: 100_000, required: true },
    errors,
  );
  const turnaround = checkNumber(
    f.turnaroundHours,
    'turnaroundHours',
    { label: 'turnaround tolerance', min: 0, max: 10_000, required: true },
    errors,
  );
  const review = checkNumber(
    f.reviewMinutes,
    'reviewMinutes',
    { label: 'review minutes', min: 0, max: 100_000 },
    errors,
  );
  const price = checkMoney(f.marketPrice, 'marketPrice', 'market price', currency, errors);
  const unit = f.deliverableUnit.trim();
  if (!unit) errors.deliverableUnit = 'Say what an out-tasker delivers: slide, page, item, hour…';
  else if (unit.length > 50) errors.deliverableUnit = 'Keep the unit under 50 characters.';
  if (
    Object.keys(errors).length > 0 ||
    frequency === null ||
    minutes === null ||
    variants === null ||
    units === null ||
    turnaround === null
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    task: {
      processId: f.processId,
      name,
      description: f.description,
      performerId: f.performerId || null,
      frequency,
      minutesPerOccurrence: minutes,
      skillLevel: f.skillLevel,
      confidentiality: f.confidentiality,
      needsClientContact: f.needsClientContact,
      knownVariants: variants,
      deliverableUnit: unit,
      unitsPerOccurrence: units,
      marketPricePerUnit: price,
      turnaroundHours: turnaround,
      reviewMinutesPerOccurrence: review,
    },
  };
}

/** Maps the API's field names (zod paths) to the form's, so server-side problems land on the right input. */
export function serverFieldToForm(field: string): keyof TaskFormState | 'form' {
  const map: Record<string, keyof TaskFormState> = {
    marketPricePerUnit: 'marketPrice',
    reviewMinutesPerOccurrence: 'reviewMinutes',
    frequency: 'occurrencesPerYear',
  };
  if (field in map) return map[field]!;
  const known: (keyof TaskFormState)[] = [
    'processId',
    'name',
    'description',
    'performerId',
    'minutesPerOccurrence',
    'knownVariants',
    'deliverableUnit',
    'unitsPerOccurrence',
    'turnaroundHours',
  ];
  return (known as string[]).includes(field) ? (field as keyof TaskFormState) : 'form';
}
