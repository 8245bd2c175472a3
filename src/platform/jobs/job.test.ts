import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { afterFailure, backoffMs, defineJob, nextRecurrence } from './job.ts';
import { isPermanent } from './worker.ts';

describe('job rules', () => {
  it('doubles the backoff per attempt up to its cap', () => {
    const policy = { baseMs: 1000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 60].map((n) => backoffMs(n, policy))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it('decides what a failed attempt leads to: cancel wins, then permanent or last attempt, else backoff', () => {
    const now = new Date('2026-01-01T00:00:00.000Z');
    const base = { attempts: 2, maxAttempts: 3, cancelRequested: false, permanent: false, now };
    expect(afterFailure(base)).toEqual({ status: 'queued', runAt: '2026-01-01T00:00:20.000Z' });
    expect(afterFailure({ ...base, attempts: 3 })).toEqual({ status: 'dead' });
    expect(afterFailure({ ...base, permanent: true })).toEqual({ status: 'dead' });
    expect(afterFailure({ ...base, attempts: 3, cancelRequested: true })).toEqual({ status: 'cancelled' });
  });

  it('schedules the next run of a recurring job one period on, skipping periods already past', () => {
    const now = new Date('2026-01-01T10:30:00.000Z');
    expect(nextRecurrence('2026-01-01T10:00:00.000Z', 3600, now)).toBe('2026-01-01T11:00:00.000Z');
    expect(nextRecurrence('2026-01-01T06:00:00.000Z', 3600, now)).toBe('2026-01-01T11:00:00.000Z');
    expect(nextRecurrence('2026-01-01T09:30:00.000Z', 3600, now)).toBe('2026-01-01T11:30:00.000Z');
  });

  it('treats bad input as permanent and everything else as worth a retry', () => {
    expect(isPermanent(new AppError('TRANSCRIPT_MALFORMED', 'x'))).toBe(true);
    expect(isPermanent(new AppError('DB_UNAVAILABLE', 'x'))).toBe(false);
    expect(isPermanent(new AppError('JOB_CANCELLED', 'x'))).toBe(false);
    expect(isPermanent(new Error('ECONNRESET'))).toBe(false);
  });

  it('refuses kinds and versions that could not be stored and matched', () => {
    expect(() => defineJob({ kind: 'Synthesis Job', version: 1, payload: z.object({}) })).toThrow(/dotted/);
    expect(() => defineJob({ kind: 'a.b', version: 0, payload: z.object({}) })).toThrow(/version/);
  });
});
