/** draft → approved (step 4's gate). An approved version never changes again. */
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { WriteCondition } from '../../platform/versioning.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { type ProcedureVersion, versionApprovedError } from '../procedures.ts';
import { checkSteps } from './check-steps.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { claimDraft } from './edit-draft.ts';
import { requireVersion } from './lookups.ts';

/**
 * Approves the draft as it stands when the approval takes it; with `expectedVersion` (If-Match) only
 * the draft the approver saw: if someone changed it since, STALE_WRITE and nothing is approved.
 */
export async function approveVersion(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
  condition: WriteCondition = {},
): Promise<ProcedureVersion> {
  const { version: loaded, task } = await requireVersion(ctx, actor, versionId);
  if (loaded.status === 'approved') throw versionApprovedError(loaded, task.name);
  const members = await ctx.inventory.listMembers(actor);
  const now = nowIso(ctx.deps);
  return ctx.db.transaction().execute(async (trx) => {
    const version = await claimDraft(trx, actor, versionId, condition, task.name);
    if (version.steps.filter((s) => !s.waste).length === 0) {
      throw new AppError(
        'STEP_INVALID',
        `Version ${version.number} of "${task.name}" has no steps to work by (all are missing or waste); add steps before approving.`,
      );
    }
    checkSteps(version.steps, members);
    if ((await store.approve(trx, actor.workspace.id, version.id, actor.userId, now)) === 0) {
      throw versionApprovedError(version, task.name);
    }
    await store.touchProcedure(trx, actor.workspace.id, version.procedureId, now);
    await ctx.audit(trx, actor, 'procedure.approve', 'procedure_version', version.id, {
      number: version.number,
    });
    return {
      ...version,
      status: 'approved' as const,
      approvedAt: now,
      approvedBy: actor.userId,
      updatedAt: now,
    };
  });
}
