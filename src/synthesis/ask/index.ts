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
import { composeAnswer, opener, reportedCost } from './compose.ts';
import { analyseQuery } from './query.ts';
import { centroidScores, DEFAULT_TUNING, type RetrieveTuning, topicScores } from './retrieve.ts';
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
  let open = opener(index, q);
  let budget = maxWords - countWords(open);
  const costs = new Map<number, number>();
  const cost = (i: number) => {
    let c = costs.get(i);
    if (c === undefined) {
      c = reportedCost(index, q, i);
      costs.set(i, c);
    }
    return c;
  };
  let scores = q.kind === 'general' ? centroidScores(index, tuning) : topicScores(index, q, tuning);
  let chosen =
    q.kind === 'general'
      ? selectCoverage(index, scores, budget, cost)
      : selectTop(index, scores, budget, cost);
  if (chosen.length === 0 && q.kind !== 'general') {
    // Nothing in the transcripts shares a word with the question: say what they were about
    // instead, without claiming the question's topic was discussed.
    open = opener(index, { ...q, kind: 'general' });
    budget = maxWords - countWords(open);
    scores = centroidScores(index, tuning);
    chosen = selectCoverage(index, scores, budget, cost);
  }
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
  return { question, ...composed };
}
