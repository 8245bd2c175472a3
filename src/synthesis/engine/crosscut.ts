/**
 * Cross-cutting themes: points that recur in the answers to several questions. All answer units of
 * all questions are clustered together (the same average-linkage clustering as per question); a
 * cluster that draws enough interviews under at least two questions — and is not just one
 * question's theme with a few strays — is cross-cutting. The few spanning most questions and
 * interviews are kept.
 */
import type { CrossCuttingTheme, Quote } from '../types.ts';
import { type ClusterOptions, clusterUnits } from './cluster.ts';
import { type DescribeContext, keywordsOf, labelOf, quotesOf, type SentenceRef } from './describe.ts';
import { normaliseF32 } from './space.ts';
import { topicality } from './themes.ts';
import type { Unit } from './units.ts';

export interface CrossCutOptions extends ClusterOptions {
  /** Least interviews under a question for the theme to count there (default max(2, 10% of its answers)). */
  minInterviews?: number;
  /** Most units of the theme under any one question, as a share (default 0.8). */
  maxShareOneQuestion?: number;
  /** Least topicality (see themes.ts) of a cross-cutting cluster (default 0.1). */
  minTopicality?: number;
  /** Most cross-cutting themes kept (default 3). */
  max?: number;
  /**
   * Least share of the theme's interviewees who raise it under two or more questions (default 0.3).
   * People who care about a point come back to it; a stock phrase ("it varies") or answers
   * misplaced under the wrong question scatter over different people instead.
   */
  minRecurring?: number;
}

export function crossCuttingThemes(
  units: readonly Unit[][],
  vectors: readonly Float32Array[][],
  answeredCounts: readonly number[],
  questionIds: readonly string[],
  specificity: Float64Array | null,
  ctx: DescribeContext,
  opts: CrossCutOptions = {},
): CrossCuttingTheme[] {
  const flatUnits = units.flat();
  const flatVectors = vectors.flat();
  if (questionIds.length < 2 || flatUnits.length === 0) return [];
  const maxShare = opts.maxShareOneQuestion ?? 0.8;
  const minTopicality = opts.minTopicality ?? 0.1;
  const clusters = clusterUnits(
    flatVectors,
    flatUnits.map((u) => u.interview),
    {
      link: opts.link,
      join: opts.join ?? 0.2,
      lengthPenalty: opts.lengthPenalty,
      sample: opts.sample,
      minSupport: opts.minSupport ?? 3,
      maxThemes: 20,
      answerOf: flatUnits.map((u) => u.interview * questionIds.length + u.question),
      keep: specificity
        ? (members) =>
            topicality(
              members.map((m) => flatUnits[m]!),
              specificity,
            ) >= minTopicality
        : undefined,
    },
  );
  const found: {
    questions: number[];
    interviews: number[];
    recurring: number;
    members: SentenceRef[];
    sum: Float32Array;
  }[] = [];
  for (const c of clusters) {
    const perQuestion = new Map<number, Set<number>>();
    const unitsPerQuestion = new Map<number, number>();
    for (const k of c.units) {
      const u = flatUnits[k]!;
      const set = perQuestion.get(u.question) ?? new Set<number>();
      set.add(u.interview);
      perQuestion.set(u.question, set);
      unitsPerQuestion.set(u.question, (unitsPerQuestion.get(u.question) ?? 0) + 1);
    }
    const questions = [...perQuestion.entries()]
      .filter(
        ([q, set]) =>
          set.size >= (opts.minInterviews ?? Math.max(2, Math.ceil(0.1 * (answeredCounts[q] ?? 0)))),
      )
      .map(([q]) => q)
      .sort((a, b) => a - b);
    if (questions.length < 2) continue;
    const biggest = Math.max(...unitsPerQuestion.values());
    if (biggest > maxShare * c.units.length) continue;
    const timesRaised = new Map<number, number>();
    for (const q of questions)
      for (const i of perQuestion.get(q)!) timesRaised.set(i, (timesRaised.get(i) ?? 0) + 1);
    const recurring = [...timesRaised.values()].filter((n) => n >= 2).length;
    if (recurring < 2 || recurring < (opts.minRecurring ?? 0.3) * c.interviews.length) continue;
    const members: SentenceRef[] = [];
    const seen = new Set<string>();
    for (const k of c.units) {
      const u = flatUnits[k]!;
      for (const s of u.sentences) {
        const key = `${u.interview}:${s}`;
        if (!seen.has(key)) {
          seen.add(key);
          members.push([u.interview, s]);
        }
      }
    }
    found.push({ questions, interviews: c.interviews, recurring, members, sum: c.sum });
  }
  found.sort((a, b) => b.recurring - a.recurring || b.questions.length - a.questions.length);
  const background: SentenceRef[] = flatUnits.flatMap((u) =>
    u.sentences.map((s) => [u.interview, s] as const),
  );
  return found.slice(0, opts.max ?? 3).map((f, k) => {
    const centre = normaliseF32(Float32Array.from(f.sum));
    const keywords = keywordsOf(f.members, background, ctx);
    const ids = f.questions.map((q) => questionIds[q]!);
    return {
      id: `cross-${k + 1}`,
      label: labelOf(f.members, centre, keywords, ctx),
      summary: `Raised by ${f.interviews.length} interviewees under ${ids.length} questions (${ids.join(', ')}).`,
      questions: ids,
      interviews: f.interviews.map((i) => ctx.interviewIds[i]!),
      quotes: quotesAcrossQuestions(f.members, centre, ctx),
    };
  });
}

/** Quotes from different interviews, up to three. */
function quotesAcrossQuestions(
  members: readonly SentenceRef[],
  centre: Float32Array,
  ctx: DescribeContext,
): Quote[] {
  return quotesOf(members, centre, ctx, 3);
}
