/**
 * `ask`: a query-focused answer across transcripts, extractive and faithful, with citations.
 * Finds the region of the conversation that answers the question (BM25 over sentences spread to
 * neighbours, speaker-aware), picks ~maxWords of it, and writes it as reported speech
 * ("The group discussed…", "Dana said that they…"): the frame is rewritten, the facts are not.
 * Build the index once with `buildAskIndex` to ask many questions of the same transcripts.
 */

import { AppError } from '../../platform/errors.ts';
import { countWords } from '../text/index.ts';
import type { Transcript } from '../types.ts';
import { composeAnswer, declineAnswer, opener, reportedCost } from './compose.ts';
import {
  type CoverageTuning,
  coverage,
  DEFAULT_COVERAGE,
  informativeTerms,
  missingEverywhere,
} from './coverage.ts';
import { keyPhrases } from './keyphrases.ts';
import { analyseQuery, type QueryAnalysis } from './query.ts';
import { bm25, centroidScores, DEFAULT_TUNING, type RetrieveTuning, topicScores } from './retrieve.ts';
import { selectCoverage, selectTop } from './select.ts';
import type { AskResult } from './types.ts';
import { type AskIndex, buildAskIndex } from './units.ts';

export type { AskResult, Citation } from './types.ts';
export { type AskIndex, buildAskIndex } from './units.ts';

export interface AskOptions {
  /** Target answer length in words (default 100). */
  maxWords?: number;
  /** Retrieval settings; for experiments and benchmarks. */
  tuning?: Partial<RetrieveTuning>;
  /** Coverage test settings; for experiments and benchmarks. */
  coverage?: Partial<CoverageTuning>;
}

/** Answer `question` from `transcripts`. */
export function ask(question: string, transcripts: Transcript[], opts: AskOptions = {}): AskResult {
  return askIndex(buildAskIndex(transcripts), question, opts);
}

/** Answer `question` from a prebuilt index (same result as `ask` on the index's transcripts). */
export function askIndex(index: AskIndex, question: string, opts: AskOptions = {}): AskResult {
  const maxWords = Math.floor(opts.maxWords ?? 100);
  if (!Number.isFinite(maxWords) || maxWords < 10) {
    throw new AppError(
      'VALIDATION_FAILED',
      `maxWords must be a whole number of at least 10 (an answer needs room for one reported sentence); got ${opts.maxWords}.`,
      { field: 'maxWords', value: opts.maxWords },
    );
  }
  const tuning = { ...DEFAULT_TUNING, ...opts.tuning };
  const speakers = [...new Set(index.units.map((u) => u.speaker).filter((s): s is string => s !== null))];
  const q = analyseQuery(question, speakers);
  if (index.units.length === 0) return { question, answer: '', covered: false, citations: [] };
  const cov = coverage(index, q, { ...DEFAULT_COVERAGE, ...opts.coverage });
  if (!cov.covered) return decline(index, q, cov.region, tuning, maxWords);
  let open = opener(index, q);
  const budget = maxWords - countWords(open);
  const costs = new Map<number, number>();
  const cost = (i: number) => {
    let c = costs.get(i);
    if (c === undefined) {
      c = reportedCost(index, q, i);
      costs.set(i, c);
    }
    return c;
  };
  const scores =
    q.kind === 'general'
      ? centroidScores(index, tuning)
      : bearing(index, q, topicScores(index, q, tuning), tuning);
  let chosen =
    q.kind === 'general'
      ? selectCoverage(index, scores, budget, cost)
      : selectTop(index, scores, budget, cost);
  // "Marco talked about pricing" only when Marco's words are in the answer.
  if (q.speakers.length > 0 && !chosen.some((i) => q.speakers.includes(index.units[i]!.speaker ?? ''))) {
    open = opener(index, { ...q, speakers: [], namedAs: new Map() });
  }
  // Selection counted each sentence with its shortest frame; where a speaker changes the frame
  // names them, so drop the weakest sentences until the answer fits.
  let composed = composeAnswer(index, q, chosen, open);
  while (countWords(composed.answer) > maxWords && chosen.length > 0) {
    const weakest = chosen.reduce((w, i) => (scores[i]! < scores[w]! ? i : w), chosen[0]!);
    chosen = chosen.filter((i) => i !== weakest);
    composed = composeAnswer(index, q, chosen, open);
  }
  return { question, covered: true, ...composed };
}

