/**
 * zod contracts for the inventory's edges (HTTP bodies, CLI options). Like index.ts, a public entry
 * of the feature, and a light one: zod and the domain's constants only, so the CLI can build its
 * options without loading the feature.
 *
 * Kept in one file: a feature's contract is one public entry (<feature>.schemas.ts, see
 * test/architecture), which the CLI and the web app's types load without the feature; declarations
 * only.
 */
import { z } from 'zod';
import { MoneyOut, sameShape } from '../platform/contract.ts';
import type {
  EconomicsSettings,
  HoursFreed,
  Opportunity,
  OpportunityTotals,
  OutTaskVsOutsource,
  ScoreFactor,
  TaskEconomics,
} from './economics/index.ts';
import { SCORE_FACTOR_KEYS } from './economics/score.ts';
import { FIELD_LIMITS } from './field-limits.ts';
import {
  CONFIDENTIALITY_LEVELS,
  MEMBER_ROLES,
  type Measurement,
  type Member,
  type Process,
  SKILL_LEVELS,
  type Task,
} from './inventory.ts';
import type { opportunitiesJson, TaskListItem } from './inventory.views.ts';

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

/**
 * A member's fields as a patch sends them: each optional, none defaulted (zod 4 fills `.default()`s
 * even inside `.partial()`, which would reset every field a patch does not mention).
 */
export const MemberPatch = z
  .object({
    name: z.string().trim().min(1).max(FIELD_LIMITS.memberName),
    email: z.string().trim().email().nullable(),
    title: z.string().trim().max(FIELD_LIMITS.memberTitle),
    role: z.enum(MEMBER_ROLES),
    hourlyCost: MoneySchema.refine((m) => m.amountMinor >= 0, 'must not be negative'),
    yearlyCapacityHours: z.number().min(0).max(8784),
    leftOn: z.iso
      .date({ message: 'must be a date, yyyy-mm-dd' })
      .nullable()
      .describe('The day they left the firm; null while they are with it'),
  })
  .partial();
const member = MemberPatch.required().shape;
/** A new member: what is left out takes its default. */
export const MemberInput = z.object({
  ...member,
  email: member.email.default(null),
  title: member.title.default(''),
  yearlyCapacityHours: member.yearlyCapacityHours.default(1600),
  leftOn: member.leftOn.default(null),
});

export const ProcessInput = z.object({
  name: z.string().trim().min(1).max(FIELD_LIMITS.processName),
  description: z.string().max(FIELD_LIMITS.processDescription).default(''),
});

/** A task's fields as a patch sends them: each optional, none defaulted (see MemberPatch). */
export const TaskPatch = z
  .object({
    processId: z.string().min(1),
    name: z.string().trim().min(1).max(FIELD_LIMITS.taskName),
    description: z.string().max(FIELD_LIMITS.taskDescription),
    performerId: z.string().nullable(),
    frequency: FrequencySchema,
    minutesPerOccurrence: z.number().min(0).max(100_000),
    skillLevel: z.enum(SKILL_LEVELS),
    confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
    needsClientContact: z.boolean(),
    knownVariants: z.number().int().min(1).max(1000),
    deliverableUnit: z.string().trim().min(1).max(FIELD_LIMITS.deliverableUnit),
    unitsPerOccurrence: z.number().min(0).max(100_000),
    marketPricePerUnit: MoneySchema.refine((m) => m.amountMinor >= 0, 'must not be negative').nullable(),
    turnaroundHours: z.number().min(0).max(10_000),
    reviewMinutesPerOccurrence: z.number().min(0).max(100_000).nullable(),
  })
  .partial();
const task = TaskPatch.required().shape;
/** A new task: what is left out takes its default. */
export const TaskInput = z.object({
  ...task,
  description: task.description.default(''),
  performerId: task.performerId.default(null),
  skillLevel: task.skillLevel.default('intermediate'),
  confidentiality: task.confidentiality.default('internal'),
  needsClientContact: task.needsClientContact.default(false),
  knownVariants: task.knownVariants.default(1),
  deliverableUnit: task.deliverableUnit.default('item'),
  unitsPerOccurrence: task.unitsPerOccurrence.default(1),
  marketPricePerUnit: task.marketPricePerUnit.default(null),
  turnaroundHours: task.turnaroundHours.default(72),
  reviewMinutesPerOccurrence: task.reviewMinutesPerOccurrence.default(null),
});

