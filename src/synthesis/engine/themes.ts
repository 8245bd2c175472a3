/**
 * Per question: cluster the answer units of all interviews into theme groups, then describe each
 * one (after the splits have had their say: see reconcile.ts).
 */
import type { NoThemeReason, QuestionInsights, Theme } from '../types.ts';
import { type ClusterOptions, clusterUnits } from './cluster.ts';
import type { Vocabulary } from './corpus.ts';
import {
  cap,
  centralClauses,
  type DescribeContext,
  interviewFrequencies,
  keywordForms,
  keywordsOf,
  labelOf,
  quotesOf,
  rankByCentre,
  type SentenceRef,
  SUMMARY_SPLIT,
} from './describe.ts';
import { leadTerms } from './pieces.ts';
import { dot, normaliseF32 } from './space.ts';
import { stanceCuesOfTokens } from './stance.ts';
import { quantifier, reportedSummary, summaryClauses } from './summary.ts';
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

/** How much more specific to its question a theme group must be than the question's typical answer. */
const TOPICALITY_OVER_TYPICAL = 1.3;

/**
 * The theme groups of one question: unit indices per theme, the most widely raised first. Groups
 * held together by discourse words rather than a topic of this question are dropped.
 */
export function clusterQuestion(
  units: readonly Unit[],
  vectors: readonly Float32Array[],
  answered: readonly number[],
  specificity: Float64Array | null,
  opts: ClusterOptions & { minTopicality?: number; minSpecificShare?: number } = {},
  /** Receives the small groups the clustering made, before themes are chosen (see crosscut.ts). */
  onGroups?: (groups: readonly number[][]) => void,
  vocab?: Vocabulary,
  /** See Prepared.copyOf: copies of one transcript count as one interview when judging a group. */
  copyOf?: readonly number[],
): number[][] {
  const minSupport = opts.minSupport ?? minThemeSupport(answered.length);
  const minSpecific = opts.minSpecificShare ?? 0.5;
  // How specific to this question each unit's words are, and what is typical here.
  const unitSpec =
    specificity && vocab ? units.map((u) => unitSpecificity(u.terms, specificity, vocab)) : null;
  const typical = unitSpec ? median(unitSpec) : 0;
  // A broad opening question ("How would you describe the business today?") is answered in words said
  // under other questions too: its bar follows what is typical for its answers, never above 0.25.
  // Measured on 4 corpora × 10 draws: recall on the held-out one 55% -> 61%, the others unchanged.
  const minTopicality =
    opts.minTopicality ?? (unitSpec ? Math.min(0.25, TOPICALITY_OVER_TYPICAL * typical) : 0.25);
  return clusterUnits(
    vectors,
    units.map((u) => u.interview),
    {
      ...opts,
      minSupport,
      keys: units.map((u) => u.terms.join(' ')),
      onGroups,
      keep: specificity
        ? (members) =>
            topicality(
              members.map((m) => units[m]!),
              specificity,
              copyOf,
            ) >= minTopicality &&
            // Remarks that only sound alike (anecdotes, asides: "we rebranded two years ago", "the
            // last reorganisation moved my team") are made of words said anywhere: a group with
            // many units far less specific to this question than its answers usually are is none.
            (!unitSpec ||
              members.filter((m) => unitSpec[m]! < minSpecific * typical).length <= 0.3 * members.length)
        : undefined,
    },
  ).map((c) => c.units);
}

