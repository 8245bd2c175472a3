/**
 * Bids taken by hand, pasted or imported from a marketplace's CSV (one transaction per batch; every bad
 * row reported with its line, the rest kept), listed and withdrawn. A bid names its task and, when the
 * firm posted one, its post; an awarded scope takes no more bids.
 */
import { AppError } from '../../platform/errors.ts';
import { type BidRowInput, parseBidTable } from '../bids-import.ts';
import type { BidImportInputT, BidInputT } from '../outtaskers.schemas.ts';
import { isUniqueViolation, type NewBid, outtaskersStore as store } from '../outtaskers.store.ts';
import { awardKeyOf, type Bid, type BidSource, type BidStatus, type Outtasker } from '../outtaskers.ts';
import type { OuttaskersActor, OuttaskersContext, Trx } from './context.ts';
import { publicBid, requireBid, requireOuttasker } from './lookups.ts';
import { createOuttasker } from './manage-outtaskers.ts';

/**
 * BID_ALREADY_AWARDED when the scope has its contract. `raced`: the refusal came from the unique
 * index (an award that reached the write while another committed), not from a read before it.
 */
export async function ensureNotAwarded(
  ctx: OuttaskersContext,
  ws: string,
  awardKey: string,
  db: Trx = ctx.db,
  raced = false,
) {
  const c = await store.findContractByAwardKey(db, ws, awardKey);
  if (c) {
    throw new AppError(
      'BID_ALREADY_AWARDED',
      `This work was awarded to ${c.outtaskerName} already (contract ${c.id}): it takes no more bids`,
      { contractId: c.id, ...(raced ? { raced: true } : {}) },
    );
  }
}

export async function placeBid(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  input: BidInputT,
  source: BidSource = 'manual',
): Promise<Bid> {
  const task = await ctx.inventory.getTask(actor, input.taskId);
  const o = await requireOuttasker(ctx, actor, input.outtaskerId);
  const awardKey = awardKeyOf(task.id, input.postId);
  await ensureNotAwarded(ctx, actor.workspace.id, awardKey);
  const id = ctx.deps.newId();
  const now = ctx.now();
  const bid: NewBid = {
    id,
    taskId: task.id,
    postId: input.postId,
    awardKey,
    outtaskerId: o.id,
    marketplace: input.marketplace,
    source,
    externalId: input.externalId,
    unit: input.unit ?? (task.deliverableUnit || 'unit'),
    unitPriceMinor: input.unitPriceMinor,
    currency: input.currency,
    turnaroundHours: input.turnaroundHours,
    message: input.message,
    submittedAt: input.submittedAt ?? now,
    createdBy: actor.userId,
  };
  await ctx.db.transaction().execute(async (trx) => {
    try {
      await store.insertBid(trx, actor.workspace.id, bid, now);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new AppError(
          'CONFLICT',
          `A bid with the ${input.marketplace} id ${input.externalId} is recorded already`,
          { field: 'externalId' },
          { cause: err },
        );
      }
      throw err;
    }
    await ctx.audit(trx, actor, 'bid.create', 'bid', id, { source, taskId: task.id, outtaskerId: o.id });
  });
  return publicBid(await requireBid(ctx, actor, id));
}

export interface BidImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  newOuttaskers: number;
  skipped: { line: number; reason: string }[];
  errors: { line: number; field: string; message: string }[];
  bids: Bid[];
}

class DryRun extends Error {
  constructor(readonly report: BidImportReport) {
    super('dry run');
  }
}

/**
 * Pasted rows or a marketplace CSV. Each row's out-tasker is found by email, else by a name only one
 * out-tasker has, else added (as a prospect, with the row's profile link). A row with the marketplace's
 * bid id updates the bid recorded under it while it is open; one without updates the out-tasker's open
 * bid on the same work, else adds a bid.
 */
export async function importBids(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  input: BidImportInputT,
): Promise<BidImportReport> {
  const parsed = parseBidTable(input.text, {
    currency: actor.workspace.currency,
    ...(input.fileName ? { fileName: input.fileName } : {}),
  });
  return storeBidRows(ctx, actor, { ...input, source: input.source }, parsed.rows, parsed.errors);
}

/** One bid as a marketplace's API gave it (a connector's read), already priced per the task's unit. */
export interface ConnectorBidRow {
  /** The marketplace's bid or proposal id: a second read updates, never doubles. */
  externalId: string;
  /** The bidder's id on the marketplace (matched against the out-taskers' profile handles). */
  bidderId: string;
  name: string;
  profileUrl: string | null;
  unit: string;
  unitPriceMinor: number;
  currency: string;
  turnaroundHours: number;
  message: string;
}

export interface ConnectorBidsInput {
  taskId: string;
  postId: string | null;
  marketplace: BidImportInputT['marketplace'];
  bids: readonly ConnectorBidRow[];
}

/**
 * Bids a connector read from a marketplace (Freelancer.com, Upwork): stored as an import is, with
 * source `connector`; the bidder is found by their profile on that marketplace first.
 */
export function importConnectorBids(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  input: ConnectorBidsInput,
): Promise<BidImportReport> {
  const rows: ConnectorRow[] = input.bids.map((b, i) => ({
    line: i + 1,
    name: b.name,
    email: null,
    marketplace: input.marketplace,
    profileUrl: b.profileUrl,
    handle: b.bidderId,
    externalId: b.externalId,
    unitPriceMinor: b.unitPriceMinor,
    currency: b.currency,
    unit: b.unit,
    turnaroundHours: b.turnaroundHours,
    message: b.message,
  }));
  return storeBidRows(
    ctx,
    actor,
    {
      taskId: input.taskId,
      postId: input.postId,
      marketplace: input.marketplace,
      source: 'connector',
      dryRun: false,
    },
    rows,
    [],
  );
}

