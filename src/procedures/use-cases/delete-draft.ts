/** Deletes a draft; an approved version is kept for ever. */
import type { WriteCondition } from '../../platform/versioning.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { versionApprovedError } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { claimDraft } from './edit-draft.ts';
import { requireVersion } from './lookups.ts';

/** With `expectedVersion` (If-Match), only the draft as the user saw it: a newer one is STALE_WRITE. */
export async function deleteDraft(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
  condition: WriteCondition = {},
): Promise<void> {
  const { version, task } = await requireVersion(ctx, actor, versionId);
  if (version.status === 'approved') throw versionApprovedError(version, task.name);
  await ctx.db.transaction().execute(async (trx) => {
    await claimDraft(trx, actor, versionId, condition, task.name);
    await store.deleteDraft(trx, actor.workspace.id, version.id);
    await ctx.audit(trx, actor, 'procedure.draft.delete', 'procedure_version', version.id);
  });
}