/** IDF-weighted mean question-specificity of a unit's terms (see units.ts termSpecificity). */
export function unitSpecificity(
  terms: readonly number[],
  specificity: Float64Array,
  vocab: Vocabulary,
): number {
  let num = 0;
  let den = 0;
  for (const t of terms) {
    const w = vocab.idf(t);
    num += w * specificity[t]!;
    den += w;
  }
  return den > 0 ? num / den : 0;
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Least share of a question's answerers for a theme: one in eight (3 of 20–24). */
export const MIN_THEME_SHARE = 0.125;

/**
 * Least number of interviews for a theme: a share of those who answered (never fewer than 2: one
 * person's point is no theme). A share, not a count, so that the same collection twice over keeps
 * the same themes.
 */
export function minThemeSupport(answered: number): number {
  return Math.max(2, Math.ceil(MIN_THEME_SHARE * answered - 1e-9));
}

/** Labels, summaries, keywords and quotes for the theme groups of one question. */
export function describeThemes(
  q: number,
  questionId: string,
  groups: readonly (readonly number[])[],
  units: readonly Unit[],
  vectors: readonly Float32Array[],
  answered: readonly number[],
  ctx: DescribeContext,
): FoundTheme[] {
  const dims = vectors[0]?.length ?? 0;
  const typical = ctx.specificity
    ? median(units.map((u) => unitSpecificity(u.terms, ctx.specificity!, ctx.vocab)))
    : 0;
  const background = interviewFrequencies(
    units.flatMap((u) => u.sentences.map((s) => [u.interview, s] as const)),
    ctx,
  );
  const labels = new Set<string>();
  const sorted = groups
    .map((g) => ({ g, interviews: [...new Set(g.map((ui) => units[ui]!.interview))].sort((a, b) => a - b) }))
    .sort((a, b) => b.interviews.length - a.interviews.length || b.g.length - a.g.length);
  return sorted.map(({ g, interviews }, k) => {
    const centre = new Float32Array(dims);
    for (const ui of g) {
      const v = vectors[ui]!;
      for (let d = 0; d < dims; d++) centre[d]! += v[d]!;
    }
    normaliseF32(centre);
    const seen = new Set<string>();
    const members: SentenceRef[] = [];
    for (const ui of g) {
      const u = units[ui]!;
      for (const s of u.sentences) {
        const key = `${u.interview}:${s}`;
        if (seen.has(key)) continue;
        seen.add(key);
        members.push([u.interview, s]);
      }
    }
    const keywords = keywordsOf(members, background, ctx);
    // Labels, summaries and quotes come from the units nearest the centre (bounded work on long interviews).
    const core = closestSentences(g, units, vectors, centre, CORE_UNITS);
    const ranked = rankByCentre(core, centre, ctx);
    // Quotes speak for the theme: not an aside that joined it (words said anywhere, see clusterQuestion).
    const specific = ctx.specificity
      ? ranked.filter(({ ref: [i, s] }) => {
          const sentence = ctx.sentences[i]![s]!;
          return (
            unitSpecificity(sentence.terms.slice(leadTerms(sentence)), ctx.specificity!, ctx.vocab) >=
            0.5 * typical
          );
        })
      : ranked;
    // A quote never contradicts its theme: where the theme leans one way (go ahead / hold back),
    // sentences arguing the other way are no quotes for it.
    const lean = themeLean(members, ctx);
    const agrees = ({ ref: [i, s] }: { ref: SentenceRef }) =>
      lean === 0 || sentenceLean(ctx.sentences[i]![s]!.tokens) !== -lean;
    const label = labelOf(core, centre, keywords, ctx, labels, ranked);
    labels.add(label.toLowerCase());
    const clauses = centralClauses(core, centre, keywords, ctx, {
      split: SUMMARY_SPLIT,
      maxWords: 22,
      ranked,
    });
    const n = interviews.length;
    const theme: Theme = {
      id: `${questionId}-t${k + 1}`,
      label,
      summary:
        reportedSummary(quantifier(n, answered.length), summaryClauses(clauses, label)) || `${cap(label)}.`,
      interviews: interviews.map((i) => ctx.interviewIds[i]!),
      quotes: quotesOf(
        core,
        centre,
        ctx,
        3,
        keywords,
        (specific.length > 0 ? specific : ranked).filter(agrees),
      ),
      keywords: keywordForms(keywords, members, ctx),
    };
    return { question: q, theme, centre, members, interviews };
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
  // The units of the nearest `max` distinct wordings, every unit of each: copies of a sentence
  // (another file of the same interview) must not crowd out the rest, but the same words said by
  // several people are evidence that quotes rest on.
  const wordings = new Set<string>();
  const ranked = memberUnits
    .map((ui) => ({ ui, s: dot(vectors[ui]!, centre) }))
    .sort((a, b) => b.s - a.s)
    .filter(({ ui }) => {
      const key = units[ui]!.terms.join(' ');
      if (wordings.has(key)) return true;
      if (wordings.size >= max) return false;
      wordings.add(key);
      return true;
    });
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
export function topicality(
  units: readonly Unit[],
  specificity: Float64Array,
  copyOf?: readonly number[],
): number {
  const byInterview = new Map<number, Set<number>>();
  for (const u of units) {
    const who = copyOf ? copyOf[u.interview]! : u.interview;
    let set = byInterview.get(who);
    if (!set) {
      set = new Set();
      byInterview.set(who, set);
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

export function questionInsights(
  id: string,
  text: string,
  answeredIds: string[],
  found: readonly FoundTheme[],
  minSupport = minThemeSupport(answeredIds.length),
): QuestionInsights {
  const themes = found.map((f) => f.theme);
  if (themes.length > 0) return { id, text, answered: answeredIds, themes };
  return { id, text, answered: answeredIds, themes, noTheme: noThemeReason(answeredIds.length, minSupport) };
}

/** Why a question yields no theme, in words a reader of the deck can act on. */
export function noThemeReason(answered: number, minSupport: number): NoThemeReason {
  if (answered === 0)
    return { reason: 'no-answers', minSupport, text: 'No interviewee answered this question.' };
  const who = answered === 1 ? 'Only 1 interviewee answered' : `Only ${answered} interviewees answered`;
  if (answered < minSupport)
    return {
      reason: 'too-few-answers',
      minSupport,
      text: `${who}; a theme needs at least ${minSupport} who make the same point.`,
    };
  const share = Math.round(MIN_THEME_SHARE * 100 * 10) / 10;
  return {
    reason: 'no-recurring-point',
    minSupport,
    text: `No point was made by ${minSupport} or more of the ${answered} who answered (a theme needs ${share}% of them, at least 2).`,
  };
}

/** −1, 0 or 1: the stance a sentence argues (stance.ts cues). */
export function sentenceLean(tokens: readonly string[]): -1 | 0 | 1 {
  const v = stanceCuesOfTokens(tokens).reduce((a, c) => a + c.polarity, 0);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/**
 * The way a theme leans: its members' sentences that take a stance, when at least two thirds of
 * them (and at least three) take the same one; else 0.
 */
export function themeLean(members: readonly SentenceRef[], ctx: DescribeContext): -1 | 0 | 1 {
  let ahead = 0;
  let back = 0;
  for (const [i, s] of members) {
    const v = sentenceLean(ctx.sentences[i]![s]!.tokens);
    if (v > 0) ahead++;
    else if (v < 0) back++;
  }
  if (ahead >= 3 && ahead >= 2 * back) return 1;
  if (back >= 3 && back >= 2 * ahead) return -1;
  return 0;
}
