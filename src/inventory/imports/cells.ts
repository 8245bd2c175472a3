/**
 * Cell value readers shared by every layout. Each returns undefined when the text is not a valid value;
 * the caller turns that into a RowError naming the line and column. Numbers are read from their digits
 * (not through floating point) where rounding matters: hours to minutes, prices to minor units.
 */
import { type Money, minorDigits, money } from '../../platform/money.ts';

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection list). */
export const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Apostrophes in front of a formula trigger: the escape csvSafeCell adds (one more each time). */
export const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

/**
 * Trim a text cell. A leading apostrophe in front of a formula trigger is the escape our own export adds
 * to keep text from being run as a formula; one is removed so the text comes back exactly as written.
 * The text itself is kept as it is: nothing here evaluates it.
 */
export function cleanText(raw: string): string {
  if (raw === '') return raw;
  // Fast path for the common cell: nothing to trim.
  const s = raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
  return s.charCodeAt(0) === 39 && ESCAPED_FORMULA.test(s) ? s.slice(1) : s;
}

/** Comparison key for names: case-, Unicode-form- and whitespace-insensitive. */
export function nameKey(s: string): string {
  // Fast path, allocation-free check: plain ASCII with single inner spaces needs only lower-casing.
  let plain = s.length === 0 || (s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32);
  for (let i = 0; plain && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 126 || c < 32 || (c === 32 && s.charCodeAt(i + 1) === 32)) plain = false;
  }
  if (plain) return s.toLowerCase();
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

interface DecimalParts {
  negative: boolean;
  int: string;
  frac: string;
}

const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Split a decimal number into digits. `decimalComma` is true for files whose cells use "1,5"
 * (semicolon-separated European exports); then "." groups thousands when a comma is also present.
 * With a dot decimal, "1,234.5" groups thousands; a lone comma followed by other than three digits ("1,5")
 * is read as a decimal comma, because Excel writes that in quoted cells of comma files too.
 */
export function decimalParts(text: string, decimalComma: boolean): DecimalParts | undefined {
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return undefined;
  const hasComma = s.includes(',');
  const hasDot = s.includes('.');
  if (hasComma) {
    if (decimalComma || !hasDot) {
      const grouped = /^[+-]?\d{1,3}(,\d{3})+$/.test(s);
      if (!decimalComma && grouped) s = s.replace(/,/g, '');
      else {
        if (hasDot) s = s.replace(/\./g, '');
        if ((s.match(/,/g) ?? []).length > 1) return undefined;
        s = s.replace(',', '.');
      }
    } else {
      if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return undefined;
      s = s.replace(/,/g, '');
    }
  }
  const m = PLAIN_DECIMAL.exec(s);
  if (!m) return undefined;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return undefined;
  return { negative: m[1] === '-', int: int === '' ? '0' : int, frac };
}

export function parseNumber(text: string, decimalComma: boolean): number | undefined {
  const p = decimalParts(text, decimalComma);
  if (!p) return undefined;
  const n = Number(`${p.negative ? '-' : ''}${p.int}.${p.frac || '0'}`);
  return Number.isFinite(n) ? n : undefined;
}

/** Round parts × scale to the nearest whole number, half away from zero, with integer arithmetic. */
function scaleRound(p: DecimalParts, scale: number): number | undefined {
  const fracDigits = Math.min(p.frac.length, 9);
  const digits = p.int.replace(/^0+(?=\d)/, '') + p.frac.slice(0, fracDigits);
  if (digits.length > 15) return undefined;
  const unit = 10 ** fracDigits;
  const numerator = Number(digits) * scale;
  if (!Number.isSafeInteger(numerator * 2)) return undefined;
  const rounded = Math.floor((numerator * 2 + unit) / (2 * unit));
  return p.negative && rounded !== 0 ? -rounded : rounded;
}

/** "1.5" hours → 90 minutes; also "1:30" (h:mm). */
export function parseHoursToMinutes(text: string, decimalComma: boolean): number | undefined {
  const clock = /^\s*(\d+):([0-5]\d)(?::([0-5]\d))?\s*$/.exec(text);
  if (clock)
    return Math.round((Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0)) / 60);
  const p = decimalParts(text, decimalComma);
  return p ? scaleRound(p, 60) : undefined;
}

/** "01:30:00", "1:30:00", "125:00:05" or "1:30" → seconds. */
export function parseDurationSeconds(text: string): number | undefined {
  if (text.length === 8 && text.charCodeAt(2) === 58 && text.charCodeAt(5) === 58) {
    const h = twoDigits(text, 0);
    const min = twoDigits(text, 3);
    const sec = twoDigits(text, 6);
    if (h >= 0 && min >= 0 && min < 60 && sec >= 0 && sec < 60) return h * 3600 + min * 60 + sec;
  }
  const m = /^\s*(\d+):([0-5]?\d)(?::([0-5]?\d)(?:[.,]\d+)?)?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}

