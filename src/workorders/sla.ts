/**
 * Service levels of work orders, pure: the due time from the contract's turnaround in an explicit
 * time zone, the due-soon and overdue flags, and an out-tasker's record (on-time share, lateness,
 * revisions per order, ratings). Times are passed in; zones are IANA names read through Intl.
 *
 * Two ways to count the turnaround: `calendar` (every hour counts: "within 24 hours") and
 * `weekdays` (hours on Saturday and Sunday in the zone do not count: a 24-hour order sent on Friday
 * at 18:00 in New York is due on Monday at 18:00 in New York, whatever the daylight-saving rules do
 * in between).
 */
import { AppError } from '../platform/errors.ts';

export type SlaCalendar = 'calendar' | 'weekdays';

export interface Sla {
  /** Turnaround in hours (the contract's sla_hours). */
  hours: number;
  calendar: SlaCalendar;
  /** The zone whose weekends and wall clock count (an IANA name). */
  timeZone: string;
}

export const MAX_SLA_HOURS = 24 * 366;

/** The zone when it is an IANA name Intl knows; TIME_ZONE_INVALID naming the field otherwise. */
export function checkTimeZone(timeZone: string, field = 'timeZone'): string {
  try {
    // Intl resolves a known name (and its aliases); an unknown one throws a RangeError.
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new AppError(
      'TIME_ZONE_INVALID',
      `${field}: "${timeZone}" is not a time zone; use an IANA name such as Europe/Berlin, America/New_York or UTC.`,
      { field, value: timeZone },
    );
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall clock in a zone at an instant (milliseconds since the epoch). */
export function localTime(t: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday!),
  };
}

/** The zone's offset from UTC at an instant, in minutes (New York in winter: −300). */
export function offsetMinutes(t: number, timeZone: string): number {
  const l = localTime(t, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return Math.round((asUtc - Math.floor(t / 1000) * 1000) / 60_000);
}

/**
 * The first instant at or after the given wall-clock time in the zone. A wall time skipped by a
 * daylight-saving jump maps to the instant just after the jump.
 */
export function zonedToUtc(
  y: number,
  m: number,
  d: number,
  h: number,
  min: number,
  timeZone: string,
): number {
  const wall = Date.UTC(y, m - 1, d, h, min);
  let t = wall - offsetMinutes(wall, timeZone) * 60_000;
  t = wall - offsetMinutes(t, timeZone) * 60_000;
  // In a gap the two offsets disagree and t lands before the wall time: move past the gap.
  const l = localTime(t, timeZone);
  const got = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
  if (got < wall) t += wall - got;
  return t;
}

/** The next local midnight strictly after `t` in the zone. */
export function nextLocalMidnight(t: number, timeZone: string): number {
  const l = localTime(t, timeZone);
  const next = new Date(Date.UTC(l.year, l.month - 1, l.day + 1));
  return zonedToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, 0, timeZone);
}

function checkSla(sla: Sla): void {
  if (!(sla.hours > 0) || sla.hours > MAX_SLA_HOURS) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Turnaround of ${sla.hours} hours: give a number of hours above 0 and at most ${MAX_SLA_HOURS}.`,
      { field: 'slaHours' },
    );
  }
  checkTimeZone(sla.timeZone);
}

const isWeekend = (weekday: number) => weekday === 0 || weekday === 6;

/** When an order started at `start` is due under the SLA. */
export function dueAt(start: Date, sla: Sla): Date {
  checkSla(sla);
  let remaining = Math.round(sla.hours * 3_600_000);
  let t = start.getTime();
  if (sla.calendar === 'calendar') return new Date(t + remaining);
  while (remaining > 0) {
    const midnight = nextLocalMidnight(t, sla.timeZone);
    if (isWeekend(localTime(t, sla.timeZone).weekday)) {
      t = midnight;
      continue;
    }
    const chunk = Math.min(remaining, midnight - t);
    t += chunk;
    remaining -= chunk;
  }
  return new Date(t);
}

/** "Mon 7 Dec 2026, 18:00 (America/New_York, UTC−05:00)": a due time as its zone reads it. */
export function describeInZone(t: Date, timeZone: string): string {
  const l = localTime(t.getTime(), timeZone);
  const off = offsetMinutes(t.getTime(), timeZone);
  const sign = off < 0 ? '−' : '+';
  const abs = Math.abs(off);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    l.month - 1
  ];
  const time = `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
  return `${WEEKDAYS[l.weekday]} ${l.day} ${month} ${l.year}, ${time} (${timeZone}, UTC${sign}${hhmm})`;
}

