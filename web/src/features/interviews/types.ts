/** The synthesis API's answer, typed from the server's own modules (type-only imports). */
import type { SynthesisPreview } from '../../../../src/interviews/preview.ts';
import type { BadFile, DeckReport, Insights } from '../../../../src/synthesis/index.ts';

export type { PreviewQuote, PreviewTheme, SynthesisPreview } from '../../../../src/interviews/preview.ts';

export interface SynthesisResponse {
  report: DeckReport;
  insights: Insights;
  markdown: string;
  preview: SynthesisPreview;
  skipped: BadFile[];
  seconds: number;
  /** The deck stays on the server: `href` downloads it. */
  deck: { fileName: string; bytes: number; href: string };
}

/** A background job as the interviews API reports it (the jobs API's contract). */
export type { JobOutT as JobState } from '../../../../src/platform/jobs/jobs.schemas.ts';

export interface AskResponse {
  question: string;
  answer: string;
  /** False when the transcripts do not discuss the question. */
  covered: boolean;
  citations: { source: string; start: number | null; at: string | null; text: string }[];
}
