/** draft → approved (step 4's gate). An approved version never changes again. */
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { type ProcedureVersion, versionApprovedError } from '../procedures.ts';
import { checkSteps } from './check-steps.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { requireVersion } from './lookups.ts';

export async function approveVersion(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
): Promise<ProcedureVersion> {
  const { version, task } = await requireVersion(ctx, actor, versionId);
  if (version.status === 'approved') throw versionApprovedError(version, task.name);
  if (version.steps.filter((s) => !s.waste).length === 0) {
    throw new AppError(
      'STEP_INVALID',
      `Version ${version.number} of "${task.name}" has no steps to work by (all are missing or waste); add steps before approving.`,
    );
  }
  checkSteps(version.steps, await ctx.inventory.listMembers(actor));
  const now = nowIso(ctx.deps);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await store.approve(trx, actor.workspace.id, version.id, actor.userId, now)) === 0) {
      throw versionApprovedError(version, task.name);
    }
    await store.touchProcedure(trx, actor.workspace.id, version.procedureId, now);
    await ctx.audit(trx, actor, 'procedure.approve', 'procedure_version', version.id, {
      number: version.number,
    });
  });
  return { ...version, status: 'approved', approvedAt: now, approvedBy: actor.userId, updatedAt: now };
}
