/**
 * The Kysely queries of work orders: rows in, domain out. The contract and out-tasker rows are read
 * (never written) to copy a contract's terms into a new order and to name the out-tasker.
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  WorkOrderDeliveryTable,
  WorkOrderFileTable,
  WorkOrderTable,
} from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import type { SlaCalendar } from './sla.ts';
import type { ChecklistItem, ContractTerms, Delivery, WorkOrder, WorkOrderFile } from './views.ts';
import type { ActorKind, TransitionRecord, WorkOrderEvent, WorkOrderState } from './workorder.ts';

export type { ChecklistItem, ContractTerms, Delivery, WorkOrder, WorkOrderFile } from './views.ts';

export type Executor = Kysely<Database>;

type OrderRow = Selectable<WorkOrderTable> & {
  task_name: string;
  outtasker_name: string;
  outtasker_tz: string;
};

const toOrder = (r: OrderRow): WorkOrder => ({
  id: r.id,
  number: r.number,
  ref: `WO-${r.number}`,
  contractId: r.contract_id,
  taskId: r.task_id,
  taskName: r.task_name,
  outtaskerId: r.outtasker_id,
  outtaskerName: r.outtasker_name,
  outtaskerTimeZone: r.outtasker_tz,
  title: r.title,
  instructions: r.instructions,
  briefMd: r.brief_md,
  briefFileName: r.brief_file_name,
  unit: r.unit,
  unitPriceMinor: Number(r.unit_price_minor),
  currency: r.currency,
  unitsExpected: r.units_expected,
  slaHours: Number(r.sla_hours),
  slaCalendar: r.sla_calendar as SlaCalendar,
  slaTimeZone: r.sla_time_zone,
  autoApproveDays: r.auto_approve_days,
  acceptance: JSON.parse(r.acceptance_json) as string[],
  state: r.state as WorkOrderState,
  dueAt: r.due_at,
  sentAt: r.sent_at,
  acceptedAt: r.accepted_at,
  firstDeliveredAt: r.first_delivered_at,
  lastDeliveredAt: r.last_delivered_at,
  approvedAt: r.approved_at,
  invoicedAt: r.invoiced_at,
  cancelledAt: r.cancelled_at,
  revisionRounds: r.revision_rounds,
  approvedUnits: r.approved_units,
  qualityRating: r.quality_rating,
  timelinessRating: r.timeliness_rating,
  seq: r.seq,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const toDelivery = (r: Selectable<WorkOrderDeliveryTable>): Delivery => ({
  id: r.id,
  workOrderId: r.work_order_id,
  round: r.round,
  note: r.note,
  units: r.units,
  unitsUnit: r.units_unit,
  unitsBasis: r.units_basis,
  hiddenSlides: JSON.parse(r.hidden_slides_json) as number[],
  deliveredBy: r.delivered_by,
  deliveredAt: r.delivered_at,
  outcome: r.outcome as Delivery['outcome'],
  checklist: JSON.parse(r.checklist_json) as ChecklistItem[],
  reviewComment: r.review_comment,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
});

const toFile = (r: Selectable<WorkOrderFileTable>): WorkOrderFile => ({
  id: r.id,
  workOrderId: r.work_order_id,
  deliveryId: r.delivery_id,
  role: r.role as WorkOrderFile['role'],
  name: r.name,
  mediaType: r.media_type,
  size: Number(r.size),
  sha256: r.sha256,
  redacted: r.redacted === 1,
  createdAt: r.created_at,
});

function orders(db: Executor) {
  return db
    .selectFrom('work_orders as w')
    .innerJoin('tasks as t', 't.id', 'w.task_id')
    .innerJoin('outtaskers as o', 'o.id', 'w.outtasker_id')
    .selectAll('w')
    .select(['t.name as task_name', 'o.name as outtasker_name', 'o.time_zone as outtasker_tz']);
}

export interface OrderFilter {
  state?: WorkOrderState;
  outtaskerId?: string;
  /** Leave drafts out (what an out-tasker may see). */
  sentOnly?: boolean;
}

export type NewOrder = Omit<WorkOrderTable, 'revision_rounds' | 'seq' | 'version' | 'number'>;

