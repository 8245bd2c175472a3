/** How each person does a task today; the retired ways too when asked. */
import { proceduresStore as store } from '../procedures.store.ts';
import type { Variant } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';

export async function listVariants(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  taskRef: string,
  opts: { includeRetired?: boolean } = {},
): Promise<Variant[]> {
  const task = await ctx.inventory.resolveTask(actor, taskRef);
  const all = await store.listVariants(ctx.db, actor.workspace.id, task.id);
  return opts.includeRetired ? all : all.filter((v) => v.status === 'active');
}
