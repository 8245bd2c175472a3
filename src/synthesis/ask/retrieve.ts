/**
 * Finding the passages that answer a question. Topic questions: BM25 of each sentence against the
 * question's terms, spread to neighbouring sentences so that the *region* where the topic is
 * discussed wins over a lone sentence that happens to share a word; a boost for the speaker the
 * question names; a prior against very short sentences. General questions ("summarise the
 * meeting"): closeness to the transcript's centroid plus coverage of its segments.
 */

import type { QueryAnalysis } from './query.ts';
import type { AskIndex } from './units.ts';

export interface RetrieveTuning {
  k1: number;
  b: number;
  /** Relevance spreads to neighbours up to this many sentences away, fading linearly. */
  spreadWidth: number;
  /**
   * Share of the spread that goes backwards: a topic is usually named first and discussed after
   * (a question, then its answer), so relevance flows mostly forward.
   */
  spreadBackward: number;
  /** Multiplier for sentences spoken by a speaker the question names. */
  speakerBoost: number;
  /** Sentences shorter than this many words, or with fewer than two content words, are never chosen (they still spread relevance). */
  minWords: number;
  /** Words at which the length prior reaches ~63% (1 - e^-1). */
  lengthScale: number;
  /** Multiplier for questions: they restate a topic more than they inform on it. */
  questionWeight: number;
  /**
   * Which sentences may be cited: those holding a question term ('term'), also the rest of their
   * turn ('turn'), also the reply to a question holding one ('turns'), or any the spread reaches ('spread').
   */
  bearing: 'term' | 'turn' | 'turns' | 'spread';
}

export const DEFAULT_TUNING: RetrieveTuning = {
  k1: 1.2,
  b: 0.75,
  // Measured on QMSum val: width 0 -> 25.1, 2 -> 28.4, 9 -> 29.2, 15 -> 29.1.
  spreadWidth: 9,
  // Forward-only 30.5, backward 0.3 -> 30.6, symmetric 30.1.
  spreadBackward: 0.3,
  speakerBoost: 2.5,
  minWords: 4,
  lengthScale: 15,
  questionWeight: 0.7,
  // QMSum val R-1 / cited turns in the gold spans: spread 30.37 / 38.8 %, turns 30.2 / 37.7 %, term 29.4 / 34.5 %.
  bearing: 'turns',
};

function idf(index: AskIndex, id: number): number {
  const n = index.units.length;
  const df = index.df[id] ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** BM25 score of every unit for the question's terms. */
export function bm25(index: AskIndex, q: QueryAnalysis, t: RetrieveTuning): Float64Array {
  const scores = new Float64Array(index.units.length);
  const qIds = new Map<number, number>();
  for (const [term, w] of q.terms) {
    const id = index.vocab.get(term);
    if (id !== undefined) qIds.set(id, w * idf(index, id));
  }
  if (qIds.size === 0) return scores;
  const avg = index.avgTerms || 1;
  index.units.forEach((u, i) => {
    let s = 0;
    const norm = t.k1 * (1 - t.b + (t.b * u.terms.length) / avg);
    let seen: Map<number, number> | null = null;
    for (const id of u.terms) {
      if (!qIds.has(id)) continue;
      seen ??= new Map();
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    if (!seen) return;
    for (const [id, tf] of seen) s += (qIds.get(id)! * (tf * (t.k1 + 1))) / (tf + norm);
    scores[i] = s;
  });
  return scores;
}

/** Add each sentence's neighbours' relevance (within its transcript), so regions outscore lone hits. */
export function spread(index: AskIndex, raw: Float64Array, width: number, backward: number): Float64Array {
  const weights = Array.from({ length: width }, (_, d) => 1 - (d + 1) / (width + 1));
  const out = Float64Array.from(raw);
  for (const [first, end] of index.docRanges) {
    for (let i = first; i < end; i++) {
      const r = raw[i]!;
      if (r === 0) continue;
      for (let d = 1; d <= weights.length; d++) {
        const w = weights[d - 1]! * r;
        if (i - d >= first) out[i - d]! += w * backward;
        if (i + d < end) out[i + d]! += w;
      }
    }
  }
  return out;
}

/** Relevance of every unit to a topic question. */
export function topicScores(
  index: AskIndex,
  q: QueryAnalysis,
  t: RetrieveTuning = DEFAULT_TUNING,
): Float64Array {
  const scores = spread(index, bm25(index, q, t), t.spreadWidth, t.spreadBackward);
  const named = new Set(q.speakers);
  index.units.forEach((u, i) => {
    let s = scores[i]!;
    if (named.size > 0 && u.speaker !== null && named.has(u.speaker)) s *= t.speakerBoost;
    s *= lengthPrior(u.words, t);
    if (u.text.endsWith('?')) s *= t.questionWeight;
    scores[i] = u.words < t.minWords || u.terms.length < 2 ? 0 : s;
  });
  return scores;
}

function lengthPrior(words: number, t: RetrieveTuning): number {
  return 1 - Math.exp(-words / t.lengthScale);
}

/**
 * Relevance of every unit to "summarise it all": cosine of the sentence's TF-IDF vector with its
 * transcript's centroid, times the length prior. Coverage across the transcript is the selector's job.
 */
export function centroidScores(index: AskIndex, t: RetrieveTuning = DEFAULT_TUNING): Float64Array {
  const scores = new Float64Array(index.units.length);
  const idfs = new Float64Array(index.df.length);
  for (let id = 0; id < idfs.length; id++) idfs[id] = idf(index, id);
  for (const [first, end] of index.docRanges) {
    const centroid = new Map<number, number>();
    for (let i = first; i < end; i++) {
      for (const id of index.units[i]!.terms) centroid.set(id, (centroid.get(id) ?? 0) + idfs[id]!);
    }
    let cNorm = 0;
    for (const v of centroid.values()) cNorm += v * v;
    cNorm = Math.sqrt(cNorm) || 1;
    for (let i = first; i < end; i++) {
      const u = index.units[i]!;
      if (u.words < t.minWords || u.terms.length < 2) continue;
      const tf = new Map<number, number>();
      for (const id of u.terms) tf.set(id, (tf.get(id) ?? 0) + idfs[id]!);
      let dot = 0;
      let norm = 0;
      for (const [id, v] of tf) {
        dot += v * (centroid.get(id) ?? 0);
        norm += v * v;
      }
      scores[i] = norm > 0 ? (dot / (Math.sqrt(norm) * cNorm)) * lengthPrior(u.words, t) : 0;
    }
  }
  return scores;
}
