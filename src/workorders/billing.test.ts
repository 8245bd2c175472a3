import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../platform/money.ts';
import {
  type BillableOrder,
  billedAmount,
  formulaSafe,
  inHouseCostOf,
  monthIn,
  savingsLedger,
  statements,
} from './billing.ts';

const usd = (minor: number) => money(minor, 'USD');

function order(over: Partial<BillableOrder>): BillableOrder {
  return {
    workOrderId: 'w1',
    ref: 'WO-1',
    title: 'Acme interviews deck',
    outtaskerId: 'o1',
    outtaskerName: 'Ana Deck',
    taskId: 't1',
    taskName: 'Interview summary deck',
    unit: 'slide',
    units: 14,
    unitPrice: usd(1100),
    approvedAt: '2026-12-01T15:00:00.000Z',
    invoiced: false,
    ...over,
  };
}

describe('billing', () => {
  it('approved units × unit price, exact', () => {
    expect(billedAmount(14, usd(1100))).toEqual(usd(15_400));
    expect(() => billedAmount(1.5, usd(1100))).toThrow(/whole number/);
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(1_000_000), (u, p) => {
        expect(billedAmount(u, usd(p)).amountMinor).toBe(u * p);
      }),
    );
  });

  it('statements per out-tasker for the orders approved within the period, in the firm zone', () => {
    const list = statements(
      [
        order({ ref: 'WO-1', units: 14 }),
        order({
          ref: 'WO-2',
          workOrderId: 'w2',
          units: 9,
          approvedAt: '2026-12-02T10:00:00.000Z',
          invoiced: true,
        }),
        // 1 Jan 00:30 UTC is 19:30 on 31 Dec in New York: inside December.
        order({ ref: 'WO-3', workOrderId: 'w3', units: 3, approvedAt: '2027-01-01T00:30:00.000Z' }),
        // 1 Dec 03:00 UTC is 30 Nov in New York: outside.
        order({ ref: 'WO-4', workOrderId: 'w4', units: 100, approvedAt: '2026-12-01T03:00:00.000Z' }),
        order({ ref: 'WO-5', workOrderId: 'w5', outtaskerId: 'o2', outtaskerName: 'Bo Slides', units: 5 }),
      ],
      { from: '2026-12-01', to: '2026-12-31' },
      'America/New_York',
    );
    expect(
      list.map((s) => [s.outtaskerName, s.units, s.total.amountMinor, s.lines.map((l) => l.ref)]),
    ).toEqual([
      ['Ana Deck', 26, 28_600, ['WO-1', 'WO-2', 'WO-3']],
      ['Bo Slides', 5, 5_500, ['WO-5']],
    ]);
    expect(list[0]!.lines[2]!.approvedOn).toBe('2026-12-31');
    expect(() => statements([], { from: '2026-12-31', to: '2026-12-01' }, 'UTC')).toThrow(/not after/);
  });

  it('the savings ledger: paid against the in-house cost of the same units, per task and per month', () => {
    // In-house: $52,000 a year for 50 decks × 20 slides = 1,000 slides: $52 a slide.
    const inHouse = { annualCost: usd(5_200_000), annualUnits: 1000 };
    const ledger = savingsLedger(
      [
        {
          taskId: 't1',
          taskName: 'Deck',
          approvedAt: '2026-11-20T12:00:00Z',
          units: 20,
          paid: usd(22_000),
          inHouse,
        },
        {
          taskId: 't1',
          taskName: 'Deck',
          approvedAt: '2026-12-03T12:00:00Z',
          units: 10,
          paid: usd(11_000),
          inHouse,
        },
        {
          taskId: 't2',
          taskName: 'Memo',
          approvedAt: '2026-12-04T12:00:00Z',
          units: 2,
          paid: usd(4_000),
          inHouse: null,
        },
      ],
      'USD',
      'UTC',
    );
    expect(
      ledger.byTask.map((r) => [
        r.label,
        r.units,
        r.paid.amountMinor,
        r.inHouse.amountMinor,
        r.saving.amountMinor,
        r.uncosted,
      ]),
    ).toEqual([
      ['Deck', 30, 33_000, 156_000, 123_000, 0],
      ['Memo', 2, 4_000, 0, -4_000, 1],
    ]);
    expect(ledger.byMonth.map((r) => [r.key, r.saving.amountMinor])).toEqual([
      ['2026-11', 104_000 - 22_000],
      ['2026-12', 52_000 - 11_000 - 4_000],
    ]);
    expect(ledger.total).toMatchObject({ orders: 3, units: 32, saving: usd(119_000) });
    expect(inHouseCostOf(1, usd(100), 3)).toEqual(usd(33));
    expect(inHouseCostOf(2, usd(100), 3)).toEqual(usd(67));
    expect(monthIn('2026-12-01T03:00:00Z', 'America/New_York')).toBe('2026-11');
  });

  it('escapes text a spreadsheet would run as a formula', () => {
    expect(formulaSafe('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    for (const s of ['+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(formulaSafe(s)).toBe(`'${s}`);
    expect(formulaSafe('Deck for Acme')).toBe('Deck for Acme');
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(/^[=+\-@\t\r]/.test(formulaSafe(s))).toBe(false);
      }),
    );
  });
});
