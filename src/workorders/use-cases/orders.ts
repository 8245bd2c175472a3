/** Work orders made from a contract, listed, shown, and moved by the firm or the out-tasker. */
import { nowIso } from '../../platform/deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { checkTimeZone, dueAt as computeDue, describeInZone, type SlaCalendar, slaStatus } from '../sla.ts';
import type { BoardItem, WorkOrderDetail } from '../views.ts';
import {
  AUTO_APPROVAL_DAYS,
  allowedEvents,
  autoApprovalAt,
  checkAutoApprovalDays,
  type TransitionRecord,
  transition,
  type WorkOrderEvent,
  type WorkOrderState,
} from '../workorder.ts';
import { workOrdersStore as store, type WorkOrder } from '../workorders.store.ts';

export type { BoardItem, WorkOrderDetail } from '../views.ts';

import {
  actorKind,
  outtaskerIdOf,
  requireFirm,
  requireOrder,
  type Trx,
  type WorkOrdersActor,
  type WorkOrdersContext,
} from './context.ts';

export interface CreateWorkOrderInput {
  contractId: string;
  title: string;
  instructions?: string | undefined;
  unitsExpected: number;
  slaCalendar?: SlaCalendar | undefined;
  /** The zone the due time is counted and shown in (default: the workspace's, else UTC). */
  timeZone?: string | undefined;
  autoApproveDays?: number | undefined;
  /** The checklist; default: the contract's acceptance criteria. */
  acceptance?: string[] | undefined;
  /** Attach the task's procedure brief (default true). */
  withBrief?: boolean | undefined;
}

/** The firm's time zone: its workspace setting, else UTC. */
export function firmTimeZone(actor: WorkOrdersActor): string {
  const tz = actor.workspace.settings.timeZone;
  return typeof tz === 'string' && tz.length > 0 ? tz : 'UTC';
}

/** The workspace's auto-approval days: its setting, else the default (7). */
export function workspaceAutoApproveDays(actor: WorkOrdersActor): number {
  const d = (actor.workspace.settings.workOrders as { autoApproveDays?: unknown } | undefined)
    ?.autoApproveDays;
  return typeof d === 'number' ? d : AUTO_APPROVAL_DAYS.default;
}

/** A unique violation of the order number (PostgreSQL 23505, SQLite's UNIQUE constraint). */
function isNumberTaken(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e?.code === '23505') return e.constraint === 'work_orders_number_uq';
  return typeof e?.message === 'string' && e.message.includes('work_orders.number');
}

export async function createWorkOrder(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  input: CreateWorkOrderInput,
): Promise<WorkOrder> {
  requireFirm(actor, 'create work orders');
  const ws = actor.workspace.id;
  const terms = await store.contractTerms(ctx.db, ws, input.contractId);
  if (!terms) {
    throw new AppError('CONTRACT_NOT_FOUND', `No contract ${input.contractId} in this workspace`, {
      field: 'contractId',
    });
  }
  if (terms.status !== 'active') {
    throw new AppError(
      'CONTRACT_STATE_INVALID',
      `The contract with ${terms.outtaskerName} is ${terms.status}: resume it before sending new work.`,
      { contractId: terms.id, status: terms.status },
    );
  }
  const timeZone = checkTimeZone(input.timeZone ?? firmTimeZone(actor), 'timeZone');
  const days = checkAutoApprovalDays(input.autoApproveDays ?? workspaceAutoApproveDays(actor));
  if (!Number.isInteger(input.unitsExpected) || input.unitsExpected < 0) {
    throw new AppError('VALIDATION_FAILED', 'unitsExpected: a whole number of 0 or more', {
      field: 'unitsExpected',
    });
  }
  let brief = { fileName: null as string | null, markdown: '' };
  if (input.withBrief !== false) {
    try {
      const b = await ctx.deps.brief(actor, terms.taskId);
      brief = { fileName: b.fileName, markdown: b.markdown };
    } catch (error) {
      // A task without a procedure yet is sent without a brief; anything else is a real failure.
      if (
        !(isAppError(error) && (error.code === 'PROCEDURE_NOT_FOUND' || error.code === 'VERSION_NOT_FOUND'))
      )
        throw error;
    }
  }
  const id = ctx.deps.newId();
  const now = nowIso(ctx.deps);
  // WO-<n> is the next number in the workspace: two orders made at once may pick the same one, and
  // the unique (workspace, number) refuses the second, which then takes the next (each try loses only to an order that committed).
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const number = await store.insertOrder(trx, {
          id,
          workspace_id: ws,
          contract_id: terms.id,
          task_id: terms.taskId,
          outtasker_id: terms.outtaskerId,
          title: input.title.trim(),
          instructions: input.instructions ?? '',
          brief_md: brief.markdown,
          brief_file_name: brief.fileName,
          unit: terms.unit,
          unit_price_minor: terms.unitPriceMinor,
          currency: terms.currency,
          units_expected: input.unitsExpected,
          sla_hours: terms.slaHours,
          sla_calendar: input.slaCalendar ?? 'calendar',
          sla_time_zone: timeZone,
          auto_approve_days: days,
          acceptance_json: JSON.stringify(input.acceptance ?? terms.acceptance),
          state: 'draft',
          due_at: null,
          sent_at: null,
          accepted_at: null,
          first_delivered_at: null,
          last_delivered_at: null,
          approved_at: null,
          invoiced_at: null,
          cancelled_at: null,
          approved_units: null,
          quality_rating: null,
          timeliness_rating: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
        await ctx.audit(trx, actor, 'workorder.create', id, { number, contractId: terms.id });
      });
      break;
    } catch (error) {
      if (attempt >= 20 || !isNumberTaken(error)) throw error;
    }
  }
  return requireOrder(ctx, actor, id);
}

