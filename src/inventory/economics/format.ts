/**
 * Number and money text for the explanations. Intl formatters are cached per currency because
 * building one costs far more than using it, and a ranking of thousands of tasks formats a lot.
 */
import { type Money, minorDigits, toMajor } from '../../platform/money.ts';

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function fmtMoney(m: Money): string {
  let f = moneyFormats.get(m.currency);
  if (f === undefined) {
    const digits = minorDigits(m.currency);
    f = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: m.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(m.currency, f);
  }
  return f.format(toMajor(m));
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** 1234.5 -> "1,234.5"; at most `maxDigits` decimals, none shown when the number is whole. */
export function fmtNumber(n: number, maxDigits = 2): string {
  let f = numberFormats.get(maxDigits);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDigits });
    numberFormats.set(maxDigits, f);
  }
  return f.format(n);
}

export function fmtHours(h: number): string {
  return `${fmtNumber(h, 1)} h`;
}

export function fmtPercent(share: number): string {
  return `${fmtNumber(share * 100, 1)}%`;
}

/** Rounds hours for results so JSON shows 216.67, not 216.66666666666666. */
export function roundHours(h: number): number {
  return Math.round(h * 100) / 100;
}
