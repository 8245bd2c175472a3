/**
 * Per question: cluster the answer units of all interviews into themes and describe each one.
 */
import type { QuestionInsights, Theme } from '../types.ts';
import { type ClusterOptions, clusterUnits } from './cluster.ts';
import { cap, type DescribeContext, keywordsOf, labelOf, quotesOf, type SentenceRef } from './describe.ts';
import { dot, normaliseF32 } from './space.ts';
import type { Unit } from './units.ts';

/** A theme with what later stages need: its centre and member sentences. */
export interface FoundTheme {
  question: number;
  theme: Theme;
  centre: Float32Array;
  members: SentenceRef[];
  /** Interview indices. */
  interviews: number[];
}

export function themesOfQuestion(
  q: number,
  questionId: string,
  units: readonly Unit[],
  vectors: readonly Float32Array[],
  answered: readonly number[],
  ctx: DescribeContext,
  specificity: Float64Array | null,
  opts: ClusterOptions & { minTopicality?: number } = {},
): FoundTheme[] {
  const minSupport = opts.minSupport ?? Math.max(3, Math.ceil(0.1 * answered.length));
  const minTopicality = opts.minTopicality ?? 0.25;
  const clusters = clusterUnits(
    vectors,
    units.map((u) => u.interview),
    {
      ...opts,
      minSupport,
      keep: specificity
        ? (members) =>
            topicality(
              members.map((m) => units[m]!),
              specificity,
            ) >= minTopicality
        : undefined,
    },
  );
  const background: SentenceRef[] = units.flatMap((u) => u.sentences.map((s) => [u.interview, s] as const));
  const labels = new Set<string>();
  return clusters.map((c, k) => {
    const centre = normaliseF32(Float32Array.from(c.sum));
    const seen = new Set<string>();
    const members: SentenceRef[] = [];
    for (const ui of c.units) {
      const u = units[ui]!;
      for (const s of u.sentences) {
        const key = `${u.interview}:${s}`;
        if (seen.has(key)) continue;
        seen.add(key);
        members.push([u.interview, s]);
      }
    }
    const keywords = keywordsOf(members, background, ctx);
    // Labels and quotes come from the units nearest the centre (bounded work on long interviews).
    const core = closestSentences(c.units, units, vectors, centre, CORE_UNITS);
    const label = labelOf(core, centre, keywords, ctx, labels);
    labels.add(label.toLowerCase());
    const kwWords = keywords.map((t) => ctx.vocab.display(t));
    const n = c.interviews.length;
    const of = answered.length;
    const theme: Theme = {
      id: `${questionId}-t${k + 1}`,
      label,
      summary: summaryOf(n, of, kwWords),
      interviews: c.interviews.map((i) => ctx.interviewIds[i]!),
      quotes: quotesOf(core, centre, ctx),
      keywords: kwWords,
    };
    return { question: q, theme, centre, members, interviews: c.interviews };
  });
}

const CORE_UNITS = 60;

/** Sentences of the `max` units closest to `centre`, nearest first, without repeats. */
export function closestSentences(
  memberUnits: readonly number[],
  units: readonly Unit[],
  vectors: readonly Float32Array[],
  centre: Float32Array,
  max: number,
): SentenceRef[] {
  const ranked = memberUnits
    .map((ui) => ({ ui, s: dot(vectors[ui]!, centre) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, max);
  const out: SentenceRef[] = [];
  const seen = new Set<string>();
  for (const { ui } of ranked) {
    const u = units[ui]!;
    for (const s of u.sentences) {
      const key = `${u.interview}:${s}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push([u.interview, s]);
    }
  }
  return out;
}

/**
 * How topical a group is: the mean question-specificity of the three terms most of its interviews
 * share. Groups held together by discourse words ("I've thought about this a lot", "it varies")
 * score near zero; real themes share words used under this question far more than elsewhere.
 */
export function topicality(units: readonly Unit[], specificity: Float64Array): number {
  const byInterview = new Map<number, Set<number>>();
  for (const u of units) {
    let set = byInterview.get(u.interview);
    if (!set) {
      set = new Set();
      byInterview.set(u.interview, set);
    }
    for (const t of u.terms) set.add(t);
  }
  const df = new Map<number, number>();
  for (const set of byInterview.values()) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  // The three terms most characteristic of the group: shared by many of its interviews and specific
  // to this question (ranking by count alone picks "think" and "really" once a group is large).
  const top = [...df.entries()]
    .filter(([, c]) => c >= 2 || byInterview.size < 2)
    .sort((a, b) => b[1] * specificity[b[0]]! - a[1] * specificity[a[0]]! || a[0] - b[0])
    .slice(0, 3);
  if (top.length === 0) return 0;
  return top.reduce((s, [t]) => s + specificity[t]!, 0) / top.length;
}

function summaryOf(n: number, of: number, keywords: readonly string[]): string {
  const who = `${n} of ${of} interviewees (${Math.round((100 * n) / Math.max(1, of))}%) made this point`;
  const kw = keywords.slice(0, 3).map((w) => `“${w}”`);
  if (kw.length === 0) return `${who}.`;
  const list = kw.length === 1 ? kw[0] : `${kw.slice(0, -1).join(', ')} and ${kw.at(-1)}`;
  return cap(`${who}; the words that recur are ${list}.`);
}

export function questionInsights(
  id: string,
  text: string,
  answeredIds: string[],
  found: readonly FoundTheme[],
): QuestionInsights {
  return { id, text, answered: answeredIds, themes: found.map((f) => f.theme) };
}