/** One move of the machine inside the caller's transaction: checked, recorded, audited. */
export async function applyMove(
  ctx: WorkOrdersContext,
  trx: Trx,
  actor: WorkOrdersActor | { workspace: WorkOrdersActor['workspace']; userId: null; role: 'system' },
  order: WorkOrder,
  event: WorkOrderEvent,
  note: string,
  extra: Parameters<typeof store.applyTransition>[5] = {},
): Promise<TransitionRecord> {
  const kind = actor.role === 'system' ? 'system' : actorKind(actor);
  const record = transition(order, {
    event,
    actor: kind,
    userId: actor.userId,
    at: ctx.deps.clock.now(),
    note,
  });
  const at = record.at;
  const patch = { ...extra };
  if (record.to === 'sent') {
    patch.sent_at = at;
    patch.due_at = computeDue(new Date(at), {
      hours: order.slaHours,
      calendar: order.slaCalendar,
      timeZone: order.slaTimeZone,
    }).toISOString();
  }
  if (record.to === 'accepted') patch.accepted_at = at;
  if (record.to === 'delivered') {
    patch.last_delivered_at = at;
    if (order.firstDeliveredAt === null) patch.first_delivered_at = at;
  }
  if (record.to === 'changes_requested') patch.revisionRounds = order.revisionRounds + 1;
  if (record.to === 'approved') patch.approved_at = at;
  if (record.to === 'invoiced') patch.invoiced_at = at;
  if (record.to === 'cancelled') patch.cancelled_at = at;
  await store.applyTransition(trx, actor.workspace.id, order, record, ctx.deps.newId(), patch);
  await ctx.audit(trx, actor, `workorder.${event}`, order.id, {
    ref: order.ref,
    from: record.from,
    to: record.to,
    actor: kind,
    ...(note ? { note } : {}),
  });
  return record;
}

/** The moves with no payload: send, accept, decline, cancel, invoice. */
export const SIMPLE_EVENTS = ['send', 'accept', 'decline', 'cancel', 'invoice'] as const;
export type SimpleEvent = (typeof SIMPLE_EVENTS)[number];

export async function moveWorkOrder(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  id: string,
  event: SimpleEvent,
  note = '',
): Promise<WorkOrder> {
  await ctx.db.transaction().execute(async (trx) => {
    const order = await requireOrder(ctx, actor, id, trx);
    await applyMove(ctx, trx, actor, order, event, note);
  });
  return requireOrder(ctx, actor, id);
}

function boardItem(order: WorkOrder, actor: WorkOrdersActor, now: Date): BoardItem {
  const auto = autoApprovalAt(order.state, order.lastDeliveredAt, order.autoApproveDays);
  return {
    order,
    sla: slaStatus(order, now),
    dueText: order.dueAt ? describeInZone(new Date(order.dueAt), order.slaTimeZone) : null,
    dueTextOuttasker: order.dueAt ? describeInZone(new Date(order.dueAt), order.outtaskerTimeZone) : null,
    autoApprovalAt: auto ? auto.toISOString() : null,
    allowedEvents: allowedEvents(order.state, actorKind(actor)),
  };
}

/** The board: open orders first by due time, then the rest, newest first. */
export async function listWorkOrders(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  filter: { state?: WorkOrderState | undefined; outtaskerId?: string | undefined } = {},
): Promise<BoardItem[]> {
  const mine = actor.role === 'outtasker' ? await outtaskerIdOf(ctx, actor) : undefined;
  const list = await store.list(ctx.db, actor.workspace.id, {
    ...(filter.state ? { state: filter.state } : {}),
    ...(mine
      ? { outtaskerId: mine, sentOnly: true }
      : filter.outtaskerId
        ? { outtaskerId: filter.outtaskerId }
        : {}),
  });
  const now = ctx.deps.clock.now();
  const open = (s: WorkOrderState) => !['approved', 'invoiced', 'cancelled'].includes(s);
  return list
    .map((o) => boardItem(o, actor, now))
    .sort((a, b) => {
      const oa = open(a.order.state);
      const ob = open(b.order.state);
      if (oa !== ob) return oa ? -1 : 1;
      if (oa && a.order.dueAt !== b.order.dueAt) {
        if (a.order.dueAt === null) return 1;
        if (b.order.dueAt === null) return -1;
        return a.order.dueAt.localeCompare(b.order.dueAt);
      }
      return b.order.number - a.order.number;
    });
}

export async function getWorkOrder(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  id: string,
): Promise<WorkOrderDetail> {
  const order = await requireOrder(ctx, actor, id);
  const ws = actor.workspace.id;
  const [events, deliveries, files] = await Promise.all([
    store.events(ctx.db, ws, id),
    store.deliveries(ctx.db, ws, id),
    store.files(ctx.db, ws, id),
  ]);
  return { ...boardItem(order, actor, ctx.deps.clock.now()), events, deliveries, files };
}
