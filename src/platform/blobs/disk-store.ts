/**
 * The local-disk BlobStore: `<root>/ab/cd/<sha256>`. A put streams into `<root>/.tmp/` while hashing,
 * flushes the file (fsync), renames it to its name and flushes the folder, so a crash leaves either
 * the whole blob or nothing under its name (a stray temporary file at worst, which the sweep removes).
 * Renaming over an existing blob also heals one that was damaged on disk.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import {
  assertSha256,
  type BlobInfo,
  type BlobStore,
  blobCorrupt,
  blobNotFound,
  blobTooLarge,
  isSha256,
  type Sha256,
  type StoredBlob,
} from './blob.ts';

export interface DiskBlobStoreOptions {
  /** The most bytes one blob may have (default 2 GiB). */
  maxBytes?: number;
}

const TMP = '.tmp';

export class DiskBlobStore implements BlobStore {
  readonly where: string;
  readonly maxBytes: number;
  readonly #root: string;

  constructor(root: string, opts: DiskBlobStoreOptions = {}) {
    this.#root = path.resolve(root);
    this.where = this.#root;
    this.maxBytes = opts.maxBytes ?? 2 * 1024 ** 3;
  }

  /** The file a blob lives in (two levels of folders keep each folder small). */
  pathOf(sha256: Sha256): string {
    assertSha256(sha256);
    return path.join(this.#root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(
    data: Uint8Array | Readable | AsyncIterable<Uint8Array>,
  ): Promise<BlobInfo & { created: boolean }> {
    const tmpDir = path.join(this.#root, TMP);
    await fs.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const fh = await fs.open(tmp, 'wx');
    try {
      const chunks: AsyncIterable<Uint8Array> | Uint8Array[] = data instanceof Uint8Array ? [data] : data;
      for await (const chunk of chunks) {
        size += chunk.byteLength;
        if (size > this.maxBytes) throw blobTooLarge(this.maxBytes, size);
        hash.update(chunk);
        await fh.write(chunk);
      }
      await fh.sync();
    } catch (err) {
      await fh.close().catch(() => undefined);
      await fs.rm(tmp, { force: true });
      throw err;
    }
    await fh.close();
    const sha256 = hash.digest('hex');
    const target = this.pathOf(sha256);
    const existed = await exists(target);
    await fs.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.rename(tmp, target);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
    await syncDir(path.dirname(target));
    return { sha256, size, created: !existed };
  }

  async get(sha256: Sha256): Promise<Buffer> {
    const file = this.pathOf(sha256);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw blobNotFound(sha256, this.where);
      throw err;
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw blobCorrupt(sha256, actual, this.where);
    return bytes;
  }

  async open(sha256: Sha256): Promise<Readable> {
    const file = this.pathOf(sha256);
    if (!(await exists(file))) throw blobNotFound(sha256, this.where);
    const hash = createHash('sha256');
    const where = this.where;
    const check = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush(done) {
        const actual = hash.digest('hex');
        done(actual === sha256 ? null : blobCorrupt(sha256, actual, where));
      },
    });
    const source = createReadStream(file);
    source.on('error', (err) => check.destroy(err));
    return source.pipe(check);
  }

  async stat(sha256: Sha256): Promise<StoredBlob | undefined> {
    try {
      const s = await fs.stat(this.pathOf(sha256));
      return { sha256, size: s.size, modifiedAt: s.mtime };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async delete(sha256: Sha256): Promise<boolean> {
    try {
      await fs.unlink(this.pathOf(sha256));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  async *list(): AsyncIterable<StoredBlob> {
    for (const a of await listDir(this.#root)) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await listDir(path.join(this.#root, a))) {
        for (const name of await listDir(path.join(this.#root, a, b))) {
          if (!isSha256(name) || name.slice(0, 2) !== a || name.slice(2, 4) !== b) continue;
          const s = await fs.stat(path.join(this.#root, a, b, name)).catch(() => undefined);
          if (s?.isFile()) yield { sha256: name, size: s.size, modifiedAt: s.mtime };
        }
      }
    }
  }

  /** Temporary files older than `before` (left by a crash mid-put) are removed; returns how many. */
  async removeStaleTemporaries(before: Date): Promise<number> {
    const dir = path.join(this.#root, TMP);
    let n = 0;
    for (const name of await listDir(dir)) {
      const file = path.join(dir, name);
      const s = await fs.stat(file).catch(() => undefined);
      if (s && s.mtime < before) {
        await fs.rm(file, { force: true });
        n++;
      }
    }
    return n;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** A rename is durable once its folder is flushed too. */
async function syncDir(dir: string): Promise<void> {
  const fh = await fs.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
