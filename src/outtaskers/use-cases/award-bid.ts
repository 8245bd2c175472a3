/**
 * Awarding a bid, exactly once per post (or per task, for bids taken without a post), however many
 * requests race: the contract is written first, under a unique index on its award scope, so of two
 * concurrent awards the second waits for the first (PostgreSQL) or runs after it (SQLite's one writer)
 * and is refused with BID_ALREADY_AWARDED. Only then are the bid marked awarded, the scope's other open
 * bids declined and its call closed, in the same transaction. The contract has no fixed commitment.
 */
import { AppError } from '../../platform/errors.ts';
import type { AwardInputT } from '../outtaskers.schemas.ts';
import { isUniqueViolation, outtaskersStore as store } from '../outtaskers.store.ts';
import type { Contract } from '../outtaskers.ts';
import { ensureNotAwarded } from './bids.ts';
import type { OuttaskersActor, OuttaskersContext } from './context.ts';
import { requireBid, requireContract } from './lookups.ts';

export async function awardBid(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  bidId: string,
  input: AwardInputT,
): Promise<{ contract: Contract; declined: number }> {
  const ws = actor.workspace.id;
  const bid = await requireBid(ctx, actor, bidId);
  // No "already awarded?" read first: the contract's insert is that check, and the only one that
  // holds under concurrency (a read here would pass for every request of a race).
  if (bid.status === 'withdrawn') {
    throw new AppError('BID_NOT_OPEN', `The bid is ${bid.status}: only an open bid can be awarded`, {
      status: bid.status,
    });
  }
  const task = await ctx.inventory.getTask(actor, bid.taskId);
  const call = await store.findCallByAwardKey(ctx.db, ws, bid.awardKey);
  const slaHours = input.slaHours ?? call?.slaHours ?? task.turnaroundHours;
  if (!(slaHours > 0)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The task has no turnaround: give the contract its SLA in hours',
      {
        field: 'slaHours',
      },
    );
  }
  const id = ctx.deps.newId();
  let declined: number;
  try {
    declined = await ctx.db.transaction().execute(async (trx) => {
      const now = ctx.now();
      // First, so that it is the point where concurrent awards of one scope line up.
      await store.insertContract(
        trx,
        ws,
        {
          id,
          taskId: bid.taskId,
          postId: bid.postId,
          awardKey: bid.awardKey,
          bidId: bid.id,
          outtaskerId: bid.outtaskerId,
          unit: bid.unit,
          unitPriceMinor: bid.unitPrice.amountMinor,
          currency: bid.unitPrice.currency,
          slaHours,
          acceptanceCriteria: input.acceptanceCriteria,
          createdBy: actor.userId,
        },
        now,
      );
      if (!(await store.decideBid(trx, ws, bid.id, 'awarded', now))) {
        throw new AppError('BID_NOT_OPEN', 'The bid is not open (withdrawn meanwhile): it cannot be awarded');
      }
      const n = await store.declineOpenBids(trx, ws, bid.awardKey, now);
      await store.closeCall(trx, ws, bid.awardKey, now);
      await ctx.audit(trx, actor, 'bid.award', 'bid', bid.id, {
        contractId: id,
        outtaskerId: bid.outtaskerId,
        declined: n,
      });
      return n;
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      await ensureNotAwarded(ctx, ws, bid.awardKey, ctx.db, true);
    }
    throw err;
  }
  return { contract: await requireContract(ctx, actor, id), declined };
}
