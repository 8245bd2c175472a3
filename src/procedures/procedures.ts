/**
 * Steps 2–4 domain types and rules: variants (how each person does a task today), the standard
 * procedure's versions and their ordered steps, and forms. Pure: no I/O here.
 */
import { AppError } from '../platform/errors.ts';

export const PERFORMER_KINDS = ['member', 'role', 'outtasker', 'automation'] as const;
export type PerformerKind = (typeof PERFORMER_KINDS)[number];

export const PERFORMER_KIND_LABELS: Record<PerformerKind, string> = {
  member: 'Firm member',
  role: 'Firm role',
  outtasker: 'Out-tasker',
  automation: 'Automation',
};

/**
 * Who performs a step. `ref` is the member id (member), the member role (role), or null;
 * `name` is what people read: the member's name, the role, "Deck designer", "Transcription app".
 */
export interface Performer {
  kind: PerformerKind;
  ref: string | null;
  name: string;
}

/** One step of a variant: as a person described it, without the rigour of a standard step. */
export interface VariantStep {
  name: string;
  minutes: number;
  tool: string;
  inputs: string[];
  outputs: string[];
}

export type VariantStatus = 'active' | 'retired';

export interface Variant {
  id: string;
  taskId: string;
  /** The member who works this way, when they are in the inventory. */
  memberId: string | null;
  /** Their name as recorded (a former employee or a contractor may be known by name only). */
  personName: string;
  /** A short name for the way, e.g. "Legal-pad notes, slides from memory". */
  label: string;
  notes: string;
  steps: VariantStep[];
  status: VariantStatus;
  /** When a standard procedure replaced this way of working. */
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The stored row's version, bumped by every write to it (its ETag); absent before it is stored. */
  version?: number;
}

/** A step of a standard procedure version. */
export interface Step {
  id: string;
  /** Stable across versions: a copied step keeps its key, so versions can be compared. */
  key: string;
  name: string;
  description: string;
  performer: Performer;
  inputs: string[];
  outputs: string[];
  tool: string;
  minutes: number;
  /** What the step's outputs must satisfy to be accepted. */
  acceptanceCriteria: string[];
  /** Marked as waste (done out of habit): kept visible, struck through, left out of "after". */
  waste: { reason: string } | null;
  /** Keys of the steps merged into this one. */
  mergedFrom: string[];
}

export type VersionStatus = 'draft' | 'approved';

export interface ProcedureVersion {
  id: string;
  procedureId: string;
  number: number;
  status: VersionStatus;
  purpose: string;
  turnaroundHours: number;
  changeNote: string;
  sourceVariantIds: string[];
  basedOnVersionId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  steps: Step[];
  /**
   * The stored row's version, bumped by every change to the version or its steps (its ETag: a draft
   * and its steps are edited as one); absent before it is stored.
   */
  version?: number;
}

export interface Procedure {
  id: string;
  taskId: string;
  createdAt: string;
  updatedAt: string;
}

export interface FormQuestion {
  id: string;
  text: string;
  hint?: string;
}

export interface FormContent {
  title: string;
  questions: FormQuestion[];
}

