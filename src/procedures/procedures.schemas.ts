/**
 * zod contracts for the edges (HTTP bodies, CLI and demo input). They check shape, at the edge; the
 * domain rules (minutes not negative, a member step names its member…) are checked by the use cases
 * with STEP_INVALID so that HTTP, CLI and demo refuse the same things with the same words.
 */
import { z } from 'zod';
import { PERFORMER_KINDS } from './procedures.ts';

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
  id: text(100),
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
