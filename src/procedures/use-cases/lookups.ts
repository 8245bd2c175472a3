/** Loading what a use case acts on, refusing with a NOT_FOUND code when it is not there. */
import { economicsSettingsOf, type Member, occurrencesPerYear, type Task } from '../../inventory/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { CostContext } from '../costing.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import type { Procedure, ProcedureVersion, Variant } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext, Trx } from './context.ts';

export async function requireVariant(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  id: string,
): Promise<Variant> {
  const v = await store.findVariant(ctx.db, actor.workspace.id, id);
  if (!v) throw new AppError('VARIANT_NOT_FOUND', `No variant with id ${id}`);
  return v;
}

export async function requireVersion(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  id: string,
): Promise<{ version: ProcedureVersion; procedure: Procedure; task: Task }> {
  const version = await store.findVersion(ctx.db, actor.workspace.id, id);
  if (!version) throw new AppError('VERSION_NOT_FOUND', `No procedure version with id ${id}`);
  const procedure = await store.findProcedure(ctx.db, actor.workspace.id, version.procedureId);
  if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND', `No procedure for version ${id}`);
  const task = await ctx.inventory.getTask(actor, procedure.taskId);
  return { version, procedure, task };
}

/** The task's procedure, made (inside the caller's transaction) the first time it is needed. */
export async function ensureProcedure(
  ctx: ProceduresContext,
  trx: Trx,
  actor: ProceduresActor,
  taskId: string,
  now: string,
): Promise<Procedure> {
  const existing = await store.findProcedureByTask(trx, actor.workspace.id, taskId);
  if (existing) return existing;
  const p: Procedure = { id: ctx.deps.newId(), taskId, createdAt: now, updatedAt: now };
  await store.insertProcedure(trx, actor.workspace.id, p);
  return p;
}

export function costContextOf(
  actor: Pick<ProceduresActor, 'workspace'>,
  task: Task,
  members: readonly Member[],
): CostContext {
  return {
    currency: actor.workspace.currency,
    members,
    task,
    occurrencesPerYear: occurrencesPerYear(task.frequency),
    platformFeeBps: economicsSettingsOf(actor.workspace).platformFeeBps,
  };
}

export async function costContext(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  task: Task,
): Promise<CostContext> {
  return costContextOf(actor, task, await ctx.inventory.listMembers(actor));
}
