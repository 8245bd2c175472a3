/**
 * Makes the standard procedure (step 3) from one variant or by merging several: a new draft version;
 * every active variant of the task is retired (kept readable) and the task's known ways drop to one.
 */
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { StandardInputT } from '../procedures.schemas.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { latestApproved, openDraft, type Performer, type ProcedureVersion } from '../procedures.ts';
import { planStandard } from '../standardize.ts';
import { checkSteps, materialize } from './check-steps.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { ensureProcedure } from './lookups.ts';

export async function createStandard(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  taskRef: string,
  input: StandardInputT,
): Promise<ProcedureVersion> {
  const { deps, db, inventory } = ctx;
  const task = await inventory.resolveTask(actor, taskRef);
  const ws = actor.workspace.id;
  const all = await store.listVariants(db, ws, task.id);
  const chosen = [...new Set(input.variantIds)].map((id) => {
    const v = all.find((x) => x.id === id);
    if (!v) throw new AppError('VARIANT_NOT_FOUND', `No variant ${id} for "${task.name}"`);
    return v;
  });
  const members = await inventory.listMembers(actor);
  const taskPerformer = members.find((m) => m.id === task.performerId);
  const fallback: Performer = taskPerformer
    ? { kind: 'member', ref: taskPerformer.id, name: taskPerformer.name }
    : { kind: 'role', ref: 'consultant', name: 'Consultant' };
  const plan = planStandard(chosen, {
    ...(input.columns ? { columns: input.columns } : {}),
    performer: fallback,
  });
  const steps = checkSteps(
    plan.steps.map((s) => materialize(deps, s)),
    members,
  );
  const procedure = await store.findProcedureByTask(db, ws, task.id);
  const versions = procedure ? await store.listVersions(db, ws, procedure.id) : [];
  const draft = openDraft(versions);
  if (draft) {
    throw new AppError(
      'DRAFT_EXISTS',
      `"${task.name}" already has a draft (version ${draft.number}); approve or delete it before making another. Nothing was changed.`,
      { versionId: draft.id },
    );
  }
  const now = nowIso(deps);
  const version: ProcedureVersion = {
    id: deps.newId(),
    procedureId: '',
    number: versions.length ? Math.max(...versions.map((v) => v.number)) + 1 : 1,
    status: 'draft',
    purpose: latestApproved(versions)?.purpose ?? task.description,
    turnaroundHours: latestApproved(versions)?.turnaroundHours ?? task.turnaroundHours,
    changeNote: plan.changeNote,
    sourceVariantIds: chosen.map((v) => v.id),
    basedOnVersionId: null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    approvedBy: null,
    approvedAt: null,
    steps,
  };
  let retired = 0;
  await db.transaction().execute(async (trx) => {
    const p = await ensureProcedure(ctx, trx, actor, task.id, now);
    version.procedureId = p.id;
    await store.insertVersion(trx, ws, version);
    retired = await store.retireActiveVariants(trx, ws, task.id, now);
    await ctx.audit(trx, actor, 'procedure.standard', 'procedure_version', version.id, {
      task: task.id,
      variants: chosen.length,
      retired,
    });
  });
  if (task.knownVariants !== 1) await inventory.setKnownVariants(actor, task.id, 1);
  return version;
}
