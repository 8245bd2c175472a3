import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../../platform/money.ts';
import { fmtMoney, fmtNumber, fmtPercent } from './format.ts';

describe('fmtMoney and fmtNumber', () => {
  it('write figures the way the explanations show them', () => {
    expect(fmtMoney(money(10_080_000, 'USD'))).toBe('$100,800.00');
    expect(fmtMoney(money(-21_000, 'USD'))).toBe('-$210.00');
    expect(fmtMoney(money(5, 'USD'))).toBe('$0.05');
    expect(fmtMoney(money(1235, 'JPY'))).toBe('¥1,235');
    expect(fmtNumber(1234.5)).toBe('1,234.5');
    expect(fmtNumber(13.5, 1)).toBe('13.5');
    expect(fmtNumber(2666.666, 0)).toBe('2,667');
    expect(fmtNumber(-0.001)).toBe('0');
    expect(fmtPercent(0.61666)).toBe('61.7%');
  });

  it('agree with Intl for any amount in common currencies', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'KWD'),
        (minor, currency) => {
          const m = money(minor, currency);
          const digits = currency === 'JPY' ? 0 : currency === 'KWD' ? 3 : 2;
          const intl = new Intl.NumberFormat('en-US', {
            style: 'currency',
            currency,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }).format(minor / 10 ** digits);
          expect(fmtMoney(m)).toBe(intl);
        },
      ),
    );
  });

  it('agrees with Intl for numbers', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 3 }), (n, d) => {
        const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: d }).format(n);
        // Intl writes "-0" for tiny negatives; the explanations never want a signed zero.
        expect(fmtNumber(n, d)).toBe(intl === '-0' ? '0' : intl);
      }),
    );
  });
});
