/**
 * zod contracts for the inventory's edges (HTTP bodies, CLI options). Like index.ts, a public entry
 * of the feature, and a light one: zod and the domain's constants only, so the CLI can build its
 * options without loading the feature.
 */
import { z } from 'zod';
import { FIELD_LIMITS } from './field-limits.ts';
import { CONFIDENTIALITY_LEVELS, MEMBER_ROLES, SKILL_LEVELS } from './inventory.ts';

export { IMPORT_FORMATS, type ImportFormat } from './imports/types.ts';

export const MoneySchema = z.object({
  amountMinor: z.number().int().safe(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a 3-letter ISO currency code'),
});

export const FrequencySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('per_year'), occurrencesPerYear: z.number().min(0).max(1_000_000) }),
  z.object({
    kind: z.literal('per_project'),
    perProject: z.number().min(0).max(100_000),
    projectsPerYear: z.number().min(0).max(10_000),
  }),
]);

export const MemberInput = z.object({
  name: z.string().trim().min(1).max(FIELD_LIMITS.memberName),
  email: z.string().trim().email().nullable().default(null),
  title: z.string().trim().max(FIELD_LIMITS.memberTitle).default(''),
  role: z.enum(MEMBER_ROLES),
  hourlyCost: MoneySchema.refine((m) => m.amountMinor >= 0, 'must not be negative'),
  yearlyCapacityHours: z.number().min(0).max(8784).default(1600),
});
export const MemberPatch = MemberInput.partial();

export const MemberOut = MemberInput.extend({ id: z.string(), email: z.string().nullable() });

export const ProcessInput = z.object({
  name: z.string().trim().min(1).max(FIELD_LIMITS.processName),
  description: z.string().max(FIELD_LIMITS.processDescription).default(''),
});

export const TaskInput = z.object({
  processId: z.string().min(1),
  name: z.string().trim().min(1).max(FIELD_LIMITS.taskName),
  description: z.string().max(FIELD_LIMITS.taskDescription).default(''),
  performerId: z.string().nullable().default(null),
  frequency: FrequencySchema,
  minutesPerOccurrence: z.number().min(0).max(100_000),
  skillLevel: z.enum(SKILL_LEVELS).default('intermediate'),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).default('internal'),
  needsClientContact: z.boolean().default(false),
  knownVariants: z.number().int().min(1).max(1000).default(1),
  deliverableUnit: z.string().trim().min(1).max(FIELD_LIMITS.deliverableUnit).default('item'),
  unitsPerOccurrence: z.number().min(0).max(100_000).default(1),
  marketPricePerUnit: MoneySchema.refine((m) => m.amountMinor >= 0, 'must not be negative')
    .nullable()
    .default(null),
  turnaroundHours: z.number().min(0).max(10_000).default(72),
  reviewMinutesPerOccurrence: z.number().min(0).max(100_000).nullable().default(null),
});
export const TaskPatch = TaskInput.partial();

export type TaskInputT = z.infer<typeof TaskInput>;
export type TaskPatchT = z.infer<typeof TaskPatch>;
export type MemberInputT = z.infer<typeof MemberInput>;

// --- imports ----------------------------------------------------------------------------------------

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2025-03-01');

export const PeriodInput = z.object({ from: IsoDate, to: IsoDate });

export const DecisionInputSchema = z.object({
  activity: z.string().min(1).max(500),
  action: z.enum(['task', 'new', 'ignore']),
  task: z.string().max(500).optional(),
  process: z.string().max(500).optional(),
  name: z.string().max(500).optional(),
});

/** An import sent as JSON: the file's bytes in base64, with the firm's decisions and period. */
export const ImportBody = z.object({
  file: z.string().min(1).max(255),
  contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be the file’s bytes in base64'),
  format: z.enum(['outtask', 'harvest', 'toggl', 'clockify']).optional(),
  skipInvalid: z.boolean().optional(),
  decisions: z.array(DecisionInputSchema).max(10_000).optional(),
  period: PeriodInput.optional(),
});

const RowErrorOut = z.object({ line: z.number(), column: z.string().optional(), message: z.string() });

const PeriodOut = z
  .object({
    from: z.string(),
    to: z.string(),
    days: z.number(),
    months: z.number(),
    length: z.string(),
    stated: z.boolean(),
  })
  .nullable();

const DecisionOut = z.discriminatedUnion('action', [
  z.object({ action: z.literal('task'), taskId: z.string() }),
  z.object({
    action: z.literal('new'),
    taskName: z.string(),
    processId: z.string().nullable(),
    processName: z.string().nullable(),
  }),
  z.object({ action: z.literal('ignore') }),
]);

export const ImportPreviewOut = z.object({
  file: z.string(),
  format: z.string(),
  fileKind: z.enum(['csv', 'xlsx']),
  rows: z.number(),
  /** The first 1,000 row errors; errorCount is how many there were. */
  errors: z.array(RowErrorOut),
  errorCount: z.number(),
  period: PeriodOut,
  activities: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      hours: z.number(),
      entries: z.number(),
      people: z.array(z.string()),
      engagements: z.array(z.string()),
      firstDate: z.string(),
      lastDate: z.string(),
      match: z.enum(['remembered', 'exact', 'similar', 'none', 'chosen']),
      decision: DecisionOut,
      target: z
        .object({ taskId: z.string().nullable(), taskName: z.string(), process: z.string() })
        .nullable(),
      candidates: z.array(
        z.object({ taskId: z.string(), name: z.string(), process: z.string(), similarity: z.number() }),
      ),
    }),
  ),
  summary: z.object({
    tasksMatched: z.number(),
    tasksCreated: z.number(),
    tasksUpdated: z.number(),
    activitiesIgnored: z.number(),
    processesCreated: z.number(),
    membersCreated: z.number(),
    entries: z.number(),
    entriesIgnored: z.number(),
  }),
  tasks: z.array(z.object({ id: z.string(), name: z.string(), process: z.string() })),
  processes: z.array(z.object({ id: z.string(), name: z.string() })),
  warnings: z.array(z.string()),
});

export const ImportReportOut = z.object({
  importId: z.string(),
  file: z.string(),
  format: z.string(),
  fileKind: z.enum(['csv', 'xlsx']),
  rows: z.number(),
  created: z.object({ members: z.number(), processes: z.number(), tasks: z.number() }),
  updated: z.object({ members: z.number(), tasks: z.number() }),
  timeEntries: z.object({ imported: z.number(), alreadyImported: z.number(), ignored: z.number() }),
  period: PeriodOut,
  skippedRows: z.number(),
  /** The first 1,000 row errors; errorCount is how many there were. */
  errors: z.array(RowErrorOut),
  errorCount: z.number(),
  warnings: z.array(z.string()),
});

export const ImportBatchOut = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.string(),
  rows: z.number(),
  imported: z.number(),
  skipped: z.number(),
  errors: z.number(),
  byUserId: z.string().nullable(),
  at: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  undoneAt: z.string().nullable(),
});
