/**
 * How every change to a draft's steps is made: load the draft, refuse an approved version, compute
 * the new steps with a pure edit, check them all, and store them in one transaction, so a refused
 * change leaves nothing behind.
 */
import { nowIso } from '../../platform/deps.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { type ProcedureVersion, type Step, versionApprovedError } from '../procedures.ts';
import { checkSteps } from './check-steps.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { requireVersion } from './lookups.ts';

export async function editDraft(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
  action: string,
  change: (steps: Step[], version: ProcedureVersion) => Step[],
): Promise<ProcedureVersion> {
  const { version, task } = await requireVersion(ctx, actor, versionId);
  if (version.status === 'approved') throw versionApprovedError(version, task.name);
  const members = await ctx.inventory.listMembers(actor);
  const steps = checkSteps(change(version.steps, version), members);
  const now = nowIso(ctx.deps);
  await ctx.db.transaction().execute(async (trx) => {
    const n = await store.updateDraft(trx, actor.workspace.id, { ...version, updatedAt: now });
    if (n === 0) throw versionApprovedError(version, task.name);
    await store.replaceSteps(trx, actor.workspace.id, version.id, steps);
    await store.touchProcedure(trx, actor.workspace.id, version.procedureId, now);
    await ctx.audit(trx, actor, action, 'procedure_version', version.id, { steps: steps.length });
  });
  return { ...version, steps, updatedAt: now };
}
