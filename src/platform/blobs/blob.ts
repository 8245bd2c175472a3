/**
 * Content-addressed files, the pure part: a blob is named by the sha256 of its bytes, so the same
 * bytes are stored once, a name can be checked against what is read, and a repeated write is harmless.
 * `BlobStore` is what a backend provides (local disk today; an S3-compatible bucket can implement it
 * as objects keyed by the same name).
 */
import type { Readable } from 'node:stream';
import { AppError } from '../errors.ts';

/** Lower-case hex sha256 of the blob's bytes. */
export type Sha256 = string;

export interface BlobInfo {
  sha256: Sha256;
  size: number;
}

export interface StoredBlob extends BlobInfo {
  /** When the blob was last written (a repeated put refreshes it): an orphan sweep spares recent ones. */
  modifiedAt: Date;
}

export interface BlobStore {
  /** Where blobs live, for messages (a folder, a bucket). */
  readonly where: string;
  /** The most bytes one blob may have; a larger put fails with FILE_TOO_LARGE and stores nothing. */
  readonly maxBytes: number;
  /**
   * Stores the bytes under their sha256 and returns it. Durable when it returns (written to a
   * temporary name, flushed, renamed). Storing bytes already there refreshes their time and is
   * otherwise a no-op (`created: false`).
   */
  put(data: Uint8Array | Readable | AsyncIterable<Uint8Array>): Promise<BlobInfo & { created: boolean }>;
  /** The whole blob, checked against its name (BLOB_CORRUPT when the bytes changed on disk). */
  get(sha256: Sha256): Promise<Buffer>;
  /** A stream of the blob; it fails with BLOB_CORRUPT at its end if the bytes do not hash to the name. */
  open(sha256: Sha256): Promise<Readable>;
  stat(sha256: Sha256): Promise<StoredBlob | undefined>;
  /** Removes the blob; false when it was not there. */
  delete(sha256: Sha256): Promise<boolean>;
  /** Every stored blob, in no particular order. */
  list(): AsyncIterable<StoredBlob>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

/** Refuses anything but a lower-case hex sha256 (it becomes a file name: no path tricks). */
export function assertSha256(value: string, what = 'blob id'): Sha256 {
  if (!isSha256(value))
    throw new AppError(
      'VALIDATION_FAILED',
      `${what} must be 64 lower-case hex digits (a sha256), got "${value.slice(0, 80)}"`,
    );
  return value;
}

export function blobTooLarge(maxBytes: number, seen: number): AppError {
  return new AppError(
    'FILE_TOO_LARGE',
    `The file is larger than the ${formatBytes(maxBytes)} a stored file may have (read ${formatBytes(seen)} so far); raise OUTTASK_BLOB_MAX_MB to allow it`,
    { maxBytes },
  );
}

export function blobCorrupt(sha256: Sha256, actual: string, where: string): AppError {
  return new AppError(
    'BLOB_CORRUPT',
    `Stored file ${sha256} in ${where} is damaged: its bytes hash to ${actual}. Restore it from a backup (outtask restore)`,
    { sha256, actual },
  );
}

export function blobNotFound(sha256: Sha256, where: string): AppError {
  return new AppError('BLOB_NOT_FOUND', `No stored file ${sha256} in ${where}`, { sha256 });
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
