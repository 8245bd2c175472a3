/**
 * Number and money text for the explanations, en-US style ("$1,234.50", "1,234.5").
 * Written by hand rather than with Intl.NumberFormat#format because a ranking of 10,000 tasks
 * formats hundreds of thousands of figures and Intl costs about ten times as much per call;
 * Intl is still asked, once per currency, for the currency's symbol.
 */
import { type Money, minorDigits } from '../../platform/money.ts';

/** "1234567" -> "1,234,567" */
function group(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = '';
  const head = digits.length % 3;
  if (head > 0) out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += (out ? ',' : '') + digits.slice(i, i + 3);
  return out;
}

/** 1234.5 -> "1,234.5"; at most `maxDigits` decimals, trailing zeros dropped. */
export function fmtNumber(n: number, maxDigits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const scale = 10 ** maxDigits;
  const scaled = Math.round(abs * scale);
  if (scaled === 0) return '0';
  const sign = n < 0 ? '-' : '';
  if (scaled % scale === 0) return sign + group(String(scaled / scale));
  let frac = String(scaled % scale).padStart(maxDigits, '0');
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
  frac = frac.slice(0, end);
  return `${sign}${group(String(Math.floor(scaled / scale)))}.${frac}`;
}

const symbols = new Map<string, string>();

function currencySymbol(currency: string): string {
  let s = symbols.get(currency);
  if (s === undefined) {
    const parts = new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(1);
    s = parts
      .filter((p) => p.type === 'currency' || p.type === 'literal')
      .map((p) => p.value)
      .join('');
    symbols.set(currency, s);
  }
  return s;
}

/** "$1,234.50", "-$210.00", "¥1,235" — the same text Intl's en-US currency format gives. */
export function fmtMoney(m: Money): string {
  const digits = minorDigits(m.currency);
  const abs = Math.abs(m.amountMinor);
  const whole = Math.floor(abs / 10 ** digits);
  const minor = abs - whole * 10 ** digits;
  const fraction = digits > 0 ? `.${String(minor).padStart(digits, '0')}` : '';
  return `${m.amountMinor < 0 ? '-' : ''}${currencySymbol(m.currency)}${group(String(whole))}${fraction}`;
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
