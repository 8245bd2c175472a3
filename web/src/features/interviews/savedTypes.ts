/** The saved syntheses API's JSON shapes, from the API contract (../../api/contract.ts). */
import type { Schema } from '../../api/contract.ts';

export type SavedSynthesisSummary = Schema<'SavedSynthesisSummary'>;
export type SavedSynthesis = Schema<'SavedSynthesis'>;
export type SynthesisEditEntry = Schema<'SynthesisEditEntry'>;
/** What an edit sends (the request's shape, defaults not yet filled in). */
export type SynthesisEdit = Schema<'SynthesisEditInput'>;
export type Passage = Schema<'Passage'>;

/** A saved synthesis's page. */
export const savedSynthesisPath = (id: string): string => `/interviews/syntheses/${encodeURIComponent(id)}`;
