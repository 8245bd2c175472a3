/**
 * zod contracts for the edges (HTTP bodies, CLI and demo input). They check shape, at the edge; the
 * domain rules (minutes not negative, a member step names its member…) are checked by the use cases
 * with STEP_INVALID so that HTTP, CLI and demo refuse the same things with the same words.
 *
 * Kept in one file: a feature's contract is one public entry (<feature>.schemas.ts, see
 * test/architecture), which the CLI and the web app's types load without the feature; declarations
 * only.
 */
import { z } from 'zod';
import { TaskView } from '../inventory/index.ts';
import { MoneyOut, sameShape } from '../platform/contract.ts';
import type { ProcedureEconomics } from './costing.ts';
import {
  type FormVersion,
  PERFORMER_KINDS,
  type ProcedureVersion,
  type Step,
  type Variant,
} from './procedures.ts';
import { STAGES, type TaskProgress } from './progress.ts';
import type { TaskComparison } from './use-cases/compare-task-variants.ts';
import type { diffTwoVersions } from './use-cases/diff-versions.ts';
import type { FormSummary } from './use-cases/form-lookups.ts';
import type { getForm } from './use-cases/get-form.ts';
import type { getVersion } from './use-cases/get-version.ts';
import type { ProcedureListRow } from './use-cases/list-procedures.ts';
import type { methodProgress } from './use-cases/method-progress.ts';
import type { SavedForm } from './use-cases/save-form-version.ts';
import type { VersionSummary } from './use-cases/summaries.ts';
import type { TaskOverview } from './use-cases/task-overview.ts';

const text = (max: number) => z.string().max(max);
const list = z.array(z.string().max(500)).max(50);

export const PerformerSchema = z.object({
  kind: z.enum(PERFORMER_KINDS),
  ref: z.string().max(200).nullable().default(null),
  name: text(200).default(''),
});

export const VariantStepInput = z.object({
  name: text(200),
  minutes: z.number(),
  tool: text(200).default(''),
  inputs: list.default([]),
  outputs: list.default([]),
});

export const VariantInput = z.object({
  memberId: z.string().max(100).nullable().default(null),
  personName: text(200).default(''),
  label: text(200).default(''),
  notes: text(10_000).default(''),
  steps: z.array(VariantStepInput).max(200),
});
// Patches list their fields without defaults: zod applies a default even to an absent optional field.
export const VariantPatch = z.object({
  memberId: z.string().max(100).nullable().optional(),
  personName: text(200).optional(),
  label: text(200).optional(),
  notes: text(10_000).optional(),
  steps: z.array(VariantStepInput).max(200).optional(),
});

export const StepInput = z.object({
  /** The key of an existing step when a whole list is saved: keeps its identity across versions. */
  key: z.string().max(100).optional(),
  name: text(300),
  description: text(10_000).default(''),
  performer: PerformerSchema,
  inputs: list.default([]),
  outputs: list.default([]),
  tool: text(200).default(''),
  minutes: z.number(),
  acceptanceCriteria: list.default([]),
  waste: z
    .object({ reason: text(1000) })
    .nullable()
    .default(null),
});
export const StepPatch = z.object({
  name: text(300).optional(),
  description: text(10_000).optional(),
  performer: PerformerSchema.optional(),
  inputs: list.optional(),
  outputs: list.optional(),
  tool: text(200).optional(),
  minutes: z.number().optional(),
  acceptanceCriteria: list.optional(),
  waste: z
    .object({ reason: text(1000) })
    .nullable()
    .optional(),
});

export const StepsInput = z.object({ steps: z.array(StepInput).max(200) });

export const StandardInput = z.object({
  variantIds: z.array(z.string().max(100)).min(1).max(200),
  /** Comparison columns to keep; default: those at least half of the chosen variants do. */
  columns: z.array(z.number().int().min(0)).max(500).optional(),
});

export const NewDraftInput = z.object({ fromVersionId: z.string().max(100).optional() });

export const VersionPatch = z.object({
  purpose: text(10_000).optional(),
  turnaroundHours: z.number().min(0).max(10_000).optional(),
  changeNote: text(2000).optional(),
});

export const ReorderInput = z.object({ stepIds: z.array(z.string().max(100)).max(200) });
export const MoveInput = z.object({ to: z.number().int().min(0).max(1000) });
export const MergeInput = z.object({
  stepIds: z.array(z.string().max(100)).min(2).max(200),
  name: text(200).optional(),
});
export const WasteInput = z.object({ reason: text(1000) });
export const AddStepInput = StepInput.extend({ position: z.number().int().min(0).max(1000).optional() });

export const FormQuestionSchema = z.object({
  /** Optional: a question without one gets an id made from its words. */
  id: text(100).optional(),
  text: text(2000),
  hint: text(2000).optional(),
});

export const FormJsonInput = z.object({
  name: text(120).optional(),
  title: text(300),
  questions: z.array(FormQuestionSchema).max(200),
});

export const FormAttachInput = z.object({
  /** The task whose procedure the form belongs to; null to detach. */
  taskId: z.string().max(300).nullable(),
});

