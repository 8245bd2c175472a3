/** A saved synthesis as the services return it: pure types (the contract checks its schemas against them). */
import type { BadFile, Insights, SynthesisPreview } from '../synthesis/index.ts';

export interface PersonRef {
  id: string;
  name: string;
}

export interface SavedSynthesisSummary {
  id: string;
  title: string;
  engagement: string;
  task: { id: string; name: string } | null;
  formName: string;
  interviews: number;
  themes: number;
  anonymized: boolean;
  transcripts: 'kept' | 'not-kept';
  version: number;
  edits: number;
  createdAt: string;
  createdBy: PersonRef | null;
  updatedAt: string;
  updatedBy: PersonRef | null;
}

export interface SavedSynthesis extends SavedSynthesisSummary {
  insights: Insights;
  preview: SynthesisPreview;
  skipped: BadFile[];
  files: string[];
  /** Every interview as the deck cites it ("CFO, Interview 7" when anonymized), for choosing people. */
  people: { id: string; label: string }[];
}

export interface SynthesisEditEntry {
  version: number;
  op: string;
  summary: string;
  edit: Record<string, unknown>;
  by: PersonRef | null;
  at: string;
}

/** A passage of an interviewee's own words, to pick as a quote. */
export interface Passage {
  interview: string;
  text: string;
  start: number | null;
  /** "12:04", or null without times. */
  at: string | null;
}

/** Themes counted the way the list shows them: every question's themes. */
export function countThemes(insights: Insights): number {
  return insights.questions.reduce((n, q) => n + q.themes.length, 0);
}
