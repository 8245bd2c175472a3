import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { money } from '../../platform/money.ts';
import { baseTask, MEMBERS, usd } from './fixtures.test-helpers.ts';
import {
  compareOutTaskVsOutsource,
  type OutsourcingOffer,
  outsourcingCheaperIntervals,
} from './outsource.ts';

// 100 reports a year, $50 each on a marketplace (+5% fee = $52.50 a unit), 6 review minutes a report
// at the analyst's $60/h = $6 a unit.
const task = baseTask({
  name: 'Monthly client report',
  frequency: { kind: 'per_year', occurrencesPerYear: 100 },
  minutesPerOccurrence: 60,
  deliverableUnit: 'report',
  unitsPerOccurrence: 1,
  marketPricePerUnit: usd(50),
  reviewMinutesPerOccurrence: 6,
});
const ctx = { members: MEMBERS };

// $2,400 over 24 months = $1,200 a year; band 80–120 units at $30; $45 beyond.
const offer: OutsourcingOffer = {
  provider: 'Acme BPO',
  upfrontInvestment: usd(2400),
  minimumTermMonths: 24,
  unitPrice: usd(30),
  committedUnitsPerYear: { min: 80, max: 120 },
  overageUnitPrice: usd(45),
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return undefined;
}

describe('compareOutTaskVsOutsource — worked example', () => {
  const c = compareOutTaskVsOutsource(task, offer, undefined, ctx);
  const [low, expected, high] = c.scenarios;

  it('costs out-tasking per unit in each default scenario', () => {
    expect(c.scenarios.map((s) => [s.label, s.unitsPerYear])).toEqual([
      ['−50%', 50],
      ['expected', 100],
      ['+50%', 150],
    ]);
    // 50 × $50 = $2,500 + $125 fee + $300 review
    expect(low!.outTask).toMatchObject({
      marketplaceSpend: usd(2500),
      platformFee: usd(125),
      review: usd(300),
    });
    expect(low!.outTask.annualCost).toEqual(usd(2925));
    expect(expected!.outTask.annualCost).toEqual(usd(5850));
    expect(high!.outTask.annualCost).toEqual(usd(8775));
    expect(expected!.outTask.overTerm).toEqual(usd(11_700));
  });

  it('bills the outsourcing minimum when volume falls below the band', () => {
    // $1,200 amortised + 80 × $30 committed + nothing within the band + $300 review
    expect(low!.outsource).toMatchObject({
      amortisedInvestment: usd(1200),
      committedMinimum: usd(2400),
      withinBand: usd(0),
      overage: usd(0),
      shortfallUnits: 30,
      annualCost: usd(3900),
    });
    expect(low!.outsource.explanation).toContain('30 reports billed but not needed');
    expect(low!.cheaper).toBe('out-task');
    expect(low!.annualDifference).toEqual(usd(975));
  });

  it('prices units inside the band and beyond it', () => {
    // expected: $1,200 + $2,400 + 20 × $30 + $600 review = $4,800
    expect(expected!.outsource.withinBand).toEqual(usd(600));
    expect(expected!.outsource.annualCost).toEqual(usd(4800));
    expect(expected!.outsource.overTerm).toEqual(usd(9600));
    expect(expected!.cheaper).toBe('outsource');
    // +50%: $1,200 + $2,400 + 40 × $30 + 30 × $45 + $900 = $7,050
    expect(high!.outsource).toMatchObject({ withinBand: usd(1200), overage: usd(1350), overageUnits: 30 });
    expect(high!.outsource.annualCost).toEqual(usd(7050));
    expect(high!.sentence).toBe(
      '+50% (150 reports a year): outsourcing is cheaper by $1,725.00 a year ($3,450.00 over the 24-month term).',
    );
  });

  it('finds the break-even volume: ($1,200 + $2,400) ÷ $52.50 = 68.6 reports', () => {
    expect(c.breakEven.unitsPerYear).toEqual([68.6]);
    expect(c.breakEven.outsourcingCheaper).toEqual([{ fromUnitsPerYear: 68.6, toUnitsPerYear: null }]);
  });

  it('recommends outsourcing with care, saying where it loses', () => {
    expect(c.recommendation.choice).toBe('outsource');
    expect(c.recommendation.reason).toBe(
      'Outsource, with care: cheaper in 2 of 3 scenarios, saving $1,050.00 a year at the expected volume, ' +
        'but not at −50% volume, where the 24-month commitment still bills its minimum; ' +
        'out-tasking only wins below 69 reports/year.',
    );
  });
});

