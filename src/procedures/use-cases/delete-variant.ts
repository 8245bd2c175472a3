/** Deletes an active variant (recorded by mistake); a retired one is kept as the record. */
import { AppError } from '../../platform/errors.ts';
import type { WriteCondition } from '../../platform/versioning.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { claimRow } from './claim.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';

/** With `expectedVersion` (If-Match), only the version the user saw: a newer one is STALE_WRITE. */
export async function deleteVariant(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  id: string,
  condition: WriteCondition = {},
): Promise<void> {
  const ws = actor.workspace.id;
  await ctx.db.transaction().execute(async (trx) => {
    const v = await claimRow(
      trx,
      'procedure_variants',
      ws,
      id,
      condition,
      'variant',
      () => store.findVariant(trx, ws, id),
      () => new AppError('VARIANT_NOT_FOUND', `No variant with id ${id}`),
    );
    if (v.status === 'retired') {
      throw new AppError(
        'VARIANT_RETIRED',
        'A retired variant is the record of how the task was done; it is kept.',
      );
    }
    await store.deleteVariant(trx, ws, id);
    await ctx.audit(trx, actor, 'variant.delete', 'variant', id);
  });
}
