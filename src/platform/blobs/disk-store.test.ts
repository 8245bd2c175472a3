import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskBlobStore } from './disk-store.ts';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

function aStore(maxBytes?: number): { store: DiskBlobStore; root: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-blobs-'));
  roots.push(root);
  return { store: new DiskBlobStore(root, maxBytes === undefined ? {} : { maxBytes }), root };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

describe('DiskBlobStore', () => {
  it('stores bytes under their sha256 and reads them back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), async (bytes) => {
        const { store } = aStore();
        const put = await store.put(bytes);
        expect(put).toEqual({ sha256: sha(bytes), size: bytes.length, created: true });
        expect(Buffer.compare(await store.get(put.sha256), Buffer.from(bytes))).toBe(0);
        expect(Buffer.compare(await readAll(await store.open(put.sha256)), Buffer.from(bytes))).toBe(0);
      }),
      { numRuns: 25, seed: 20261207 },
    );
  });

  it('stores the same bytes once, and takes a stream', async () => {
    const { store, root } = aStore();
    const bytes = Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n');
    const first = await store.put(bytes);
    const second = await store.put(Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]));
    expect(second).toEqual({ ...first, created: false });
    const listed = [];
    for await (const b of store.list()) listed.push(b.sha256);
    expect(listed).toEqual([first.sha256]);
    // Laid out in two levels of folders, no temporary file left behind.
    expect(
      fs.existsSync(path.join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256)),
    ).toBe(true);
    expect(fs.readdirSync(path.join(root, '.tmp'))).toEqual([]);
  });

  it('refuses a file over the size limit and keeps nothing of it', async () => {
    const { store, root } = aStore(1000);
    await expect(store.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]))).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: expect.stringMatching(/larger than the 1000 B/),
    });
    expect(fs.readdirSync(path.join(root, '.tmp'))).toEqual([]);
    const listed = [];
    for await (const b of store.list()) listed.push(b);
    expect(listed).toEqual([]);
    expect((await store.put(Buffer.alloc(1000))).size).toBe(1000);
  });

  it('notices bytes damaged on disk, on get and at the end of a stream; a put of the right bytes heals them', async () => {
    const { store } = aStore();
    const bytes = Buffer.from('the interview transcript, as uploaded');
    const { sha256 } = await store.put(bytes);
    const file = store.pathOf(sha256);
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, 'the interview transcript, as altered!');
    await expect(store.get(sha256)).rejects.toMatchObject({ code: 'BLOB_CORRUPT' });
    await expect(readAll(await store.open(sha256))).rejects.toMatchObject({ code: 'BLOB_CORRUPT' });
    await store.put(bytes);
    expect((await store.get(sha256)).toString()).toBe(bytes.toString());
  });

  it('answers a missing blob and a malformed name with clear errors', async () => {
    const { store } = aStore();
    const absent = sha(Buffer.from('never stored'));
    await expect(store.get(absent)).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' });
    await expect(store.open(absent)).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' });
    expect(await store.stat(absent)).toBeUndefined();
    expect(await store.delete(absent)).toBe(false);
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('removes temporary files a crash left behind, once they are old', async () => {
    const { store, root } = aStore();
    await store.put(Buffer.from('x'));
    const stale = path.join(root, '.tmp', 'crashed.part');
    fs.writeFileSync(stale, 'half a recording');
    expect(await store.removeStaleTemporaries(new Date(Date.now() - 60_000))).toBe(0);
    expect(await store.removeStaleTemporaries(new Date(Date.now() + 1000))).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
  });
});
