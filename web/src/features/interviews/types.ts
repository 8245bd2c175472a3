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
  deck: { fileName: string; bytes: number; contentBase64: string };
}

export interface AskResponse {
  question: string;
  answer: string;
  citations: { source: string; start: number | null; at: string | null; text: string }[];
}
