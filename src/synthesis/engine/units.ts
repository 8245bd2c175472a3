/**
 * The pieces of answers that themes are made of: small windows of consecutive answer sentences.
 * Single sentences are too sparse (one theme splits into several clusters); whole turns mix themes.
 */
import type { Alignment } from './align.ts';
import type { Sentence } from './corpus.ts';

export interface Unit {
  interview: number;
  question: number;
  /** Sentence indices (into the interview's sentences), consecutive within the answer. */
  sentences: number[];
  terms: number[];
}

export interface UnitOptions {
  /** Sentences per window (default 2). */
  window?: number;
  /** Sentences with fewer content terms carry no theme on their own ("That's a good question."). */
  minTerms?: number;
}

/** Answer sentences per question and interview: [question][interview] -> sentence indices. */
export function answersOf(
  sentences: readonly Sentence[][],
  alignments: readonly Alignment[],
  questions: number,
): number[][][] {
  const out: number[][][] = Array.from({ length: questions }, () => sentences.map(() => [] as number[]));
  alignments.forEach((a, i) => {
    a.question.forEach((q, s) => {
      if (q >= 0 && a.roles[s] === 'interviewee') out[q]![i]!.push(s);
    });
  });
  return out;
}

export function unitsOf(
  sentences: readonly Sentence[][],
  answers: readonly number[][][],
  opts: UnitOptions = {},
): Unit[][] {
  const w = opts.window ?? 2;
  const minTerms = opts.minTerms ?? 2;
  return answers.map((perInterview, q) =>
    perInterview.flatMap((idx, interview) => {
      const doc = sentences[interview]!;
      const content = idx.filter((s) => doc[s]!.terms.length >= minTerms);
      const units: Unit[] = [];
      const make = (part: number[]) =>
        units.push({ interview, question: q, sentences: part, terms: part.flatMap((s) => doc[s]!.terms) });
      if (content.length <= w) {
        if (content.length > 0) make(content);
        return units;
      }
      for (let j = 0; j + w <= content.length; j++) make(content.slice(j, j + w));
      return units;
    }),
  );
}