/** One transcript with three or more voices: a meeting, where a topic runs across many short turns. */
function isMeeting(index: AskIndex): boolean {
  return index.transcripts.length === 1 && new Set(index.units.map((u) => u.speaker)).size >= 3;
}

/**
 * Only sentences that bear on the question may be cited: those holding one of its terms, the rest of
 * their turn (`bearing: 'turn'`), and the reply to a question holding one (`'turns'`). Spreading relevance to neighbours finds the region;
 * it does not make a neighbour about the question ("Our pricing review…" after "…reconcile by hand").
 */
function bearing(
  index: AskIndex,
  q: QueryAnalysis,
  scores: Float64Array,
  tuning: RetrieveTuning,
): Float64Array {
  // In a meeting (one transcript, three or more voices) a topic runs across many short turns of
  // many people: the region the spread finds is the passage. Across interviews, a turn is an answer.
  if (tuning.bearing === 'spread' || isMeeting(index)) return scores;
  const raw = bm25(index, q, tuning);
  const turns = new Set<string>();
  if (tuning.bearing !== 'term') {
    index.units.forEach((u, i) => {
      if (raw[i]! <= 0) return;
      turns.add(`${u.doc}:${u.turn}`);
      // The reply to a question that names the topic bears on it ("And the reconciliation work?").
      if (tuning.bearing === 'turns' && u.text.endsWith('?')) turns.add(`${u.doc}:${u.turn + 1}`);
    });
  }
  return scores.map((s, i) => {
    const u = index.units[i]!;
    return raw[i]! > 0 || turns.has(`${u.doc}:${u.turn}`) ? s : 0;
  });
}

/**
 * The answer to a question the transcripts do not discuss: it says so, names the question's words
 * nobody used, and cites the nearest passages — sentences holding some of the question's words,
 * the best first, within the word budget — or says what the transcripts were about when no
 * sentence shares a word with the question.
 */
function decline(
  index: AskIndex,
  q: QueryAnalysis,
  region: [number, number] | null,
  tuning: RetrieveTuning,
  maxWords: number,
): AskResult {
  const unused = missingEverywhere(index, q);
  let nearest: number[] = [];
  let scores = new Float64Array(0);
  if (region) {
    // The passages a covered answer would cite (those bearing on some of the question's words),
    // not the interviewer's questions.
    // Across interviews a passage near the question holds one of its more informative words
    // ("company" alone is not near "the company's pension fund"); a meeting's region is found as usual.
    const near = isMeeting(index) ? q : { ...q, terms: informativeTerms(q) };
    scores = bearing(index, near, topicScores(index, near, tuning), tuning).map((s, i) =>
      index.units[i]!.text.endsWith('?') ? 0 : s,
    );
    const frame = countWords(declineAnswer(index, q, [], unused).answer) + 3;
    nearest = selectTop(index, scores, maxWords - frame, (i) => reportedCost(index, q, i));
  }
  const about = nearest.length === 0 ? keyPhrases(index, 3) : [];
  let composed = declineAnswer(index, q, nearest, unused, about);
  // Too long for the budget: drop the weakest nearest passages, then say only the statement.
  while (countWords(composed.answer) > maxWords && nearest.length > 0) {
    const weakest = nearest.reduce((w, i) => (scores[i]! < scores[w]! ? i : w), nearest[0]!);
    nearest = nearest.filter((i) => i !== weakest);
    composed = declineAnswer(index, q, nearest, unused, nearest.length === 0 ? [] : about);
  }
  if (countWords(composed.answer) > maxWords) composed = declineAnswer(index, q, [], [], []);
  if (countWords(composed.answer) > maxWords) {
    composed = declineAnswer(index, { ...q, topic: null }, [], [], []);
  }
  return { question: q.question, covered: false, ...composed };
}