export type TaskInputT = z.infer<typeof TaskInput>;
export type TaskPatchT = z.infer<typeof TaskPatch>;
export type MemberInputT = z.infer<typeof MemberInput>;
export type MemberPatchT = z.infer<typeof MemberPatch>;

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

export const ImportPreviewOut = z
  .object({
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
  })
  .meta({ id: 'ImportPreview' });

export const ImportReportOut = z
  .object({
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
  })
  .meta({ id: 'ImportReport' });

export const ImportBatchOut = z
  .object({
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
  })
  .meta({ id: 'ImportBatch' });

// ——— Answers: the response schemas of /api/members, /processes, /tasks, /opportunities, /imports,
// /settings (the API contract; each checked against the domain type it describes) ———

export const MemberView = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    title: z.string(),
    role: z.enum(MEMBER_ROLES),
    hourlyCost: MoneyOut,
    yearlyCapacityHours: z.number(),
    leftOn: z.string().nullable().optional(),
    version: z.number().optional(),
  })
  .meta({ id: 'Member' });
sameShape<z.output<typeof MemberView>, Member>(true);

export const ProcessView = z
  .object({ id: z.string(), name: z.string(), description: z.string() })
  .meta({ id: 'Process' });
sameShape<z.output<typeof ProcessView>, Process>(true);

const FrequencyView = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('per_year'), occurrencesPerYear: z.number() }),
    z.object({ kind: z.literal('per_project'), perProject: z.number(), projectsPerYear: z.number() }),
  ])
  .meta({ id: 'Frequency' });

export const TaskView = z
  .object({
    id: z.string(),
    processId: z.string(),
    name: z.string(),
    description: z.string(),
    performerId: z.string().nullable(),
    frequency: FrequencyView,
    minutesPerOccurrence: z.number(),
    skillLevel: z.enum(SKILL_LEVELS),
    confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
    needsClientContact: z.boolean(),
    knownVariants: z.number(),
    deliverableUnit: z.string(),
    unitsPerOccurrence: z.number(),
    marketPricePerUnit: MoneyOut.nullable(),
    turnaroundHours: z.number(),
    reviewMinutesPerOccurrence: z.number().nullable(),
    version: z.number().optional(),
  })
  .meta({ id: 'Task' });
sameShape<z.output<typeof TaskView>, Task>(true);

export const MeasurementView = z
  .object({
    memberId: z.string().nullable(),
    memberName: z.string(),
    minutes: z.number(),
    entries: z.number(),
    cost: MoneyOut,
    firstDate: z.string(),
    lastDate: z.string(),
    period: z.object({ from: z.string(), to: z.string() }).nullable().optional(),
  })
  .meta({ id: 'Measurement' });
sameShape<z.output<typeof MeasurementView>, Measurement>(true);

export const TaskListItemView = z
  .object({
    id: z.string(),
    name: z.string(),
    process: z.string(),
    processId: z.string(),
    performer: z.string().nullable(),
    performerId: z.string().nullable(),
    description: z.string(),
    frequency: FrequencyView,
    occurrencesPerYear: z.number(),
    minutesPerOccurrence: z.number(),
    skillLevel: z.string(),
    confidentiality: z.string(),
    needsClientContact: z.boolean(),
    knownVariants: z.number(),
    deliverableUnit: z.string(),
    unitsPerOccurrence: z.number(),
    marketPricePerUnit: MoneyOut.nullable(),
    turnaroundHours: z.number(),
    reviewMinutesPerOccurrence: z.number().nullable(),
    measuredHours: z.number(),
    measuredFrom: z.string().nullable(),
    measuredTo: z.string().nullable(),
    measuredNote: z.string().nullable(),
    annualHours: z.number(),
    inHouseAnnualCost: MoneyOut,
    costBasis: z.enum(['procedure', 'measured', 'estimate', 'unknown']),
    outTaskedAnnualCost: MoneyOut.nullable(),
    annualSaving: MoneyOut.nullable(),
    score: z.number(),
    rank: z.number(),
    version: z.number(),
  })
  .meta({ id: 'TaskListItem' });
