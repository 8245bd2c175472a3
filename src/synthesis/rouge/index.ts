/**
 * ROUGE-1/2/L F1 computed as Google's `rouge-score` package computes them (the scorer QMSum figures
 * are reported with) with `use_stemmer=True`:
 * lower-case, every run of non-[a-z0-9] becomes a space, tokens longer than 3 characters are
 * Porter-stemmed (NLTK's variant), n-gram overlap with clipped counts; ROUGE-L is the
 * summary-level "rougeLsum": texts split into sentences on newlines, union-LCS per reference
 * sentence, each token counted at most as often as it occurs on both sides.
 */

import { porterStem } from './porter.ts';

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  /** Summary-level LCS (rougeLsum). */
  rougeL: RougeScore;
}

/** rouge-score's tokeniser: lower case, non-alphanumerics to spaces, stem tokens longer than 3. */
export function rougeTokens(text: string): string[] {
  const out: string[] = [];
  for (const t of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (t) out.push(t.length > 3 ? porterStem(t) : t);
  }
  return out;
}

function score(overlap: number, candidateCount: number, referenceCount: number): RougeScore {
  const precision = overlap / Math.max(candidateCount, 1);
  const recall = overlap / Math.max(referenceCount, 1);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N between token lists: clipped n-gram overlap. */
export function rougeN(reference: string[], candidate: string[], n: number): RougeScore {
  const ref = ngramCounts(reference, n);
  const cand = ngramCounts(candidate, n);
  let overlap = 0;
  for (const [g, c] of ref) overlap += Math.min(c, cand.get(g) ?? 0);
  return score(overlap, Math.max(candidate.length - n + 1, 0), Math.max(reference.length - n + 1, 0));
}

/** Indices into `ref` of one longest common subsequence with `can` (rouge-score's backtrack order). */
function lcsIndices(ref: string[], can: string[]): number[] {
  const rows = ref.length;
  const cols = can.length;
  const t = new Uint32Array((rows + 1) * (cols + 1));
  const w = cols + 1;
  for (let i = 1; i <= rows; i++) {
    for (let j = 1; j <= cols; j++) {
      t[i * w + j] =
        ref[i - 1] === can[j - 1]
          ? t[(i - 1) * w + j - 1]! + 1
          : Math.max(t[(i - 1) * w + j]!, t[i * w + j - 1]!);
    }
  }
  const out: number[] = [];
  let i = rows;
  let j = cols;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      out.push(i - 1);
      i--;
      j--;
    } else if (t[i * w + j - 1]! > t[(i - 1) * w + j]!) j--;
    else i--;
  }
  return out.reverse();
}

/** Summary-level ROUGE-L (rougeLsum) between tokenised sentence lists. */
export function rougeLsum(reference: string[][], candidate: string[][]): RougeScore {
  const m = reference.reduce((a, s) => a + s.length, 0);
  const n = candidate.reduce((a, s) => a + s.length, 0);
  if (m === 0 || n === 0) return { precision: 0, recall: 0, f1: 0 };
  const refLeft = new Map<string, number>();
  const candLeft = new Map<string, number>();
  for (const s of reference) for (const t of s) refLeft.set(t, (refLeft.get(t) ?? 0) + 1);
  for (const s of candidate) for (const t of s) candLeft.set(t, (candLeft.get(t) ?? 0) + 1);
  let hits = 0;
  for (const r of reference) {
    const union = new Set<number>();
    for (const c of candidate) for (const i of lcsIndices(r, c)) union.add(i);
    for (const i of [...union].sort((a, b) => a - b)) {
      const tok = r[i]!;
      const cl = candLeft.get(tok) ?? 0;
      const rl = refLeft.get(tok) ?? 0;
      if (cl > 0 && rl > 0) {
        hits++;
        candLeft.set(tok, cl - 1);
        refLeft.set(tok, rl - 1);
      }
    }
  }
  return score(hits, n, m);
}

/**
 * ROUGE-1, ROUGE-2 and summary-level ROUGE-L of `candidate` against `reference`.
 * Sentences for ROUGE-L are the texts' lines (put one sentence per line before calling).
 */
export function rouge(reference: string, candidate: string): RougeScores {
  const ref = rougeTokens(reference);
  const cand = rougeTokens(candidate);
  const lines = (s: string) =>
    s
      .split('\n')
      .filter((l) => l.length > 0)
      .map(rougeTokens);
  return {
    rouge1: rougeN(ref, cand, 1),
    rouge2: rougeN(ref, cand, 2),
    rougeL: rougeLsum(lines(reference), lines(candidate)),
  };
}
