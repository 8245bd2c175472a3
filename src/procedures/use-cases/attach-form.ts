/**
 * Attaches a form to a task's procedure (made if the task has none yet), or detaches it (null); with
 * `expectedVersion` (If-Match) refused with STALE_WRITE when the form changed since it was loaded.
 */
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { WriteCondition } from '../../platform/versioning.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { claimRow } from './claim.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { type FormSummary, requireForm } from './form-lookups.ts';
import { ensureProcedure } from './lookups.ts';

export async function attachForm(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  ref: string,
  taskRef: string | null,
  condition: WriteCondition = {},
): Promise<FormSummary> {
  const form = await requireForm(ctx, actor, ref);
  const ws = actor.workspace.id;
  const now = nowIso(ctx.deps);
  const taskId = taskRef === null ? null : (await ctx.inventory.resolveTask(actor, taskRef)).id;
  await ctx.db.transaction().execute(async (trx) => {
    const stored = await claimRow(
      trx,
      'forms',
      ws,
      form.id,
      condition,
      'form',
      () => store.findForm(trx, ws, form.id),
      () => new AppError('FORM_NOT_FOUND', `No form with id ${form.id}`),
    );
    const procedureId = taskId === null ? null : (await ensureProcedure(ctx, trx, actor, taskId, now)).id;
    await store.updateForm(trx, ws, { ...stored, procedureId, updatedAt: now });
    await ctx.audit(trx, actor, 'form.attach', 'form', form.id, { task: taskId });
  });
  return requireForm(ctx, actor, form.id);
}
