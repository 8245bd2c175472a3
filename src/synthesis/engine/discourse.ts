/**
 * Discourse: sentences that recur across the interviews whatever was asked — stock phrases such as
 * "That's a good question", "Let me think about that for a second", "It varies from month to
 * month". They carry no answer to any question, so they must never become a theme, a label, a
 * quote or a cross-cutting theme.
 *
 * The test is statistical, not a list of phrases. A sentence's content (its content stems once
 * fillers and opening hedges are stripped) is a *stock phrase* when several interviewees say it and
 * it turns up under the form's questions the way any sentence drawn regardless of the question
 * would: spread over most of them, in proportion to how much was said under each. Content that
 * belongs to some questions — even a point that recurs under two or three of them, like a
 * cross-cutting complaint — leaves the other questions empty far more often than chance allows,
 * and stays content.
 */
import type { Sentence } from './corpus.ts';
import { leadTerms } from './pieces.ts';

export interface DiscourseOptions {
  /** Least number of interviews saying the phrase (default 3). */
  minInterviews?: number;
  /** Least number of times it is said in all: fewer tell nothing about its spread (default 4). */
  minCount?: number;
  /**
   * Least chance, for a sentence said regardless of the question, of leaving at least as many
   * questions empty as this phrase does (default 0.05): below it, the phrase belongs to some questions.
   */
  minChance?: number;
  /** Most share of its occurrences under one question (default 0.6). */
  maxTopShare?: number;
}

/**
 * The content of a sentence as an order-free key: its distinct content terms, without those of its
 * opening hedges ("Honestly, I think …"), so "I think it varies" and "It varies" are one phrase.
 */
export function contentKey(sentence: Sentence): string {
  const skip = leadTerms(sentence);
  const n = sentence.terms.length - skip;
  if (n <= 0) return '';
  const sorted = Int32Array.from(sentence.terms.slice(skip)).sort();
  // Two UTF-16 units per distinct term id: a compact, exact key (this runs on every answer sentence).
  let key = '';
  for (let k = 0; k < n; k++) {
    const t = sorted[k]!;
    if (k > 0 && t === sorted[k - 1]) continue;
    key += String.fromCharCode(t >>> 16, t & 0xffff);
  }
  return key;
}

/**
 * Which answer sentences are discourse: [interview] -> set of sentence indices.
 * `answers` is [question][interview] -> answer sentence indices (see units.ts).
 */
export function discourseSentences(
  sentences: readonly Sentence[][],
  answers: readonly number[][][],
  opts: DiscourseOptions = {},
): Set<number>[] {
  const Q = answers.length;
  const out = sentences.map(() => new Set<number>());
  if (Q < 2) return out;
  const minInterviews = opts.minInterviews ?? 3;
  const minCount = opts.minCount ?? 4;
  const minChance = opts.minChance ?? 0.05;
  const maxTopShare = opts.maxTopShare ?? 0.6;

  // How much is said under each question: the chance that a question-blind sentence lands there.
  const volume = new Float64Array(Q);
  const groups = new Map<
    string,
    { perQuestion: Int32Array; interviews: Set<number>; refs: [number, number][] }
  >();
  answers.forEach((perInterview, q) => {
    perInterview.forEach((idx, i) => {
      const doc = sentences[i]!;
      for (const s of idx) {
        const sentence = doc[s]!;
        if (sentence.terms.length === 0) continue;
        volume[q]!++;
        const key = contentKey(sentence);
        if (!key) continue;
        let g = groups.get(key);
        if (!g) {
          g = { perQuestion: new Int32Array(Q), interviews: new Set(), refs: [] };
          groups.set(key, g);
        }
        g.perQuestion[q]!++;
        g.interviews.add(i);
        g.refs.push([i, s]);
      }
    });
  });
  const total = volume.reduce((a, b) => a + b, 0);
  if (total === 0) return out;
  const share = Array.from(volume, (v) => v / total);

  for (const g of groups.values()) {
    const n = g.refs.length;
    if (n < minCount || g.interviews.size < minInterviews) continue;
    let covered = 0;
    let top = 0;
    for (let q = 0; q < Q; q++) {
      if (g.perQuestion[q]! > 0) covered++;
      top = Math.max(top, g.perQuestion[q]!);
    }
    // Said under most questions (at least half of them), no question holding most of it.
    if (covered < Math.max(2, Math.ceil(Q / 2)) || top > maxTopShare * n) continue;
    if (chanceOfEmpty(share, n, Q - covered) < minChance) continue;
    for (const [i, s] of g.refs) out[i]!.add(s);
  }
  return out;
}

/**
 * The chance that n sentences dropped on the questions at random (question q with chance share[q])
 * leave at least `empty` questions without any. Poissonised, so the questions are independent
 * (empty with chance e^(−n·share)) and the count of empty ones is a Poisson-binomial: O(Q²).
 */
export function chanceOfEmpty(share: readonly number[], n: number, empty: number): number {
  if (empty <= 0) return 1;
  let dist = new Float64Array(share.length + 1);
  dist[0] = 1;
  share.forEach((p, q) => {
    const e = Math.exp(-n * p);
    const next = new Float64Array(share.length + 1);
    for (let k = 0; k <= q; k++) {
      next[k]! += dist[k]! * (1 - e);
      next[k + 1]! += dist[k]! * e;
    }
    dist = next;
  });
  let p = 0;
  for (let k = empty; k < dist.length; k++) p += dist[k]!;
  return p;
}
