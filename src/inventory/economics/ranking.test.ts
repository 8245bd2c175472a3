import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Task } from '../inventory.ts';
import { baseTask, FOUNDER, MEMBERS, measurement, usd } from './fixtures.test-helpers.ts';
import { RANKING_ORDER_TEXT, rankOpportunities } from './ranking.ts';

// Four tasks whose economics are worked out by hand:
// big:    founder, 20 × 120 min × $400 = $16,000 in-house; 20 × 10 units × $20 = $4,000 + fee $200
//         + review 18 min × 20 = 6 h × $400 = $2,400 → $6,600; saving $9,400.
// small:  the base task: $900 in-house, $345 out-tasked, saving $555.
// loss:   analyst 10 × 10 min × $60 = $100 in-house; 10 × 4 × $5 = $200 + $10 + review $15 → $225; saving −$125.
// noPrice: no market price.
const big = baseTask({
  id: 't-big',
  name: 'Big deck',
  performerId: FOUNDER.id,
  frequency: { kind: 'per_year', occurrencesPerYear: 20 },
  minutesPerOccurrence: 120,
  unitsPerOccurrence: 10,
  marketPricePerUnit: usd(20),
});
const small = baseTask({ id: 't-small', name: 'Small charts' });
const loss = baseTask({ id: 't-loss', name: 'Quick fix', minutesPerOccurrence: 10 });
const noPrice = baseTask({ id: 't-none', name: 'Client workshop', marketPricePerUnit: null });
const TASKS: Task[] = [noPrice, loss, small, big];

describe('rankOpportunities', () => {
  const r = rankOpportunities(TASKS, MEMBERS, undefined, {}, { topN: 1 });

  it('orders savings by expected value, then losses, then tasks that cannot be out-tasked', () => {
    expect(r.opportunities.map((o) => [o.rank, o.taskName, o.group])).toEqual([
      [1, 'Big deck', 'saving'],
      [2, 'Small charts', 'saving'],
      [3, 'Quick fix', 'loss'],
      [4, 'Client workshop', 'not_out_taskable'],
    ]);
    const first = r.opportunities[0]!;
    expect(first.annualSaving).toEqual(usd(9400));
    expect(first.expectedValue).toEqual(usd((9400 * first.score) / 100));
    expect(first.founderHoursFreed).toBe(34); // 40 h − 6 h of review
    expect(r.opportunities[2]!.annualSaving).toEqual(usd(-125));
    expect(r.opportunities[3]!.notOutTaskableReason).toMatch(/No market price/);
    expect(r.ordering).toBe(RANKING_ORDER_TEXT);
  });

  it('totals the workspace: in-house cost, positive savings, founder hours of the top N', () => {
    expect(r.totals).toEqual({
      taskCount: 4,
      outTaskableCount: 3,
      inHouseAnnualCost: usd(16_000 + 900 + 100 + 900),
      savingAvailable: usd(9400 + 555),
      topN: 1,
      topNSaving: usd(9400),
      founderHoursFreedTopN: 34,
      hoursFreedTopN: 34,
    });
  });

  it('breaks ties in expected value by score, then by name', () => {
    const a = baseTask({ id: 't-a', name: 'Alpha' });
    const b = baseTask({ id: 't-b', name: 'Bravo' });
    const c = baseTask({ id: 't-c', name: 'Charlie', knownVariants: 1 });
    const r2 = rankOpportunities([b, a, c], MEMBERS);
    expect(r2.opportunities.map((o) => o.taskName)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    // Same saving, lower score (more variants) → lower expected value → later.
    const d = baseTask({ id: 't-d', name: 'Aardvark', knownVariants: 9 });
    expect(rankOpportunities([d, b], MEMBERS).opportunities.map((o) => o.taskName)).toEqual([
      'Bravo',
      'Aardvark',
    ]);
  });

  it('takes measurements from a Map or a plain object', () => {
    const m = [measurement({ minutes: 6000, cost: usd(6000) })];
    const viaMap = rankOpportunities([small], MEMBERS, new Map([[small.id, m]]));
    const viaRecord = rankOpportunities([small], MEMBERS, { [small.id]: m });
    expect(viaMap.opportunities[0]!.inHouseAnnualCost).toEqual(usd(6000));
    expect(viaRecord.opportunities[0]!.inHouseAnnualCost).toEqual(usd(6000));
    expect(viaMap.opportunities[0]!.economics.inHouse.basis).toBe('measured');
  });

  it('an empty inventory ranks nothing and totals zero', () => {
    const empty = rankOpportunities([], MEMBERS);
    expect(empty.opportunities).toEqual([]);
    expect(empty.totals.inHouseAnnualCost).toEqual(usd(0));
    expect(empty.totals.topN).toBe(10);
  });

  it('gives the same ranking whatever order the tasks arrive in', () => {
    const expected = r.opportunities.map((o) => o.taskId);
    fc.assert(
      fc.property(fc.shuffledSubarray(TASKS, { minLength: TASKS.length }), (shuffled) => {
        const again = rankOpportunities(shuffled, MEMBERS, undefined, {}, { topN: 1 });
        expect(again.opportunities.map((o) => o.taskId)).toEqual(expected);
      }),
    );
  });
});
