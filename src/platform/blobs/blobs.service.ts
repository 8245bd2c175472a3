/**
 * Stored files for features: bytes go to the BlobStore (outside any transaction: a write may be slow),
 * then a reference is attached inside the caller's transaction, so a file is held if and only if the
 * data change that needs it commits. Reads are scoped to the workspace that holds a reference.
 * Unreferenced blobs (a rolled-back upload, a released owner, a crash between the two halves) are
 * removed by `sweep` after a grace period.
 */
import type { Readable } from 'node:stream';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import type { IdGenerator } from '../ids.ts';
import { type BlobInfo, type BlobStore, blobNotFound, isSha256, type Sha256 } from './blob.ts';
import { type BlobRefRow, blobsStore, type Executor } from './blobs.store.ts';

export interface BlobRef {
  id: string;
  workspaceId: string;
  sha256: Sha256;
  ownerKind: string;
  ownerId: string;
  name: string;
  mediaType: string | null;
  createdAt: string;
}

export interface AttachInput {
  workspaceId: string;
  owner: { kind: string; id: string };
  /** The file's name within its owner; attaching a name again points it at the new blob. */
  name: string;
  mediaType?: string | null;
}

export interface SweepResult {
  /** Blob rows nobody referenced. */
  rows: number;
  /** Files removed from the store (rows swept, and files no row knew). */
  files: number;
  /** Half-written temporary files a crash left behind. */
  temporaries: number;
}

export interface Blobs {
  readonly store: BlobStore;
  /** Writes the bytes to the store (durable when it returns); attach them in your transaction next. */
  write(data: Uint8Array | Readable | AsyncIterable<Uint8Array>): Promise<BlobInfo>;
  attach(tx: Executor, blob: BlobInfo, ref: AttachInput): Promise<BlobRef>;
  /** write + attach in a transaction of its own. */
  save(data: Uint8Array, ref: AttachInput): Promise<BlobRef>;
  /** The bytes, verified against their sha256 — only if the workspace holds a reference to them. */
  read(workspaceId: string, sha256: Sha256): Promise<Buffer>;
  refsOf(ownerKind: string, ownerId: string, ex?: Executor): Promise<BlobRef[]>;
  /** Drops the owner's references (the blobs go at the next sweep if nothing else holds them). */
  release(tx: Executor, ownerKind: string, ownerId: string): Promise<number>;
  /** Removes blobs nobody references and that were not touched since `before`. */
  sweep(before: Date): Promise<SweepResult>;
}

export interface BlobsDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
}

const SWEEP_BATCH = 500;

export function createBlobs(
  deps: BlobsDeps,
  store: BlobStore & { removeStaleTemporaries?(before: Date): Promise<number> },
): Blobs {
  const k = deps.db.kysely;
  const toRef = (r: BlobRefRow): BlobRef => ({
    id: r.id,
    workspaceId: r.workspace_id,
    sha256: r.sha256,
    ownerKind: r.owner_kind,
    ownerId: r.owner_id,
    name: r.name,
    mediaType: r.media_type,
    createdAt: r.created_at,
  });

  const blobs: Blobs = {
    store,
    async write(data) {
      const { sha256, size } = await store.put(data);
      return { sha256, size };
    },
    async attach(tx, blob, ref) {
      const row = await blobsStore.attach(
        tx,
        { sha256: blob.sha256, size: blob.size, now: deps.clock.now().toISOString() },
        {
          id: deps.newId(),
          workspace_id: ref.workspaceId,
          owner_kind: ref.owner.kind,
          owner_id: ref.owner.id,
          name: ref.name,
          media_type: ref.mediaType ?? null,
        },
      );
      return toRef(row);
    },
    async save(data, ref) {
      const info = await blobs.write(data);
      return k.transaction().execute((trx) => blobs.attach(trx, info, ref));
    },
    async read(workspaceId, sha256) {
      // Same answer for "not yours" and "not there": another workspace's files are not revealed.
      if (!isSha256(sha256) || !(await blobsStore.heldBy(k, workspaceId, sha256)))
        throw blobNotFound(isSha256(sha256) ? sha256 : '(not a sha256)', 'this workspace');
      return store.get(sha256);
    },
    async refsOf(ownerKind, ownerId, ex) {
      return (await blobsStore.refsOf(ex ?? k, ownerKind, ownerId)).map(toRef);
    },
    release(tx, ownerKind, ownerId) {
      return blobsStore.detach(tx, ownerKind, ownerId);
    },
    async sweep(before) {
      const iso = before.toISOString();
      let rows = 0;
      let files = 0;
      const removeIfOld = async (sha256: string) => {
        // A put of the same bytes since `before` renamed a fresh file into place: keep it.
        const s = await store.stat(sha256);
        if (s && s.modifiedAt < before && (await store.delete(sha256))) files++;
      };
      for (;;) {
        const gone = await k
          .transaction()
          .execute((trx) => blobsStore.deleteUnreferenced(trx, iso, SWEEP_BATCH));
        rows += gone.length;
        for (const sha256 of gone) await removeIfOld(sha256);
        if (gone.length < SWEEP_BATCH) break;
      }
      // Files no row knows: written, but the transaction that would have attached them never committed.
      let batch: string[] = [];
      const flush = async () => {
        const known = await blobsStore.known(k, batch);
        for (const sha256 of batch) if (!known.has(sha256)) await removeIfOld(sha256);
        batch = [];
      };
      for await (const b of store.list()) {
        if (b.modifiedAt >= before) continue;
        batch.push(b.sha256);
        if (batch.length >= SWEEP_BATCH) await flush();
      }
      await flush();
      const temporaries = (await store.removeStaleTemporaries?.(before)) ?? 0;
      return { rows, files, temporaries };
    },
  };
  return blobs;
}
