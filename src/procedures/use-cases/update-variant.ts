/** Changes an active variant; a retired one is the record of how the task was done and stays as it is. */
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { VariantPatchT } from '../procedures.schemas.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { checkVariantStep, describeStep, type Variant } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { requireVariant } from './lookups.ts';
import { personOf } from './person-of.ts';

export async function updateVariant(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  id: string,
  patch: VariantPatchT,
): Promise<Variant> {
  const current = await requireVariant(ctx, actor, id);
  if (current.status === 'retired') {
    throw new AppError(
      'VARIANT_RETIRED',
      `${current.personName}'s way was retired when the standard procedure was made; it stays as a record and cannot change.`,
    );
  }
  const person =
    patch.memberId !== undefined || patch.personName !== undefined
      ? await personOf(ctx, actor, patch.memberId ?? null, patch.personName ?? current.personName)
      : { memberId: current.memberId, personName: current.personName };
  const next: Variant = {
    ...current,
    ...person,
    label: patch.label?.trim() ?? current.label,
    notes: patch.notes?.trim() ?? current.notes,
    steps: patch.steps
      ? patch.steps.map((s, i) => checkVariantStep(s, describeStep(i, s.name)))
      : current.steps,
    updatedAt: nowIso(ctx.deps),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await store.updateVariant(trx, actor.workspace.id, next);
    await ctx.audit(trx, actor, 'variant.update', 'variant', id);
  });
  return next;
}