export type SlaFlag = 'none' | 'on_track' | 'due_soon' | 'overdue' | 'on_time' | 'late';

export interface SlaSubject {
  state: string;
  dueAt: string | null;
  firstDeliveredAt: string | null;
  slaHours: number;
}

/** How long before the due time an open order is flagged due soon: a quarter of the SLA, at most 4 hours. */
export function dueSoonMinutes(slaHours: number): number {
  return Math.min(240, Math.round(slaHours * 15));
}

export interface SlaStatus {
  flag: SlaFlag;
  /** Minutes until due (negative once overdue); null when not running. */
  minutesLeft: number | null;
  /** Minutes the first delivery came after the due time (0 when on time); or overdue so far. */
  latenessMinutes: number | null;
}

/** The flag the board shows: judged on the first delivery; open orders by the clock. */
export function slaStatus(o: SlaSubject, now: Date): SlaStatus {
  if (o.dueAt === null) return { flag: 'none', minutesLeft: null, latenessMinutes: null };
  const due = Date.parse(o.dueAt);
  if (o.firstDeliveredAt !== null) {
    const late = Math.max(0, Math.round((Date.parse(o.firstDeliveredAt) - due) / 60_000));
    return { flag: late > 0 ? 'late' : 'on_time', minutesLeft: null, latenessMinutes: late };
  }
  if (o.state === 'cancelled' || o.state === 'draft') {
    return { flag: 'none', minutesLeft: null, latenessMinutes: null };
  }
  const left = Math.floor((due - now.getTime()) / 60_000);
  if (left < 0) return { flag: 'overdue', minutesLeft: left, latenessMinutes: -left };
  return {
    flag: left <= dueSoonMinutes(o.slaHours) ? 'due_soon' : 'on_track',
    minutesLeft: left,
    latenessMinutes: null,
  };
}

export interface RecordSubject extends SlaSubject {
  revisionRounds: number;
  /** 1–5, rated in review; null when not rated. */
  qualityRating: number | null;
  timelinessRating: number | null;
}

/** An out-tasker's record with the firm: what bid comparison and the SLA page show. */
export interface OuttaskerRecord {
  /** Orders sent to them (drafts and orders cancelled before any delivery left out). */
  orders: number;
  /** Orders judged on time: delivered, or still open and past due (late already). */
  judged: number;
  onTime: number;
  late: number;
  /** onTime / judged; null with nothing judged yet. */
  onTimeShare: number | null;
  /** Mean and worst minutes late over the late ones (open overdue ones count so far). */
  meanLatenessMinutes: number | null;
  maxLatenessMinutes: number | null;
  /** Revision rounds per delivered order. */
  revisionsPerOrder: number | null;
  /** Orders the firm has reviewed: approved, or sent back for changes at least once. */
  reviewed: number;
  /** Of the reviewed orders, the share approved on their first delivery (no change asked); null with none. */
  acceptanceShare: number | null;
  meanQuality: number | null;
  meanTimeliness: number | null;
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

export function outtaskerRecord(orders: readonly RecordSubject[], now: Date): OuttaskerRecord {
  let judged = 0;
  let onTime = 0;
  const lateness: number[] = [];
  const revisions: number[] = [];
  let count = 0;
  let reviewed = 0;
  let firstTime = 0;
  for (const o of orders) {
    const s = slaStatus(o, now);
    if (o.state === 'draft' || (o.state === 'cancelled' && o.firstDeliveredAt === null)) continue;
    count++;
    if (o.firstDeliveredAt !== null) revisions.push(o.revisionRounds);
    const approved = o.state === 'approved' || o.state === 'invoiced';
    if (approved || o.revisionRounds > 0) reviewed++;
    if (approved && o.revisionRounds === 0) firstTime++;
    if (s.flag === 'on_time') {
      judged++;
      onTime++;
    } else if (s.flag === 'late' || s.flag === 'overdue') {
      judged++;
      lateness.push(s.latenessMinutes ?? 0);
    }
  }
  const q = orders.map((o) => o.qualityRating).filter((r): r is number => r !== null);
  const t = orders.map((o) => o.timelinessRating).filter((r): r is number => r !== null);
  return {
    orders: count,
    judged,
    onTime,
    late: lateness.length,
    onTimeShare: judged === 0 ? null : onTime / judged,
    meanLatenessMinutes: mean(lateness),
    maxLatenessMinutes: lateness.length === 0 ? null : Math.max(...lateness),
    revisionsPerOrder: mean(revisions),
    reviewed,
    acceptanceShare: reviewed === 0 ? null : firstTime / reviewed,
    meanQuality: mean(q),
    meanTimeliness: mean(t),
  };
}
