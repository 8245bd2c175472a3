/**
 * The shapes every part of the synthesis library shares: the normalised transcript the readers
 * produce, the interview form, and the insights the engine produces and the deck renders.
 * insights.json is this `Insights` type serialised; it is a stable, documented schema
 * (docs/insights-schema.md) — add fields, never rename or remove them.
 */

export type TranscriptFormat =
  | 'text-headings' // "Speaker Name  0:00" heading lines, then the text (meeting-recorder export)
  | 'text-colon' // "Name: text" lines
  | 'text-plain' // no speakers at all
  | 'vtt'
  | 'srt'
  | 'docx'
  | 'whisper-json'
  | 'rev-json'
  | 'assemblyai-json';

export interface Turn {
  /** Speaker label as written in the file; null when the format has none (Whisper). */
  speaker: string | null;
  /** Seconds from the start of the recording; null when the file has no times. */
  start: number | null;
  end: number | null;
  text: string;
}

export interface Transcript {
  /** Interview id: defaults to the file name without its extension. */
  id: string;
  file: string;
  format: TranscriptFormat;
  /** Distinct speaker labels in order of first appearance. */
  speakers: string[];
  turns: Turn[];
}

export interface FormQuestion {
  id: string;
  text: string;
  hint?: string;
}

export interface InterviewForm {
  title: string;
  questions: FormQuestion[];
}

export interface Quote {
  interview: string;
  /** Cleaned of fillers ("um", "you know"), otherwise the interviewee's words. */
  text: string;
  /** Seconds from the start; null when the transcript has no times. */
  start: number | null;
}

export interface Theme {
  /** Stable within one insights file: "<question id>-t<n>". */
  id: string;
  /** A short, readable label (a clause, not a keyword list). */
  label: string;
  /** One sentence. */
  summary: string;
  /** Interview ids that raised it; prevalence is interviews.length of the question's answered count. */
  interviews: string[];
  quotes: Quote[];
  /** Words that characterise the theme, most characteristic first (for search and explanation). */
  keywords: string[];
}

export interface QuestionInsights {
  id: string;
  text: string;
  /** Interviews with an answer to this question (the denominator of prevalence). */
  answered: string[];
  themes: Theme[];
  /**
   * `edited`: the themes are in the order a consultant chose (a saved synthesis, reordered), which the
   * deck and the report keep. Absent: they are shown most raised first.
   */
  themeOrder?: 'edited';
  /** Present only when `themes` is empty: why no theme came out, so no slide is silently empty. */
  noTheme?: NoThemeReason;
}

/**
 * Why a question has no theme. `no-answers`: nobody answered it; `too-few-answers`: fewer answers than
 * a theme needs people; `no-recurring-point`: answers came, but no point was made by `minSupport` of
 * them (the share threshold, 1 in 8 of the answerers, at least 2).
 */
export interface NoThemeReason {
  reason: 'no-answers' | 'too-few-answers' | 'no-recurring-point';
  /** Interviewees a theme needed on this question. */
  minSupport: number;
  /** One sentence for the reader, e.g. "No point was raised by 3 or more of the 22 who answered (1 in 8)." */
  text: string;
}

export interface SplitSide {
  label: string;
  summary: string;
  interviews: string[];
  quotes: Quote[];
}

/** Where interviewees split: two sides on one topic. */
export interface Split {
  id: string;
  question: string;
  topic: string;
  sides: [SplitSide, SplitSide];
}

export interface CrossCuttingTheme {
  id: string;
  label: string;
  summary: string;
  /** Question ids where it recurs. */
  questions: string[];
  interviews: string[];
  quotes: Quote[];
}

export interface InterviewInfo {
  id: string;
  file: string;
  format: TranscriptFormat;
  /** Speaker label found to ask the form's questions; null for unlabelled transcripts. */
  interviewer: string | null;
  interviewee: string | null;
  /**
   * The interviewee's name: the speaker label when it is a name, else the name the interviewer
   * greets or thanks them by, or the file name's ("13_owen_tregarthen.txt"); absent when none is
   * found. Never the interviewer's.
   */
  name?: string;
  /** Optional metadata (from a manifest): role/title of the interviewee, date of the interview. */
  role?: string;
  date?: string;
  words: number;
  durationSeconds: number | null;
  /** Form question ids this interview answered. */
  answered: string[];
}

export interface Insights {
  schemaVersion: 1;
  title: string;
  generatedAt: string;
  form: InterviewForm;
  interviews: InterviewInfo[];
  questions: QuestionInsights[];
  splits: Split[];
  crossCutting: CrossCuttingTheme[];
}
