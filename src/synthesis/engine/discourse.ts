/**
 * Discourse: what recurs across the interviews whatever was asked. Three kinds, all found from the
 * collection itself — no list of phrases:
 *
 * - **Stock phrases** ("That's a good question", "Let me think about that for a second", "It varies
 *   from month to month"): a sentence's content (its content terms once opening hedges are
 *   stripped) said by several interviewees and spread over the form's questions the way a sentence
 *   said regardless of the question would be — over most of them, in proportion to how much was
 *   said under each, with no question holding more of it than chance allows. Content that belongs
 *   to some questions, even a point that recurs under two or three of them, leaves the other
 *   questions empty far more often than chance, and stays content.
 * - **Openers** ("To be fair, …", "From where I sit, …"): a short lead-in before a comma that many
 *   interviewees put in front of all sorts of different sentences, under most questions. Its words
 *   are left out of the sentence's content (and out of labels and summaries).
 * - **Interviewer phrases** in transcripts without speaker labels ("Take your time.", "That covers
 *   my list."): sentences that the labelled transcripts show interviewers saying, and interviewees
 *   not.
 *
 * None of these may become a theme, a label, a quote or a cross-cutting theme.
 */
import { countWords } from '../text/index.ts';
import type { Alignment } from './align.ts';
import { isContentWord, type Sentence } from './corpus.ts';
import { stripOpening } from './opening.ts';

export interface DiscourseOptions {
  /** Least number of interviews saying the phrase (default 3). */
  minInterviews?: number;
  /** Least number of times it is said in all: fewer tell nothing about its spread (default 4). */
  minCount?: number;
  /**
   * Least chance, for a sentence said regardless of the question, of a spread at least this uneven
   * (as many empty questions; as many under the fullest one) (default 0.05).
   */
  minChance?: number;
  /** Most words of a learned opener (default 5). */
  maxOpenerWords?: number;
}

export interface Discourse {
  /** Answer sentences that carry no answer, per interview. */
  sentences: Set<number>[];
  /** Learned openers, lower case without the comma ("to be fair"). */
  openers: Set<string>;
}

/** Lead-in before the first comma, lower case, when short enough to be an opener. */
function leadIn(text: string, maxWords: number): string | null {
  const comma = text.indexOf(',');
  // ~12 characters a word at most: longer heads cannot be short enough (skips the word count).
  if (comma <= 0 || comma > 12 * maxWords) return null;
  const head = text.slice(0, comma).trim();
  if (countWords(head) > maxWords || countWords(text.slice(comma + 1)) < 3) return null;
  return head.toLowerCase().replace(/’/g, "'");
}

/** The text after its opening hedges and learned openers (a suffix of the input). */
export function stripOpeners(
  text: string,
  openers: ReadonlySet<string>,
  maxWords = 5,
  /** The text has had its hedges stripped already. */
  hedgesGone = false,
): string {
  let s = hedgesGone ? text : stripOpening(text);
  if (openers.size === 0) return s;
  for (let i = 0; i < 4 && openers.size > 0; i++) {
    const head = leadIn(s, maxWords);
    if (head === null || !openers.has(head)) break;
    s = stripOpening(s.slice(s.indexOf(',') + 1));
  }
  return s;
}

/** Sets `sentence.lead`: how many of its terms belong to its opening hedges and openers. */
function setLead(
  sentence: Sentence,
  openers: ReadonlySet<string>,
  maxWords: number,
  stripped: string | undefined,
): void {
  const rest =
    stripped === undefined
      ? stripOpeners(sentence.text, openers, maxWords)
      : stripOpeners(stripped, openers, maxWords, true);
  let lead = 0;
  if (rest.length < sentence.text.length) {
    const cut = countWords(sentence.text.slice(0, sentence.text.length - rest.length));
    for (let k = 0; k < cut && k < sentence.tokens.length; k++)
      if (isContentWord(sentence.tokens[k]!)) lead++;
  }
  sentence.lead = lead;
}

/**
 * The content of a sentence as an order-free key: a 52-bit hash of its distinct content terms after
 * its lead-in, so "I think it varies" and "It varies" are one phrase (0: no content).
 */
export function contentKey(sentence: Sentence): number {
  const skip = sentence.lead ?? 0;
  const n = sentence.terms.length - skip;
  if (n <= 0) return 0;
  if (scratch.length < n) scratch = new Int32Array(n * 2);
  // Insertion sort: sentences have a handful of terms.
  for (let k = 0; k < n; k++) {
    const t = sentence.terms[skip + k]!;
    let j = k - 1;
    while (j >= 0 && scratch[j]! > t) {
      scratch[j + 1] = scratch[j]!;
      j--;
    }
    scratch[j + 1] = t;
  }
  let h1 = 0x811c9dc5;
  let h2 = 0x1b873593;
  for (let k = 0; k < n; k++) {
    const t = scratch[k]!;
    if (k > 0 && t === scratch[k - 1]) continue;
    h1 = Math.imul(h1 ^ t, 0x01000193);
    h2 = Math.imul(h2 ^ (t + 0x9e3779b9), 0x85ebca6b);
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 12) & 0xfffff) || 1;
}
let scratch = new Int32Array(64);

