/**
 * Themes of a split question, made consistent with the split. A theme whose members mostly take a
 * stance ("we should move much faster", "we should slow down first") states a side; it may only
 * count the interviewees on that side, or the deck would say "21 of 24 want to move faster" next to
 * a split of 15 against 8. So the stance-taking themes give way to one theme per side: the side's
 * interviewees, with the units in which they argue their side (and those of the stance themes they
 * were in). Themes about something else (where to start, what to measure) stay as they are.
 */
import type { Sentence } from './corpus.ts';
import { stanceCuesOfTokens } from './stance.ts';
import type { Unit } from './units.ts';

export interface ReconcileOptions {
  /** A theme states a side when at least this share of its interviewees take a stance in it (default 0.5). */
  minStanceShare?: number;
}

/**
 * Net stance of a unit: +1 go ahead, −1 hold back, 0 none (sentence stances clipped to ±2, summed).
 * A unit that is one point of a sentence takes the stance of its sentence: the cues and the point
 * they qualify are usually said together.
 */
export function unitStance(unit: Unit, sentences: readonly Sentence[][]): -1 | 0 | 1 {
  let net = 0;
  for (const s of unit.sentences) {
    const v = stanceCuesOfTokens(sentences[unit.interview]![s]!.tokens).reduce((a, c) => a + c.polarity, 0);
    net += Math.max(-2, Math.min(2, v));
  }
  return net > 0 ? 1 : net < 0 ? -1 : 0;
}

/**
 * The theme groups (unit indices) of a split question, consistent with its sides
 * ([go ahead, hold back] interview indices): at most one theme per side, holding only that side's
 * interviewees, and the question's other themes unchanged. Groups below `minSupport` interviews go.
 */
export function reconcileWithSplit(
  groups: readonly (readonly number[])[],
  units: readonly Unit[],
  sides: readonly [readonly number[], readonly number[]],
  sentences: readonly Sentence[][],
  minSupport: number,
  opts: ReconcileOptions = {},
): number[][] {
  const minShare = opts.minStanceShare ?? 0.5;
  const sideOf = new Map<number, 0 | 1>();
  for (const i of sides[0]) sideOf.set(i, 0);
  for (const i of sides[1]) sideOf.set(i, 1);
  const stance = units.map((u) => unitStance(u, sentences));
  const kept: number[][] = [];
  const sideUnits: Set<number>[] = [new Set(), new Set()];
  for (const g of groups) {
    const net = new Map<number, number>();
    for (const ui of g) net.set(units[ui]!.interview, (net.get(units[ui]!.interview) ?? 0) + stance[ui]!);
    let taking = 0;
    for (const v of net.values()) if (v !== 0) taking++;
    if (taking < minShare * net.size) {
      kept.push(g.slice());
      continue;
    }
    // A stance theme: each of its interviewees' units go to that interviewee's side, if any.
    for (const ui of g) {
      const side = sideOf.get(units[ui]!.interview);
      if (side !== undefined) sideUnits[side]!.add(ui);
    }
  }
  // Each side also gathers the units in which its interviewees argue for it.
  units.forEach((u, ui) => {
    const side = sideOf.get(u.interview);
    if (side !== undefined && stance[ui] === (side === 0 ? 1 : -1)) sideUnits[side]!.add(ui);
  });
  const out = [...sideUnits.map((set) => [...set].sort((a, b) => a - b)), ...kept];
  return out.filter((g) => new Set(g.map((ui) => units[ui]!.interview)).size >= minSupport);
}
