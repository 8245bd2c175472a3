/** zod contracts for the inventory's edges (HTTP bodies, CLI options). */
import { z } from 'zod';
import { CONFIDENTIALITY_LEVELS, MEMBER_ROLES, SKILL_LEVELS } from './inventory.ts';

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
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().email().nullable().default(null),
  title: z.string().trim().max(200).default(''),
  role: z.enum(MEMBER_ROLES),
  hourlyCost: MoneySchema.refine((m) => m.amountMinor >= 0, 'must not be negative'),
  yearlyCapacityHours: z.number().min(0).max(8784).default(1600),
});
export const MemberPatch = MemberInput.partial();

export const MemberOut = MemberInput.extend({ id: z.string(), email: z.string().nullable() });

export const ProcessInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(4000).default(''),
});

export const TaskInput = z.object({
  processId: z.string().min(1),
  name: z.string().trim().min(1).max(300),
  description: z.string().max(10_000).default(''),
  performerId: z.string().nullable().default(null),
  frequency: FrequencySchema,
  minutesPerOccurrence: z.number().min(0).max(100_000),
  skillLevel: z.enum(SKILL_LEVELS).default('intermediate'),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS).default('internal'),
  needsClientContact: z.boolean().default(false),
  knownVariants: z.number().int().min(1).max(1000).default(1),
  deliverableUnit: z.string().trim().min(1).max(50).default('item'),
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