sameShape<z.output<typeof TaskListItemView>, TaskListItem>(true);

const ScoreFactorView = z
  .object({
    key: z.enum(SCORE_FACTOR_KEYS),
    label: z.string(),
    value: z.union([z.number(), z.string(), z.boolean()]).nullable(),
    subScore: z.number(),
    weight: z.number(),
    points: z.number(),
    shareOfScore: z.number(),
    sentence: z.string(),
  })
  .meta({ id: 'ScoreFactor' });
sameShape<z.output<typeof ScoreFactorView>, ScoreFactor>(true);

const HoursFreedView = z
  .object({
    memberId: z.string().nullable(),
    memberName: z.string(),
    role: z.enum(MEMBER_ROLES).nullable(),
    inHouseHours: z.number(),
    reviewHours: z.number(),
    hoursFreed: z.number(),
  })
  .meta({ id: 'HoursFreed' });
sameShape<z.output<typeof HoursFreedView>, HoursFreed>(true);

const OpportunityTotalsView = z.object({
  taskCount: z.number(),
  outTaskableCount: z.number(),
  inHouseAnnualCost: MoneyOut,
  savingAvailable: MoneyOut,
  topN: z.number(),
  topNSaving: MoneyOut,
  founderHoursFreedTopN: z.number(),
  hoursFreedTopN: z.number(),
});
sameShape<z.output<typeof OpportunityTotalsView>, OpportunityTotals>(true);

const OpportunityGroupView = z.enum(['saving', 'loss', 'not_out_taskable']);

export const OpportunitiesView = z
  .object({
    currency: z.string(),
    ordering: z.string(),
    totals: OpportunityTotalsView,
    opportunities: z.array(
      z
        .object({
          rank: z.number(),
          taskId: z.string(),
          name: z.string(),
          process: z.string(),
          group: OpportunityGroupView,
          score: z.number(),
          scoreExplanation: z.string(),
          factors: z.array(ScoreFactorView),
          outTaskable: z.boolean(),
          notOutTaskableReason: z.string().nullable(),
          inHouseAnnualCost: MoneyOut,
          outTaskedAnnualCost: MoneyOut.nullable(),
          annualSaving: MoneyOut.nullable(),
          savingShare: z.number().nullable(),
          expectedValue: MoneyOut.nullable(),
          founderHoursFreed: z.number(),
          totalHoursFreed: z.number(),
          hoursFreed: z.array(HoursFreedView),
        })
        .meta({ id: 'OpportunityItem' }),
    ),
  })
  .meta({ id: 'Opportunities' });
sameShape<z.output<typeof OpportunitiesView>, ReturnType<typeof opportunitiesJson>>(true);

const MeasuredLineView = z.object({
  memberId: z.string().nullable(),
  memberName: z.string(),
  hours: z.number(),
  cost: MoneyOut,
});

const CostFigureView = z.object({ amount: MoneyOut, formula: z.string() });

const TaskEconomicsView = z
  .object({
    taskId: z.string(),
    taskName: z.string(),
    currency: z.string(),
    occurrencesPerYear: z.number(),
    occurrencesFormula: z.string(),
    inHouse: z.object({
      basis: z.enum(['procedure', 'measured', 'estimate', 'unknown']),
      annualCost: MoneyOut,
      annualHours: z.number(),
      estimate: CostFigureView.extend({ annualHours: z.number(), performerId: z.string() }).nullable(),
      measured: CostFigureView.extend({
        annualHours: z.number(),
        byMember: z.array(MeasuredLineView),
        periodMonths: z.number(),
        period: z.object({ from: z.string(), to: z.string(), length: z.string() }).nullable(),
        periodNote: z.string(),
      }).nullable(),
      standard: z
        .object({
          versionNumber: z.number(),
          annualCost: MoneyOut,
          annualHours: z.number(),
          byMember: z.array(MeasuredLineView),
          steps: z.object({
            inHouse: z.number(),
            automated: z.number(),
            outTasked: z.number(),
            uncosted: z.array(z.string()),
          }),
          formula: z.string(),
        })
        .nullable(),
      explanation: z.string(),
    }),
    outTaskable: z.boolean(),
    notOutTaskableReason: z.string().nullable(),
    outTasked: z
      .object({
        annualCost: MoneyOut,
        annualUnits: z.number(),
        marketplaceSpend: CostFigureView,
        platformFee: CostFigureView,
        review: CostFigureView.extend({
          reviewerId: z.string().nullable(),
          reviewerName: z.string().nullable(),
          minutesPerOccurrence: z.number(),
          annualHours: z.number(),
        }),
        explanation: z.string(),
      })
      .nullable(),
    annualSaving: MoneyOut.nullable(),
    savingShare: z.number().nullable(),
    savingExplanation: z.string(),
    hoursFreed: z.array(HoursFreedView),
    founderHoursFreed: z.number(),
  })
  .meta({ id: 'TaskEconomics' });
