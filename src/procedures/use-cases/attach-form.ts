/** Attaches a form to a task's procedure (made if the task has none yet), or detaches it (null). */
import { nowIso } from '../../platform/deps.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { type FormSummary, requireForm } from './form-lookups.ts';
import { ensureProcedure } from './lookups.ts';

export async function attachForm(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  ref: string,
  taskRef: string | null,
): Promise<FormSummary> {
  const form = await requireForm(ctx, actor, ref);
  const now = nowIso(ctx.deps);
  const taskId = taskRef === null ? null : (await ctx.inventory.resolveTask(actor, taskRef)).id;
  await ctx.db.transaction().execute(async (trx) => {
    const procedureId = taskId === null ? null : (await ensureProcedure(ctx, trx, actor, taskId, now)).id;
    await store.updateForm(trx, actor.workspace.id, { ...form, procedureId, updatedAt: now });
    await ctx.audit(trx, actor, 'form.attach', 'form', form.id, { task: taskId });
  });
  return requireForm(ctx, actor, form.id);
}
