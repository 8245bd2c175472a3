/** The ways compared side by side, with each one's cost per occurrence where the person has a rate. */
import { AppError } from '../../platform/errors.ts';
import { type Comparison, compareVariants } from '../compare.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';

export type TaskComparison = Comparison & {
  taskId: string;
  costs: Record<string, { amountMinor: number; currency: string } | null>;
};

export async function compareTaskVariants(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  taskRef: string,
  opts: { variantIds?: string[]; includeRetired?: boolean } = {},
): Promise<TaskComparison> {
  const task = await ctx.inventory.resolveTask(actor, taskRef);
  const all = await store.listVariants(ctx.db, actor.workspace.id, task.id);
  const chosen = opts.variantIds?.length
    ? opts.variantIds.map((id) => {
        const v = all.find((x) => x.id === id);
        if (!v) throw new AppError('VARIANT_NOT_FOUND', `No variant ${id} for "${task.name}"`);
        return v;
      })
    : all.filter((v) => opts.includeRetired || v.status === 'active');
  const members = await ctx.inventory.listMembers(actor);
  const costs: TaskComparison['costs'] = {};
  for (const v of chosen) {
    const m = members.find((x) => x.id === v.memberId);
    const minutes = v.steps.reduce((a, s) => a + s.minutes, 0);
    costs[v.id] = m
      ? {
          amountMinor: Math.round((m.hourlyCost.amountMinor * minutes) / 60),
          currency: m.hourlyCost.currency,
        }
      : null;
  }
  return { taskId: task.id, ...compareVariants(chosen), costs };
}
