/**
 * Bids from a file or the clipboard: a CSV export (comma or semicolon) or rows pasted from a
 * marketplace page or a spreadsheet (tabs). The header names the columns, in any order, under the
 * names marketplaces and people use ("Freelancer", "Bid", "Delivery"…). Prices may carry a currency
 * sign or code ("$11", "9,50 EUR"); turnarounds hours or days ("24", "24h", "2 days"). Every row is
 * read; each bad one is reported with its line and field, the rest are kept. Pure.
 */
import { parse } from 'csv-parse/sync';
import { AppError } from '../platform/errors.ts';
import { minorDigits } from '../platform/money.ts';

export interface BidRowInput {
  line: number;
  name: string;
  email: string | null;
  marketplace: string | null;
  profileUrl: string | null;
  externalId: string | null;
  unitPriceMinor: number;
  currency: string;
  unit: string | null;
  turnaroundHours: number;
  message: string;
}

export interface BidRowError {
  line: number;
  field: string;
  message: string;
}

export interface ParsedBids {
  rows: BidRowInput[];
  errors: BidRowError[];
}

export const MAX_IMPORT_ROWS = 2000;

const COLUMNS: Record<keyof Omit<BidRowInput, 'line' | 'unitPriceMinor'> | 'price', string[]> = {
  name: ['name', 'freelancer', 'outtasker', 'out-tasker', 'bidder', 'contractor', 'full name'],
  email: ['email', 'e-mail', 'email address'],
  marketplace: ['marketplace', 'platform', 'site'],
  profileUrl: ['profile', 'profile url', 'url', 'link'],
  externalId: ['id', 'bid id', 'proposal id', 'external id', 'bid ref'],
  price: ['price', 'unit price', 'rate', 'bid', 'amount', 'bid amount', 'price per unit'],
  currency: ['currency'],
  unit: ['unit', 'per'],
  turnaroundHours: ['turnaround', 'turnaround hours', 'delivery', 'delivery time', 'hours', 'period'],
  message: ['message', 'cover letter', 'note', 'notes', 'proposal', 'comment'],
};

const SIGNS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '₹': 'INR', '¥': 'JPY' };

function headerKey(h: string): string | undefined {
  const norm = h
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/\s*\(.*\)$/, '');
  for (const [key, names] of Object.entries(COLUMNS)) if (names.includes(norm)) return key;
  return undefined;
}

/** "$11", "11.50 USD", "EUR 9,50", "1,250.00" → minor units and the currency it names (if any). */
export function parsePrice(
  text: string,
  fallbackCurrency: string,
): { amountMinor: number; currency: string } | string {
  let t = text.trim();
  let currency: string | undefined;
  const code = t.match(/\b([A-Za-z]{3})\b/);
  if (code) {
    currency = code[1]!.toUpperCase();
    t = t.replace(code[0], '');
  }
  for (const [sign, c] of Object.entries(SIGNS)) {
    if (t.includes(sign)) {
      currency ??= c;
      t = t.replace(sign, '');
    }
  }
  t = t.replace(/\s+/g, '').replace(/\/.*$/, '');
  if (!t) return `"${text}" has no amount`;
  // A comma followed by exactly two digits at the end is a decimal comma (9,50); other commas group thousands.
  if (/^\d+(\.\d{3})*,\d{1,2}$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else t = t.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return `"${text}" is not an amount`;
  const cur = currency ?? fallbackCurrency;
  const digits = minorDigits(cur);
  const [whole, frac = ''] = t.split('.');
  if (frac.length > digits) return `"${text}" has more decimals than ${cur} allows`;
  const amountMinor = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(amountMinor)) return `"${text}" is too large`;
  return { amountMinor, currency: cur };
}

/** "24", "24h", "36 hours", "2 days", "1.5d", "1 week" → hours. */
export function parseTurnaround(text: string): number | string {
  const m = text
    .trim()
    .toLowerCase()
    .match(/^(\d+(?:\.\d+)?)\s*(h|hr|hrs|hour|hours|d|day|days|w|wk|week|weeks)?$/);
  if (!m) return `"${text}" is not a turnaround (hours, or "2 days")`;
  const n = Number(m[1]);
  const unit = m[2] ?? 'h';
  const hours = unit.startsWith('w') ? n * 168 : unit.startsWith('d') ? n * 24 : n;
  if (!(hours > 0)) return 'A turnaround must be more than 0 hours';
  return hours;
}

