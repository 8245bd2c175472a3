/** Step 1 domain types: the firm's members, processes and tasks. Pure: no I/O here. */
import type { Money } from '../platform/money.ts';

export const MEMBER_ROLES = ['founder', 'partner', 'manager', 'consultant', 'analyst', 'support'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const SKILL_LEVELS = ['basic', 'intermediate', 'advanced', 'expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const CONFIDENTIALITY_LEVELS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

export interface Member {
  id: string;
  name: string;
  email: string | null;
  title: string;
  role: MemberRole;
  /** Loaded cost of one hour of this person to the firm. */
  hourlyCost: Money;
  yearlyCapacityHours: number;
  /**
   * The day they left the firm (ISO yyyy-mm-dd); null or absent while they are with it. A member who
   * left is kept (past figures still use their cost) but no longer offered for new work.
   */
  leftOn?: string | null;
  /** The stored row's version (optimistic concurrency); absent before it is stored. */
  version?: number;
}

export interface Process {
  id: string;
  name: string;
  description: string;
}

/** How often a task happens: a plain yearly count, or per project × projects a year. */
export type Frequency =
  | { kind: 'per_year'; occurrencesPerYear: number }
  | { kind: 'per_project'; perProject: number; projectsPerYear: number };

export interface Task {
  id: string;
  processId: string;
  name: string;
  description: string;
  performerId: string | null;
  frequency: Frequency;
  minutesPerOccurrence: number;
  skillLevel: SkillLevel;
  confidentiality: Confidentiality;
  needsClientContact: boolean;
  /** Ways the task is done today (1 = already standard). */
  knownVariants: number;
  deliverableUnit: string;
  unitsPerOccurrence: number;
  marketPricePerUnit: Money | null;
  /** How long the firm can wait for the result. */
  turnaroundHours: number;
  /** Firm minutes spent reviewing one out-tasked occurrence; null = default share of the in-house time. */
  reviewMinutesPerOccurrence: number | null;
  /** The stored row's version, bumped by every write to it (optimistic concurrency); absent before it is stored. */
  version?: number;
}

/** The fields of a task a user edits (everything but its identity and version). */
export type TaskFields = Omit<Task, 'id' | 'version'>;

/** Hours measured from imported time entries, per person. */
export interface Measurement {
  memberId: string | null;
  memberName: string;
  minutes: number;
  entries: number;
  /** Cost of these minutes: the export's own cost rate where it had one, else the member's. */
  cost: Money;
  firstDate: string;
  lastDate: string;
  /** The period the imports that measured the task cover (null for entries imported before periods were kept). */
  period?: { from: string; to: string } | null;
}

export function occurrencesPerYear(f: Frequency): number {
  return f.kind === 'per_year' ? f.occurrencesPerYear : f.perProject * f.projectsPerYear;
}

/** One past import, as the history shows it. */
export interface ImportBatch {
  id: string;
  fileName: string;
  format: string;
  rows: number;
  imported: number;
  skipped: number;
  errors: number;
  byUserId: string | null;
  at: string;
  /** The period the entries cover, ISO dates; null for template imports. */
  periodFrom: string | null;
  periodTo: string | null;
  /** When the import was undone; null while it stands. */
  undoneAt: string | null;
}