// What the use cases take: the schemas' output, after the edge (a route, the demo, a test factory)
// has parsed and filled in the defaults. Use cases never parse `unknown` again.
export type StepInputT = z.output<typeof StepInput>;
export type VariantInputT = z.output<typeof VariantInput>;
export type VariantPatchT = z.output<typeof VariantPatch>;
export type StepPatchT = z.output<typeof StepPatch>;
export type StepsInputT = z.output<typeof StepsInput>;
export type AddStepInputT = z.output<typeof AddStepInput>;
export type StandardInputT = z.output<typeof StandardInput>;
export type NewDraftInputT = z.output<typeof NewDraftInput>;
export type VersionPatchT = z.output<typeof VersionPatch>;
export type ReorderInputT = z.output<typeof ReorderInput>;
export type MergeInputT = z.output<typeof MergeInput>;
export type WasteInputT = z.output<typeof WasteInput>;
export type FormJsonInputT = z.output<typeof FormJsonInput>;

// ——— Answers: the response schemas of /api/procedures and /api/forms (the API contract; each is
// checked against the type the use case returns) ———

// Types only: the use cases that import this file's input schemas are not imported back.
type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const PerformerView = z
  .object({ kind: z.enum(PERFORMER_KINDS), ref: z.string().nullable(), name: z.string() })
  .meta({ id: 'Performer' });

const VariantStepView = z
  .object({
    name: z.string(),
    minutes: z.number(),
    tool: z.string(),
    inputs: z.array(z.string()),
    outputs: z.array(z.string()),
  })
  .meta({ id: 'VariantStep' });

export const VariantView = z
  .object({
    id: z.string(),
    taskId: z.string(),
    memberId: z.string().nullable(),
    personName: z.string(),
    label: z.string(),
    notes: z.string(),
    steps: z.array(VariantStepView),
    status: z.enum(['active', 'retired']),
    retiredAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().optional(),
  })
  .meta({ id: 'Variant' });
sameShape<z.output<typeof VariantView>, Variant>(true);

const StepView = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    description: z.string(),
    performer: PerformerView,
    inputs: z.array(z.string()),
    outputs: z.array(z.string()),
    tool: z.string(),
    minutes: z.number(),
    acceptanceCriteria: z.array(z.string()),
    waste: z.object({ reason: z.string() }).nullable(),
    mergedFrom: z.array(z.string()),
  })
  .meta({ id: 'Step' });
sameShape<z.output<typeof StepView>, Step>(true);

export const VersionView = z
  .object({
    id: z.string(),
    procedureId: z.string(),
    number: z.number(),
    status: z.enum(['draft', 'approved']),
    purpose: z.string(),
    turnaroundHours: z.number(),
    changeNote: z.string(),
    sourceVariantIds: z.array(z.string()),
    basedOnVersionId: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    steps: z.array(StepView),
    version: z.number().optional(),
  })
  .meta({ id: 'ProcedureVersion' });
sameShape<z.output<typeof VersionView>, ProcedureVersion>(true);

const VersionSummaryView = z
  .object({
    id: z.string(),
    number: z.number(),
    status: z.enum(['draft', 'approved']),
    stepCount: z.number(),
    wasteSteps: z.number(),
    minutes: z.number(),
    minutesAfterWaste: z.number(),
    changeNote: z.string(),
    createdAt: z.string(),
    approvedAt: z.string().nullable(),
  })
  .meta({ id: 'VersionSummary' });
sameShape<z.output<typeof VersionSummaryView>, VersionSummary>(true);

const StageView = z.enum(STAGES).meta({ id: 'Stage' });

const TaskProgressView = z
  .object({
    taskId: z.string(),
    stage: StageView,
    step: z.number(),
    checks: z.array(z.object({ stage: StageView, done: z.boolean(), reason: z.string() })),
  })
  .meta({ id: 'TaskProgress' });
sameShape<z.output<typeof TaskProgressView>, TaskProgress>(true);

export const ProgressView = z
  .object({
    stages: z.array(StageView).readonly(),
    counts: z.record(StageView, z.number()),
    byTask: z.record(z.string(), StageView),
    tasks: z.array(TaskProgressView),
  })
  .meta({ id: 'MethodProgress' });
sameShape<Omit<z.output<typeof ProgressView>, 'stages'>, Omit<Answer<typeof methodProgress>, 'stages'>>(true);

const TotalsView = z.object({
  minutes: z.number(),
  perOccurrence: MoneyOut,
  perYear: MoneyOut,
  uncosted: z.array(z.string()),
});

const ProcedureEconomicsView = z
  .object({
    currency: z.string(),
    occurrencesPerYear: z.number(),
    steps: z.array(
      z.object({ stepId: z.string(), minutes: z.number(), cost: MoneyOut.nullable(), basis: z.string() }),
    ),
    before: TotalsView,
    after: TotalsView,
    saving: z.object({
      minutesPerOccurrence: z.number(),
      perOccurrence: MoneyOut,
      perYear: MoneyOut,
      hoursPerYear: z.number(),
    }),
    notes: z.array(z.string()),
  })
  .meta({ id: 'ProcedureEconomics' });
