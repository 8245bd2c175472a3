/**
 * Deliveries and their review: files plus a note, the units counted from the delivered file (the
 * slides of a PPTX, not guessed; hidden ones apart), the acceptance checklist ticked in review,
 * revision rounds, quality and timeliness rated apart; and the system's approval after the days of
 * silence, run by a scheduled job.
 */
import { AppError, isAppError } from '../../platform/errors.ts';
import { type UnitCount, unitsOfBytes } from '../../units/index.ts';
import { autoApprovalAt } from '../workorder.ts';
import {
  type ChecklistItem,
  type Delivery,
  workOrdersStore as store,
  type WorkOrder,
} from '../workorders.store.ts';
import {
  outtaskerIdOf,
  requireFirm,
  requireOrder,
  type WorkOrdersActor,
  type WorkOrdersContext,
} from './context.ts';
import { storeFiles, type UploadedFile } from './files.ts';
import { applyMove } from './orders.ts';

/** Which counted files bill in the order's unit: slides from decks, pages from documents. */
function billsIn(unit: string, count: UnitCount): boolean {
  const u = unit.toLowerCase().replace(/s$/, '');
  return u === count.unit;
}

export interface CountedUnits {
  units: number | null;
  unit: string | null;
  basis: string;
  hiddenSlides: number[];
}

/**
 * The units of a delivery: the sum over its files that count in the order's unit. A file that
 * should count (a .pptx for slides, a .docx or .pdf for pages) and cannot be read refuses the
 * delivery, naming the file; files of other kinds (images, zips) are delivered as they are.
 */
export async function countDelivery(unit: string, files: readonly UploadedFile[]): Promise<CountedUnits> {
  let units: number | null = null;
  const bases: string[] = [];
  const hidden: number[] = [];
  let counted: string | null = null;
  for (const f of files) {
    const ext = f.name.toLowerCase().split('.').pop() ?? '';
    if (!['pptx', 'docx', 'pdf'].includes(ext)) continue;
    let c: UnitCount;
    try {
      c = await unitsOfBytes(f.name, f.bytes);
    } catch (error) {
      if (isAppError(error) && error.code === 'TOOL_MISSING') continue;
      throw error;
    }
    if (!billsIn(unit, c)) continue;
    units = (units ?? 0) + c.units;
    counted = c.unit;
    hidden.push(...(c.hiddenSlides ?? []));
    bases.push(
      `${f.name}: ${c.units} ${c.unit}${c.units === 1 ? '' : 's'}${c.estimated ? ' (estimated)' : ''} — ${c.basis}`,
    );
  }
  return { units, unit: counted, basis: bases.join('; '), hiddenSlides: hidden };
}

export interface DeliverInput {
  note: string;
  files: UploadedFile[];
}

export async function deliverWorkOrder(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  id: string,
  input: DeliverInput,
): Promise<Delivery> {
  const order = await requireOrder(ctx, actor, id);
  if (actor.role === 'outtasker') await outtaskerIdOf(ctx, actor);
  if (input.files.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'A delivery needs at least one file', { field: 'files' });
  }
  // Counting and storing are slow (unzipping, pdfinfo, disk): both happen before the transaction.
  const counted = await countDelivery(order.unit, input.files);
  const deliveryId = ctx.deps.newId();
  const attach = await storeFiles(ctx, actor, id, input.files, {
    role: 'delivery',
    deliveryId,
    redacted: false,
  });
  await ctx.db.transaction().execute(async (trx) => {
    const fresh = await requireOrder(ctx, actor, id, trx);
    const record = await applyMove(ctx, trx, actor, fresh, 'deliver', input.note);
    const round = (await store.deliveries(trx, actor.workspace.id, id)).length + 1;
    await store.insertDelivery(trx, {
      id: deliveryId,
      workspace_id: actor.workspace.id,
      work_order_id: id,
      round,
      note: input.note,
      units: counted.units,
      units_unit: counted.unit,
      units_basis: counted.basis,
      hidden_slides_json: JSON.stringify(counted.hiddenSlides),
      delivered_by: actor.userId,
      delivered_at: record.at,
      outcome: null,
      checklist_json: '[]',
      review_comment: '',
      reviewed_by: null,
      reviewed_at: null,
    });
    const files = await attach(trx);
    await ctx.audit(trx, actor, 'workorder.delivery', id, {
      round,
      units: counted.units,
      hiddenSlides: counted.hiddenSlides,
      files: files.map((f) => ({ id: f.id, name: f.name, sha256: f.sha256 })),
    });
  });
  const list = await store.deliveries(ctx.db, actor.workspace.id, id);
  return list.find((d) => d.id === deliveryId)!;
}

export interface ReviewInput {
  outcome: 'approve' | 'request_changes';
  checklist: ChecklistItem[];
  comment: string;
  /** 1–5, rated apart: the work itself, and keeping to the time. */
  qualityRating?: number | undefined;
  timelinessRating?: number | undefined;
  /** Units to bill when they differ from the counted ones (say why in the comment). */
  approvedUnits?: number | undefined;
}

function checkRating(value: number | undefined, field: string): number | null {
  if (value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new AppError('VALIDATION_FAILED', `${field}: a whole number from 1 to 5`, { field });
  }
  return value;
}

