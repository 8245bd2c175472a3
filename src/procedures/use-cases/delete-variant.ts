/** Deletes an active variant (recorded by mistake); a retired one is kept as the record. */
import { AppError } from '../../platform/errors.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { requireVariant } from './lookups.ts';

export async function deleteVariant(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  id: string,
): Promise<void> {
  const v = await requireVariant(ctx, actor, id);
  if (v.status === 'retired') {
    throw new AppError(
      'VARIANT_RETIRED',
      'A retired variant is the record of how the task was done; it is kept.',
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    await store.deleteVariant(trx, actor.workspace.id, id);
    await ctx.audit(trx, actor, 'variant.delete', 'variant', id);
  });
}
