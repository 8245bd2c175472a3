/**
 * Cross-cutting themes: points that recur in the answers to several questions.
 *
 * Built from the questions' own clustering: its small groups of units (atoms: what several people
 * said alike under one question) are linked across questions by average linkage — the average
 * similarity of their units — and only across questions (two atoms of one question are one
 * question's business). A linked group that spans two questions or more, with enough of its
 * people under each, and with people who come back to the point under several questions, is
 * cross-cutting. Linking atoms rather than clustering every unit of every question together keeps
 * a big theme of one question from swallowing the few units that recur elsewhere, and costs a few
 * thousand dot products instead of a second clustering.
 */
import type { CrossCuttingTheme } from '../types.ts';
import { agglomerate } from './cluster.ts';
import {
  centralClauses,
  type DescribeContext,
  interviewFrequencies,
  keywordsOf,
  labelOf,
  quotesOf,
  type SentenceRef,
  SUMMARY_SPLIT,
} from './describe.ts';
import { normaliseF32 } from './space.ts';
import { reportedSummary, summaryClauses } from './summary.ts';
import type { Unit } from './units.ts';

export interface CrossCutOptions {
  /** Least average similarity of two atoms of different questions to link them (default 0.13). */
  link?: number;
  /**
   * Least overlap lift (see CrossCutCandidate.overlapLift; default 1.2): a recurring point is
   * raised by the same people under its questions more often than chance; two questions' themes
   * that merely share words are raised by people drawn independently.
   */
  minLift?: number;
  /** Least interviews under a question for the theme to count there (default max(2, 10% of its answers)). */
  minInterviews?: number;
  /** Most units of the theme under any one question, as a share (default 0.8). */
  maxShareOneQuestion?: number;
  /** Most cross-cutting themes kept (default 2). */
  max?: number;
  /**
   * Least share of the theme's interviewees who raise it under two or more questions (default 0.3).
   * People who care about a point come back to it; answers misplaced under the wrong question, or
   * two questions' themes that merely share words, scatter over different people instead.
   */
  minRecurring?: number;
}

/** A group of units of one question that the question's clustering put together. */
export interface Atom {
  question: number;
  /** Unit indices into that question's units. */
  units: readonly number[];
  /** Mean of its units' vectors (not normalised): the dot product of two means is their average similarity. */
  mean: Float32Array;
  /** Sum of its units' vectors, in double precision (sums of atoms add up whatever their order). */
  sum: Float64Array;
}

/**
 * An atom from a group of one question's units and their vectors: only its mean and sum are kept, so
 * the question's unit vectors can be dropped once it is clustered (340 MB at 500 interviews).
 */
export function atomOf(question: number, units: readonly number[], vectors: readonly Float32Array[]): Atom {
  const dims = vectors[units[0]!]?.length ?? 0;
  const mean = new Float32Array(dims);
  const sum = new Float64Array(dims);
  for (const u of units) {
    const v = vectors[u]!;
    for (let d = 0; d < dims; d++) {
      mean[d]! += v[d]! / units.length;
      sum[d]! += v[d]!;
    }
  }
  return { question, units, mean, sum };
}

/** A cross-cutting theme before it is described. */
export interface CrossCutCandidate {
  questions: number[];
  interviews: number[];
  /** Interviewees who raise it under two questions or more. */
  recurring: number;
  /**
   * How much more its people overlap between its questions than people drawn at random would:
   * Σ|S_q ∩ S_r| / Σ|S_q|·|S_r|/N over pairs of its questions (1: no more than chance).
   */
  overlapLift: number;
  members: SentenceRef[];
  sum: Float64Array;
}

/**
 * Whether a group of one question's units was said by two people or more (copies of one transcript
 * are one person): only such atoms can link questions, so only they are kept (at 500 interviews the
 * clustering makes thousands of groups of one wording each, ~60 MB of means and sums).
 */
export function saidByTwo(
  group: readonly number[],
  questionUnits: readonly Unit[],
  copyOf?: readonly number[],
): boolean {
  const first = questionUnits[group[0]!]?.interview;
  if (first === undefined) return false;
  const who = (i: number) => (copyOf ? copyOf[i]! : i);
  for (const u of group) if (who(questionUnits[u]!.interview) !== who(first)) return true;
  return false;
}