/** A row with the bidder's marketplace handle (connector reads carry one; files do not). */
type ConnectorRow = BidRowInput & { handle?: string | null };

/** The out-tasker whose profile on this marketplace has the bidder's handle or profile URL. */
function byProfile(all: readonly Outtasker[], marketplace: string, row: ConnectorRow): Outtasker | undefined {
  if (!row.handle && !row.profileUrl) return undefined;
  return all.find((o) =>
    o.profiles.some(
      (p) =>
        p.marketplace === marketplace &&
        ((row.handle != null && p.handle === row.handle) ||
          (row.profileUrl != null && p.url === row.profileUrl)),
    ),
  );
}

async function storeBidRows(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  input: {
    taskId: string;
    postId: string | null;
    marketplace: BidImportInputT['marketplace'];
    source: BidSource;
    dryRun: boolean;
  },
  rows: readonly ConnectorRow[],
  errors: BidImportReport['errors'],
): Promise<BidImportReport> {
  const task = await ctx.inventory.getTask(actor, input.taskId);
  const awardKey = awardKeyOf(task.id, input.postId);
  const ws = actor.workspace.id;
  await ensureNotAwarded(ctx, ws, awardKey);
  const report: BidImportReport = {
    dryRun: input.dryRun,
    created: 0,
    updated: 0,
    newOuttaskers: 0,
    skipped: [],
    errors,
    bids: [],
  };
  const source = input.source;
  const marketplace = input.marketplace;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const now = ctx.now();
      const existing = await store.listBids(trx, ws, { taskId: task.id });
      const everyone = source === 'connector' ? await store.listOuttaskers(trx, ws) : [];
      const ids: string[] = [];
      for (const row of rows) {
        let o: Outtasker | undefined = byProfile(everyone, marketplace, row);
        if (!o && row.email) o = await store.findOuttaskerByEmail(trx, ws, row.email);
        if (!o) {
          const byName = await store.findOuttaskerByName(trx, ws, row.name);
          if (byName.length === 1 && (!row.email || !byName[0]!.email)) o = byName[0];
        }
        if (!o) {
          o = await createOuttasker(
            ctx,
            actor,
            {
              name: row.name,
              email: row.email,
              profiles:
                row.profileUrl || row.handle
                  ? [{ marketplace, url: row.profileUrl ?? '', handle: row.handle ?? null }]
                  : [],
              rates: [],
              currency: row.currency,
              timeZone: 'UTC',
              ndaSignedOn: null,
              status: 'prospect',
              notes: '',
            },
            trx,
          );
          everyone.push(o);
          report.newOuttaskers++;
        }
        const patch = {
          unitPriceMinor: row.unitPriceMinor,
          currency: row.currency,
          turnaroundHours: row.turnaroundHours,
          message: row.message,
        };
        const same = row.externalId
          ? await store.findBidByExternalId(trx, ws, marketplace, row.externalId)
          : existing.find(
              (b) =>
                b.outtaskerId === o.id && awardKeyOf(b.taskId, b.postId) === awardKey && b.status === 'open',
            );
        if (same) {
          if (same.status !== 'open' || awardKeyOf(same.taskId, same.postId) !== awardKey) {
            report.skipped.push({
              line: row.line,
              reason: `Bid ${row.externalId ?? same.id} is recorded already (${same.status === 'open' ? 'on other work' : same.status})`,
            });
            continue;
          }
          await store.updateOpenBid(trx, ws, same.id, patch, now);
          report.updated++;
          ids.push(same.id);
          continue;
        }
        const id = ctx.deps.newId();
        await store.insertBid(
          trx,
          ws,
          {
            id,
            taskId: task.id,
            postId: input.postId,
            awardKey,
            outtaskerId: o.id,
            marketplace,
            source,
            externalId: row.externalId,
            unit: row.unit ?? (task.deliverableUnit || 'unit'),
            ...patch,
            submittedAt: now,
            createdBy: actor.userId,
          },
          now,
        );
        report.created++;
        ids.push(id);
      }
      await ctx.audit(trx, actor, 'bid.import', 'task', task.id, {
        source,
        marketplace,
        created: report.created,
        updated: report.updated,
        errors: report.errors.length,
      });
      const all = await store.listBids(trx, ws, { taskId: task.id });
      report.bids = all.filter((b) => ids.includes(b.id));
      if (input.dryRun) throw new DryRun(report);
    });
  } catch (err) {
    if (err instanceof DryRun) return err.report;
    throw err;
  }
  return report;
}

export const listBids = (
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  filter: { taskId?: string; postId?: string; outtaskerId?: string; status?: BidStatus },
) => store.listBids(ctx.db, actor.workspace.id, filter);

/** An open bid taken back (by the firm for the out-tasker, or by the out-tasker in the portal). */
export async function withdrawBid(ctx: OuttaskersContext, actor: OuttaskersActor, id: string): Promise<Bid> {
  const bid = await requireBid(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await store.decideBid(trx, actor.workspace.id, id, 'withdrawn', ctx.now()))) {
      throw new AppError('BID_NOT_OPEN', `The bid is ${bid.status}: only an open bid can be withdrawn`);
    }
    await ctx.audit(trx, actor, 'bid.withdraw', 'bid', id);
  });
  return publicBid(await requireBid(ctx, actor, id));
}
