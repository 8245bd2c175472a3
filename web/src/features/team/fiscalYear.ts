/**
 * The firm's fiscal year: twelve months from the month the workspace says it starts (January unless
 * set on the team screen). Pure: dates are ISO yyyy-mm-dd strings, the day is given.
 */

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export interface FiscalYear {
  /** First day, ISO yyyy-mm-dd. */
  from: string;
  /** Last day (inclusive). */
  to: string;
  /** "2026" for a calendar year, else "2026/27" (named by the years it spans). */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The fiscal year `today` (yyyy-mm-dd) falls in, for a year starting in `startMonth` (1–12). */
export function fiscalYearOf(today: string, startMonth: number): FiscalYear {
  const start = Number.isInteger(startMonth) && startMonth >= 1 && startMonth <= 12 ? startMonth : 1;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const first = month >= start ? year : year - 1;
  // The day before the same month a year later (Date.UTC rolls day 0 back to the month's last day).
  const end = new Date(Date.UTC(first + 1, start - 1, 0));
  const to = `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}`;
  const label = start === 1 ? String(first) : `${first}/${String(first + 1).slice(2)}`;
  return { from: `${first}-${pad(start)}-01`, to, label };
}

/** The workspace's first fiscal month, as /api/auth/me carries it in the workspace's settings. */
export function fiscalStartMonthOf(settings: Record<string, unknown> | undefined): number {
  const m = Number(settings?.fiscalYearStartMonth);
  return Number.isInteger(m) && m >= 1 && m <= 12 ? m : 1;
}

/** Today on the user's calendar, yyyy-mm-dd. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
