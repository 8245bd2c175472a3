/**
 * The out-tasker's side: an out-tasker signed in sees their own record (without the firm's notes), the
 * calls open to them (to all the firm's out-taskers, or to them by invitation) with their own bid on each, their bids and their contracts — never anyone else's.
 * They bid on an open call (again: their open bid is updated) and withdraw their own open bids.
 */
import { AppError } from '../../platform/errors.ts';
import type { PortalBidInputT } from '../outtaskers.schemas.ts';
import { outtaskersStore as store } from '../outtaskers.store.ts';
import { type Bid, type BidCall, type Contract, callVisibleTo, type Outtasker } from '../outtaskers.ts';
import { ensureNotAwarded } from './bids.ts';
import type { OuttaskersActor, OuttaskersContext } from './context.ts';
import { publicBid } from './lookups.ts';

/** The out-tasker record of the signed-in user; FORBIDDEN for anyone else. */
export async function portalOuttasker(ctx: OuttaskersContext, actor: OuttaskersActor): Promise<Outtasker> {
  const o = actor.userId
    ? await store.findOuttaskerOfUser(ctx.db, actor.workspace.id, actor.userId)
    : undefined;
  if (!o) throw new AppError('FORBIDDEN', 'The portal is for out-taskers: this account is not one here');
  if (o.status === 'blocked') throw new AppError('FORBIDDEN', 'Your access to this workspace was ended');
  return o;
}

/** A call as its out-tasker sees it: not who else was invited. */
type PortalCall = Omit<BidCall, 'audience' | 'invitedOuttaskerIds'> & { myBid: Bid | null };

export interface PortalHome {
  outtasker: Omit<Outtasker, 'notes'>;
  calls: PortalCall[];
  bids: Bid[];
  contracts: Contract[];
}

export async function portalHome(ctx: OuttaskersContext, actor: OuttaskersActor): Promise<PortalHome> {
  const o = await portalOuttasker(ctx, actor);
  const ws = actor.workspace.id;
  const [calls, bids, contracts] = await Promise.all([
    store.listCalls(ctx.db, ws, 'open', o.id),
    store.listBids(ctx.db, ws, { outtaskerId: o.id }),
    store.listContracts(ctx.db, ws, { outtaskerId: o.id }),
  ]);
  const { notes: _notes, ...own } = o;
  return {
    outtasker: own,
    calls: calls.map(({ audience: _a, invitedOuttaskerIds: _i, ...c }) => ({
      ...c,
      myBid: bids.find((b) => b.taskId === c.taskId && b.postId === c.postId && b.status === 'open') ?? null,
    })),
    bids,
    contracts,
  };
}

export async function portalBid(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  input: PortalBidInputT,
): Promise<Bid> {
  const o = await portalOuttasker(ctx, actor);
  const ws = actor.workspace.id;
  const found = await store.findCall(ctx.db, ws, input.callId);
  // A call the out-tasker was not invited to is not found: its id says nothing about it.
  const call = found && callVisibleTo(found, o.id) ? found : undefined;
  if (call?.status !== 'open') {
    await ensureNotAwarded(ctx, ws, call?.awardKey ?? '');
    throw new AppError('NOT_FOUND', 'This call for bids is closed or does not exist');
  }
  await ensureNotAwarded(ctx, ws, call.awardKey);
  const mine = (
    await store.listBids(ctx.db, ws, { outtaskerId: o.id, taskId: call.taskId, status: 'open' })
  ).find((b) => b.postId === call.postId);
  const now = ctx.now();
  const patch = {
    unitPriceMinor: input.unitPriceMinor,
    currency: input.currency ?? o.currency,
    turnaroundHours: input.turnaroundHours,
    message: input.message,
  };
  const id = mine?.id ?? ctx.deps.newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (mine) {
      if (!(await store.updateOpenBid(trx, ws, mine.id, patch, now)))
        throw new AppError('BID_NOT_OPEN', 'Your bid was decided meanwhile: it cannot be changed');
    } else {
      await store.insertBid(
        trx,
        ws,
        {
          id,
          taskId: call.taskId,
          postId: call.postId,
          awardKey: call.awardKey,
          outtaskerId: o.id,
          marketplace: 'portal',
          source: 'portal',
          externalId: null,
          unit: call.unit,
          ...patch,
          submittedAt: now,
          createdBy: actor.userId,
        },
        now,
      );
    }
    await ctx.audit(trx, actor, mine ? 'bid.update' : 'bid.create', 'bid', id, { source: 'portal' });
  });
  return publicBid((await store.findBid(ctx.db, ws, id))!);
}

/** Withdraws one of the out-tasker's own open bids; another's bid is not found. */
export async function portalWithdraw(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  id: string,
): Promise<Bid> {
  const o = await portalOuttasker(ctx, actor);
  const ws = actor.workspace.id;
  const bid = await store.findBid(ctx.db, ws, id);
  if (!bid || bid.outtaskerId !== o.id) throw new AppError('BID_NOT_FOUND', `You have no bid with id ${id}`);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await store.decideBid(trx, ws, id, 'withdrawn', ctx.now())))
      throw new AppError('BID_NOT_OPEN', `Your bid is ${bid.status}: only an open bid can be withdrawn`);
    await ctx.audit(trx, actor, 'bid.withdraw', 'bid', id, { source: 'portal' });
  });
  return publicBid((await store.findBid(ctx.db, ws, id))!);
}
