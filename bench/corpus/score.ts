/**
 * Scoring the engine against a corpus's gold labels. Matching rule: a gold theme is found when some
 * theme produced for the same question has interviews with Jaccard >= 0.5 to the gold interviews.
 */
import type { AlignedInterview } from '../../src/synthesis/engine/index.ts';
import type { Insights } from '../../src/synthesis/types.ts';
import type { Gold } from './spec.ts';

export const MATCH_JACCARD = 0.5;

export interface ThemeMatch {
  gold: string;
  question: string;
  goldCount: number;
  /** Best-matching produced theme (by Jaccard), if any reaches the threshold. */
  found: { id: string; label: string; count: number; jaccard: number } | null;
}

export interface QualityScore {
  corpus: string;
  interviews: number;
  alignmentAccuracy: number;
  interviewerAccuracy: number;
  themeRecall: number;
  themePrecision: number;
  producedThemes: number;
  goldThemes: number;
  /** Mean |found − gold| interview counts over the gold themes that were found. */
  prevalenceError: number;
  splits: { question: string; detected: boolean; sideJaccard: [number, number] | null }[];
  /** Produced splits on questions with no gold split. */
  spuriousSplits: number;
  crossCutting: { trait: string; detected: boolean; jaccard: number; questionsCovered: number }[];
  /** Produced cross-cutting themes that match no gold one (interview Jaccard < 0.5): noise on the slide. */
  spuriousCrossCutting: number;
  matches: ThemeMatch[];
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  const union = A.size + B.size - inter;
  return union === 0 ? 0 : inter / union;
}

export function alignmentAccuracy(
  gold: Gold,
  aligned: readonly AlignedInterview[],
): { accuracy: number; interviewer: number } {
  let ok = 0;
  let total = 0;
  let roles = 0;
  for (const a of aligned) {
    if (a.interviewer === gold.interviewers[a.id]) roles++;
    for (const g of gold.alignment[a.id] ?? []) {
      if (g.clarification) continue;
      const mid = (g.from + g.to) / 2;
      const s = a.sentences.find((x) => x.turn === g.turn && x.from <= mid && x.to >= mid);
      total++;
      if ((s?.question ?? null) === g.question && s !== undefined) ok++;
    }
  }
  return {
    accuracy: total === 0 ? 0 : ok / total,
    interviewer: aligned.length === 0 ? 0 : roles / aligned.length,
  };
}

export function scoreInsights(
  gold: Gold,
  insights: Insights,
  aligned: readonly AlignedInterview[],
): QualityScore {
  const matches: ThemeMatch[] = gold.themes.map((g) => {
    const q = insights.questions.find((x) => x.id === g.question);
    let best: ThemeMatch['found'] = null;
    for (const t of q?.themes ?? []) {
      const j = jaccard(t.interviews, g.interviews);
      if (j >= MATCH_JACCARD && (!best || j > best.jaccard)) {
        best = { id: t.id, label: t.label, count: t.interviews.length, jaccard: round(j) };
      }
    }
    return { gold: g.id, question: g.question, goldCount: g.interviews.length, found: best };
  });
  const produced = insights.questions.flatMap((q) => q.themes.map((t) => ({ q: q.id, t })));
  const matchedProduced = produced.filter(({ q, t }) =>
    gold.themes.some((g) => g.question === q && jaccard(t.interviews, g.interviews) >= MATCH_JACCARD),
  );
  const found = matches.filter((m) => m.found);
  const splits = gold.splits.map((g) => {
    let best: [number, number] | null = null;
    for (const s of insights.splits.filter((x) => x.question === g.question)) {
      const a: [number, number] = [
        jaccard(s.sides[0].interviews, g.sides[0].interviews),
        jaccard(s.sides[1].interviews, g.sides[1].interviews),
      ];
      const b: [number, number] = [
        jaccard(s.sides[1].interviews, g.sides[0].interviews),
        jaccard(s.sides[0].interviews, g.sides[1].interviews),
      ];
      const pick = Math.min(...a) >= Math.min(...b) ? a : b;
      if (!best || Math.min(...pick) > Math.min(...best)) best = [round(pick[0]), round(pick[1])];
    }
    return {
      question: g.question,
      detected: best !== null && Math.min(...best) >= MATCH_JACCARD,
      sideJaccard: best,
    };
  });
  const crossCutting = gold.crossCutting.map((g) => {
    let bestJ = 0;
    let covered = 0;
    for (const c of insights.crossCutting) {
      const j = jaccard(c.interviews, g.interviews);
      const cov = c.questions.filter((q) => g.questions.includes(q)).length;
      if (j > bestJ || (j === bestJ && cov > covered)) {
        bestJ = j;
        covered = cov;
      }
    }
    return {
      trait: g.trait,
      detected: bestJ >= MATCH_JACCARD && covered >= 2,
      jaccard: round(bestJ),
      questionsCovered: covered,
    };
  });
  const spuriousCrossCutting = insights.crossCutting.filter(
    (c) => !gold.crossCutting.some((g) => jaccard(c.interviews, g.interviews) >= MATCH_JACCARD),
  ).length;
  const align = alignmentAccuracy(gold, aligned);
  return {
    corpus: gold.corpus,
    interviews: insights.interviews.length,
    alignmentAccuracy: round(align.accuracy),
    interviewerAccuracy: round(align.interviewer),
    themeRecall: round(found.length / Math.max(1, gold.themes.length)),
    themePrecision: round(matchedProduced.length / Math.max(1, produced.length)),
    producedThemes: produced.length,
    goldThemes: gold.themes.length,
    prevalenceError: round(
      found.reduce((s, m) => s + Math.abs(m.found!.count - m.goldCount), 0) / Math.max(1, found.length),
    ),
    splits,
    spuriousSplits: insights.splits.filter((s) => !gold.splits.some((g) => g.question === s.question)).length,
    crossCutting,
    spuriousCrossCutting,
    matches,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