sameShape<z.output<typeof ProcedureEconomicsView>, ProcedureEconomics>(true);

export const ProcedureListRowView = z
  .object({
    taskId: z.string(),
    task: z.string(),
    process: z.string(),
    stage: StageView,
    activeVariants: z.number(),
    retiredVariants: z.number(),
    procedureId: z.string().nullable(),
    current: VersionSummaryView.nullable(),
    draft: VersionSummaryView.nullable(),
    versions: z.number(),
    forms: z.number(),
    economics: z
      .object({
        before: TotalsView,
        after: TotalsView,
        saving: ProcedureEconomicsView.shape.saving,
        version: VersionSummaryView,
        approvedPerYear: MoneyOut.nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'ProcedureListRow' });
sameShape<z.output<typeof ProcedureListRowView>, ProcedureListRow>(true);

const FormVersionView = z
  .object({
    id: z.string(),
    formId: z.string(),
    number: z.number(),
    sourceFile: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    title: z.string(),
    questions: z.array(z.object({ id: z.string(), text: z.string(), hint: z.string().optional() })),
  })
  .meta({ id: 'FormVersion' });
sameShape<z.output<typeof FormVersionView>, FormVersion>(true);

export const FormSummaryView = z
  .object({
    id: z.string(),
    name: z.string(),
    procedureId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    taskId: z.string().nullable(),
    taskName: z.string().nullable(),
    latest: FormVersionView,
    versions: z.number(),
    version: z.number().optional(),
  })
  .meta({ id: 'FormSummary' });
sameShape<z.output<typeof FormSummaryView>, FormSummary>(true);

export const FormDetailView = FormSummaryView.extend({ history: z.array(FormVersionView) }).meta({
  id: 'FormDetail',
});
sameShape<z.output<typeof FormDetailView>, Answer<typeof getForm>>(true);

export const SavedFormView = z
  .object({ form: FormSummaryView, version: FormVersionView, created: z.boolean(), unchanged: z.boolean() })
  .meta({ id: 'SavedForm' });
sameShape<z.output<typeof SavedFormView>, SavedForm>(true);

export const TaskOverviewView = z
  .object({
    task: TaskView,
    process: z.string(),
    performer: z.string().nullable(),
    variants: z.array(VariantView),
    procedureId: z.string().nullable(),
    versions: z.array(VersionSummaryView.extend({ steps: z.array(StepView) })),
    currentVersionId: z.string().nullable(),
    draftVersionId: z.string().nullable(),
    forms: z.array(FormSummaryView),
    progress: TaskProgressView,
  })
  .meta({ id: 'TaskOverview' });
sameShape<z.output<typeof TaskOverviewView>, TaskOverview>(true);

const SpreadView = z.object({ min: z.number(), median: z.number(), max: z.number() });

export const TaskComparisonView = z
  .object({
    taskId: z.string(),
    variants: z.array(
      z.object({
        id: z.string(),
        personName: z.string(),
        memberId: z.string().nullable(),
        label: z.string(),
        status: z.enum(['active', 'retired']),
        totalMinutes: z.number(),
        stepCount: z.number(),
      }),
    ),
    columns: z.array(
      z.object({
        index: z.number(),
        label: z.string(),
        cells: z.array(
          z.object({ stepIndex: z.number(), step: VariantStepView, outOfOrder: z.boolean() }).nullable(),
        ),
        count: z.number(),
        onlySome: z.boolean(),
        minutes: SpreadView,
        tools: z.array(z.string()),
        outputs: z.array(z.string()),
      }),
    ),
    spread: SpreadView.nullable(),
    sharedSteps: z.number(),
    partialSteps: z.number(),
    costs: z.record(z.string(), MoneyOut.nullable()),
  })
  .meta({ id: 'TaskComparison' });
sameShape<z.output<typeof TaskComparisonView>, TaskComparison>(true);

export const VersionDetailView = z
  .object({
    version: VersionView,
    procedureId: z.string(),
    task: z.object({ id: z.string(), name: z.string() }),
    economics: ProcedureEconomicsView,
  })
  .meta({ id: 'VersionDetail' });
sameShape<z.output<typeof VersionDetailView>, Answer<typeof getVersion>>(true);

const MinutesChange = z.object({ from: z.number(), to: z.number(), delta: z.number() });

export const VersionDiffView = z
  .object({
    rows: z.array(
      z.object({
        key: z.string(),
        status: z.enum(['same', 'added', 'removed', 'changed', 'moved']),
        fromPosition: z.number().nullable(),
        toPosition: z.number().nullable(),
        name: z.string(),
        before: StepView.nullable(),
        after: StepView.nullable(),
        changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
        mergedInto: z.string().nullable(),
      }),
    ),
    counts: z.object({
      same: z.number(),
      added: z.number(),
      removed: z.number(),
      changed: z.number(),
      moved: z.number(),
    }),
    minutes: MinutesChange,
    minutesAfterWaste: MinutesChange,
    from: VersionSummaryView,
    to: VersionSummaryView,
  })
  .meta({ id: 'VersionDiff' });
sameShape<z.output<typeof VersionDiffView>, Answer<typeof diffTwoVersions>>(true);
