/** A new draft: a copy of a version (default: the latest approved) whose steps keep their keys. */
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { NewDraftInputT } from '../procedures.schemas.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { latestApproved, openDraft, type ProcedureVersion } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { ensureProcedure } from './lookups.ts';

export async function newDraft(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  taskRef: string,
  input: NewDraftInputT = {},
): Promise<ProcedureVersion> {
  const { deps, db } = ctx;
  const task = await ctx.inventory.resolveTask(actor, taskRef);
  const ws = actor.workspace.id;
  const procedure = await store.findProcedureByTask(db, ws, task.id);
  const versions = procedure ? await store.listVersions(db, ws, procedure.id) : [];
  const draft = openDraft(versions);
  if (draft) {
    throw new AppError(
      'DRAFT_EXISTS',
      `"${task.name}" already has a draft (version ${draft.number}); edit that one. Nothing was changed.`,
      { versionId: draft.id },
    );
  }
  const base = input.fromVersionId
    ? versions.find((v) => v.id === input.fromVersionId)
    : (latestApproved(versions) ?? versions[versions.length - 1]);
  if (input.fromVersionId && !base) {
    throw new AppError('VERSION_NOT_FOUND', `No version ${input.fromVersionId} of "${task.name}"`);
  }
  const now = nowIso(deps);
  const version: ProcedureVersion = {
    id: deps.newId(),
    procedureId: procedure?.id ?? '',
    number: versions.length ? Math.max(...versions.map((v) => v.number)) + 1 : 1,
    status: 'draft',
    purpose: base?.purpose ?? task.description,
    turnaroundHours: base?.turnaroundHours ?? task.turnaroundHours,
    changeNote: base ? `Started from version ${base.number}.` : 'Written from scratch.',
    sourceVariantIds: [],
    basedOnVersionId: base?.id ?? null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    approvedBy: null,
    approvedAt: null,
    steps: (base?.steps ?? []).map((s) => ({ ...s, id: deps.newId() })),
  };
  await db.transaction().execute(async (trx) => {
    const p = await ensureProcedure(ctx, trx, actor, task.id, now);
    version.procedureId = p.id;
    await store.insertVersion(trx, ws, version);
    await ctx.audit(trx, actor, 'procedure.draft', 'procedure_version', version.id, {
      from: base?.number ?? null,
    });
  });
  return version;
}
