/** Content-addressed stored files: the store (local disk; S3-ready interface) and references in the db. */
export {
  assertSha256,
  type BlobInfo,
  type BlobStore,
  formatBytes,
  isSha256,
  type Sha256,
  type StoredBlob,
} from './blob.ts';
export {
  type AttachInput,
  type BlobRef,
  type Blobs,
  createBlobs,
  type SweepResult,
} from './blobs.service.ts';
export { DiskBlobStore, type DiskBlobStoreOptions } from './disk-store.ts';
