/** Calls for bids (a task opened to the portal's out-taskers) and the firm's dated exchange rates. */
import { occurrencesPerYear } from '../../inventory/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { BidCallInputT, CallAudienceInputT, FxRateInputT } from '../outtaskers.schemas.ts';
import { isUniqueViolation, outtaskersStore as store } from '../outtaskers.store.ts';
import { awardKeyOf, type BidCall, type FxRate } from '../outtaskers.ts';
import { ensureNotAwarded } from './bids.ts';
import type { OuttaskersActor, OuttaskersContext, Trx } from './context.ts';

export async function openCall(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  input: BidCallInputT,
): Promise<BidCall> {
  const ws = actor.workspace.id;
  const task = await ctx.inventory.getTask(actor, input.taskId);
  const awardKey = awardKeyOf(task.id, input.postId);
  await ensureNotAwarded(ctx, ws, awardKey);
  const slaHours = input.slaHours ?? task.turnaroundHours;
  if (!(slaHours > 0)) {
    throw new AppError('VALIDATION_FAILED', 'The task has no turnaround: give the call its SLA in hours', {
      field: 'slaHours',
    });
  }
  const id = ctx.deps.newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (input.outtaskerIds) await requireOuttaskers(trx, ws, input.outtaskerIds);
    try {
      await store.insertCall(
        trx,
        ws,
        {
          id,
          taskId: task.id,
          postId: input.postId,
          awardKey,
          title: input.title ?? task.name,
          brief: input.brief,
          unit: task.deliverableUnit || 'unit',
          unitsPerYear: task.unitsPerOccurrence * occurrencesPerYear(task.frequency),
          slaHours,
          createdBy: actor.userId,
        },
        ctx.now(),
      );
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('CONFLICT', `${task.name} is open for bids already`, undefined, { cause: err });
      throw err;
    }
    if (input.outtaskerIds) {
      const audience = { audience: 'invited' as const, outtaskerIds: input.outtaskerIds };
      await store.setCallAudience(trx, ws, id, audience, actor.userId, ctx.now());
    }
    await ctx.audit(trx, actor, 'bid_call.open', 'bid_call', id, {
      taskId: task.id,
      audience: input.outtaskerIds ? 'invited' : 'all',
    });
  });
  return withoutKey((await store.findCall(ctx.db, ws, id))!);
}

function withoutKey(call: BidCall & { awardKey: string }): BidCall {
  const { awardKey: _key, ...rest } = call;
  return rest;
}

export async function closeCall(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  id: string,
): Promise<BidCall> {
  const ws = actor.workspace.id;
  const call = await store.findCall(ctx.db, ws, id);
  if (!call) throw new AppError('NOT_FOUND', `No call for bids with id ${id}`);
  await ctx.db.transaction().execute(async (trx) => {
    await store.closeCall(trx, ws, call.awardKey, ctx.now());
    await ctx.audit(trx, actor, 'bid_call.close', 'bid_call', id);
  });
  return withoutKey((await store.findCall(ctx.db, ws, id))!);
}

/** Invitees must be this firm's out-taskers (an id of another workspace is not one). */
async function requireOuttaskers(trx: Trx, ws: string, ids: readonly string[]): Promise<void> {
  const known = new Set((await store.listOuttaskers(trx, ws)).map((o) => o.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', `No out-tasker with id ${unknown.join(', ')} in this workspace`, {
      field: 'outtaskerIds',
    });
  }
}

/** Who may see a call and bid on it: every out-tasker of the firm, or the ones invited (the list replaces the old). */
export async function setCallAudience(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  id: string,
  input: CallAudienceInputT,
): Promise<BidCall> {
  const ws = actor.workspace.id;
  const call = await store.findCall(ctx.db, ws, id);
  if (!call) throw new AppError('NOT_FOUND', `No call for bids with id ${id}`);
  await ctx.db.transaction().execute(async (trx) => {
    await requireOuttaskers(trx, ws, input.outtaskerIds);
    await store.setCallAudience(trx, ws, id, input, actor.userId, ctx.now());
    await ctx.audit(trx, actor, 'bid_call.audience', 'bid_call', id, {
      audience: input.audience,
      invited: input.outtaskerIds.length,
    });
  });
  return withoutKey((await store.findCall(ctx.db, ws, id))!);
}

export const listCalls = (ctx: OuttaskersContext, actor: OuttaskersActor, status?: BidCall['status']) =>
  store.listCalls(ctx.db, actor.workspace.id, status);

export async function putFxRate(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  input: FxRateInputT,
): Promise<FxRate> {
  const base = actor.workspace.currency;
  if (input.currency === base) {
    throw new AppError('VALIDATION_FAILED', `${base} is the firm's own currency: it needs no rate`, {
      field: 'currency',
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await store.putFxRate(
      trx,
      actor.workspace.id,
      {
        id: ctx.deps.newId(),
        currency: input.currency,
        baseCurrency: base,
        rate: input.rate,
        effectiveOn: input.effectiveOn,
      },
      actor.userId,
      ctx.now(),
    );
    await ctx.audit(trx, actor, 'fx_rate.put', 'fx_rate', null, { ...input, baseCurrency: base });
  });
  const all = await store.listFxRates(ctx.db, actor.workspace.id);
  return all.find(
    (r) => r.currency === input.currency && r.baseCurrency === base && r.effectiveOn === input.effectiveOn,
  )!;
}

export const listFxRates = (ctx: OuttaskersContext, actor: OuttaskersActor) =>
  store.listFxRates(ctx.db, actor.workspace.id);

export async function deleteFxRate(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  id: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await store.deleteFxRate(trx, actor.workspace.id, id)))
      throw new AppError('NOT_FOUND', `No exchange rate with id ${id}`);
    await ctx.audit(trx, actor, 'fx_rate.delete', 'fx_rate', id);
  });
}