/** The number written by two ASCII digits at `at`, or -1. */
function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

export function secondsToMinutes(seconds: number): number {
  return Math.floor((seconds + 30) / 60);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]!) return undefined;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** How to read a slashed date: US month-first (Clockify's default) or day-first. */
export type SlashOrder = 'mdy' | 'dmy';

/**
 * Dates as exports write them: 2024-03-05 (also with a time after it), 2024/03/05, 03/05/2024 (read with
 * `order`), 05.03.2024 and 05-03-2024 (day first, as every locale that writes them means).
 */
export function parseDate(text: string, order: SlashOrder): string | undefined {
  // Fast path: already ISO (Harvest, Toggl, and every XLSX date cell).
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const century = twoDigits(text, 0);
    const year = twoDigits(text, 2);
    const m = twoDigits(text, 5);
    const d = twoDigits(text, 8);
    // The text itself is returned (no new string) when it is a valid date.
    if (century >= 0 && year >= 0 && m >= 0 && d >= 0) return isoDate(century * 100 + year, m, d) && text;
  }
  const s = text.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,].*)?$/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === 'mdy' ? isoDate(Number(m[3]), a, b) : isoDate(Number(m[3]), b, a);
  }
  m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})(?:[ ,].*)?$/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

/**
 * What one date cell says about a file's slash order: a first part above 12 can only be a day, a second
 * part above 12 only a day too. 'none' for dates without slashes, 'unknown' when both parts fit either.
 */
export function slashHint(value: string): SlashOrder | 'unknown' | 'none' {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/\d{4}/.exec(value);
  if (!m) return 'none';
  if (Number(m[1]) > 12) return 'dmy';
  if (Number(m[2]) > 12) return 'mdy';
  return 'unknown';
}

/** "09:05:00 AM", "9:05 pm", "14:05", "14:05:00" → "HH:MM:SS" (24-hour). */
export function parseTimeOfDay(text: string): string | undefined {
  if (text.length === 8 && text.charCodeAt(2) === 58 && text.charCodeAt(5) === 58) {
    const h = twoDigits(text, 0);
    const min = twoDigits(text, 3);
    const sec = twoDigits(text, 6);
    if (h >= 0 && h < 24 && min >= 0 && min < 60 && sec >= 0 && sec < 60) return text;
  }
  const m = /^\s*(\d{1,2}):([0-5]\d)(?::([0-5]\d))?(?:[.,]\d+)?\s*([AaPp]\.?[Mm]\.?)?\s*$/.exec(text);
  if (!m) return undefined;
  let h = Number(m[1]);
  const suffix = m[4]?.[0]?.toLowerCase();
  if (suffix) {
    if (h < 1 || h > 12) return undefined;
    if (suffix === 'a' && h === 12) h = 0;
    else if (suffix === 'p' && h !== 12) h += 12;
  } else if (h > 23) return undefined;
  return `${String(h).padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}`;
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'x', 'billable']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'non-billable', 'nonbillable']);

export function parseBoolean(text: string): boolean | undefined {
  const s = text.trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return undefined;
}

const SYMBOLS: Record<string, readonly string[]> = {
  '€': ['EUR'],
  '£': ['GBP'],
  '¥': ['JPY', 'CNY'],
  $: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN'],
};

export type MoneyRead = { ok: Money } | { error: 'not-a-number' | 'currency-conflict'; currency?: string };

/**
 * A price or rate cell: "11", "$11", "11.00 USD", "1.234,50 €". A currency code or symbol in the cell must
 * agree with the row's currency; the amount becomes exact minor units.
 */
export function parseMoneyCell(text: string, currency: string, decimalComma: boolean): MoneyRead {
  let s = text.trim();
  const code = /(?:^|\s)([A-Z]{3})(?:\s|$)/.exec(s.toUpperCase());
  if (code) {
    if (code[1] !== currency) return { error: 'currency-conflict', currency: code[1]! };
    s = s.replace(new RegExp(code[1]!, 'i'), '');
  }
  for (const [symbol, codes] of Object.entries(SYMBOLS)) {
    if (!s.includes(symbol)) continue;
    if (!codes.includes(currency)) return { error: 'currency-conflict', currency: codes[0]! };
    s = s.replace(symbol, '');
  }
  const p = decimalParts(s, decimalComma);
  if (!p) return { error: 'not-a-number' };
  const digits = minorDigits(currency);
  const minor = scaleRound({ ...p, frac: p.frac.slice(0, digits + 6) }, 10 ** digits);
  if (minor === undefined) return { error: 'not-a-number' };
  return { ok: money(minor, currency) };
}

/** A currency cell: "USD", "usd", or Harvest's "United States Dollar - USD". */
export function parseCurrency(text: string): string | undefined {
  const m = /(?:^|[\s(-])([A-Za-z]{3})\)?\s*$/.exec(text.trim());
  return m ? m[1]!.toUpperCase() : undefined;
}
