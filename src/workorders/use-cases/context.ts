/**
 * What every work-order use case is given: the platform (db, clock, ids, stored files), the ports to
 * the features it stands on (procedures: the brief; inventory: the in-house cost of a task's units),
 * the audit trail, and who acts — the firm, the assigned out-tasker, or the system.
 */
import type { WorkspaceActor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.store.ts';
import type { Blobs } from '../../platform/blobs/index.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Money } from '../../platform/money.ts';
import type { Role } from '../../platform/roles.ts';
import type { ActorKind } from '../workorder.ts';
import { workOrdersStore as store, type WorkOrder } from '../workorders.store.ts';

export interface WorkOrdersActor extends WorkspaceActor {
  role: Role;
}

/** The brief of a task's procedure as Markdown (procedures' export); PROCEDURE_NOT_FOUND when none. */
export type BriefPort = (
  actor: WorkspaceActor,
  taskId: string,
) => Promise<{ fileName: string; markdown: string }>;

/** Each task's in-house cost a year and the units it makes a year (step 1's economics). */
export type InHousePort = (
  workspace: WorkspaceActor['workspace'],
) => Promise<Map<string, { annualCost: Money; annualUnits: number }>>;

export interface WorkOrdersDeps extends ServiceDeps {
  blobs: Blobs;
  brief: BriefPort;
  inHouse: InHousePort;
}

export type Trx = Db['kysely'];

export interface WorkOrdersContext {
  deps: WorkOrdersDeps;
  db: Trx;
  audit(
    trx: Trx,
    actor: WorkspaceActor,
    action: string,
    subjectId: string,
    details?: Record<string, unknown>,
  ): Promise<void>;
}

export function workOrdersContext(deps: WorkOrdersDeps): WorkOrdersContext {
  return {
    deps,
    db: deps.db.kysely,
    audit: (trx, actor, action, subjectId, details) =>
      recordAudit(trx, deps, actor, {
        action,
        subjectType: 'work_order',
        subjectId,
        ...(details ? { details } : {}),
      }),
  };
}

export const actorKind = (actor: WorkOrdersActor): ActorKind =>
  actor.role === 'outtasker' ? 'outtasker' : 'firm';

export function requireFirm(actor: WorkOrdersActor, what: string): void {
  if (actor.role === 'outtasker') {
    throw new AppError('FORBIDDEN', `Only the firm's staff can ${what}.`);
  }
}

function notFound(id: string): AppError {
  return new AppError('WORK_ORDER_NOT_FOUND', `No work order ${id} in this workspace`, { workOrderId: id });
}

/** The out-tasker record the signed-in out-tasker is (FORBIDDEN when the user is none). */
export async function outtaskerIdOf(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  db: Trx = ctx.db,
): Promise<string> {
  const id = actor.userId ? await store.outtaskerOfUser(db, actor.workspace.id, actor.userId) : undefined;
  if (!id) throw new AppError('FORBIDDEN', 'This account is not an out-tasker of the workspace.');
  return id;
}

/**
 * The order, if the actor may see it: the firm sees every order; an out-tasker only the orders
 * assigned to them, once sent (a draft is the firm's). Anything else is not found, so an out-tasker
 * cannot tell another's order exists.
 */
export async function requireOrder(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  id: string,
  db: Trx = ctx.db,
): Promise<WorkOrder> {
  const order = await store.find(db, actor.workspace.id, id);
  if (!order) throw notFound(id);
  if (actor.role === 'outtasker') {
    const mine = await outtaskerIdOf(ctx, actor, db);
    if (order.outtaskerId !== mine || order.state === 'draft') throw notFound(id);
  }
  return order;
}
