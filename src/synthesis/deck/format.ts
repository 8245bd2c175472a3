/** Small text formats shared by the deck, its notes and the Markdown report. */
import type { Insights, Quote } from '../types.ts';
import type { People } from './people.ts';

/** Seconds as "mm:ss" (minutes keep counting past 59: "72:05"); "no time" when unknown. */
export function timestamp(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return 'no time';
  const total = Math.floor(seconds);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function prevalence(count: number, of: number): string {
  return `${count} of ${of}`;
}

/** "Dana Reyes, Interview 7, 12:34" — how slides' notes and the report cite a quote. */
export function citeQuote(q: Quote, people: People): string {
  return q.start === null
    ? `${people.source(q.interview)}, no timestamp`
    : `${people.source(q.interview)}, ${timestamp(q.start)}`;
}

/** "Dana Reyes, Interview 3; Interview 7; …" for a list of interview ids, in the given order. */
export function citeInterviews(ids: string[], people: People): string {
  return ids.map((id) => people.source(id)).join('; ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Mar 2025" from "2025-03-03" (or anything starting with an ISO date); the input otherwise. */
export function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** The span of interview dates: "3 Mar – 28 Mar 2025", or undefined when none is known. */
export function dateRange(insights: Insights): string | undefined {
  const dates = insights.interviews
    .map((i) => i.date)
    .filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d))
    .sort();
  if (dates.length === 0) return undefined;
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  if (first.slice(0, 10) === last.slice(0, 10)) return shortDate(first);
  const [a, b] = [shortDate(first), shortDate(last)];
  return first.slice(0, 4) === last.slice(0, 4) ? `${a.replace(/ \d{4}$/, '')} – ${b}` : `${a} – ${b}`;
}

/** "42 min" or "1 h 05 min". */
export function duration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const min = Math.round(seconds / 60);
  if (min < 60) return `${min} min`;
  return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}

export function thousands(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Roles with counts, most frequent first: [["CFO", 5], ["COO", 3]]. Unknown roles are left out. */
export function roleCounts(insights: Insights): [string, number][] {
  const counts = new Map<string, number>();
  for (const i of insights.interviews) {
    const role = i.role?.trim();
    if (role) counts.set(role, (counts.get(role) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** "Q3" for the question at index 2. */
export function questionTag(index: number): string {
  return `Q${index + 1}`;
}
