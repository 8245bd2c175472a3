/**
 * Choosing which sentences make the answer, within a word budget: the best-scoring sentences for a
 * topic question (near-duplicates skipped), or for a general question the most central sentence of
 * each segment of each transcript, so that the answer covers the whole conversation.
 * The result is in transcript order, so the answer reads in the order things were said.
 */

import type { AskIndex } from './units.ts';

function overlap(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = new Set(a);
  let shared = 0;
  const sb = new Set(b);
  for (const id of sb) if (sa.has(id)) shared++;
  return shared / Math.min(sa.size, sb.size);
}

/** Greedy by score, whole sentences only, skipping ones that repeat an already chosen sentence. */
export function selectTop(
  index: AskIndex,
  scores: Float64Array,
  budget: number,
  cost: (i: number) => number,
  floor = 0.3,
): number[] {
  const order = [...scores.keys()].filter((i) => scores[i]! > 0).sort((a, b) => scores[b]! - scores[a]!);
  const best = order.length ? scores[order[0]!]! : 0;
  const chosen: number[] = [];
  let used = 0;
  for (const i of order) {
    if (scores[i]! < best * floor) break;
    const u = index.units[i]!;
    // a reported sentence costs at least its words plus "They said that"
    if (used + u.words + 3 > budget) continue;
    const c = cost(i);
    if (used + c > budget) continue;
    if (chosen.some((j) => overlap(index.units[j]!.terms, u.terms) > 0.8)) continue;
    chosen.push(i);
    used += c;
    if (used >= budget - 3) break;
  }
  return chosen.sort((a, b) => a - b);
}

/** One central sentence per segment of each transcript, then the best remaining, within the budget. */
export function selectCoverage(
  index: AskIndex,
  scores: Float64Array,
  budget: number,
  cost: (i: number) => number,
  wordsPerSegment = 22,
): number[] {
  const segmentsTotal = Math.max(1, Math.round(budget / wordsPerSegment));
  const docs = index.docRanges.filter(([f, e]) => e > f);
  const perDoc = Math.max(1, Math.floor(segmentsTotal / Math.max(docs.length, 1)));
  const picks: number[] = [];
  for (const [first, end] of docs) {
    const len = end - first;
    for (let s = 0; s < perDoc; s++) {
      const a = first + Math.floor((s * len) / perDoc);
      const b = first + Math.floor(((s + 1) * len) / perDoc);
      let bestI = -1;
      for (let i = a; i < b; i++) if (scores[i]! > 0 && (bestI < 0 || scores[i]! > scores[bestI]!)) bestI = i;
      if (bestI >= 0) picks.push(bestI);
    }
  }
  // Segments in order of their pick's strength, so a tight budget keeps the most central ones.
  picks.sort((a, b) => scores[b]! - scores[a]!);
  const chosen: number[] = [];
  let used = 0;
  for (const i of picks) {
    const w = cost(i);
    if (used + w > budget) continue;
    chosen.push(i);
    used += w;
  }
  const rest = Float64Array.from(scores);
  for (const i of chosen) rest[i] = 0;
  const more = selectTop(index, rest, budget - used, cost, 0);
  return [...chosen, ...more].sort((a, b) => a - b);
}
