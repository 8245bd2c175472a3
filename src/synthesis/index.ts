/**
 * The interview-synthesis library: transcripts in, insights, an editable deck and a report out.
 * No database and no HTTP inside; the CLI (`outtask deck`, `outtask ask`) and later pipelines call this.
 */
export { type Anonymised, anonymiseTranscripts } from './ask/anonymize.ts';
export { type AskOptions, type AskResult, ask, type Citation } from './ask/index.ts';
export { timestamp } from './deck/format.ts';
export {
  DEFAULT_PRICE_PER_SLIDE,
  type DeckOptions,
  type DeckResult,
  type DeckTheme,
  defaultTheme,
  loadThemeFile,
  outTaskerPrice,
  parseThemeFile,
  resolveTheme,
  type SlideKind,
  writeDeck,
} from './deck/index.ts';
export { makePeople, type People } from './deck/people.ts';
export { type AnalyzeOptions, analyzeInterviews } from './engine/index.ts';
export {
  type DeckFilesOptions,
  type DeckFilesResult,
  expandInputs,
  loadForm,
  readTranscriptFiles,
  readTranscriptInputs,
  synthesizeFiles,
} from './files.ts';
export { formToYaml, parseFormYaml } from './form.ts';
export { type InterviewMeta, parseInterviewMeta } from './meta.ts';
export {
  type BadFile,
  type DeckReport,
  type InsightsFile,
  insightsFile,
  readUploads,
  type SynthesisOptions,
  type SynthesisResult,
  synthesize,
  synthesizeUploads,
  type UploadedSynthesisOptions,
} from './pipeline.ts';
export {
  type PreviewQuote,
  type PreviewTheme,
  type SynthesisPreview,
  synthesisPreview,
} from './preview.ts';
export { interviewIdFromFile, readTranscript, type TranscriptInput } from './readers/index.ts';
export { type ReportOptions, renderMarkdown } from './report.ts';
export type * from './types.ts';
