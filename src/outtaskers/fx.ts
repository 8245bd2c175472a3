/**
 * Exchange rates the firm entered, dated: the rate in force on a day is the latest one effective on
 * or before it. Conversion in minor units, rounded half away from zero once, at the end. Pure.
 */
import { type Money, minorDigits } from '../platform/money.ts';
import type { FxRate } from './outtaskers.ts';

export interface Conversion {
  amount: Money;
  /** null when no conversion was needed (same currency). */
  rate: { rate: number; effectiveOn: string; currency: string; baseCurrency: string } | null;
}

export type ConversionResult = { ok: true; value: Conversion } | { ok: false; problem: string };

/** The rate for `currency` → `base` in force on `day` (yyyy-mm-dd), or undefined. */
export function rateOn(
  rates: readonly FxRate[],
  currency: string,
  base: string,
  day: string,
): FxRate | undefined {
  let best: FxRate | undefined;
  for (const r of rates) {
    if (r.currency !== currency || r.baseCurrency !== base || r.effectiveOn > day) continue;
    if (!best || r.effectiveOn > best.effectiveOn) best = r;
  }
  return best;
}

/** `amount` in `base`, at the rate in force on `day`; a problem saying which rate to enter when there is none. */
export function convert(
  amount: Money,
  base: string,
  day: string,
  rates: readonly FxRate[],
): ConversionResult {
  if (amount.currency === base) return { ok: true, value: { amount, rate: null } };
  const r = rateOn(rates, amount.currency, base, day);
  if (!r) {
    return {
      ok: false,
      problem: `No exchange rate from ${amount.currency} to ${base} on or before ${day}: enter one under exchange rates`,
    };
  }
  const scale = 10 ** (minorDigits(base) - minorDigits(amount.currency));
  const raw = amount.amountMinor * r.rate * scale;
  const amountMinor = Math.sign(raw) * Math.round(Math.abs(raw));
  return {
    ok: true,
    value: {
      amount: { amountMinor, currency: base },
      rate: { rate: r.rate, effectiveOn: r.effectiveOn, currency: r.currency, baseCurrency: base },
    },
  };
}
