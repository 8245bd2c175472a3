/**
 * Side-by-side comparison of the ways people do one task. Steps are aligned across variants into
 * columns, keeping each variant's order: the variant with the most steps seeds the columns, and
 * every other variant is aligned to them with a Needleman–Wunsch style dynamic programme whose
 * match score is the similarity of a step to the column's closest member (below a threshold, no
 * match). Steps that match nothing open a new column where they sit. Pure.
 */

import type { Variant, VariantStep } from './procedures.ts';
import { type StepSignature, signature, stepSimilarity } from './similarity.ts';

/** Below this similarity two steps are different steps. */
export const MATCH_THRESHOLD = 0.35;
/** Two columns no variant shares are one step done at different points when this alike. */
export const REORDER_THRESHOLD = 0.6;

export interface AlignedCell {
  /** Index of the step in its variant. */
  stepIndex: number;
  step: VariantStep;
  /** The person does this step earlier than the columns before it suggest. */
  outOfOrder: boolean;
}

export interface ComparisonColumn {
  index: number;
  /** The name most people give this step. */
  label: string;
  /** One cell per variant, in the order of `Comparison.variants`; null where the variant has no such step. */
  cells: (AlignedCell | null)[];
  /** How many of the variants do this step. */
  count: number;
  /** True when some but not all variants do it. */
  onlySome: boolean;
  minutes: Spread;
  tools: string[];
  outputs: string[];
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export interface ComparedVariant {
  id: string;
  personName: string;
  memberId: string | null;
  label: string;
  status: Variant['status'];
  totalMinutes: number;
  stepCount: number;
}

export interface Comparison {
  variants: ComparedVariant[];
  columns: ComparisonColumn[];
  /** Spread of the variants' total minutes. */
  spread: Spread | null;
  /** Columns every variant has. */
  sharedSteps: number;
  /** Columns only some variants have. */
  partialSteps: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  return { min: Math.min(...values), median: median(values), max: Math.max(...values) };
}

interface Member {
  variant: number;
  stepIndex: number;
  sig: StepSignature;
}

type Move = 'match' | 'step' | 'column';

/** Aligns one variant's steps to the columns; returns the merged sequence of moves. */
function alignOne(
  steps: StepSignature[],
  columns: Member[][],
): { move: Move; step?: number; column?: number }[] {
  const n = steps.length;
  const m = columns.length;
  const sim: number[][] = steps.map((s) =>
    columns.map((col) => Math.max(...col.map((c) => stepSimilarity(s, c.sig)))),
  );
  // score[i][j]: best total similarity aligning the first i steps with the first j columns.
  const score: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = sim[i - 1]![j - 1]!;
      const diag = s >= MATCH_THRESHOLD ? score[i - 1]![j - 1]! + s : -1;
      score[i]![j] = Math.max(diag, score[i - 1]![j]!, score[i]![j - 1]!);
    }
  }
  const moves: { move: Move; step?: number; column?: number }[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0) {
      const s = sim[i - 1]![j - 1]!;
      if (s >= MATCH_THRESHOLD && Math.abs(score[i]![j]! - (score[i - 1]![j - 1]! + s)) < 1e-9) {
        moves.push({ move: 'match', step: i - 1, column: j - 1 });
        i--;
        j--;
        continue;
      }
    }
    if (j > 0 && (i === 0 || score[i]![j - 1]! >= score[i - 1]![j]!)) {
      moves.push({ move: 'column', column: j - 1 });
      j--;
    } else {
      moves.push({ move: 'step', step: i - 1 });
      i--;
    }
  }
  return moves.reverse();
}

/**
 * The order-keeping alignment opens a second column when someone does a step at another point
 * (the storyline before the themes rather than after). Columns that no variant shares and that
 * are very alike are joined, the larger one keeping its place; the cells that moved are flagged.
 */
function joinReordered(columns: Member[][]): Member[][] {
  if (columns.length > 300) return columns;
  const cols = columns.map((c) => [...c]);
  for (;;) {
    let best: { i: number; j: number; sim: number } | null = null;
    for (let i = 0; i < cols.length; i++) {
      const vi = new Set(cols[i]!.map((m) => m.variant));
      for (let j = i + 1; j < cols.length; j++) {
        if (cols[j]!.some((m) => vi.has(m.variant))) continue;
        let sim = 0;
        for (const a of cols[i]!) for (const b of cols[j]!) sim = Math.max(sim, stepSimilarity(a.sig, b.sig));
        if (sim >= REORDER_THRESHOLD && (!best || sim > best.sim)) best = { i, j, sim };
      }
    }
    if (!best) return cols;
    const [keep, drop] = cols[best.j]!.length > cols[best.i]!.length ? [best.j, best.i] : [best.i, best.j];
    cols[keep] = [...cols[keep]!, ...cols[drop]!];
    cols.splice(drop, 1);
  }
}

