/** Contracts: listed; paused, resumed or ended at any time (no fixed commitment), each change audited. */
import { AppError } from '../../platform/errors.ts';
import type { ContractActionInputT } from '../outtaskers.schemas.ts';
import { outtaskersStore as store } from '../outtaskers.store.ts';
import { type Contract, type ContractStatus, contractTransition } from '../outtaskers.ts';
import type { OuttaskersActor, OuttaskersContext } from './context.ts';
import { requireContract } from './lookups.ts';

export const listContracts = (
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  filter: { taskId?: string; outtaskerId?: string; status?: ContractStatus },
) => store.listContracts(ctx.db, actor.workspace.id, filter);

export const getContract = (ctx: OuttaskersContext, actor: OuttaskersActor, id: string) =>
  requireContract(ctx, actor, id);

export async function changeContract(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  id: string,
  input: ContractActionInputT,
): Promise<Contract> {
  const c = await requireContract(ctx, actor, id);
  const to = contractTransition(c.status, input.action);
  await ctx.db.transaction().execute(async (trx) => {
    const moved = await store.setContractStatus(
      trx,
      actor.workspace.id,
      id,
      c.status,
      to,
      ctx.now(),
      input.reason ?? null,
    );
    if (!moved) {
      throw new AppError('STALE_WRITE', 'The contract was changed meanwhile: reload it, then try again');
    }
    await ctx.audit(trx, actor, `contract.${input.action}`, 'contract', id, {
      from: c.status,
      to,
      ...(input.reason ? { reason: input.reason } : {}),
    });
  });
  return requireContract(ctx, actor, id);
}
