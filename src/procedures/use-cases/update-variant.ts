/** Changes an active variant; a retired one is the record of how the task was done and stays as it is. */
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { WriteCondition } from '../../platform/versioning.ts';
import type { VariantPatchT } from '../procedures.schemas.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { checkVariantStep, describeStep, type Variant } from '../procedures.ts';
import { claimRow } from './claim.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { requireVariant } from './lookups.ts';
import { personOf } from './person-of.ts';

export function variantRetiredError(v: Pick<Variant, 'personName'>): AppError {
  return new AppError(
    'VARIANT_RETIRED',
    `${v.personName}'s way was retired when the standard procedure was made; it stays as a record and cannot change.`,
  );
}

/**
 * The fields a patch sends change on the variant as stored when the write takes it; with
 * `expectedVersion` (If-Match) a write over someone else's newer save is refused (STALE_WRITE).
 */
export async function updateVariant(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  id: string,
  patch: VariantPatchT,
  condition: WriteCondition = {},
): Promise<Variant> {
  const ws = actor.workspace.id;
  const loaded = await requireVariant(ctx, actor, id);
  if (loaded.status === 'retired') throw variantRetiredError(loaded);
  const person =
    patch.memberId !== undefined || patch.personName !== undefined
      ? await personOf(ctx, actor, patch.memberId ?? null, patch.personName ?? loaded.personName)
      : undefined;
  const steps = patch.steps?.map((s, i) => checkVariantStep(s, describeStep(i, s.name)));
  return ctx.db.transaction().execute(async (trx) => {
    const current = await claimRow(
      trx,
      'procedure_variants',
      ws,
      id,
      condition,
      'variant',
      () => store.findVariant(trx, ws, id),
      () => new AppError('VARIANT_NOT_FOUND', `No variant with id ${id}`),
    );
    if (current.status === 'retired') throw variantRetiredError(current);
    const next: Variant = {
      ...current,
      ...(person ?? {}),
      label: patch.label?.trim() ?? current.label,
      notes: patch.notes?.trim() ?? current.notes,
      steps: steps ?? current.steps,
      updatedAt: nowIso(ctx.deps),
    };
    await store.updateVariant(trx, ws, next);
    await ctx.audit(trx, actor, 'variant.update', 'variant', id);
    return next;
  });
}
