import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../platform/errors.ts';
import {
  checkTimeZone,
  describeInZone,
  dueAt,
  dueSoonMinutes,
  localTime,
  nextLocalMidnight,
  outtaskerRecord,
  type RecordSubject,
  type Sla,
  slaStatus,
  zonedToUtc,
} from './sla.ts';

const iso = (d: Date) => d.toISOString();
const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Pacific/Chatham',
];

describe('due time from the SLA, in an explicit time zone', () => {
  it('calendar hours: every hour counts', () => {
    const sla: Sla = { hours: 24, calendar: 'calendar', timeZone: 'America/New_York' };
    expect(iso(dueAt(new Date('2026-12-04T23:00:00Z'), sla))).toBe('2026-12-05T23:00:00.000Z');
  });

  it('weekdays: Friday 18:00 in New York + 24 h is Monday 18:00 in New York', () => {
    const sla: Sla = { hours: 24, calendar: 'weekdays', timeZone: 'America/New_York' };
    const due = dueAt(new Date('2026-12-04T23:00:00Z'), sla); // Fri 4 Dec, 18:00 EST
    expect(iso(due)).toBe('2026-12-07T23:00:00.000Z');
    expect(describeInZone(due, 'America/New_York')).toBe(
      'Mon 7 Dec 2026, 18:00 (America/New_York, UTC−05:00)',
    );
    // The same instant in Berlin is already Saturday: there the weekend starts 6 hours earlier.
    const berlin = dueAt(new Date('2026-12-04T23:00:00Z'), { ...sla, timeZone: 'Europe/Berlin' });
    expect(describeInZone(berlin, 'Europe/Berlin')).toBe('Tue 8 Dec 2026, 00:00 (Europe/Berlin, UTC+01:00)');
  });

  it('weekdays across the end of daylight saving: wall-clock 18:00 to 18:00, 73 real hours', () => {
    const start = new Date('2026-10-30T22:00:00Z'); // Fri 30 Oct 2026, 18:00 EDT
    const due = dueAt(start, { hours: 24, calendar: 'weekdays', timeZone: 'America/New_York' });
    expect(describeInZone(due, 'America/New_York')).toBe(
      'Mon 2 Nov 2026, 18:00 (America/New_York, UTC−05:00)',
    );
    expect((due.getTime() - start.getTime()) / 3_600_000).toBe(73);
  });

  it('finds local midnights, also on the day a zone skips or repeats an hour', () => {
    // Berlin springs forward on 29 Mar 2026 at 02:00: that day has 23 hours.
    const m1 = nextLocalMidnight(Date.parse('2026-03-28T12:00:00Z'), 'Europe/Berlin');
    const m2 = nextLocalMidnight(m1, 'Europe/Berlin');
    expect(new Date(m1).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect((m2 - m1) / 3_600_000).toBe(23);
    // A wall time inside the gap maps to just after it.
    expect(new Date(zonedToUtc(2026, 3, 29, 2, 30, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('refuses a zone that is not an IANA name, naming the field', () => {
    expect(checkTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    try {
      dueAt(new Date(), { hours: 4, calendar: 'calendar', timeZone: 'Mars/Olympus' });
      expect.fail('accepted');
    } catch (e) {
      expect((e as AppError).code).toBe('TIME_ZONE_INVALID');
      expect((e as AppError).message).toMatch(/^timeZone: "Mars\/Olympus" is not a time zone/);
    }
    expect(() => dueAt(new Date(), { hours: 0, calendar: 'calendar', timeZone: 'UTC' })).toThrow(/above 0/);
  });

  const instant = fc
    .integer({ min: Date.parse('2025-01-01'), max: Date.parse('2028-12-31') })
    .map((t) => t - (t % 60_000));

  it('wall times round-trip through a zone (property)', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (t, zone) => {
        const l = localTime(t, zone);
        const back = zonedToUtc(l.year, l.month, l.day, l.hour, l.minute, zone);
        expect(localTime(back, zone)).toEqual(l);
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it('weekday turnarounds add up, never end inside a weekend, and are never shorter than calendar ones (property)', () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        (t, zone, h1, h2) => {
          const sla = (hours: number): Sla => ({ hours, calendar: 'weekdays', timeZone: zone });
          const start = new Date(t);
          const whole = dueAt(start, sla(h1 + h2));
          expect(whole.getTime()).toBe(dueAt(dueAt(start, sla(h1)), sla(h2)).getTime());
          const lastCounted = localTime(whole.getTime() - 1, zone).weekday;
          expect(lastCounted).not.toBe(0);
          expect(lastCounted).not.toBe(6);
          expect(whole.getTime()).toBeGreaterThanOrEqual(
            dueAt(start, { hours: h1 + h2, calendar: 'calendar', timeZone: zone }).getTime(),
          );
          expect(dueAt(start, sla(h1)).getTime()).toBeLessThan(whole.getTime());
        },
      ),
      { numRuns: 200, seed: 20261207 },
    );
  });
});

describe('SLA flags and the out-tasker record', () => {
  const due = '2026-12-08T09:00:00.000Z';
  const open = { state: 'accepted', dueAt: due, firstDeliveredAt: null, slaHours: 24 };
  const now = (s: string) => new Date(s);

  it('flags open orders on track, due soon (a quarter of the SLA, at most 4 h) and overdue', () => {
    expect(dueSoonMinutes(24)).toBe(240);
    expect(dueSoonMinutes(2)).toBe(30);
    expect(slaStatus(open, now('2026-12-08T04:59:00Z'))).toEqual({
      flag: 'on_track',
      minutesLeft: 241,
      latenessMinutes: null,
    });
    expect(slaStatus(open, now('2026-12-08T05:00:00Z')).flag).toBe('due_soon');
    expect(slaStatus(open, now('2026-12-08T10:30:00Z'))).toEqual({
      flag: 'overdue',
      minutesLeft: -90,
      latenessMinutes: 90,
    });
  });

  it('judges a delivered order by its first delivery, whatever the revisions after', () => {
    const s = slaStatus(
      { ...open, state: 'approved', firstDeliveredAt: '2026-12-08T09:45:00Z' },
      now('2027-01-01T00:00:00Z'),
    );
    expect(s).toEqual({ flag: 'late', minutesLeft: null, latenessMinutes: 45 });
    expect(slaStatus({ ...open, state: 'delivered', firstDeliveredAt: due }, now(due)).flag).toBe('on_time');
    expect(slaStatus({ ...open, state: 'draft', dueAt: null }, now(due)).flag).toBe('none');
  });

  it('on-time share, lateness, revisions per order and ratings, by hand', () => {
    const o = (over: Partial<RecordSubject>): RecordSubject => ({
      ...open,
      revisionRounds: 0,
      qualityRating: null,
      timelinessRating: null,
      ...over,
    });
    const record = outtaskerRecord(
      [
        o({
          state: 'approved',
          firstDeliveredAt: '2026-12-08T08:00:00Z',
          revisionRounds: 1,
          qualityRating: 5,
          timelinessRating: 5,
        }),
        o({
          state: 'invoiced',
          firstDeliveredAt: '2026-12-08T09:00:00Z',
          qualityRating: 4,
          timelinessRating: 5,
        }),
        o({
          state: 'approved',
          firstDeliveredAt: '2026-12-08T11:00:00Z',
          revisionRounds: 2,
          qualityRating: 3,
          timelinessRating: 2,
        }),
        o({ state: 'accepted' }), // open, 60 minutes overdue at `now`
        o({ state: 'sent', dueAt: '2026-12-09T09:00:00Z' }), // open, not due
        o({ state: 'cancelled' }), // never delivered: not the out-tasker's record
        o({ state: 'draft', dueAt: null }),
      ],
      now('2026-12-08T10:00:00Z'),
    );
    expect(record).toEqual({
      orders: 5,
      judged: 4,
      onTime: 2,
      late: 2,
      onTimeShare: 0.5,
      meanLatenessMinutes: 90,
      maxLatenessMinutes: 120,
      revisionsPerOrder: 1,
      // Three reviewed (two sent back first), one approved on its first delivery.
      reviewed: 3,
      acceptanceShare: 1 / 3,
      meanQuality: 4,
      meanTimeliness: 4,
    });
    expect(outtaskerRecord([], new Date()).onTimeShare).toBeNull();
  });
});
