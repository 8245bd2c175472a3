/**
 * Which files in a watched folder are ready to take, the pure part. Sync clients (Dropbox, Drive,
 * Syncthing, OneDrive) and phones write through temporary names and renames, and a large file grows
 * for a while: such names are ignored, and a file is ready only once its size and mtime have stayed
 * the same for `settleMs`.
 */
import { isIntakeFileName } from './pipeline.ts';

/** Names that are never a finished file: dotfiles (.dropbox.cache, .syncthing.x.tmp), Office locks, partial downloads. */
const TEMP_SUFFIX =
  /\.(part|partial|tmp|temp|crdownload|download|opdownload|filepart|sb-[\w-]+|!sync|icloud)$/i;

export function isTemporaryName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name.startsWith('~') ||
    name.endsWith('~') ||
    TEMP_SUFFIX.test(name)
  );
}

/** Whether a folder entry could be taken in at all (not temporary, a kind of file a pipeline reads). */
export function isCandidate(name: string): boolean {
  return !isTemporaryName(name) && isIntakeFileName(name);
}

export interface FileStat {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface Observation {
  size: number;
  mtimeMs: number;
  /** When the file was first seen with this size and mtime (ms). */
  since: number;
}

/**
 * The observations after a scan at `now`: a file whose size or mtime changed starts settling again;
 * files gone from the folder are forgotten.
 */
export function observe(
  previous: ReadonlyMap<string, Observation>,
  listing: readonly FileStat[],
  now: number,
): Map<string, Observation> {
  const next = new Map<string, Observation>();
  for (const f of listing) {
    const p = previous.get(f.path);
    next.set(
      f.path,
      p && p.size === f.size && p.mtimeMs === f.mtimeMs
        ? p
        : { size: f.size, mtimeMs: f.mtimeMs, since: now },
    );
  }
  return next;
}

/** Settled: unchanged for `settleMs`, not empty, and not written to within `settleMs` of now (clock skew on a network share). */
export function isSettled(o: Observation, now: number, settleMs: number): boolean {
  return o.size > 0 && now - o.since >= settleMs && now - o.mtimeMs >= settleMs;
}
