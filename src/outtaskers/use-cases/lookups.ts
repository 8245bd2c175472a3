/** Loads that throw the feature's not-found codes. */
import { AppError } from '../../platform/errors.ts';
import { outtaskersStore as store } from '../outtaskers.store.ts';
import type { Bid, Contract, Outtasker } from '../outtaskers.ts';
import type { OuttaskersActor, OuttaskersContext, Trx } from './context.ts';

export async function requireOuttasker(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  id: string,
  db: Trx = ctx.db,
): Promise<Outtasker> {
  const o = await store.findOuttasker(db, actor.workspace.id, id);
  if (!o) throw new AppError('OUTTASKER_NOT_FOUND', `No out-tasker with id ${id} in this workspace`);
  return o;
}

export async function requireBid(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  id: string,
  db: Trx = ctx.db,
): Promise<Bid & { awardKey: string }> {
  const b = await store.findBid(db, actor.workspace.id, id);
  if (!b) throw new AppError('BID_NOT_FOUND', `No bid with id ${id} in this workspace`);
  return b;
}

export async function requireContract(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  id: string,
  db: Trx = ctx.db,
): Promise<Contract> {
  const c = await store.findContract(db, actor.workspace.id, id);
  if (!c) throw new AppError('CONTRACT_NOT_FOUND', `No contract with id ${id} in this workspace`);
  return c;
}

/** A bid as answered: without the award scope the store keeps beside it. */
export function publicBid(b: Bid & { awardKey?: string }): Bid {
  const { awardKey: _key, ...bid } = b;
  return bid;
}
