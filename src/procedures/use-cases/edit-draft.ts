/**
 * How every change to a draft is made: load it, refuse an approved version, then in one transaction
 * claim the draft (its version moves on; with If-Match only from the version the user saw, else
 * STALE_WRITE), compute the new steps with a pure edit of the steps as they now stand, check them all
 * and store them, so a refused change leaves nothing behind and two concurrent edits both land or
 * one is refused, never lost. A draft and its steps are one resource: the draft's version is the
 * ETag of both.
 */
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { WriteCondition } from '../../platform/versioning.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { type ProcedureVersion, type Step, versionApprovedError } from '../procedures.ts';
import { checkSteps } from './check-steps.ts';
import { claimRow } from './claim.ts';
import type { ProceduresActor, ProceduresContext, Trx } from './context.ts';
import { requireVersion } from './lookups.ts';

/** Inside a write's transaction: the draft as it now stands, claimed for this write. */
export async function claimDraft(
  trx: Trx,
  actor: ProceduresActor,
  versionId: string,
  condition: WriteCondition,
  taskName: string,
): Promise<ProcedureVersion> {
  const ws = actor.workspace.id;
  const current = await claimRow(
    trx,
    'procedure_versions',
    ws,
    versionId,
    condition,
    'draft',
    () => store.findVersion(trx, ws, versionId),
    () => new AppError('VERSION_NOT_FOUND', `No procedure version with id ${versionId}`),
  );
  if (current.status === 'approved') throw versionApprovedError(current, taskName);
  return current;
}

export async function editDraft(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
  action: string,
  change: (steps: Step[], version: ProcedureVersion) => Step[],
  condition: WriteCondition = {},
): Promise<ProcedureVersion> {
  const { version: loaded, task } = await requireVersion(ctx, actor, versionId);
  if (loaded.status === 'approved') throw versionApprovedError(loaded, task.name);
  const members = await ctx.inventory.listMembers(actor);
  const now = nowIso(ctx.deps);
  return ctx.db.transaction().execute(async (trx) => {
    const version = await claimDraft(trx, actor, versionId, condition, task.name);
    const steps = checkSteps(change(version.steps, version), members);
    const n = await store.updateDraft(trx, actor.workspace.id, { ...version, updatedAt: now });
    if (n === 0) throw versionApprovedError(version, task.name);
    await store.replaceSteps(trx, actor.workspace.id, version.id, steps);
    await store.touchProcedure(trx, actor.workspace.id, version.procedureId, now);
    await ctx.audit(trx, actor, action, 'procedure_version', version.id, { steps: steps.length });
    return { ...version, steps, updatedAt: now };
  });
}
