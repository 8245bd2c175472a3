import { describe, expect, it } from 'vitest';
import type { Money } from '../platform/money.ts';
import { compareBids, type TaskBasis } from './comparison.ts';
import { convert, rateOn } from './fx.ts';
import type { Bid, FxRate } from './outtaskers.ts';

const usd = (cents: number): Money => ({ amountMinor: cents, currency: 'USD' });

function aBid(over: Partial<Bid> & Pick<Bid, 'id' | 'unitPrice'>): Bid {
  return {
    taskId: 'task-1',
    postId: null,
    outtaskerId: `o-${over.id}`,
    outtaskerName: `Designer ${over.id}`,
    marketplace: 'upwork',
    source: 'manual',
    externalId: null,
    unit: 'slide',
    turnaroundHours: 24,
    message: '',
    status: 'open',
    submittedAt: '2026-11-20T10:00:00.000Z',
    decidedAt: null,
    ...over,
  };
}

// The deck of the issue: 320 slides a year, $96,000 in-house; out-tasked = slides × price + 10% fee + $4,000 review.
const basis: TaskBasis = {
  taskId: 'task-1',
  taskName: 'Build the summary deck',
  unit: 'slide',
  slaHours: 24,
  annualUnits: 320,
  inHouseAnnualCost: usd(9_600_000),
  inHouseExplanation: 'In-house, estimated',
  inHouseKnown: true,
  costAt: (price) => {
    const spend = price.amountMinor * 320;
    const annualCost = usd(Math.round(spend * 1.1) + 400_000);
    return {
      annualCost,
      annualUnits: 320,
      annualSaving: usd(9_600_000 - annualCost.amountMinor),
      explanation: `320 × ${price.amountMinor}`,
    };
  },
};

const rates: FxRate[] = [
  { id: 'r1', currency: 'EUR', baseCurrency: 'USD', rate: 1.1, effectiveOn: '2026-10-01' },
  { id: 'r2', currency: 'EUR', baseCurrency: 'USD', rate: 1.2, effectiveOn: '2026-11-15' },
  { id: 'r3', currency: 'EUR', baseCurrency: 'USD', rate: 1.3, effectiveOn: '2026-12-01' },
];

describe('exchange rates', () => {
  it('use the latest rate in force on the day, and say which one to enter when there is none', () => {
    expect(rateOn(rates, 'EUR', 'USD', '2026-11-20')?.rate).toBe(1.2);
    expect(rateOn(rates, 'EUR', 'USD', '2026-11-15')?.rate).toBe(1.2);
    expect(rateOn(rates, 'EUR', 'USD', '2026-09-30')).toBeUndefined();
    expect(convert({ amountMinor: 950, currency: 'EUR' }, 'USD', '2026-11-20', rates)).toEqual({
      ok: true,
      value: {
        amount: usd(1140),
        rate: { rate: 1.2, effectiveOn: '2026-11-15', currency: 'EUR', baseCurrency: 'USD' },
      },
    });
    expect(convert({ amountMinor: 950, currency: 'GBP' }, 'USD', '2026-11-20', rates)).toEqual({
      ok: false,
      problem: 'No exchange rate from GBP to USD on or before 2026-11-20: enter one under exchange rates',
    });
  });

  it('convert between currencies with different minor units', () => {
    const jpy: FxRate[] = [
      { id: 'j', currency: 'JPY', baseCurrency: 'USD', rate: 0.0067, effectiveOn: '2026-01-01' },
    ];
    // ¥1,500 × 0.0067 = $10.05
    expect(convert({ amountMinor: 1500, currency: 'JPY' }, 'USD', '2026-06-01', jpy)).toMatchObject({
      ok: true,
      value: { amount: usd(1005) },
    });
  });
});

describe('bid comparison', () => {
  it("ranks bids within the SLA by cost a year in the firm's currency, then the late ones; explains what it cannot compare", () => {
    const result = compareBids(
      basis,
      [
        aBid({ id: 'a', unitPrice: usd(1100) }),
        aBid({ id: 'b', unitPrice: { amountMinor: 800, currency: 'EUR' } }), // $9.60 at 1.2
        aBid({ id: 'c', unitPrice: usd(700), turnaroundHours: 48 }), // cheapest, but late
        aBid({ id: 'd', unitPrice: { amountMinor: 500, currency: 'GBP' } }), // no rate
        aBid({ id: 'e', unitPrice: usd(300), unit: 'page' }), // another unit
      ],
      {
        currency: 'USD',
        rates,
        records: new Map([
          [
            'o-a',
            {
              orders: 4,
              judged: 4,
              late: 1,
              onTimeShare: 0.75,
              acceptanceShare: 0.5,
              revisionsPerOrder: 0.5,
            },
          ],
        ]),
      },
    );
    expect(result.rows.map((r) => [r.bid.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
      ['d', null],
      ['e', null],
    ]);
    const [b, a, c, d, e] = result.rows;
    expect(b!.unitPriceFirm).toEqual(usd(960));
    expect(b!.fx).toMatchObject({ rate: 1.2, effectiveOn: '2026-11-15' });
    // 320 × $9.60 = $3,072, + 10% = $3,379.20, + $4,000 review = $7,379.20; saving $96,000 − that.
    expect(b!.expectedAnnualCost).toEqual(usd(737_920));
    expect(b!.annualSaving).toEqual(usd(9_600_000 - 737_920));
    expect(a!.record).toEqual({
      orders: 4,
      judged: 4,
      late: 1,
      onTimeShare: 0.75,
      acceptanceShare: 0.5,
      revisionsPerOrder: 0.5,
    });
    expect(b!.record).toBeNull();
    expect(c!).toMatchObject({ withinSla: false, hoursOverSla: 24 });
    expect(d!.problem).toMatch(/No exchange rate from GBP to USD/);
    expect(e!.problem).toBe(
      'Priced per page, the task is priced per slide: enter the bid per slide to compare it',
    );
  });

  it('gives no saving when the in-house cost is unknown, but still the cost a year', () => {
    const result = compareBids({ ...basis, inHouseKnown: false }, [aBid({ id: 'a', unitPrice: usd(1100) })], {
      currency: 'USD',
      rates: [],
      records: new Map(),
    });
    expect(result.rows[0]!.annualSaving).toBeNull();
    expect(result.rows[0]!.expectedAnnualCost).not.toBeNull();
  });
});
