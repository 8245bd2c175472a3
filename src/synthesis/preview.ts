/**
 * What the web page shows of a synthesis: the deck's content as plain data, with names redacted and
 * quotes attributed by role exactly as on the slides when the run is anonymized. Pure.
 */
import { timestamp } from './deck/format.ts';
import { makePeople } from './deck/people.ts';
import type { Insights, Quote } from './types.ts';

export interface PreviewQuote {
  text: string;
  /** "CFO, Interview 7" or "Dana Reyes, CFO". */
  source: string;
  /** "12:04", or null when the transcript has no times. */
  at: string | null;
}

export interface PreviewTheme {
  label: string;
  summary: string;
  /** Interviews that raised it, of `answered`. */
  count: number;
  quotes: PreviewQuote[];
}

export interface SynthesisPreview {
  title: string;
  interviews: number;
  questions: { id: string; text: string; answered: number; themes: PreviewTheme[] }[];
  /** `answered`: interviews that answered the split's question (the denominator of each side). */
  splits: { question: string; topic: string; answered: number; sides: PreviewTheme[] }[];
  crossCutting: (PreviewTheme & { questions: string[] })[];
}

export function synthesisPreview(insights: Insights, anonymize: boolean): SynthesisPreview {
  const people = makePeople(insights, anonymize);
  const questionText = new Map(insights.questions.map((q) => [q.id, q.text]));
  const answered = new Map(insights.questions.map((q) => [q.id, q.answered.length]));
  const quotes = (qs: Quote[]): PreviewQuote[] =>
    qs.map((q) => ({
      text: people.text(q.text),
      source: people.attribution(q.interview),
      at: q.start === null ? null : timestamp(q.start),
    }));
  const theme = (t: { label: string; summary: string; interviews: string[]; quotes: Quote[] }) => ({
    label: people.text(t.label),
    summary: people.text(t.summary),
    count: t.interviews.length,
    quotes: quotes(t.quotes),
  });
  return {
    title: insights.title,
    interviews: insights.interviews.length,
    questions: insights.questions.map((q) => ({
      id: q.id,
      text: q.text,
      answered: q.answered.length,
      themes: q.themes.map(theme),
    })),
    splits: insights.splits.map((s) => ({
      question: questionText.get(s.question) ?? s.question,
      topic: people.text(s.topic),
      answered: answered.get(s.question) ?? insights.interviews.length,
      sides: s.sides.map(theme),
    })),
    crossCutting: insights.crossCutting.map((c) => ({
      ...theme(c),
      questions: c.questions.map((id) => questionText.get(id) ?? id),
    })),
  };
}
