/** Changes a draft's purpose, turnaround or change note; an approved version never changes. */
import { nowIso } from '../../platform/deps.ts';
import type { WriteCondition } from '../../platform/versioning.ts';
import type { VersionPatchT } from '../procedures.schemas.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { type ProcedureVersion, versionApprovedError } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { claimDraft } from './edit-draft.ts';
import { requireVersion } from './lookups.ts';

/** With `expectedVersion` (If-Match) refused with STALE_WRITE when someone changed the draft first. */
export async function updateVersion(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
  patch: VersionPatchT,
  condition: WriteCondition = {},
): Promise<ProcedureVersion> {
  const { version: loaded, task } = await requireVersion(ctx, actor, versionId);
  if (loaded.status === 'approved') throw versionApprovedError(loaded, task.name);
  return ctx.db.transaction().execute(async (trx) => {
    const version = await claimDraft(trx, actor, versionId, condition, task.name);
    const next: ProcedureVersion = {
      ...version,
      purpose: patch.purpose?.trim() ?? version.purpose,
      turnaroundHours: patch.turnaroundHours ?? version.turnaroundHours,
      changeNote: patch.changeNote?.trim() ?? version.changeNote,
      updatedAt: nowIso(ctx.deps),
    };
    if ((await store.updateDraft(trx, actor.workspace.id, next)) === 0) {
      throw versionApprovedError(version, task.name);
    }
    await ctx.audit(trx, actor, 'procedure.version.update', 'procedure_version', version.id);
    return next;
  });
}
