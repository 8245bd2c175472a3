/**
 * The saved syntheses' API contract: what the app and the CLI send (an edit, a change of engagement or
 * task) and what they get back (a synthesis listed, opened, its edit log, the passages to pick a quote
 * from). The OpenAPI document, so the web app's generated types, come from here.
 */
import { z } from 'zod';
import { InsightsView, SynthesisView } from '../interviews/interviews.schemas.ts';
import { sameShape } from '../platform/contract.ts';
import type { SynthesisEdit } from './edits.ts';
import type { Passage, SavedSynthesis, SavedSynthesisSummary, SynthesisEditEntry } from './syntheses.ts';

const Id = z.string().trim().min(1).max(64);
const Label = z.string().trim().min(2).max(160);
const Summary = z.string().trim().max(1000);

const QuoteIn = z.object({
  interview: Id.max(200),
  text: z.string().trim().min(3).max(2000),
  start: z.number().min(0).nullable(),
});

/** One edit: the `op` says which. Every field a consultant types is checked again by the edit itself. */
export const SynthesisEditBody = z
  .discriminatedUnion('op', [
    z.object({ op: z.literal('retitle'), title: z.string().trim().min(1).max(200) }),
    z.object({ op: z.literal('rename'), themeId: Id, label: Label, summary: Summary.optional() }),
    z.object({
      op: z.literal('merge'),
      themeId: Id,
      otherId: Id,
      label: Label.optional(),
      summary: Summary.optional(),
    }),
    z.object({
      op: z.literal('split'),
      themeId: Id,
      interviews: z.array(Id.max(200)).min(1).max(500),
      label: Label,
      summary: Summary.optional(),
    }),
    z.object({ op: z.literal('drop'), themeId: Id }),
    z.object({
      op: z.literal('move-quote'),
      themeId: Id,
      quote: z.number().int().min(0).max(1000),
      toThemeId: Id,
    }),
    z.object({
      op: z.literal('replace-quote'),
      themeId: Id,
      quote: z.number().int().min(0).max(1000),
      with: QuoteIn,
    }),
    z.object({ op: z.literal('reorder'), questionId: Id, themeIds: z.array(Id).min(1).max(200) }),
  ])
  .meta({ id: 'SynthesisEdit' });
export type SynthesisEditBodyT = z.output<typeof SynthesisEditBody>;
sameShape<SynthesisEditBodyT, SynthesisEdit>(true);

/** What a save or a change names: the engagement (a client project's name) and the task it serves. */
export const SynthesisPatch = z.object({
  engagement: z.string().trim().min(1).max(200).optional(),
  taskId: z.string().min(1).max(64).nullable().optional(),
});
export type SynthesisPatchT = z.output<typeof SynthesisPatch>;

export const SynthesisListQuery = z.object({
  taskId: z.string().min(1).max(64).optional(),
  engagement: z.string().trim().min(1).max(200).optional(),
});
export type SynthesisListQueryT = z.output<typeof SynthesisListQuery>;

const Person = z.object({ id: z.string(), name: z.string() }).nullable();

export const SavedSynthesisSummaryView = z
  .object({
    id: z.string(),
    title: z.string(),
    engagement: z.string(),
    task: z.object({ id: z.string(), name: z.string() }).nullable(),
    formName: z.string(),
    interviews: z.number(),
    themes: z.number(),
    anonymized: z.boolean(),
    transcripts: z.enum(['kept', 'not-kept']),
    /** Bumped by every edit; the ETag is `"v<version>"`. */
    version: z.number(),
    edits: z.number(),
    createdAt: z.string(),
    createdBy: Person,
    updatedAt: z.string(),
    updatedBy: Person,
  })
  .meta({ id: 'SavedSynthesisSummary' });
sameShape<z.output<typeof SavedSynthesisSummaryView>, SavedSynthesisSummary>(true);

export const SavedSynthesisView = SavedSynthesisSummaryView.extend({
  /** The edited insights: what the deck, the report and insights.json are rendered from. */
  insights: InsightsView,
  /** The insights as the page shows them (names redacted when anonymized), in the insights' order. */
  preview: SynthesisView.shape.preview,
  skipped: SynthesisView.shape.skipped,
  /** The transcripts' file names (when kept). */
  files: z.array(z.string()),
  /** Every interview as the deck cites it ("CFO, Interview 7" when anonymized), for choosing people. */
  people: z.array(z.object({ id: z.string(), label: z.string() })),
}).meta({ id: 'SavedSynthesis' });
sameShape<z.output<typeof SavedSynthesisView>, SavedSynthesis>(true);

export const SynthesisEditEntryView = z
  .object({
    version: z.number(),
    op: z.string(),
    summary: z.string(),
    edit: z.record(z.string(), z.unknown()),
    by: Person,
    at: z.string(),
  })
  .meta({ id: 'SynthesisEditEntry' });
sameShape<z.output<typeof SynthesisEditEntryView>, SynthesisEditEntry>(true);

export const PassageQuery = z.object({
  interview: z.string().min(1).max(200),
  q: z.string().trim().max(200).optional(),
});

export const PassageView = z
  .object({
    interview: z.string(),
    text: z.string(),
    start: z.number().nullable(),
    at: z.string().nullable(),
  })
  .meta({ id: 'Passage' });
sameShape<z.output<typeof PassageView>, Passage>(true);
