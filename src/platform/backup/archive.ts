/**
 * The whole backup: the database snapshot (db/backup.ts) and the stored files it references, in one
 * tar file — `outtask-backup.json.gz` first, then `blobs/<sha256>` for each blob the snapshot knows.
 * Files are streamed (recordings can be large) and checked against their sha256 on the way out and
 * on the way in, so a damaged file fails the backup or the restore instead of being copied on.
 * A restore puts the files first and replaces the database last (in one transaction): if anything
 * fails, the database is as it was and the extra files are only orphans the next sweep removes.
 * Backups of before stored files existed (gzipped JSON alone) still restore.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';
import type { BlobStore } from '../blobs/index.ts';
import { isSha256 } from '../blobs/index.ts';
import { backupToBuffer, parseSnapshot, restoreFromBuffer } from '../db/backup.ts';
import type { Db } from '../db/connect.ts';
import { AppError } from '../errors.ts';

const SNAPSHOT_ENTRY = 'outtask-backup.json.gz';
const BLOB_PREFIX = 'blobs/';

export interface BackupSummary {
  rows: number;
  tables: number;
  /** Stored files in the archive, and their bytes. */
  blobs: number;
  blobBytes: number;
}

interface BlobRow {
  sha256: string;
  size_bytes: number;
}

interface RefRow {
  sha256: string;
}

/** Writes the archive to `file` (through `file.partial`, renamed when complete). */
export async function writeBackup(db: Db, store: BlobStore, file: string, now: Date): Promise<BackupSummary> {
  const snapshot = await backupToBuffer(db, now);
  const blobRows = (snapshot.data.blobs ?? []) as unknown as BlobRow[];
  const referenced = new Set(((snapshot.data.blob_refs ?? []) as unknown as RefRow[]).map((r) => r.sha256));
  const tmp = `${file}.partial`;
  const pack = tar.pack();
  // A backup holds password and session hashes: owner-only, like the database (0600).
  const written = pipeline(pack, fs.createWriteStream(tmp, { mode: 0o600 }));
  let blobs = 0;
  let blobBytes = 0;
  try {
    await addEntry(pack, { name: SNAPSHOT_ENTRY, size: snapshot.bytes.length, mtime: now }, snapshot.bytes);
    for (const b of blobRows) {
      const stat = await store.stat(b.sha256);
      if (!stat) {
        // An unreferenced blob may be swept between the snapshot and now; a referenced one must be there.
        if (!referenced.has(b.sha256)) continue;
        throw new AppError(
          'BACKUP_FAILED',
          `Stored file ${b.sha256} is referenced but missing from ${store.where}; the backup was not written`,
        );
      }
      await addEntry(
        pack,
        { name: `${BLOB_PREFIX}${b.sha256}`, size: stat.size, mtime: now },
        await store.open(b.sha256),
      );
      blobs++;
      blobBytes += stat.size;
    }
    pack.finalize();
    await written;
  } catch (err) {
    pack.destroy();
    await written.catch(() => undefined);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
  return { rows: snapshot.rows, tables: snapshot.tables, blobs, blobBytes };
}

function addEntry(
  pack: tar.Pack,
  header: Partial<tar.Header> & { name: string },
  body: Buffer | NodeJS.ReadableStream,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (Buffer.isBuffer(body)) {
      pack.entry(header, body, (err) => (err ? reject(err) : resolve()));
      return;
    }
    const entry = pack.entry(header, (err) => (err ? reject(err) : resolve()));
    // A damaged blob fails its stream at the end; the whole pack is destroyed by the caller.
    entry.on('error', reject);
    body.on('error', (err) => {
      reject(err);
      entry.destroy(err);
    });
    body.pipe(entry);
  });
}

/** Restores an archive written by writeBackup (or a database-only backup of an older version). */
export async function restoreBackup(db: Db, store: BlobStore, file: string): Promise<BackupSummary> {
  const head = Buffer.alloc(2);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 2, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    // Written before stored files existed: the database snapshot alone.
    const r = await restoreFromBuffer(db, fs.readFileSync(file), file);
    return { ...r, blobs: 0, blobBytes: 0 };
  }

  let snapshotBytes: Buffer | undefined;
  let blobs = 0;
  let blobBytes = 0;
  const extract = tar.extract();
  const reading = pipeline(fs.createReadStream(file), extract);
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (name === SNAPSHOT_ENTRY) {
        snapshotBytes = await collect(entry as AsyncIterable<Uint8Array>);
        // Checked before any file is stored: a backup this version cannot restore changes nothing.
        parseSnapshot(snapshotBytes, file);
      } else if (name.startsWith(BLOB_PREFIX) && isSha256(name.slice(BLOB_PREFIX.length))) {
        if (!snapshotBytes) throw invalid(file, `${name} comes before the database snapshot`);
        const expected = name.slice(BLOB_PREFIX.length);
        const put = await store.put(entry as AsyncIterable<Uint8Array>);
        if (put.sha256 !== expected) {
          if (put.created) await store.delete(put.sha256);
          throw invalid(file, `stored file ${expected} is damaged (its bytes hash to ${put.sha256})`);
        }
        blobs++;
        blobBytes += put.size;
      } else {
        throw invalid(file, `unexpected entry "${name}"`);
      }
    }
    await reading;
  } catch (err) {
    extract.destroy();
    await reading.catch(() => undefined);
    if (err instanceof AppError) throw err;
    throw invalid(file, `not an Outtask backup archive (${(err as Error).message})`, err);
  }
  if (!snapshotBytes) throw invalid(file, `it holds no ${SNAPSHOT_ENTRY}`);

  // Every file the restored database references must be there before the database is replaced.
  const snapshot = parseSnapshot(snapshotBytes, file);
  const refs = new Set(((snapshot.tables.blob_refs ?? []) as unknown as RefRow[]).map((r) => r.sha256));
  const missing: string[] = [];
  for (const sha256 of refs) if (!(await store.stat(sha256))) missing.push(sha256);
  if (missing.length)
    throw invalid(file, `${missing.length} referenced stored file(s) are missing, e.g. ${missing[0]}`);
  const r = await restoreFromBuffer(db, snapshotBytes, file);
  return { ...r, blobs, blobBytes };
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

function invalid(file: string, why: string, cause?: unknown): AppError {
  return new AppError('BACKUP_INVALID', `${file}: ${why}; nothing was restored`, undefined, { cause });
}