/**
 * For each variant, the steps that sit out of their own order in the columns: those outside the
 * longest run of its steps whose column order agrees with its step order (the fewest to flag).
 */
function outOfOrderSteps(columns: Member[][], variantCount: number): Set<number>[] {
  const sequences: number[][] = Array.from({ length: variantCount }, () => []);
  for (const col of columns) for (const m of col) sequences[m.variant]!.push(m.stepIndex);
  return sequences.map((seq) => {
    // Longest increasing subsequence, O(n²): a variant has few steps.
    const best = seq.map(() => 1);
    const prev = seq.map(() => -1);
    for (let i = 0; i < seq.length; i++) {
      for (let j = 0; j < i; j++) {
        if (seq[j]! < seq[i]! && best[j]! + 1 > best[i]!) {
          best[i] = best[j]! + 1;
          prev[i] = j;
        }
      }
    }
    let end = best.indexOf(Math.max(0, ...best));
    const keep = new Set<number>();
    while (end >= 0) {
      keep.add(seq[end]!);
      end = prev[end]!;
    }
    return new Set(seq.filter((x) => !keep.has(x)));
  });
}

function mostCommon(values: readonly string[]): string[] {
  const counts = new Map<string, { text: string; n: number; first: number }>();
  values.forEach((v, idx) => {
    const key = v.trim().toLowerCase();
    if (!key) return;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { text: v.trim(), n: 1, first: idx });
  });
  return [...counts.values()].sort((a, b) => b.n - a.n || a.first - b.first).map((c) => c.text);
}

export function compareVariants(variants: readonly Variant[]): Comparison {
  const sigs = variants.map((v) => v.steps.map((s) => signature(s)));
  // Seed with the most detailed variant; ties keep the given order.
  const order = variants
    .map((v, i) => ({ i, n: v.steps.length }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((x) => x.i);
  let columns: Member[][] = [];
  for (const vi of order) {
    const steps = sigs[vi]!;
    if (columns.length === 0) {
      columns = steps.map((sig, stepIndex) => [{ variant: vi, stepIndex, sig }]);
      continue;
    }
    const next: Member[][] = [];
    for (const mv of alignOne(steps, columns)) {
      if (mv.move === 'match') {
        next.push([...columns[mv.column!]!, { variant: vi, stepIndex: mv.step!, sig: steps[mv.step!]! }]);
      } else if (mv.move === 'column') {
        next.push(columns[mv.column!]!);
      } else {
        next.push([{ variant: vi, stepIndex: mv.step!, sig: steps[mv.step!]! }]);
      }
    }
    columns = next;
  }

  columns = joinReordered(columns);
  const moved = outOfOrderSteps(columns, variants.length);
  const out: ComparisonColumn[] = columns.map((members, index) => {
    const cells: (AlignedCell | null)[] = variants.map(() => null);
    for (const m of members) {
      cells[m.variant] = {
        stepIndex: m.stepIndex,
        step: variants[m.variant]!.steps[m.stepIndex]!,
        outOfOrder: moved[m.variant]!.has(m.stepIndex),
      };
    }
    const present = cells.filter((c): c is AlignedCell => c !== null);
    // Label: the name most people use; ties go to the variant listed first.
    const label = mostCommon(present.map((c) => c.step.name))[0] ?? '';
    return {
      index,
      label,
      cells,
      count: present.length,
      onlySome: present.length < variants.length,
      minutes: spreadOf(present.map((c) => c.step.minutes)) ?? { min: 0, median: 0, max: 0 },
      tools: mostCommon(present.map((c) => c.step.tool)),
      outputs: mostCommon(present.flatMap((c) => c.step.outputs)),
    };
  });

  const compared: ComparedVariant[] = variants.map((v) => ({
    id: v.id,
    personName: v.personName,
    memberId: v.memberId,
    label: v.label,
    status: v.status,
    totalMinutes: v.steps.reduce((s, x) => s + x.minutes, 0),
    stepCount: v.steps.length,
  }));
  return {
    variants: compared,
    columns: out,
    spread: spreadOf(compared.map((v) => v.totalMinutes)),
    sharedSteps: out.filter((c) => !c.onlySome).length,
    partialSteps: out.filter((c) => c.onlySome).length,
  };
}
