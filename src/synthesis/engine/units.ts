/**
 * The pieces of answers that themes are made of: one point each — a sentence, or one of the points
 * a sentence chains together (pieces.ts). Whole turns mix themes; so do run-on sentences.
 */
import type { Alignment } from './align.ts';
import { sampleSize } from './cluster.ts';
import type { Sentence, Vocabulary } from './corpus.ts';
import { pointsOf } from './pieces.ts';

export interface Unit {
  interview: number;
  question: number;
  /** Sentence indices (into the interview's sentences), consecutive within the answer. */
  sentences: number[];
  terms: number[];
  /** True when `terms` are exactly the terms of its one sentence (its vector can be reused). */
  whole?: boolean;
}

export interface UnitOptions {
  /** Sentences per window (default 1: on its own, a full sentence is the clearest single claim). */
  window?: number;
  /** Sentences with fewer content terms carry no theme on their own ("That's a good question."). */
  minTerms?: number;
  /** A window with fewer content terms than this takes in the next sentence too (default 0: off; 3–5 hurt on the bench corpora). */
  minUnitTerms?: number;
  /** One unit per point of a sentence, opening hedges left out (default true; needs the vocabulary). */
  points?: boolean;
  /**
   * A question whose answers run to this many content sentences (the median answer) is answered in
   * talk, where a point is a claim and its elaboration: its units are windows of two sentences
   * (default 6; 0 turns it off). See `windowOf`.
   */
  longAnswer?: number;
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

/**
 * Units of each question's answers: windows of `window` consecutive content sentences (stride 1);
 * a window too short to say much (a fragment, "Budget, mostly.") takes in the next sentence.
 */
export function unitsOf(
  sentences: readonly Sentence[][],
  answers: readonly number[][][],
  opts: UnitOptions = {},
  /** Sentences that carry no answer (discourse, see discourse.ts), per interview. */
  skip?: readonly ReadonlySet<number>[],
  vocab?: Vocabulary,
): Unit[][] {
  const minTerms = opts.minTerms ?? 2;
  const minUnitTerms = opts.minUnitTerms ?? 0;
  return answers.map((perInterview, q) => {
    const contents = perInterview.map((idx, interview) => {
      const doc = sentences[interview]!;
      const skipped = skip?.[interview];
      return idx.filter((s) => doc[s]!.terms.length >= minTerms && !skipped?.has(s));
    });
    const w = opts.window ?? windowOf(contents, opts.longAnswer ?? LONG_ANSWER);
    const points = vocab !== undefined && w === 1 && minUnitTermsOff(opts) && opts.points !== false;
    return contents.flatMap((content, interview) => {
      const doc = sentences[interview]!;
      const units: Unit[] = [];
      if (points) {
        for (const s of content) {
          const sentence = doc[s]!;
          for (const terms of pointsOf(sentence, vocab!, minTerms)) {
            if (terms.length < minTerms) continue;
            units.push({ interview, question: q, sentences: [s], terms, whole: terms === sentence.terms });
          }
        }
        return units;
      }
      for (let j = 0; j < content.length; j++) {
        if (j > 0 && j + w > content.length) break;
        let end = Math.min(content.length, j + w);
        let terms = content.slice(j, end).flatMap((s) => doc[s]!.terms);
        while (terms.length < minUnitTerms && end < content.length) {
          terms = terms.concat(doc[content[end]!]!.terms);
          end++;
        }
        units.push({ interview, question: q, sentences: content.slice(j, end), terms, whole: end - j === 1 });
      }
      return units;
    });
  });
}

const LONG_ANSWER = 6;

/**
 * How many units of a question the pairwise clustering needs (see cluster.ts sampleSize), for
 * windows: sized by the distinct sentences they are made of. Windows of two pair every sentence with
 * its neighbours, so stock sentences repeated across a long collection make thousands of distinct
 * windows out of a few dozen wordings; the clustering's cost (quadratic in the sample) must follow
 * what was said, not how it was paired. Undefined for one-sentence units (their own count applies).
 */
export function windowSample(units: readonly Unit[], sentences: readonly Sentence[][]): number | undefined {
  if (!units.some((u) => u.sentences.length > 1)) return undefined;
  const wordings = new Set<string>();
  for (const u of units)
    for (const s of u.sentences) wordings.add(sentences[u.interview]![s]!.terms.join(' '));
  return sampleSize(wordings.size);
}

/**
 * Sentences per unit for one question, from how long its answers run. Written or scripted answers
 * (a few sentences each) state one point per sentence, and a window would join two points. Spoken
 * answers run to a dozen sentences and make a point over two or three: a claim, then "That's cash we
 * earned and aren't collecting." or "One place, where everybody looks at the same figures."; alone,
 * such a sentence shares no words with anyone else's wording of the point, and the claim's
 * neighbours carry the numbers and anecdotes that pull unrelated points together. Judged on the
 * median answer of those who answered, so the same collection repeated keeps its units.
 */
export function windowOf(contents: readonly (readonly number[])[], longAnswer: number): number {
  if (longAnswer <= 0) return 1;
  const lengths = contents
    .map((c) => c.length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return 1;
  return lengths[Math.floor(lengths.length / 2)]! >= longAnswer ? 2 : 1;
}

function minUnitTermsOff(opts: UnitOptions): boolean {
  return (opts.minUnitTerms ?? 0) === 0;
}

/**
 * How specific each term is to one question's answers: 1 − normalised entropy of its (smoothed)
 * rate over the questions. Discourse words ("think", "thing", "a lot") spread evenly and score near
 * 0; theme words, used by several people under one question, score high; a word said once anywhere
 * scores low (smoothing), so one-off remarks do not hold a cluster together either.
 */
export function termSpecificity(
  sentences: readonly Sentence[][],
  answers: readonly number[][][],
  vocabSize: number,
  /** See Prepared.copyOf: copies of a transcript add no evidence of where a word is used. */
  copyOf?: readonly number[],
): Float64Array {
  const Q = answers.length;
  const out = new Float64Array(vocabSize).fill(1);
  if (Q < 2) return out;
  const counts = new Float64Array(vocabSize * Q);
  const totals = new Float64Array(Q);
  answers.forEach((perInterview, q) => {
    perInterview.forEach((idx, i) => {
      if (copyOf && copyOf[i] !== i) return;
      for (const s of idx) {
        totals[q]!++;
        for (const t of new Set(sentences[i]![s]!.terms)) counts[t * Q + q]!++;
      }
    });
  });
  const logQ = Math.log(Q);
  const rates = new Float64Array(Q);
  for (let t = 0; t < vocabSize; t++) {
    let sum = 0;
    for (let q = 0; q < Q; q++) {
      rates[q] = (counts[t * Q + q]! + 0.5) / Math.max(1, totals[q]!);
      sum += rates[q]!;
    }
    let h = 0;
    for (let q = 0; q < Q; q++) {
      const p = rates[q]! / sum;
      if (p > 0) h -= p * Math.log(p);
    }
    out[t] = Math.max(0, 1 - h / logQ);
  }
  return out;
}
