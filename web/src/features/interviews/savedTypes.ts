/**
 * The saved syntheses API's JSON shapes, from the routes' response schemas (type-only imports: no
 * server code reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  PassageView,
  SavedSynthesisSummaryView,
  SavedSynthesisView,
  SynthesisEditBody,
  SynthesisEditEntryView,
} from '../../../../src/syntheses/syntheses.schemas.ts';

export type SavedSynthesisSummary = z.output<typeof SavedSynthesisSummaryView>;
export type SavedSynthesis = z.output<typeof SavedSynthesisView>;
export type SynthesisEditEntry = z.output<typeof SynthesisEditEntryView>;
export type SynthesisEdit = z.input<typeof SynthesisEditBody>;
export type Passage = z.output<typeof PassageView>;

/** A saved synthesis's page. */
export const savedSynthesisPath = (id: string): string => `/interviews/syntheses/${encodeURIComponent(id)}`;
