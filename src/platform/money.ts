/** Money is exact: integer minor units with an ISO-4217 currency. No floats cross this boundary. */
import { AppError } from './errors.ts';

export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, BHD: 3, KWD: 3, TND: 3 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Money amount must be a whole number of minor units, got ${amountMinor}`,
    );
  }
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new AppError('VALIDATION_FAILED', `Currency must be a 3-letter ISO code, got "${currency}"`);
  }
  return { amountMinor, currency };
}

export function zero(currency: string): Money {
  return money(0, currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new AppError('CURRENCY_MISMATCH', `Cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

export function sum(items: readonly Money[], currency: string): Money {
  return items.reduce((acc, m) => add(acc, m), zero(currency));
}

/** Multiply by a (possibly fractional) factor, rounding half away from zero to a whole minor unit. */
export function multiply(a: Money, factor: number): Money {
  return money(roundHalfAway(a.amountMinor * factor), a.currency);
}

export function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** Parse "1,234.50", "$11", "11.5" into minor units. Returns undefined when it is not a number. */
export function parseMajor(text: string, currency: string): Money | undefined {
  const cleaned = text.replace(/[\s,$€£¥]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const digits = minorDigits(currency);
  return money(roundHalfAway(Number(cleaned) * 10 ** digits), currency);
}

export function toMajor(m: Money): number {
  return m.amountMinor / 10 ** minorDigits(m.currency);
}

/** "$1,234.50" style text, for CLI output. The web formats with Intl on its own side. */
export function formatMoney(m: Money, locale = 'en-US'): string {
  const digits = minorDigits(m.currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: m.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toMajor(m));
}