export interface FormVersion extends FormContent {
  id: string;
  formId: string;
  number: number;
  sourceFile: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface Form {
  id: string;
  name: string;
  procedureId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every write to the form or a new version of it (its ETag); absent before it is stored. */
  version?: number;
}

/** What a step is made from before it has an id and a key. */
export type StepDraft = Omit<Step, 'id' | 'key' | 'mergedFrom'> & { key?: string; mergedFrom?: string[] };

export const MAX_STEP_MINUTES = 100_000;
export const MAX_STEPS = 200;

const clean = (list: readonly string[]): string[] =>
  list.map((s) => s.trim()).filter((s, i, all) => s.length > 0 && all.indexOf(s) === i);

/**
 * Checks a step against the rules every version obeys and returns it tidied (trimmed text, no
 * empty or repeated list items). `where` names the step in messages, e.g. 'Step 3 "Draft slides"'.
 */
export function checkStep<T extends Omit<StepDraft, 'waste'> & { waste?: Step['waste'] }>(
  step: T,
  where: string,
): T {
  const problems: { field: string; message: string }[] = [];
  const name = step.name.trim();
  if (!name) problems.push({ field: 'name', message: 'must not be empty' });
  if (name.length > 200) problems.push({ field: 'name', message: 'must be at most 200 characters' });
  if (!Number.isFinite(step.minutes) || step.minutes < 0) {
    problems.push({ field: 'minutes', message: `must be 0 or more, got ${step.minutes}` });
  } else if (step.minutes > MAX_STEP_MINUTES) {
    problems.push({ field: 'minutes', message: `must be at most ${MAX_STEP_MINUTES}, got ${step.minutes}` });
  }
  if (!(PERFORMER_KINDS as readonly string[]).includes(step.performer.kind)) {
    problems.push({
      field: 'performer.kind',
      message: `must be one of ${PERFORMER_KINDS.join(', ')}, got "${step.performer.kind}"`,
    });
  }
  if ((step.performer.kind === 'member' || step.performer.kind === 'role') && !step.performer.ref) {
    problems.push({
      field: 'performer.ref',
      message: `a ${step.performer.kind} step must say which ${step.performer.kind === 'member' ? 'member' : 'role'}`,
    });
  }
  if (step.waste && !step.waste.reason.trim()) {
    problems.push({ field: 'waste.reason', message: 'say why the step is waste' });
  }
  const first = problems[0];
  if (first) {
    throw new AppError(
      'STEP_INVALID',
      `${where}: ${first.field} ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}. Nothing was changed.`,
      { problems, step: where },
    );
  }
  return {
    ...step,
    name,
    description: step.description.trim(),
    tool: step.tool.trim(),
    inputs: clean(step.inputs),
    outputs: clean(step.outputs),
    acceptanceCriteria: clean(step.acceptanceCriteria),
    performer: { ...step.performer, name: step.performer.name.trim() },
    ...(step.waste ? { waste: { reason: step.waste.reason.trim() } } : {}),
  };
}

export function checkVariantStep(step: VariantStep, where: string): VariantStep {
  const name = step.name.trim();
  if (!name) throw new AppError('STEP_INVALID', `${where}: name must not be empty. Nothing was changed.`);
  if (!Number.isFinite(step.minutes) || step.minutes < 0 || step.minutes > MAX_STEP_MINUTES) {
    throw new AppError(
      'STEP_INVALID',
      `${where}: minutes must be between 0 and ${MAX_STEP_MINUTES}, got ${step.minutes}. Nothing was changed.`,
      { field: 'minutes' },
    );
  }
  return {
    name,
    minutes: step.minutes,
    tool: step.tool.trim(),
    inputs: clean(step.inputs),
    outputs: clean(step.outputs),
  };
}

export function describeStep(index: number, name: string): string {
  return `Step ${index + 1}${name.trim() ? ` "${name.trim()}"` : ''}`;
}

/** The refusal every change to an approved version meets. */
export function versionApprovedError(v: Pick<ProcedureVersion, 'number'>, taskName: string): AppError {
  return new AppError(
    'VERSION_APPROVED',
    `Version ${v.number} of "${taskName}" is approved and never changes; start a new draft from it and change that. Nothing was changed.`,
    { version: v.number },
  );
}

/** Minutes of the steps that are not waste. */
export function minutesAfter(steps: readonly Pick<Step, 'minutes' | 'waste'>[]): number {
  return steps.reduce((s, x) => s + (x.waste ? 0 : x.minutes), 0);
}

export function minutesTotal(steps: readonly Pick<Step, 'minutes'>[]): number {
  return steps.reduce((s, x) => s + x.minutes, 0);
}

/** The version the firm works by: the latest approved one, else the latest draft. */
export function currentVersion<V extends Pick<ProcedureVersion, 'number' | 'status'>>(
  versions: readonly V[],
): V | undefined {
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  return sorted.find((v) => v.status === 'approved') ?? sorted[0];
}

export function latestApproved<V extends Pick<ProcedureVersion, 'number' | 'status'>>(
  versions: readonly V[],
): V | undefined {
  return [...versions].sort((a, b) => b.number - a.number).find((v) => v.status === 'approved');
}

export function openDraft<V extends Pick<ProcedureVersion, 'number' | 'status'>>(
  versions: readonly V[],
): V | undefined {
  return [...versions].sort((a, b) => b.number - a.number).find((v) => v.status === 'draft');
}