sameShape<z.output<typeof TaskEconomicsView>, TaskEconomics>(true);

const OpportunityView = z
  .object({
    rank: z.number(),
    taskId: z.string(),
    taskName: z.string(),
    processId: z.string(),
    group: OpportunityGroupView,
    score: z.number(),
    factors: z.array(ScoreFactorView),
    scoreExplanation: z.string(),
    outTaskable: z.boolean(),
    notOutTaskableReason: z.string().nullable(),
    inHouseAnnualCost: MoneyOut,
    outTaskedAnnualCost: MoneyOut.nullable(),
    annualSaving: MoneyOut.nullable(),
    savingShare: z.number().nullable(),
    expectedValue: MoneyOut.nullable(),
    hoursFreed: z.array(HoursFreedView),
    founderHoursFreed: z.number(),
    totalHoursFreed: z.number(),
    economics: TaskEconomicsView,
  })
  .meta({ id: 'Opportunity' });
sameShape<z.output<typeof OpportunityView>, Opportunity>(true);

export const EconomicsSettingsView = z
  .object({
    currency: z.string(),
    platformFeeBps: z.number(),
    defaultReviewShare: z.number(),
    reviewerId: z.string().nullable(),
    measuredPeriodMonths: z.number(),
  })
  .meta({ id: 'EconomicsSettings' });
sameShape<z.output<typeof EconomicsSettingsView>, Required<EconomicsSettings>>(true);

export const TaskDetailView = z
  .object({
    task: TaskView,
    process: z.string(),
    performer: z.string().nullable(),
    measuredHours: z.number(),
    measuredFrom: z.string().nullable(),
    measuredTo: z.string().nullable(),
    opportunity: OpportunityView,
    measurements: z.array(MeasurementView),
    settings: EconomicsSettingsView,
  })
  .meta({ id: 'TaskDetail' });

const MoneyBreakdown = {
  annualCost: MoneyOut,
  overTerm: MoneyOut,
  review: MoneyOut,
  explanation: z.string(),
};

export const OutTaskVsOutsourceView = z
  .object({
    taskId: z.string(),
    taskName: z.string(),
    currency: z.string(),
    deliverableUnit: z.string(),
    termMonths: z.number(),
    expectedUnitsPerYear: z.number(),
    scenarios: z.array(
      z.object({
        label: z.string(),
        volumeFactor: z.number().nullable(),
        unitsPerYear: z.number(),
        outTask: z.object({ ...MoneyBreakdown, marketplaceSpend: MoneyOut, platformFee: MoneyOut }),
        outsource: z.object({
          ...MoneyBreakdown,
          amortisedInvestment: MoneyOut,
          committedMinimum: MoneyOut,
          withinBand: MoneyOut,
          overage: MoneyOut,
          shortfallUnits: z.number(),
          overageUnits: z.number(),
        }),
        cheaper: z.enum(['out-task', 'outsource', 'equal']),
        annualDifference: MoneyOut,
        sentence: z.string(),
      }),
    ),
    breakEven: z.object({
      unitsPerYear: z.array(z.number()),
      outsourcingCheaper: z.array(
        z.object({ fromUnitsPerYear: z.number(), toUnitsPerYear: z.number().nullable() }),
      ),
      explanation: z.string(),
    }),
    recommendation: z.object({ choice: z.enum(['out-task', 'outsource']), reason: z.string() }),
  })
  .meta({ id: 'OutTaskVsOutsource' });
sameShape<z.output<typeof OutTaskVsOutsourceView>, OutTaskVsOutsource>(true);
