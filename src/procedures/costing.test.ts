import { describe, expect, it } from 'vitest';
import { type CostContext, procedureEconomics, standardCostOf } from './costing.ts';
import { analysts, app, designer, elena, step } from './test-steps.test-helpers.ts';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
const ctx: CostContext = {
  currency: 'USD',
  members: [
    { id: 'm-elena', name: 'Elena', role: 'founder', hourlyCost: usd(42_000) },
    { id: 'm-aiko', name: 'Aiko', role: 'analyst', hourlyCost: usd(8_000) },
    { id: 'm-liam', name: 'Liam', role: 'analyst', hourlyCost: usd(7_000) },
  ],
  task: { marketPricePerUnit: usd(1_100), unitsPerOccurrence: 40, deliverableUnit: 'slide' },
  occurrencesPerYear: 8,
  platformFeeBps: 500,
};

describe('before/after cost of a procedure', () => {
  it('costs member steps at their rate and role steps at the role’s average rate', () => {
    const e = procedureEconomics(
      [
        step('Read notes', { performer: elena, minutes: 90 }),
        step('Code answers', { performer: analysts, minutes: 120 }),
      ],
      ctx,
    );
    expect(e.steps[0]!.cost).toEqual(usd(63_000)); // 1.5 h × $420
    expect(e.steps[1]!.cost).toEqual(usd(15_000)); // 2 h × ($80 + $70) / 2
    expect(e.steps[1]!.basis).toMatch(/average analyst rate \$75\.00\/h \(2 members\)/);
    expect(e.before.perOccurrence).toEqual(usd(78_000));
    expect(e.before.perYear).toEqual(usd(624_000));
  });

  it('pays the out-tasker once per occurrence at the market price plus fee, shared by minutes; automation costs nothing', () => {
    const e = procedureEconomics(
      [
        step('Transcribe', { performer: app, minutes: 0 }),
        step('Build slides', { performer: designer, minutes: 300 }),
        step('Format slides', { performer: designer, minutes: 100 }),
      ],
      ctx,
    );
    // 40 slides × $11 × 1.05 = $462 per occurrence.
    expect(e.before.perOccurrence).toEqual(usd(46_200));
    expect(e.steps.map((s) => s.cost?.amountMinor)).toEqual([0, 34_650, 11_550]);
    expect(e.notes.join(' ')).toMatch(/fixed cost/);
  });

  it('leaves waste out of "after" and reports the saving per occurrence and per year', () => {
    const e = procedureEconomics(
      [
        step('Collect', { performer: elena, minutes: 30 }),
        step('Type up notes', { performer: elena, minutes: 120, waste: { reason: 'recorded' } }),
        step('Build slides', { performer: designer, minutes: 300 }),
      ],
      ctx,
    );
    expect(e.before.minutes).toBe(450);
    expect(e.after.minutes).toBe(330);
    expect(e.saving.minutesPerOccurrence).toBe(120);
    expect(e.saving.perOccurrence).toEqual(usd(84_000));
    expect(e.saving.perYear).toEqual(usd(672_000));
    expect(e.saving.hoursPerYear).toBe(16);
  });

  it('says which steps it cannot cost instead of guessing', () => {
    const e = procedureEconomics(
      [
        step('Build slides', { performer: designer, minutes: 60 }),
        step('Someone gone', { performer: { kind: 'member', ref: 'm-gone', name: 'Gone' }, minutes: 60 }),
      ],
      { ...ctx, task: { ...ctx.task, marketPricePerUnit: null } },
    );
    expect(e.before.uncosted).toEqual(['Build slides', 'Someone gone']);
    expect(e.before.perOccurrence).toEqual(usd(0));
  });

  it("gives the approved version as the task's current cost: kept steps a year, the firm's hours by person, steps by who does them", () => {
    const steps = [
      step('Read notes', { performer: elena, minutes: 90 }),
      step('Code answers', { performer: analysts, minutes: 120 }),
      step('Type up notes', { performer: elena, minutes: 60, waste: { reason: 'recorded' } }),
      step('Transcribe', { performer: app, minutes: 0 }),
    ];
    const s = standardCostOf({ number: 3, steps }, ctx);
    // Same figure as the version's "after" total: one cost wherever it shows.
    expect(s.annualCost).toEqual(procedureEconomics(steps, ctx).after.perYear);
    expect(s.annualCost).toEqual(usd(624_000)); // (1.5 h × $420 + 2 h × $75) × 8
    expect(s.versionNumber).toBe(3);
    expect(s.steps).toEqual({ inHouse: 2, automated: 1, outTasked: 0, uncosted: [] });
    expect(s.byMember).toEqual([
      { memberId: 'm-elena', memberName: 'Elena', hours: 12, cost: usd(504_000) },
      { memberId: null, memberName: 'Analyst', hours: 16, cost: usd(120_000) },
    ]);
    expect(s.annualHours).toBe(28);
    expect(s.formula).toMatch(/3 kept steps \(2 in-house, 1 automated\)/);
  });

  it('counts a procedure done by software alone as automated, with no cost and no hours', () => {
    const s = standardCostOf({ number: 1, steps: [step('Transcribe', { performer: app, minutes: 5 })] }, ctx);
    expect(s).toMatchObject({ annualCost: usd(0), annualHours: 0, byMember: [] });
    expect(s.steps).toEqual({ inHouse: 0, automated: 1, outTasked: 0, uncosted: [] });
  });
});
