/** Materials the firm attaches to an order, and every file read — each read audited. */
import type { BlobInfo } from '../../platform/blobs/index.ts';
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { WorkOrderState } from '../workorder.ts';
import { workOrdersStore as store, type WorkOrderFile } from '../workorders.store.ts';
import {
  requireFirm,
  requireOrder,
  type Trx,
  type WorkOrdersActor,
  type WorkOrdersContext,
} from './context.ts';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  mediaType?: string | undefined;
}

const MEDIA_TYPES: Record<string, string> = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
  srt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
};

export function mediaTypeOf(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return MEDIA_TYPES[ext] ?? 'application/octet-stream';
}

/** A file name that is a name: no folders, no control characters, not empty, at most 200 characters. */
export function cleanFileName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (base.length === 0 || base === '.' || base === '..') {
    throw new AppError('VALIDATION_FAILED', `"${name}" is not a file name`, { field: 'name' });
  }
  return base.slice(0, 200);
}

/** Stores the bytes, then (in the caller's transaction) the file row and the blob reference. */
export async function storeFiles(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  orderId: string,
  files: readonly UploadedFile[],
  opts: { role: 'material' | 'delivery'; deliveryId: string | null; redacted: boolean },
): Promise<(trx: Trx) => Promise<WorkOrderFile[]>> {
  const written: { name: string; mediaType: string; info: BlobInfo }[] = [];
  for (const f of files) {
    const name = cleanFileName(f.name);
    if (f.bytes.length === 0) throw new AppError('FILE_EMPTY', `${name} is empty`, { file: name });
    written.push({
      name,
      mediaType: f.mediaType ?? mediaTypeOf(name),
      info: await ctx.deps.blobs.write(f.bytes),
    });
  }
  return async (trx) => {
    const out: WorkOrderFile[] = [];
    const now = nowIso(ctx.deps);
    for (const w of written) {
      const id = ctx.deps.newId();
      await ctx.deps.blobs.attach(trx, w.info, {
        workspaceId: actor.workspace.id,
        owner: { kind: 'work_order', id: orderId },
        name: `${opts.role}/${id}/${w.name}`,
        mediaType: w.mediaType,
      });
      const row = {
        id,
        workspace_id: actor.workspace.id,
        work_order_id: orderId,
        delivery_id: opts.deliveryId,
        role: opts.role,
        name: w.name,
        media_type: w.mediaType,
        size: w.info.size,
        sha256: w.info.sha256,
        redacted: opts.redacted ? 1 : 0,
        created_by: actor.userId,
        created_at: now,
      };
      await store.insertFile(trx, row);
      out.push({
        id,
        workOrderId: orderId,
        deliveryId: opts.deliveryId,
        role: opts.role,
        name: w.name,
        mediaType: w.mediaType,
        size: w.info.size,
        sha256: w.info.sha256,
        redacted: opts.redacted,
        createdAt: now,
      });
    }
    return out;
  };
}

const MATERIAL_STATES: readonly WorkOrderState[] = ['draft', 'sent', 'accepted', 'changes_requested'];

/** Materials (recordings, redacted transcripts, a draft deck) for the out-tasker, before the work is done. */
export async function addMaterials(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  id: string,
  files: readonly UploadedFile[],
  opts: { redacted: boolean },
): Promise<WorkOrderFile[]> {
  requireFirm(actor, 'add materials');
  const order = await requireOrder(ctx, actor, id);
  if (!MATERIAL_STATES.includes(order.state)) {
    throw new AppError(
      'WORK_ORDER_STATE_INVALID',
      `${order.ref} is ${order.state.replace('_', ' ')}: materials are added before the work is delivered.`,
      { workOrderId: id, from: order.state },
    );
  }
  const attach = await storeFiles(ctx, actor, id, files, { role: 'material', deliveryId: null, ...opts });
  return ctx.db.transaction().execute(async (trx) => {
    const out = await attach(trx);
    await ctx.audit(trx, actor, 'workorder.materials.add', id, {
      files: out.map((f) => ({ id: f.id, name: f.name, sha256: f.sha256, redacted: f.redacted })),
    });
    return out;
  });
}

/** A file's bytes for someone who may see the order; the read is audited (who saw what). */
export async function readWorkOrderFile(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  id: string,
  fileId: string,
): Promise<{ file: WorkOrderFile; bytes: Buffer }> {
  await requireOrder(ctx, actor, id);
  const file = await store.file(ctx.db, actor.workspace.id, id, fileId);
  if (!file) throw new AppError('FILE_NOT_FOUND', `Work order ${id} has no file ${fileId}`, { fileId });
  const bytes = await ctx.deps.blobs.read(actor.workspace.id, file.sha256);
  await ctx.audit(ctx.db, actor, 'workorder.file.read', id, {
    fileId,
    name: file.name,
    role: file.role,
    sha256: file.sha256,
  });
  return { file, bytes };
}
