/** Deletes a draft; an approved version is kept for ever. */
import { proceduresStore as store } from '../procedures.store.ts';
import { versionApprovedError } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { requireVersion } from './lookups.ts';

export async function deleteDraft(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
): Promise<void> {
  const { version, task } = await requireVersion(ctx, actor, versionId);
  if (version.status === 'approved') throw versionApprovedError(version, task.name);
  await ctx.db.transaction().execute(async (trx) => {
    await store.deleteDraft(trx, actor.workspace.id, version.id);
    await ctx.audit(trx, actor, 'procedure.draft.delete', 'procedure_version', version.id);
  });
}
