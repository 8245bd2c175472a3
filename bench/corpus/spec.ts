/**
 * What a labelled corpus is made of: a form, themes planted per question in several wordings, the
 * talk around them, and the gold labels the generator writes down as it plants them.
 */
import type { InterviewForm, Transcript } from '../../src/synthesis/types.ts';

export interface ThemeSpec {
  id: string;
  /** What the theme is, for people reading the gold file. */
  label: string;
  /** Chance an interviewee raises it (for a trait theme: chance among those with the trait). */
  prevalence: number;
  /** Clauses in varied wording, lower-case start and no final stop: "we still build reports by hand". */
  clauses: string[];
  /** Only interviewees with this trait raise it (cross-cutting themes recur through a shared trait). */
  trait?: string;
}

export interface SplitSpec {
  topic: string;
  /** Theme ids of the two sides (themes of the same question); each interviewee takes at most one. */
  sides: [string, string];
  /** Chance of the first side; the rest take the second, except `neither`. */
  firstShare: number;
  /** Chance an interviewee takes no side (answers with the question's other themes only). */
  neither: number;
}

export interface QuestionSpec {
  id: string;
  text: string;
  /** Other ways the interviewer asks it (the form text itself is asked too). */
  paraphrases: string[];
  themes: ThemeSpec[];
  split?: SplitSpec;
}

export interface TraitSpec {
  id: string;
  label: string;
  /** Share of interviewees with the trait. */
  share: number;
}

export interface CorpusSpec {
  name: string;
  seed: number;
  interviews: number;
  /** Share of transcripts written without speaker labels (Whisper-like segments). */
  unlabelledShare: number;
  form: InterviewForm;
  questions: QuestionSpec[];
  traits: TraitSpec[];
  interviewers: string[];
  roles: string[];
  /** Interviewer small talk and the interviewee's replies before the first question. */
  greetings: string[];
  smallTalkQuestions: string[];
  smallTalkAnswers: string[];
  /** Off-form asides in the middle ("are you coming to the offsite?") and their answers. */
  asides: string[];
  asideAnswers: string[];
  closings: string[];
  closingAnswers: string[];
  followUps: string[];
  /** Content-free answer openers ("That's a good question."). */
  generic: string[];
  /** How this population opens a point ("Honestly, ", "Look, "); default: the generator's own list. */
  openers?: string[];
  /** One-off remarks on the topic that no theme should gather. */
  idiosyncratic: string[];
}

export interface GoldTheme {
  id: string;
  question: string;
  label: string;
  interviews: string[];
}

export interface GoldSplit {
  question: string;
  topic: string;
  sides: [{ theme: string; interviews: string[] }, { theme: string; interviews: string[] }];
}

export interface GoldCrossCutting {
  trait: string;
  label: string;
  questions: string[];
  interviews: string[];
}

/** One interviewee sentence: where it sits (turn, character span) and which form question it answers. */
export interface GoldSpan {
  turn: number;
  from: number;
  to: number;
  question: string | null;
  /** Planted theme ids this sentence expresses (two when one sentence carries two themes). */
  themes: string[];
  /** The interviewee asking back ("Do you mean for my team?"): part of no answer's content. */
  clarification?: boolean;
}

export interface Gold {
  corpus: string;
  themes: GoldTheme[];
  splits: GoldSplit[];
  crossCutting: GoldCrossCutting[];
  /** Interview id -> speaker who asks the questions (null for unlabelled transcripts). */
  interviewers: Record<string, string | null>;
  /** Interview id -> every interviewee sentence with its gold question (null: small talk, asides). */
  alignment: Record<string, GoldSpan[]>;
}

export interface Corpus {
  name: string;
  form: InterviewForm;
  transcripts: Transcript[];
  meta: Record<string, { role?: string; date?: string }>;
  gold: Gold;
}