/** Linked groups of atoms that pass the cross-cutting tests, the most recurring first. */
export function crossCutCandidates(
  units: readonly Unit[][],
  atoms: readonly Atom[],
  answeredCounts: readonly number[],
  opts: CrossCutOptions = {},
  /** Number of interviews (people drawn at random come from these). */
  interviews = Math.max(...answeredCounts),
  /** Per interview, the first with exactly the same transcript (see Prepared.copyOf). */
  copyOf?: readonly number[],
): CrossCutCandidate[] {
  const dims = atoms[0]?.mean.length ?? 0;
  if (answeredCounts.length < 2 || dims === 0) return [];
  const maxShare = opts.maxShareOneQuestion ?? 0.8;
  const minRecurring = opts.minRecurring ?? 0.3;
  // Atoms said by two people or more (copies of one transcript are one person here).
  const who = (i: number) => (copyOf ? copyOf[i]! : i);
  const distinctPeople = (xs: Iterable<number>) => new Set([...xs].map(who)).size;
  const usable = atoms.filter((a) => saidByTwo(a.units, units[a.question]!, copyOf));
  const means = usable.map((a) => a.mean);
  const linked = agglomerate(means, opts.link ?? 0.13, { of: usable.map((a) => a.question), weight: 0 });

  const found: CrossCutCandidate[] = [];
  for (const group of linked) {
    const perQuestion = new Map<number, Set<number>>();
    const unitsPerQuestion = new Map<number, number>();
    const sum = new Float64Array(dims);
    const members: SentenceRef[] = [];
    const seen = new Set<string>();
    let total = 0;
    for (const k of group) {
      const a = usable[k]!;
      const set = perQuestion.get(a.question) ?? new Set<number>();
      perQuestion.set(a.question, set);
      unitsPerQuestion.set(a.question, (unitsPerQuestion.get(a.question) ?? 0) + a.units.length);
      total += a.units.length;
      for (let d = 0; d < dims; d++) sum[d]! += a.sum[d]!;
      for (const ui of a.units) {
        const u = units[a.question]![ui]!;
        set.add(u.interview);
        for (const s of u.sentences) {
          const key = `${u.interview}:${s}`;
          if (seen.has(key)) continue;
          seen.add(key);
          members.push([u.interview, s]);
        }
      }
    }
    const questions = [...perQuestion.entries()]
      .filter(
        ([q, set]) =>
          set.size >= (opts.minInterviews ?? Math.ceil(0.1 * (answeredCounts[q] ?? 0))) &&
          distinctPeople(set) >= 2,
      )
      .map(([q]) => q)
      .sort((a, b) => a - b);
    if (questions.length < 2) continue;
    if (Math.max(...unitsPerQuestion.values()) > maxShare * total) continue;
    const timesRaised = new Map<number, number>();
    for (const q of questions)
      for (const i of perQuestion.get(q)!) timesRaised.set(i, (timesRaised.get(i) ?? 0) + 1);
    const people = new Set<number>();
    for (const set of perQuestion.values()) for (const i of set) people.add(i);
    const recurringPeople = [...timesRaised.entries()].filter(([, n]) => n >= 2).map(([i]) => i);
    const recurring = recurringPeople.length;
    let observed = 0;
    let expected = 0;
    for (let x = 0; x < questions.length; x++) {
      for (let y = x + 1; y < questions.length; y++) {
        const a = perQuestion.get(questions[x]!)!;
        const b = perQuestion.get(questions[y]!)!;
        for (const i of a) if (b.has(i)) observed++;
        expected += (a.size * b.size) / Math.max(1, interviews);
      }
    }
    // Rounded: the same ratio computed on a larger collection must not reorder ties by float noise.
    const overlapLift = expected > 0 ? Math.round((observed / expected) * 1e6) / 1e6 : 0;
    if (overlapLift < (opts.minLift ?? 1.2)) continue;
    if (distinctPeople(recurringPeople) < 2 || recurring < minRecurring * people.size) continue;
    found.push({
      questions,
      interviews: [...people].sort((a, b) => a - b),
      recurring,
      overlapLift,
      members,
      sum,
    });
  }
  return found.sort(
    (a, b) =>
      b.overlapLift - a.overlapLift || b.recurring - a.recurring || b.questions.length - a.questions.length,
  );
}

export function crossCuttingThemes(
  units: readonly Unit[][],
  atoms: readonly Atom[],
  answeredCounts: readonly number[],
  questionIds: readonly string[],
  ctx: DescribeContext,
  opts: CrossCutOptions = {},
): CrossCuttingTheme[] {
  const found = crossCutCandidates(units, atoms, answeredCounts, opts, ctx.interviewIds.length, ctx.copyOf);
  const background = interviewFrequencies(
    units.flatMap((qu) => qu.flatMap((u) => u.sentences.map((s) => [u.interview, s] as const))),
    ctx,
  );
  return found.slice(0, opts.max ?? 2).map((f, k) => {
    const centre = normaliseF32(Float32Array.from(f.sum));
    const keywords = keywordsOf(f.members, background, ctx);
    const ids = f.questions.map((q) => questionIds[q]!);
    const label = labelOf(f.members, centre, keywords, ctx);
    const clauses = centralClauses(f.members, centre, keywords, ctx, { split: SUMMARY_SPLIT, maxWords: 22 });
    const said = reportedSummary('interviewees', summaryClauses(clauses, label));
    return {
      id: `cross-${k + 1}`,
      label,
      summary: said
        ? `Raised under ${ids.length} questions (${listOf(ids)}): ${said.charAt(0).toLowerCase()}${said.slice(1)}`
        : `Raised under ${ids.length} questions (${listOf(ids)}).`,
      questions: ids,
      interviews: f.interviews.map((i) => ctx.interviewIds[i]!),
      quotes: quotesOf(f.members, centre, ctx, 3, keywords),
    };
  });
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
