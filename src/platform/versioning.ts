/**
 * Optimistic concurrency, the pure half: every editable row carries a version bumped by each write to
 * it; a writer that names the version it read (HTTP If-Match) writes only if the row still has it.
 * The compare-and-set itself is in SQL (`UPDATE … WHERE id = ? AND version = ?`, see the stores), so
 * it holds across server processes; this file only words the refusal.
 */
import { AppError } from './errors.ts';

/** What a write expects of the row: nothing (last write wins per field) or this version. */
export interface WriteCondition {
  expectedVersion?: number;
}

/**
 * The refusal of a stale write. `current` is the row as it is now, so a client can show the other
 * change next to its own without another request.
 */
export function staleWrite(
  what: string,
  id: string,
  expected: number,
  currentVersion: number,
  current?: unknown,
): AppError {
  return new AppError(
    'STALE_WRITE',
    `This ${what} changed since you loaded it (you had version ${expected < 0 ? 'unknown' : expected}, it is now at version ${currentVersion}): nothing was saved. Reload it, look at the other change, then apply yours again.`,
    { id, expectedVersion: expected, currentVersion, ...(current === undefined ? {} : { current }) },
  );
}
