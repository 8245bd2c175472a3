/**
 * Billing of work orders, pure and exact (integer minor units): approved units × unit price per
 * order, statements per out-tasker per period, and the savings ledger — what was paid against what
 * the same units cost in-house (step 1's economics: the task's in-house cost a year over the units
 * it makes a year), per task and per month. Plus the escaping that keeps exported cells from being
 * read as formulas by a spreadsheet.
 */
import { AppError } from '../platform/errors.ts';
import { add, type Money, money, roundHalfAway, subtract, zero } from '../platform/money.ts';
import { localTime } from './sla.ts';

/** Approved units × unit price: what one order costs. */
export function billedAmount(units: number, unitPrice: Money): Money {
  if (!Number.isSafeInteger(units) || units < 0) {
    throw new AppError('VALIDATION_FAILED', `Units must be a whole number of 0 or more, got ${units}`, {
      field: 'units',
    });
  }
  return money(units * unitPrice.amountMinor, unitPrice.currency);
}

/**
 * What `units` of a task cost in-house: the annual in-house cost × units ÷ the units made a year
 * (occurrences × units per occurrence), rounded half away from zero to a minor unit.
 */
export function inHouseCostOf(units: number, annualCost: Money, annualUnits: number): Money {
  if (!(annualUnits > 0)) return zero(annualCost.currency);
  return money(roundHalfAway((annualCost.amountMinor * units) / annualUnits), annualCost.currency);
}

/** "2026-12": the month an instant falls in, on the wall clock of a zone. */
export function monthIn(isoUtc: string, timeZone: string): string {
  const l = localTime(Date.parse(isoUtc), timeZone);
  return `${l.year}-${String(l.month).padStart(2, '0')}`;
}

/** "2026-12-07": the date of an instant in a zone. */
export function dateIn(isoUtc: string, timeZone: string): string {
  const l = localTime(Date.parse(isoUtc), timeZone);
  return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}

export interface Period {
  /** yyyy-mm-dd, inclusive, in the firm's zone. */
  from: string;
  to: string;
}

export function checkPeriod(p: Period): Period {
  const ok = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
  if (!ok(p.from) || !ok(p.to) || p.from > p.to) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Period ${p.from} to ${p.to}: give two dates as yyyy-mm-dd, the first not after the second.`,
      { field: 'period' },
    );
  }
  return p;
}

/** A billable order: approved (or invoiced), with its units and price. */
export interface BillableOrder {
  workOrderId: string;
  ref: string;
  title: string;
  outtaskerId: string;
  outtaskerName: string;
  taskId: string;
  taskName: string;
  unit: string;
  units: number;
  unitPrice: Money;
  /** When it was approved (ISO UTC): the date it is billed on. */
  approvedAt: string;
  invoiced: boolean;
}

export interface StatementLine {
  workOrderId: string;
  ref: string;
  title: string;
  taskName: string;
  approvedOn: string;
  unit: string;
  units: number;
  unitPrice: Money;
  amount: Money;
  invoiced: boolean;
}

export interface Statement {
  outtaskerId: string;
  outtaskerName: string;
  period: Period;
  currency: string;
  lines: StatementLine[];
  units: number;
  total: Money;
}

/**
 * One statement per out-tasker (and currency) for the orders approved within the period, on the
 * firm's calendar; lines by approval time, totals exact.
 */
export function statements(orders: readonly BillableOrder[], period: Period, timeZone: string): Statement[] {
  checkPeriod(period);
  const byKey = new Map<string, Statement>();
  const sorted = [...orders].sort(
    (a, b) => a.approvedAt.localeCompare(b.approvedAt) || a.ref.localeCompare(b.ref),
  );
  for (const o of sorted) {
    const on = dateIn(o.approvedAt, timeZone);
    if (on < period.from || on > period.to) continue;
    const key = `${o.outtaskerId} ${o.unitPrice.currency}`;
    let s = byKey.get(key);
    if (!s) {
      s = {
        outtaskerId: o.outtaskerId,
        outtaskerName: o.outtaskerName,
        period,
        currency: o.unitPrice.currency,
        lines: [],
        units: 0,
        total: zero(o.unitPrice.currency),
      };
      byKey.set(key, s);
    }
    const amount = billedAmount(o.units, o.unitPrice);
    s.lines.push({
      workOrderId: o.workOrderId,
      ref: o.ref,
      title: o.title,
      taskName: o.taskName,
      approvedOn: on,
      unit: o.unit,
      units: o.units,
      unitPrice: o.unitPrice,
      amount,
      invoiced: o.invoiced,
    });
    s.units += o.units;
    s.total = add(s.total, amount);
  }
  return [...byKey.values()].sort((a, b) => a.outtaskerName.localeCompare(b.outtaskerName));
}

/** One approved order in the ledger: paid against the in-house cost of the same units. */
export interface LedgerInput {
  taskId: string;
  taskName: string;
  approvedAt: string;
  units: number;
  paid: Money;
  /** The task's in-house cost a year and units a year (step 1); null when the task has no cost. */
  inHouse: { annualCost: Money; annualUnits: number } | null;
}

export interface LedgerRow {
  key: string;
  label: string;
  orders: number;
  units: number;
  paid: Money;
  inHouse: Money;
  saving: Money;
  /** Orders whose task has no in-house cost (their in-house side counts as 0, so the saving is understated). */
  uncosted: number;
}

export interface SavingsLedger {
  currency: string;
  byTask: LedgerRow[];
  byMonth: LedgerRow[];
  total: LedgerRow;
}

function emptyRow(key: string, label: string, currency: string): LedgerRow {
  return {
    key,
    label,
    orders: 0,
    units: 0,
    paid: zero(currency),
    inHouse: zero(currency),
    saving: zero(currency),
    uncosted: 0,
  };
}

function addTo(row: LedgerRow, paid: Money, inHouse: Money | null, units: number): void {
  row.orders++;
  row.units += units;
  row.paid = add(row.paid, paid);
  if (inHouse === null) row.uncosted++;
  else row.inHouse = add(row.inHouse, inHouse);
  row.saving = subtract(row.inHouse, row.paid);
}

/** The savings ledger in one currency (amounts in another are a CURRENCY_MISMATCH: convert first). */
export function savingsLedger(
  entries: readonly LedgerInput[],
  currency: string,
  timeZone: string,
): SavingsLedger {
  const byTask = new Map<string, LedgerRow>();
  const byMonth = new Map<string, LedgerRow>();
  const total = emptyRow('total', 'Total', currency);
  for (const e of entries) {
    const inHouse = e.inHouse ? inHouseCostOf(e.units, e.inHouse.annualCost, e.inHouse.annualUnits) : null;
    const month = monthIn(e.approvedAt, timeZone);
    const t = byTask.get(e.taskId) ?? emptyRow(e.taskId, e.taskName, currency);
    const m = byMonth.get(month) ?? emptyRow(month, month, currency);
    byTask.set(e.taskId, t);
    byMonth.set(month, m);
    for (const row of [t, m, total]) addTo(row, e.paid, inHouse, e.units);
  }
  return {
    currency,
    byTask: [...byTask.values()].sort(
      (a, b) => b.saving.amountMinor - a.saving.amountMinor || a.label.localeCompare(b.label),
    ),
    byMonth: [...byMonth.values()].sort((a, b) => a.key.localeCompare(b.key)),
    total,
  };
}

/**
 * A cell value a spreadsheet will not run: text starting with = + - @ (or a tab or carriage
 * return, which some programs skip before looking) gets a leading apostrophe. Numbers stay numbers.
 */
export function formulaSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