describe('compareOutTaskVsOutsource — recommendations', () => {
  it('recommends out-tasking when it is cheaper in every scenario, naming the break-even', () => {
    // $12,000 over 12 months; from 100 units at $48: D = 12,000 − 4.5 V → break-even 2,666.7 units.
    const c = compareOutTaskVsOutsource(
      task,
      {
        upfrontInvestment: usd(12_000),
        minimumTermMonths: 12,
        unitPrice: usd(48),
        committedUnitsPerYear: { min: 100, max: null },
      },
      undefined,
      ctx,
    );
    expect(c.scenarios.every((s) => s.cheaper === 'out-task')).toBe(true);
    expect(c.breakEven.unitsPerYear).toEqual([2666.7]);
    expect(c.recommendation).toEqual({
      choice: 'out-task',
      reason:
        'Out-task: cheaper in all 3 scenarios and carries no commitment; outsourcing only wins above 2,667 reports/year.',
    });
  });

  it('recommends outsourcing outright when it wins everywhere', () => {
    const c = compareOutTaskVsOutsource(
      task,
      {
        upfrontInvestment: usd(0),
        minimumTermMonths: 12,
        unitPrice: usd(20),
        committedUnitsPerYear: { min: 0, max: null },
      },
      undefined,
      ctx,
    );
    expect(c.recommendation.choice).toBe('outsource');
    expect(c.recommendation.reason).toMatch(
      /^Outsource: cheaper in all 3 scenarios, saving \$3,250\.00 a year/,
    );
    expect(c.recommendation.reason).toMatch(/out-tasking never wins at these prices\.$/);
  });

  it('finds a closed interval when overage is dearer than the marketplace', () => {
    // In the band (0–100) $20 < $52.50; beyond it $80: D = −6,000 + 27.5 V → 218.2 units.
    const c = compareOutTaskVsOutsource(
      task,
      {
        upfrontInvestment: usd(0),
        minimumTermMonths: 12,
        unitPrice: usd(20),
        committedUnitsPerYear: { min: 0, max: 100 },
        overageUnitPrice: usd(80),
      },
      [
        { label: 'pilot', unitsPerYear: 10 },
        { label: 'boom', unitsPerYear: 400 },
      ],
      ctx,
    );
    expect(c.breakEven.outsourcingCheaper).toEqual([{ fromUnitsPerYear: 0, toUnitsPerYear: 218.2 }]);
    expect(c.scenarios.map((s) => s.cheaper)).toEqual(['outsource', 'out-task']);
    expect(c.scenarios[0]!.volumeFactor).toBeNull();
    // one each: a tie goes to out-tasking, which carries no commitment
    expect(c.recommendation.choice).toBe('out-task');
    expect(c.recommendation.reason).toBe(
      'Out-task: cheaper in 1 of 2 scenarios and carries no commitment; outsourcing only wins below 218 reports/year.',
    );
  });
});

describe('compareOutTaskVsOutsource — refusals', () => {
  it('needs a market price', () => {
    expect(
      codeOf(() => compareOutTaskVsOutsource(baseTask({ marketPricePerUnit: null }), offer, undefined, ctx)),
    ).toBe('VALIDATION_FAILED');
  });
  it('refuses an offer in another currency', () => {
    expect(
      codeOf(() =>
        compareOutTaskVsOutsource(task, { ...offer, unitPrice: money(3000, 'EUR') }, undefined, ctx),
      ),
    ).toBe('CURRENCY_MISMATCH');
  });
  it('refuses a bad term, band or scenario', () => {
    expect(
      codeOf(() => compareOutTaskVsOutsource(task, { ...offer, minimumTermMonths: 0 }, undefined, ctx)),
    ).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() =>
        compareOutTaskVsOutsource(
          task,
          { ...offer, committedUnitsPerYear: { min: 200, max: 100 } },
          undefined,
          ctx,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() => compareOutTaskVsOutsource(task, offer, [{ label: 'x', volumeFactor: -1 }], ctx)),
    ).toBe('VALIDATION_FAILED');
    expect(codeOf(() => compareOutTaskVsOutsource(task, offer, [], ctx))).toBe('VALIDATION_FAILED');
  });
});

describe('break-even intervals agree with the scenario costs', () => {
  const offerArb = fc.record({
    investment: fc.integer({ min: 0, max: 50_000 }),
    term: fc.integer({ min: 1, max: 60 }),
    unitPrice: fc.integer({ min: 0, max: 120 }),
    overagePrice: fc.integer({ min: 0, max: 200 }),
    min: fc.integer({ min: 0, max: 300 }),
    width: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
  });

  it('a volume is inside an outsourcing-cheaper interval exactly when outsourcing costs less there', () => {
    fc.assert(
      fc.property(offerArb, fc.integer({ min: 0, max: 1000 }), (o, volume) => {
        const max = o.width === null ? null : o.min + o.width;
        const c = compareOutTaskVsOutsource(
          task,
          {
            upfrontInvestment: usd(o.investment),
            minimumTermMonths: o.term,
            unitPrice: usd(o.unitPrice),
            overageUnitPrice: usd(o.overagePrice),
            committedUnitsPerYear: { min: o.min, max },
          },
          [{ label: 'v', unitsPerYear: volume }],
          ctx,
        );
        const s = c.scenarios[0]!;
        const nearBoundary = c.breakEven.unitsPerYear.some((b) => Math.abs(b - volume) <= 0.1);
        if (nearBoundary || Math.abs(s.annualDifference.amountMinor) <= 5) return;
        const inside = c.breakEven.outsourcingCheaper.some(
          (i) => volume > i.fromUnitsPerYear && (i.toUnitsPerYear === null || volume < i.toUnitsPerYear),
        );
        expect(inside).toBe(s.cheaper === 'outsource');
      }),
      { numRuns: 500 },
    );
  });

  it('the intervals are sorted, disjoint and within the positive volumes', () => {
    fc.assert(
      fc.property(offerArb, fc.integer({ min: 1, max: 20_000 }), (o, m) => {
        const list = outsourcingCheaperIntervals({
          amortisedInvestmentPerYear: o.investment * 100,
          unitPrice: o.unitPrice * 100,
          overageUnitPrice: o.overagePrice * 100,
          min: o.min,
          max: o.width === null ? null : o.min + o.width,
          outTaskUnitCost: m,
        });
        let last = -1;
        for (const i of list) {
          expect(i.fromUnitsPerYear).toBeGreaterThanOrEqual(0);
          expect(i.fromUnitsPerYear).toBeGreaterThan(last);
          if (i.toUnitsPerYear !== null) expect(i.toUnitsPerYear).toBeGreaterThan(i.fromUnitsPerYear);
          last = i.toUnitsPerYear ?? Number.POSITIVE_INFINITY;
        }
      }),
    );
  });
});
