/** Amounts as the marketplaces write them ("11.5", 440) to exact minor units, and back. Pure. */
import { AppError } from '../../platform/errors.ts';
import { type Money, minorDigits } from '../../platform/money.ts';

/** "1234.5" or 1234.5 → minor units of `currency`, exact for decimal strings (no float rounding). */
export function moneyOf(value: string | number, currency: string): Money {
  const text = typeof value === 'number' ? value.toFixed(minorDigits(currency)) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new AppError('MARKETPLACE_REJECTED', `"${String(value).slice(0, 40)}" is not an amount`);
  const digits = minorDigits(currency);
  const frac = (m[3] ?? '').padEnd(digits, '0');
  const kept = frac.slice(0, digits);
  const rest = frac.slice(digits);
  let minor = Number(m[2]) * 10 ** digits + Number(kept || '0');
  if (rest && Number(rest[0]) >= 5) minor += 1;
  return { amountMinor: m[1] === '-' ? -minor : minor, currency };
}
