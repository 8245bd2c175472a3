/** Numbers as people read them: money with Intl in the workspace currency, hours with their unit. */
import type { Money } from '../api/types.ts';

const LOCALE = typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-US';

const cache = new Map<string, Intl.NumberFormat>();
function nf(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** Decimal places of a currency's minor unit (USD 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  return (
    nf(
      `digits:${currency}`,
      () => new Intl.NumberFormat('en-US', { style: 'currency', currency }),
    ).resolvedOptions().maximumFractionDigits ?? 2
  );
}

export function toMajor(m: Money): number {
  return m.amountMinor / 10 ** minorDigits(m.currency);
}

/**
 * "$87,024" for yearly figures (whole units), "$11.00" for prices (`cents: true`).
 * `compact` gives "$87K" for chart axes.
 */
export function fmtMoney(
  m: Money | null | undefined,
  opts: { cents?: boolean; compact?: boolean } = {},
): string {
  if (!m) return '—';
  const digits = opts.cents ? minorDigits(m.currency) : 0;
  const key = `money:${m.currency}:${digits}:${opts.compact ? 'c' : ''}`;
  const f = nf(
    key,
    () =>
      new Intl.NumberFormat(LOCALE, {
        style: 'currency',
        currency: m.currency,
        minimumFractionDigits: opts.compact ? 0 : digits,
        maximumFractionDigits: opts.compact ? 1 : digits,
        ...(opts.compact ? { notation: 'compact' } : {}),
      }),
  );
  return f.format(toMajor(m));
}

/**
 * A difference of money in words, never a bare sign: "$32,464 less", "$1,200 more", "no change".
 * The reader should not have to work out whether "−$32,464" is a saving.
 */
export function fmtMoneyChange(amountMinor: number, currency: string): string {
  if (amountMinor === 0) return 'no change';
  return `${fmtMoney({ amountMinor: Math.abs(amountMinor), currency })} ${amountMinor < 0 ? 'less' : 'more'}`;
}

/**
 * A file's size: "1 byte", "640 bytes", then one decimal in kilobytes, megabytes or gigabytes of 1,024
 * ("1.5 KB", "2.0 MB"), so a small file never shows as "0 KB".
 */
export function fmtBytes(bytes: number): string {
  if (bytes < 1024) return `${fmtNumber(bytes, 0)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  // Round first, so 1,048,500 bytes reads "1.0 MB" rather than "1,024.0 KB".
  while (Math.round(v * 10) / 10 >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const one = nf(
    'bytes',
    () => new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  );
  return `${one.format(v)} ${units[u]}`;
}

export function fmtNumber(n: number, maxDigits = 1): string {
  return nf(
    `num:${maxDigits}`,
    () => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: maxDigits }),
  ).format(n);
}

/** "240 h", "1,234.5 h"; "—" for nothing measured when `dashForZero`. */
export function fmtHours(h: number, opts: { dashForZero?: boolean } = {}): string {
  if (opts.dashForZero && h === 0) return '—';
  return `${fmtNumber(h, h < 10 ? 1 : 0)} h`;
}

export function fmtMinutes(min: number): string {
  if (min < 60 || min % 60 !== 0) return `${fmtNumber(min, 1)} min`;
  return `${fmtNumber(min / 60, 1)} h`;
}

export function fmtPercent(share: number, digits = 0): string {
  return nf(
    `pct:${digits}`,
    () => new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: digits }),
  ).format(share);
}

const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium' });

export function fmtDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function fmtDate(isoDate: string): string {
  const d = new Date(isoDate.length === 10 ? `${isoDate}T12:00:00Z` : isoDate);
  return Number.isNaN(d.getTime()) ? isoDate : dateOnly.format(d);
}

/** Parses a typed amount ("1,250", "$11.50", "11,5") into minor units; null when empty, NaN when not a number. */
export function parseMoneyInput(text: string, currency: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0]/g, '')
    .replace(/^[^\d.,-]+/, '')
    .replace(/[^\d.,-]+$/, '');
  if (cleaned === '') return text.trim() === '' ? null : Number.NaN;
  // Thousands separators are commas; a single comma followed by 1–2 digits at the end is a decimal comma.
  const normalized = /^-?\d+,\d{1,2}$/.test(cleaned) ? cleaned.replace(',', '.') : cleaned.replace(/,/g, '');
  if (!/^-?\d*(\.\d*)?$/.test(normalized) || normalized === '.' || normalized === '-') return Number.NaN;
  const major = Number(normalized);
  if (!Number.isFinite(major)) return Number.NaN;
  return Math.round(major * 10 ** minorDigits(currency));
}

/** Minor units → the text an input shows ("11.00", "1250.00"). */
export function moneyInputValue(m: Money | null | undefined): string {
  if (!m) return '';
  return toMajor(m).toFixed(minorDigits(m.currency));
}

export function currencySymbol(currency: string): string {
  const parts = nf(
    `sym:${currency}`,
    () => new Intl.NumberFormat(LOCALE, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }),
  ).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}

/** "intermediate" → "Intermediate", "per_year" → "Per year". */
export function humanize(s: string): string {
  const t = s.replace(/[_-]+/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** English plural of a deliverable unit, as the server writes it: slide → slides, case study → case studies. */
export function pluralUnit(unit: string, count = 2): string {
  if (count === 1 || unit.length === 0 || /s$/i.test(unit)) return unit;
  if (/[^aeiou]y$/i.test(unit)) return `${unit.slice(0, -1)}ies`;
  if (/(ch|sh|x|z)$/i.test(unit)) return `${unit}es`;
  return `${unit}s`;
}

/** A count with its noun in agreement: "1 question", "3 questions", "1,200 tasks"; `plural` for irregular nouns. */
export function fmtCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${fmtNumber(n, 0)} ${n === 1 ? singular : plural}`;
}
