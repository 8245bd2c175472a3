/** Time is passed in, never read from a global in domain code. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

export function isoUtc(d: Date): string {
  return d.toISOString();
}

/**
 * The system clock, except while `at` holds a past moment: the demo replays months of history through
 * the same services (and the same database handle) the app then runs on, and `at(null)` hands back the
 * real time.
 */
export function replayClock(): Clock & { at(iso: string | null): void } {
  let fixed: number | null = null;
  return {
    now: () => (fixed === null ? new Date() : new Date(fixed)),
    at(iso) {
      fixed = iso === null ? null : new Date(iso).getTime();
    },
  };
}