/** The checklist as ticked, every acceptance item answered exactly once. */
function checkChecklist(order: WorkOrder, list: readonly ChecklistItem[]): ChecklistItem[] {
  const given = new Map(list.map((c) => [c.item, c.checked]));
  const missing = order.acceptance.filter((a) => !given.has(a));
  const unknown = list.filter((c) => !order.acceptance.includes(c.item)).map((c) => c.item);
  if (missing.length > 0 || unknown.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The checklist must answer each acceptance item of ${order.ref} once` +
        (missing.length ? `; missing: ${missing.join('; ')}` : '') +
        (unknown.length ? `; not on the order: ${unknown.join('; ')}` : ''),
      { field: 'checklist', missing, unknown },
    );
  }
  return order.acceptance.map((item) => ({ item, checked: given.get(item) === true }));
}

export async function reviewDelivery(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  id: string,
  input: ReviewInput,
): Promise<Delivery> {
  requireFirm(actor, 'review deliveries');
  const quality = checkRating(input.qualityRating, 'qualityRating');
  const timeliness = checkRating(input.timelinessRating, 'timelinessRating');
  let reviewedId = '';
  await ctx.db.transaction().execute(async (trx) => {
    const order = await requireOrder(ctx, actor, id, trx);
    const deliveries = await store.deliveries(trx, actor.workspace.id, id);
    const latest = deliveries.at(-1);
    const checklist = checkChecklist(order, input.checklist);
    if (input.outcome === 'approve') {
      const open = checklist.filter((c) => !c.checked).map((c) => c.item);
      if (open.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          `${order.ref}: tick every acceptance item before approving, or request changes. Not ticked: ${open.join('; ')}`,
          { field: 'checklist', open },
        );
      }
      if (
        input.comment.trim() === '' &&
        input.approvedUnits !== undefined &&
        input.approvedUnits !== latest?.units
      ) {
        throw new AppError(
          'VALIDATION_FAILED',
          'Say in the comment why the billed units differ from the counted ones',
          {
            field: 'comment',
          },
        );
      }
    } else if (input.comment.trim() === '') {
      throw new AppError(
        'VALIDATION_FAILED',
        'Say what to change: the comment is what the out-tasker reads',
        {
          field: 'comment',
        },
      );
    }
    const event = input.outcome === 'approve' ? 'approve' : 'request_changes';
    const units = input.approvedUnits ?? latest?.units ?? order.unitsExpected;
    if (!Number.isInteger(units) || units < 0) {
      throw new AppError('VALIDATION_FAILED', 'approvedUnits: a whole number of 0 or more', {
        field: 'approvedUnits',
      });
    }
    const record = await applyMove(ctx, trx, actor, order, event, input.comment, {
      ...(event === 'approve' ? { approved_units: units } : {}),
      ...(quality !== null ? { quality_rating: quality } : {}),
      ...(timeliness !== null ? { timeliness_rating: timeliness } : {}),
    });
    if (latest) {
      reviewedId = latest.id;
      await store.reviewDelivery(trx, latest.id, {
        outcome: event === 'approve' ? 'approved' : 'changes_requested',
        checklist_json: JSON.stringify(checklist),
        review_comment: input.comment,
        reviewed_by: actor.userId,
        reviewed_at: record.at,
      });
    }
    await ctx.audit(trx, actor, 'workorder.review', id, {
      outcome: event,
      checklist,
      ...(event === 'approve' ? { approvedUnits: units } : {}),
      qualityRating: quality,
      timelinessRating: timeliness,
    });
  });
  const list = await store.deliveries(ctx.db, actor.workspace.id, id);
  return list.find((d) => d.id === reviewedId) ?? list.at(-1)!;
}

export interface AutoApprovalResult {
  approved: { workOrderId: string; workspaceId: string }[];
  /** Orders that moved meanwhile (a review landed first): left as they are. */
  skipped: number;
}

/**
 * Approves every delivered order whose silence ran out, as the system: the counted units are
 * billed, the last delivery is marked auto-approved. Each order in its own transaction; one that a
 * person reviewed in the meantime is skipped (the state check sees it).
 */
export async function runAutoApproval(ctx: WorkOrdersContext, limit = 500): Promise<AutoApprovalResult> {
  const now = ctx.deps.clock.now();
  // 3 days is the shortest silence allowed: nothing delivered later than that can be due.
  const before = new Date(now.getTime() - 3 * 86_400_000).toISOString();
  const candidates = await store.deliveredBefore(ctx.db, before, limit);
  const result: AutoApprovalResult = { approved: [], skipped: 0 };
  for (const c of candidates) {
    const done = await ctx.db.transaction().execute(async (trx) => {
      const order = await store.find(trx, c.workspaceId, c.id);
      if (!order) return false;
      const due = autoApprovalAt(order.state, order.lastDeliveredAt, order.autoApproveDays);
      if (!due || due.getTime() > now.getTime()) return false;
      const latest = (await store.deliveries(trx, c.workspaceId, c.id)).at(-1);
      const system = {
        workspace: { id: c.workspaceId, name: '', slug: '', currency: order.currency, settings: {} },
        userId: null,
        role: 'system' as const,
      };
      const note = `Approved automatically: no review within ${order.autoApproveDays} days of the delivery.`;
      try {
        const record = await applyMove(ctx, trx, system, order, 'approve', note, {
          approved_units: latest?.units ?? order.unitsExpected,
        });
        if (latest) {
          await store.reviewDelivery(trx, latest.id, {
            outcome: 'auto_approved',
            checklist_json: '[]',
            review_comment: note,
            reviewed_by: null,
            reviewed_at: record.at,
          });
        }
        return true;
      } catch (error) {
        if (isAppError(error) && (error.code === 'STALE_WRITE' || error.code === 'WORK_ORDER_STATE_INVALID'))
          return false;
        throw error;
      }
    });
    if (done) result.approved.push({ workOrderId: c.id, workspaceId: c.workspaceId });
    else result.skipped++;
  }
  return result;
}
