/**
 * The period imported time entries cover, and the factor that scales what was measured in it to a
 * year. Pure: dates are ISO yyyy-mm-dd strings.
 */

export interface MeasuredPeriod {
  /** First day covered, ISO yyyy-mm-dd. */
  from: string;
  /** Last day covered (inclusive). */
  to: string;
}

const DAY_MS = 86_400_000;
const DAYS_PER_MONTH = 365.25 / 12;

/** Days from `from` to `to`, both included (1 for a single day). */
export function periodDays(p: MeasuredPeriod): number {
  const ms = Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`);
  return Math.max(1, Math.round(ms / DAY_MS) + 1);
}

/**
 * Months the period covers. A period within a few days of whole months counts as those months, so a
 * calendar year (365 days) scales by exactly 1 and a quarter (90–92 days) by exactly 4.
 */
export function periodMonths(p: MeasuredPeriod): number {
  const months = periodDays(p) / DAYS_PER_MONTH;
  const whole = Math.round(months);
  return whole >= 1 && Math.abs(months - whole) * DAYS_PER_MONTH <= 3 ? whole : months;
}

/** The factor from the period to a year: 12 ÷ months. */
export function yearScale(p: MeasuredPeriod): number {
  return 12 / periodMonths(p);
}

/** "3 weeks", "5 days", "1 month", "14 months" — how long the period is, in words a founder uses. */
export function describePeriodLength(p: MeasuredPeriod): string {
  const days = periodDays(p);
  const n = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (days < 14) return n(days, 'day');
  if (days < 63) return n(Math.round(days / 7), 'week');
  const months = periodMonths(p);
  return n(Math.round(months), 'month');
}

/** The union span of several periods (gaps included), or null when there are none. */
export function spanOf(periods: readonly MeasuredPeriod[]): MeasuredPeriod | null {
  if (periods.length === 0) return null;
  let from = periods[0]!.from;
  let to = periods[0]!.to;
  for (const p of periods) {
    if (p.from < from) from = p.from;
    if (p.to > to) to = p.to;
  }
  return { from, to };
}