function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => first.split(c).length - 1;
  const candidates: [string, number][] = [
    ['\t', count('\t')],
    [',', count(',')],
    [';', count(';')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/**
 * Reads bids from CSV or pasted text. Throws IMPORT_MALFORMED when the text cannot be read as a table
 * or names neither a name nor a price column; row problems come back in `errors`.
 */
export function parseBidTable(text: string, opts: { currency: string; fileName?: string }): ParsedBids {
  const clean = text.replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(clean, {
      delimiter: delimiterOf(clean),
      relax_column_count: true,
      skip_empty_lines: true,
      relax_quotes: true,
      trim: true,
      to: MAX_IMPORT_ROWS + 1,
    }) as string[][];
  } catch (cause) {
    throw new AppError(
      'IMPORT_MALFORMED',
      `${opts.fileName ?? 'The bids'} cannot be read as a table: ${(cause as Error).message}`,
      { ...(opts.fileName ? { file: opts.fileName } : {}) },
      { cause },
    );
  }
  const [header, ...body] = records;
  if (!header) throw new AppError('FILE_EMPTY', 'There are no bids to read: the text is empty');
  const keys = header.map(headerKey);
  for (const needed of ['name', 'price', 'turnaroundHours'] as const) {
    if (!keys.includes(needed)) {
      const names = COLUMNS[needed].slice(0, 3).join('", "');
      throw new AppError(
        'IMPORT_MALFORMED',
        `The first line must name the columns, with one for ${needed === 'turnaroundHours' ? 'the turnaround' : `the ${needed}`} ("${names}"…); found: ${header.join(', ')}`,
        { field: needed, line: 1 },
      );
    }
  }
  const rows: BidRowInput[] = [];
  const errors: BidRowError[] = [];
  for (const [i, cells] of body.entries()) {
    const line = i + 2;
    const get = (key: string) => {
      const at = keys.indexOf(key);
      const v = at >= 0 ? (cells[at] ?? '').trim() : '';
      return v === '' ? null : v;
    };
    const fail = (field: string, message: string): void => {
      errors.push({ line, field, message });
    };
    const name = get('name');
    if (!name) {
      fail('name', 'The row has no name');
      continue;
    }
    const currencyCell = get('currency')?.toUpperCase() ?? null;
    if (currencyCell && !/^[A-Z]{3}$/.test(currencyCell)) {
      fail('currency', `"${currencyCell}" is not a 3-letter currency code`);
      continue;
    }
    const price = parsePrice(get('price') ?? '', currencyCell ?? opts.currency);
    if (typeof price === 'string') {
      fail('price', price);
      continue;
    }
    if (currencyCell && price.currency !== currencyCell) {
      fail('price', `The price says ${price.currency}, the currency column ${currencyCell}`);
      continue;
    }
    const turnaround = parseTurnaround(get('turnaroundHours') ?? '');
    if (typeof turnaround === 'string') {
      fail('turnaround', turnaround);
      continue;
    }
    const email = get('email');
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      fail('email', `"${email}" is not an email address`);
      continue;
    }
    rows.push({
      line,
      name: name.slice(0, 200),
      email: email?.toLowerCase() ?? null,
      marketplace: get('marketplace')?.toLowerCase() ?? null,
      profileUrl: get('profileUrl'),
      externalId: get('externalId'),
      unitPriceMinor: price.amountMinor,
      currency: price.currency,
      unit: get('unit'),
      turnaroundHours: turnaround,
      message: (get('message') ?? '').slice(0, 5000),
    });
  }
  if (body.length > MAX_IMPORT_ROWS) {
    throw new AppError('IMPORT_TOO_LARGE', `At most ${MAX_IMPORT_ROWS} bids at a time`, {
      ...(opts.fileName ? { file: opts.fileName } : {}),
    });
  }
  return { rows, errors };
}
