/**
 * From many ways to one: the first draft of a standard procedure, taken from one variant or merged
 * from several through their comparison. Pure.
 */
import { type Comparison, type ComparisonColumn, compareVariants } from './compare.ts';
import type { Performer, StepDraft, Variant } from './procedures.ts';

export interface StandardPlan {
  steps: StepDraft[];
  /** Why the draft looks as it does: which steps were kept and left out. */
  changeNote: string;
  keptColumns: number[];
  leftOutColumns: number[];
}

/** By default a step enters the standard when at least half of the chosen variants do it. */
export function defaultColumns(c: Comparison): number[] {
  return c.columns.filter((col) => col.count * 2 >= c.variants.length).map((col) => col.index);
}

function mostCommon(values: readonly string[], limit: number): string[] {
  const counts = new Map<string, { text: string; n: number; first: number }>();
  values.forEach((v, i) => {
    const key = v.trim().toLowerCase();
    if (!key) return;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { text: v.trim(), n: 1, first: i });
  });
  return [...counts.values()]
    .sort((a, b) => b.n - a.n || a.first - b.first)
    .slice(0, limit)
    .map((c) => c.text);
}

function stepFromColumn(col: ComparisonColumn, performer: Performer): StepDraft {
  const cells = col.cells.filter((c) => c !== null);
  return {
    name: col.label,
    description: '',
    performer,
    inputs: mostCommon(
      cells.flatMap((c) => c.step.inputs),
      4,
    ),
    outputs: mostCommon(
      cells.flatMap((c) => c.step.outputs),
      4,
    ),
    tool: col.tools[0] ?? '',
    minutes: Math.round(col.minutes.median),
    acceptanceCriteria: [],
    waste: null,
  };
}

/** The performer of a variant's steps: the person, when they are a member; else the fallback. */
export function variantPerformer(v: Variant, fallback: Performer): Performer {
  return v.memberId ? { kind: 'member', ref: v.memberId, name: v.personName } : fallback;
}

/**
 * A draft from the chosen variants. With one variant its steps are taken as they are; with several,
 * the columns of their comparison (the given ones, or those at least half of them do) in order.
 */
export function planStandard(
  variants: readonly Variant[],
  opts: { columns?: readonly number[]; performer: Performer },
): StandardPlan {
  if (variants.length === 1) {
    const v = variants[0]!;
    const performer = variantPerformer(v, opts.performer);
    return {
      steps: v.steps.map((s) => ({
        name: s.name,
        description: '',
        performer,
        inputs: s.inputs,
        outputs: s.outputs,
        tool: s.tool,
        minutes: s.minutes,
        acceptanceCriteria: [],
        waste: null,
      })),
      changeNote: `Taken from ${v.personName}'s way${v.label ? ` (${v.label})` : ''}.`,
      keptColumns: v.steps.map((_, i) => i),
      leftOutColumns: [],
    };
  }
  const comparison = compareVariants(variants);
  const chosen = new Set(opts.columns ?? defaultColumns(comparison));
  const kept = comparison.columns.filter((c) => chosen.has(c.index));
  const left = comparison.columns.filter((c) => !chosen.has(c.index));
  // When every chosen variant is one person's, their steps are theirs; else the task's performer.
  const people = new Set(variants.map((v) => v.memberId ?? `name:${v.personName}`));
  const performer = people.size === 1 ? variantPerformer(variants[0]!, opts.performer) : opts.performer;
  const leftNames = left.map((c) => `"${c.label}" (${c.count} of ${variants.length})`);
  return {
    steps: kept.map((c) => stepFromColumn(c, performer)),
    changeNote:
      `Merged from ${variants.length} ways of working: ${kept.length} steps kept` +
      (left.length ? `, ${left.length} left out: ${leftNames.join(', ')}.` : '.'),
    keptColumns: kept.map((c) => c.index),
    leftOutColumns: left.map((c) => c.index),
  };
}