export const workOrdersStore = {
  async contractTerms(db: Executor, ws: string, contractId: string): Promise<ContractTerms | undefined> {
    const r = await db
      .selectFrom('contracts as c')
      .innerJoin('tasks as t', 't.id', 'c.task_id')
      .innerJoin('outtaskers as o', 'o.id', 'c.outtasker_id')
      .select([
        'c.id',
        'c.task_id',
        't.name as task_name',
        'c.outtasker_id',
        'o.name as outtasker_name',
        'o.time_zone as outtasker_tz',
        'c.unit',
        'c.unit_price_minor',
        'c.currency',
        'c.sla_hours',
        'c.acceptance_json',
        'c.status',
      ])
      .where('c.workspace_id', '=', ws)
      .where('c.id', '=', contractId)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      id: r.id,
      taskId: r.task_id,
      taskName: r.task_name,
      outtaskerId: r.outtasker_id,
      outtaskerName: r.outtasker_name,
      outtaskerTimeZone: r.outtasker_tz,
      unit: r.unit,
      unitPriceMinor: Number(r.unit_price_minor),
      currency: r.currency,
      slaHours: Number(r.sla_hours),
      acceptance: JSON.parse(r.acceptance_json) as string[],
      status: r.status,
    };
  },

  /** The out-tasker a signed-in user is, in this workspace. */
  async outtaskerOfUser(db: Executor, ws: string, userId: string): Promise<string | undefined> {
    const r = await db
      .selectFrom('outtaskers')
      .select('id')
      .where('workspace_id', '=', ws)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return r?.id;
  },

  async insertOrder(db: Executor, row: NewOrder): Promise<number> {
    const last = await db
      .selectFrom('work_orders')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('workspace_id', '=', row.workspace_id)
      .executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    await db
      .insertInto('work_orders')
      .values({ ...row, number })
      .execute();
    return number;
  },

  async find(db: Executor, ws: string, id: string): Promise<WorkOrder | undefined> {
    const r = await orders(db).where('w.workspace_id', '=', ws).where('w.id', '=', id).executeTakeFirst();
    return r ? toOrder(r as OrderRow) : undefined;
  },

  async list(db: Executor, ws: string, f: OrderFilter = {}): Promise<WorkOrder[]> {
    let q = orders(db).where('w.workspace_id', '=', ws);
    if (f.state) q = q.where('w.state', '=', f.state);
    if (f.outtaskerId) q = q.where('w.outtasker_id', '=', f.outtaskerId);
    if (f.sentOnly) q = q.where('w.state', '!=', 'draft');
    const rows = await q.orderBy('w.number', 'desc').execute();
    return rows.map((r) => toOrder(r as OrderRow));
  },

  /** Delivered orders, in every workspace, whose last delivery is older than `before` (auto-approval candidates). */
  async deliveredBefore(
    db: Executor,
    before: string,
    limit: number,
  ): Promise<{ id: string; workspaceId: string }[]> {
    const rows = await db
      .selectFrom('work_orders')
      .select(['id', 'workspace_id'])
      .where('state', '=', 'delivered')
      .where('last_delivered_at', '<=', before)
      .orderBy('last_delivered_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, workspaceId: r.workspace_id }));
  },

  /**
   * Records one move: the order's row (state, times, seq + 1) only if nobody moved it since it was
   * read (its seq), and the event row numbered seq + 1. A racing move finds the seq changed: STALE_WRITE.
   */
  async applyTransition(
    db: Executor,
    ws: string,
    order: WorkOrder,
    record: TransitionRecord,
    eventId: string,
    patch: Partial<Omit<WorkOrderTable, 'id' | 'workspace_id' | 'seq' | 'version' | 'revision_rounds'>> & {
      revisionRounds?: number;
    },
  ): Promise<void> {
    const { revisionRounds, ...rest } = patch;
    const res = await db
      .updateTable('work_orders')
      .set((eb) => ({
        ...rest,
        ...(revisionRounds !== undefined ? { revision_rounds: revisionRounds } : {}),
        state: record.to,
        seq: eb('seq', '+', 1),
        version: eb('version', '+', 1),
        updated_at: record.at,
      }))
      .where('workspace_id', '=', ws)
      .where('id', '=', order.id)
      .where('seq', '=', order.seq)
      .where('state', '=', record.from)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      throw new AppError(
        'STALE_WRITE',
        `${order.ref} was changed by someone else just now (it is no longer ${record.from}): reload it and try again.`,
        { workOrderId: order.id },
      );
    }
    await db
      .insertInto('work_order_events')
      .values({
        id: eventId,
        workspace_id: ws,
        work_order_id: order.id,
        seq: order.seq + 1,
        event: record.event,
        from_state: record.from,
        to_state: record.to,
        actor: record.actor,
        user_id: record.userId,
        note: record.note,
        at: record.at,
      })
      .execute();
  },

  async updateFields(
    db: Executor,
    ws: string,
    id: string,
    patch: Partial<
      Pick<WorkOrderTable, 'approved_units' | 'quality_rating' | 'timeliness_rating' | 'updated_at'>
    >,
  ): Promise<void> {
    await db
      .updateTable('work_orders')
      .set(patch)
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .execute();
  },

  async events(db: Executor, ws: string, id: string): Promise<TransitionRecord[]> {
    const rows = await db
      .selectFrom('work_order_events')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('work_order_id', '=', id)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      event: r.event as WorkOrderEvent,
      from: r.from_state as WorkOrderState,
      to: r.to_state as WorkOrderState,
      actor: r.actor as ActorKind,
      userId: r.user_id,
      at: r.at,
      note: r.note,
    }));
  },

  async insertDelivery(db: Executor, row: WorkOrderDeliveryTable): Promise<void> {
    await db.insertInto('work_order_deliveries').values(row).execute();
  },

  async deliveries(db: Executor, ws: string, id: string): Promise<Delivery[]> {
    const rows = await db
      .selectFrom('work_order_deliveries')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('work_order_id', '=', id)
      .orderBy('round')
      .execute();
    return rows.map(toDelivery);
  },

  async reviewDelivery(
    db: Executor,
    id: string,
    review: Pick<
      WorkOrderDeliveryTable,
      'outcome' | 'checklist_json' | 'review_comment' | 'reviewed_by' | 'reviewed_at'
    >,
  ): Promise<void> {
    await db.updateTable('work_order_deliveries').set(review).where('id', '=', id).execute();
  },

  async insertFile(db: Executor, row: WorkOrderFileTable): Promise<void> {
    await db.insertInto('work_order_files').values(row).execute();
  },

  async files(db: Executor, ws: string, id: string): Promise<WorkOrderFile[]> {
    const rows = await db
      .selectFrom('work_order_files')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('work_order_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toFile);
  },

  async file(db: Executor, ws: string, orderId: string, fileId: string): Promise<WorkOrderFile | undefined> {
    const r = await db
      .selectFrom('work_order_files')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('work_order_id', '=', orderId)
      .where('id', '=', fileId)
      .executeTakeFirst();
    return r ? toFile(r) : undefined;
  },
};