/** A 32-bit hash of a string (to tell apart what follows an opener without keeping the text). */
function hashText(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface Spread {
  perQuestion: Int32Array;
  interviews: Set<number>;
  n: number;
}

/**
 * Discourse in the answers (`answers`: [question][interview] -> answer sentence indices, see
 * units.ts). Also sets `lead` on every answer sentence (its hedge and opener terms).
 */
export function findDiscourse(
  sentences: readonly Sentence[][],
  answers: readonly number[][][],
  alignments: readonly Alignment[],
  opts: DiscourseOptions = {},
  /**
   * Per interview, the first interview with exactly the same transcript (itself when none): a copy
   * is no new evidence of how a phrase spreads, so only originals are counted, and copies take
   * their original's verdicts.
   */
  copyOf?: readonly number[],
): Discourse {
  if (copyOf?.some((c, i) => c !== i)) {
    const originals = answers.map((perInterview) =>
      perInterview.map((idx, i) => (copyOf[i] === i ? idx : [])),
    );
    const found = findDiscourse(
      sentences,
      originals,
      alignments.map((a, i) => (copyOf[i] === i ? a : { ...a, interviewer: null })),
      opts,
    );
    // Copies: their original's verdicts, and the hedge terms of their own sentences set.
    for (const perInterview of answers) {
      perInterview.forEach((idx, i) => {
        if (copyOf[i] === i) return;
        for (const s of idx) setLead(sentences[i]![s]!, found.openers, opts.maxOpenerWords ?? 5, undefined);
      });
    }
    return {
      sentences: sentences.map((_, i) => new Set(found.sentences[copyOf[i]!])),
      openers: found.openers,
    };
  }
  const Q = answers.length;
  const out: Discourse = { sentences: sentences.map(() => new Set<number>()), openers: new Set() };
  const maxWords = opts.maxOpenerWords ?? 5;
  const minInterviews = opts.minInterviews ?? 3;
  const minCount = opts.minCount ?? 4;
  const minChance = opts.minChance ?? 0.05;

  // How much is said under each question: the chance that a question-blind sentence lands there.
  const volume = new Float64Array(Q);
  const leads = new Map<string, Spread & { rests: Set<number> }>();
  // Each answer sentence after its hedges, computed once (the regex work is the cost here).
  const stripped: (string | undefined)[][] = sentences.map(() => []);
  answers.forEach((perInterview, q) => {
    perInterview.forEach((idx, i) => {
      for (const s of idx) {
        const sentence = sentences[i]![s]!;
        if (sentence.terms.length === 0) continue;
        volume[q]!++;
        const rest = stripOpening(sentence.text);
        stripped[i]![s] = rest;
        const head = leadIn(rest, maxWords);
        if (head === null) continue;
        const g = spreadOf(leads, head, Q, () => ({ rests: new Set<number>() }));
        count(g, q, i);
        g.rests.add(hashText(rest.slice(rest.indexOf(',') + 1)));
      }
    });
  });
  const total = volume.reduce((a, b) => a + b, 0);
  if (total === 0 || Q < 2) {
    for (const perInterview of answers)
      perInterview.forEach((idx, i) => {
        for (const s of idx) setLead(sentences[i]![s]!, out.openers, maxWords, stripped[i]![s]);
      });
    return out;
  }
  const share = Array.from(volume, (v) => v / total);
  const questionBlind = (g: Spread) =>
    g.n >= minCount && g.interviews.size >= minInterviews && spreadLikeChance(g, share, minChance);

  // Openers: lead-ins put in front of all sorts of sentences (not one repeated sentence), anywhere.
  for (const [head, g] of leads) if (g.rests.size >= 0.7 * g.n && questionBlind(g)) out.openers.add(head);

  // Stock phrases.
  const phrases = new Map<number, Spread & { refs: [number, number][] }>();
  answers.forEach((perInterview, q) => {
    perInterview.forEach((idx, i) => {
      for (const s of idx) {
        const sentence = sentences[i]![s]!;
        setLead(sentence, out.openers, maxWords, stripped[i]![s]);
        const key = contentKey(sentence);
        if (!key) continue;
        const g = spreadOf(phrases, key, Q, () => ({ refs: [] as [number, number][] }));
        count(g, q, i);
        g.refs.push([i, s]);
      }
    });
  });
  for (const g of phrases.values())
    if (questionBlind(g)) for (const [i, s] of g.refs) out.sentences[i]!.add(s);

  // Interviewer phrases: said by interviewers in the labelled transcripts (twice or more), never by
  // an interviewee there; in an unlabelled transcript they are the interviewer's, not an answer.
  const byInterviewer = new Map<string, number>();
  let longest = 0;
  alignments.forEach((a, i) => {
    if (a.interviewer === null) return;
    sentences[i]!.forEach((sentence, s) => {
      // Short remarks, not questions (the alignment places the questions).
      if (a.roles[s] !== 'interviewer' || sentence.endsWithQuestion || sentence.wordCount > 8) return;
      const key = interviewerKey(sentence);
      if (!key) return;
      byInterviewer.set(key, (byInterviewer.get(key) ?? 0) + 1);
      longest = Math.max(longest, sentence.wordCount);
    });
  });
  // Only sentences as short as some interviewer phrase, starting with the same word, can be one.
  const firstWords = new Set([...byInterviewer.keys()].map((k) => k.split(' ', 1)[0]!));
  const candidate = (sentence: Sentence) =>
    sentence.wordCount <= longest && sentence.terms.length > 0 && firstWords.has(sentence.tokens[0] ?? '');
  const byInterviewee = new Set<string>();
  alignments.forEach((a, i) => {
    if (a.interviewer === null) return;
    sentences[i]!.forEach((sentence, s) => {
      if (a.roles[s] === 'interviewer' || !candidate(sentence)) return;
      const key = interviewerKey(sentence);
      if (byInterviewer.has(key)) byInterviewee.add(key);
    });
  });
  answers.forEach((perInterview) => {
    perInterview.forEach((idx, i) => {
      if (alignments[i]?.interviewer !== null) return;
      for (const s of idx) {
        const sentence = sentences[i]![s]!;
        if (!candidate(sentence)) continue;
        const key = interviewerKey(sentence);
        if (key && (byInterviewer.get(key) ?? 0) >= 2 && !byInterviewee.has(key)) out.sentences[i]!.add(s);
      }
    });
  });
  return out;
}

/** The words of a sentence as said, for matching interviewer phrases. */
function interviewerKey(sentence: Sentence): string {
  if (sentence.terms.length === 0) return '';
  return sentence.tokens.join(' ');
}

function spreadOf<K, T extends object>(
  map: Map<K, Spread & T>,
  key: K,
  Q: number,
  extra: () => T,
): Spread & T {
  let g = map.get(key);
  if (!g) {
    g = { perQuestion: new Int32Array(Q), interviews: new Set<number>(), n: 0, ...extra() };
    map.set(key, g);
  }
  return g;
}

function count(g: Spread, q: number, interview: number): void {
  g.perQuestion[q]!++;
  g.interviews.add(interview);
  g.n++;
}

/**
 * Whether n occurrences spread over the questions as a question-blind sentence's would: under at
 * least half of the questions, and neither leaving as many questions empty nor piling as much into
 * one question as to be unlikely by chance (each test at `minChance`). Piling up counts only when
 * it is also large (1.5 × that question's share or more): over thousands of occurrences, chance
 * alone can no longer explain even a small tilt, but a small tilt does not make a topic.
 */
function spreadLikeChance(g: Spread, share: readonly number[], minChance: number): boolean {
  const Q = share.length;
  let covered = 0;
  for (let q = 0; q < Q; q++) {
    const k = g.perQuestion[q]!;
    if (k > 0) covered++;
    // Bonferroni over the questions.
    if (k >= 1.5 * share[q]! * g.n && Q * binomialTail(g.n, k, share[q]!) < minChance) return false;
  }
  if (covered < Math.max(2, Math.ceil(Q / 2))) return false;
  return chanceOfEmpty(share, g.n, Q - covered) >= minChance;
}

/** P(X ≥ k) for X ~ Binomial(n, p) (normal approximation beyond 200 trials, where (1 − p)^n underflows). */
export function binomialTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  if (n > 200) {
    const z = (k - 0.5 - n * p) / Math.sqrt(n * p * (1 - p));
    return 0.5 * erfc(z / Math.SQRT2);
  }
  let term = (1 - p) ** n; // P(X = 0)
  let cdf = 0;
  for (let x = 0; x < k; x++) {
    cdf += term;
    term *= ((n - x) / (x + 1)) * (p / (1 - p));
  }
  return Math.max(0, 1 - cdf);
}

/** Complementary error function (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const r = poly * Math.exp(-z * z);
  return x >= 0 ? r : 2 - r;
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
