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
export { type AnalyzeOptions, analyzeInterviews } from './engine/index.ts';
export { formToYaml, parseFormYaml } from './form.ts';
export { interviewIdFromFile, readTranscript, type TranscriptInput } from './readers/index.ts';
export { type ReportOptions, renderMarkdown } from './report.ts';
export {
  type BadFile,
  type DeckFilesOptions,
  type DeckFilesResult,
  type DeckReport,
  expandInputs,
  type InterviewMeta,
  insightsFile,
  loadForm,
  parseInterviewMeta,
  readTranscriptFiles,
  readTranscriptInputs,
  readUploads,
  type SynthesisOptions,
  type SynthesisResult,
  synthesize,
  synthesizeFiles,
  synthesizeUploads,
  type UploadedSynthesisOptions,
} from './synthesize.ts';
export type * from './types.ts';
