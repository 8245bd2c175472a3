/**
 * Kysely queries for out-taskers, portal invitations, bids, contracts and exchange rates. Rows in,
 * domain out.
 *
 * Kept in one file: the queries of one aggregate (an out-tasker and the bids, calls and contracts that
 * share its award key) beside their row mappers; awarding a bid writes all of them in one transaction.
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  BidCallTable,
  BidTable,
  ContractTable,
  Database,
  FxRateTable,
  OuttaskerTable,
} from '../platform/db/schema.ts';
import type {
  Bid,
  BidCall,
  BidSource,
  BidStatus,
  CallAudience,
  Contract,
  ContractStatus,
  FxRate,
  Outtasker,
  OuttaskerStatus,
  ProfileLink,
  Rate,
} from './outtaskers.ts';

type K = Kysely<Database>;

/** The invited out-taskers of each call, by call id. */
async function invitees(db: K, ws: string, callIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (callIds.length === 0) return out;
  const rows = await db
    .selectFrom('bid_call_invitees')
    .select(['call_id', 'outtasker_id'])
    .where('workspace_id', '=', ws)
    .where('call_id', 'in', callIds)
    .execute();
  for (const r of rows) out.set(r.call_id, [...(out.get(r.call_id) ?? []), r.outtasker_id]);
  return out;
}

/** A unique index refused the write (SQLite and PostgreSQL alike). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function toOuttasker(r: Selectable<OuttaskerTable>): Outtasker {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    profiles: JSON.parse(r.profiles_json) as ProfileLink[],
    rates: JSON.parse(r.rates_json) as Rate[],
    currency: r.currency,
    timeZone: r.time_zone,
    ndaSignedOn: r.nda_signed_on,
    status: r.status as OuttaskerStatus,
    notes: r.notes,
    portalAccount: r.user_id !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

type BidRow = Selectable<BidTable> & { outtasker_name: string };

function toBid(r: BidRow): Bid {
  return {
    id: r.id,
    taskId: r.task_id,
    postId: r.post_id,
    outtaskerId: r.outtasker_id,
    outtaskerName: r.outtasker_name,
    marketplace: r.marketplace,
    source: r.source as BidSource,
    externalId: r.external_id,
    unit: r.unit,
    unitPrice: { amountMinor: r.unit_price_minor, currency: r.currency },
    turnaroundHours: r.turnaround_hours,
    message: r.message,
    status: r.status as BidStatus,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
  };
}

type ContractRow = Selectable<ContractTable> & { outtasker_name: string; task_name: string };

function toContract(r: ContractRow): Contract {
  return {
    id: r.id,
    taskId: r.task_id,
    taskName: r.task_name,
    postId: r.post_id,
    bidId: r.bid_id,
    outtaskerId: r.outtasker_id,
    outtaskerName: r.outtasker_name,
    unit: r.unit,
    unitPrice: { amountMinor: r.unit_price_minor, currency: r.currency },
    slaHours: r.sla_hours,
    acceptanceCriteria: JSON.parse(r.acceptance_json) as string[],
    status: r.status as ContractStatus,
    startedAt: r.started_at,
    pausedAt: r.paused_at,
    endedAt: r.ended_at,
    endReason: r.end_reason,
    version: r.version,
  };
}

function toCall(r: Selectable<BidCallTable>, invited: readonly string[] = []): BidCall {
  return {
    id: r.id,
    taskId: r.task_id,
    postId: r.post_id,
    title: r.title,
    brief: r.brief,
    unit: r.unit,
    unitsPerYear: r.units_per_year,
    slaHours: r.sla_hours,
    status: r.status as BidCall['status'],
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    audience: r.audience as CallAudience,
    invitedOuttaskerIds: [...invited].sort(),
  };
}

function toFx(r: Selectable<FxRateTable>): FxRate {
  return {
    id: r.id,
    currency: r.currency,
    baseCurrency: r.base_currency,
    rate: r.rate,
    effectiveOn: r.effective_on,
  };
}

export interface OuttaskerFields {
  name: string;
  email: string | null;
  profiles: ProfileLink[];
  rates: Rate[];
  currency: string;
  timeZone: string;
  ndaSignedOn: string | null;
  status: OuttaskerStatus;
  notes: string;
}

function outtaskerColumns(f: OuttaskerFields) {
  return {
    name: f.name,
    email: f.email,
    profiles_json: JSON.stringify(f.profiles),
    rates_json: JSON.stringify(f.rates),
    currency: f.currency,
    time_zone: f.timeZone,
    nda_signed_on: f.ndaSignedOn,
    status: f.status,
    notes: f.notes,
  };
}

export interface NewBid {
  id: string;
  taskId: string;
  postId: string | null;
  awardKey: string;
  outtaskerId: string;
  marketplace: string;
  source: BidSource;
  externalId: string | null;
  unit: string;
  unitPriceMinor: number;
  currency: string;
  turnaroundHours: number;
  message: string;
  submittedAt: string;
  createdBy: string | null;
}

export interface NewContract {
  id: string;
  taskId: string;
  postId: string | null;
  awardKey: string;
  bidId: string;
  outtaskerId: string;
  unit: string;
  unitPriceMinor: number;
  currency: string;
  slaHours: number;
  acceptanceCriteria: string[];
  createdBy: string | null;
}

function bidsQuery(db: K, ws: string) {
  return db
    .selectFrom('bids')
    .innerJoin('outtaskers', 'outtaskers.id', 'bids.outtasker_id')
    .selectAll('bids')
    .select('outtaskers.name as outtasker_name')
    .where('bids.workspace_id', '=', ws);
}

function contractsQuery(db: K, ws: string) {
  return db
    .selectFrom('contracts')
    .innerJoin('outtaskers', 'outtaskers.id', 'contracts.outtasker_id')
    .innerJoin('tasks', 'tasks.id', 'contracts.task_id')
    .selectAll('contracts')
    .select(['outtaskers.name as outtasker_name', 'tasks.name as task_name'])
    .where('contracts.workspace_id', '=', ws);
}

export const outtaskersStore = {
  // --- out-taskers ----------------------------------------------------------------------------
  async insertOuttasker(db: K, ws: string, id: string, f: OuttaskerFields, now: string): Promise<void> {
    await db
      .insertInto('outtaskers')
      .values({ id, workspace_id: ws, ...outtaskerColumns(f), created_at: now, updated_at: now })
      .execute();
  },

  /** Writes the fields when the row still has `expectedVersion` (when given); false when it did not. */
  async updateOuttasker(
    db: K,
    ws: string,
    id: string,
    f: OuttaskerFields,
    now: string,
    expectedVersion?: number,
  ): Promise<boolean> {
    let q = db
      .updateTable('outtaskers')
      .set((eb) => ({ ...outtaskerColumns(f), updated_at: now, version: eb('version', '+', 1) }))
      .where('workspace_id', '=', ws)
      .where('id', '=', id);
    if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async findOuttasker(db: K, ws: string, id: string): Promise<Outtasker | undefined> {
    const r = await db
      .selectFrom('outtaskers')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toOuttasker(r);
  },

  async findOuttaskerByEmail(db: K, ws: string, email: string): Promise<Outtasker | undefined> {
    const r = await db
      .selectFrom('outtaskers')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('email', '=', email)
      .executeTakeFirst();
    return r && toOuttasker(r);
  },

  async findOuttaskerByName(db: K, ws: string, name: string): Promise<Outtasker[]> {
    const rows = await db
      .selectFrom('outtaskers')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('name', '=', name)
      .execute();
    return rows.map(toOuttasker);
  },

  async findOuttaskerOfUser(db: K, ws: string, userId: string): Promise<Outtasker | undefined> {
    const r = await db
      .selectFrom('outtaskers')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return r && toOuttasker(r);
  },

  async listOuttaskers(db: K, ws: string): Promise<Outtasker[]> {
    const rows = await db
      .selectFrom('outtaskers')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(toOuttasker);
  },

  async linkUser(db: K, ws: string, outtaskerId: string, userId: string, now: string): Promise<void> {
    await db
      .updateTable('outtaskers')
      .set((eb) => ({ user_id: userId, updated_at: now, version: eb('version', '+', 1) }))
      .where('workspace_id', '=', ws)
      .where('id', '=', outtaskerId)
      .execute();
  },

  async workspaceName(db: K, ws: string): Promise<string | undefined> {
    const r = await db.selectFrom('workspaces').select('name').where('id', '=', ws).executeTakeFirst();
    return r?.name;
  },

  // --- invitations ----------------------------------------------------------------------------
  async insertInvitation(
    db: K,
    row: {
      id: string;
      workspaceId: string;
      outtaskerId: string;
      tokenHash: string;
      email: string;
      expiresAt: string;
      createdBy: string | null;
      createdAt: string;
    },
  ): Promise<void> {
    await db
      .insertInto('outtasker_invitations')
      .values({
        id: row.id,
        workspace_id: row.workspaceId,
        outtasker_id: row.outtaskerId,
        token_hash: row.tokenHash,
        email: row.email,
        expires_at: row.expiresAt,
        created_by: row.createdBy,
        created_at: row.createdAt,
      })
      .execute();
  },

  /** Ends an out-tasker's unused links (a new one replaces them). */
  async expireOpenInvitations(db: K, ws: string, outtaskerId: string, now: string): Promise<void> {
    await db
      .updateTable('outtasker_invitations')
      .set({ expires_at: now })
      .where('workspace_id', '=', ws)
      .where('outtasker_id', '=', outtaskerId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .execute();
  },

  /** The link, if it is unused and not expired. */
  async findUsableInvitation(db: K, tokenHash: string, now: string) {
    return db
      .selectFrom('outtasker_invitations')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  },

  /** Marks the link used, if it still was usable: exactly one caller gets the row back. */
  async claimInvitation(db: K, tokenHash: string, now: string) {
    return db
      .updateTable('outtasker_invitations')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
  },

  // --- bids -----------------------------------------------------------------------------------
  async insertBid(db: K, ws: string, b: NewBid, now: string): Promise<void> {
    await db
      .insertInto('bids')
      .values({
        id: b.id,
        workspace_id: ws,
        task_id: b.taskId,
        post_id: b.postId,
        award_key: b.awardKey,
        outtasker_id: b.outtaskerId,
        marketplace: b.marketplace,
        source: b.source,
        external_id: b.externalId,
        unit: b.unit,
        unit_price_minor: b.unitPriceMinor,
        currency: b.currency,
        turnaround_hours: b.turnaroundHours,
        message: b.message,
        status: 'open',
        submitted_at: b.submittedAt,
        created_by: b.createdBy,
        created_at: now,
        updated_at: now,
      })
      .execute();
  },

  async findBid(db: K, ws: string, id: string): Promise<(Bid & { awardKey: string }) | undefined> {
    const r = await bidsQuery(db, ws).where('bids.id', '=', id).executeTakeFirst();
    return r && { ...toBid(r), awardKey: r.award_key };
  },

  async findBidByExternalId(
    db: K,
    ws: string,
    marketplace: string,
    externalId: string,
  ): Promise<Bid | undefined> {
    const r = await bidsQuery(db, ws)
      .where('bids.marketplace', '=', marketplace)
      .where('bids.external_id', '=', externalId)
      .executeTakeFirst();
    return r && toBid(r);
  },

  async listBids(
    db: K,
    ws: string,
    filter: { taskId?: string; postId?: string; outtaskerId?: string; status?: BidStatus } = {},
  ): Promise<Bid[]> {
    let q = bidsQuery(db, ws);
    if (filter.taskId) q = q.where('bids.task_id', '=', filter.taskId);
    if (filter.postId) q = q.where('bids.post_id', '=', filter.postId);
    if (filter.outtaskerId) q = q.where('bids.outtasker_id', '=', filter.outtaskerId);
    if (filter.status) q = q.where('bids.status', '=', filter.status);
    const rows = await q.orderBy('bids.submitted_at').orderBy('bids.id').execute();
    return rows.map(toBid);
  },

  /** open → `to`, only if still open; false when it was not. */
  async decideBid(
    db: K,
    ws: string,
    id: string,
    to: 'awarded' | 'declined' | 'withdrawn',
    now: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('bids')
      .set({ status: to, decided_at: now, updated_at: now })
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Declines every other open bid of the award scope; the number declined. */
  async declineOpenBids(db: K, ws: string, awardKey: string, now: string): Promise<number> {
    const r = await db
      .updateTable('bids')
      .set({ status: 'declined', decided_at: now, updated_at: now })
      .where('workspace_id', '=', ws)
      .where('award_key', '=', awardKey)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async updateOpenBid(
    db: K,
    ws: string,
    id: string,
    patch: { unitPriceMinor: number; currency: string; turnaroundHours: number; message: string },
    now: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('bids')
      .set({
        unit_price_minor: patch.unitPriceMinor,
        currency: patch.currency,
        turnaround_hours: patch.turnaroundHours,
        message: patch.message,
        submitted_at: now,
        updated_at: now,
      })
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  // --- contracts ------------------------------------------------------------------------------
  async insertContract(db: K, ws: string, c: NewContract, now: string): Promise<void> {
    await db
      .insertInto('contracts')
      .values({
        id: c.id,
        workspace_id: ws,
        task_id: c.taskId,
        post_id: c.postId,
        award_key: c.awardKey,
        bid_id: c.bidId,
        outtasker_id: c.outtaskerId,
        unit: c.unit,
        unit_price_minor: c.unitPriceMinor,
        currency: c.currency,
        sla_hours: c.slaHours,
        acceptance_json: JSON.stringify(c.acceptanceCriteria),
        status: 'active',
        started_at: now,
        created_by: c.createdBy,
        created_at: now,
        updated_at: now,
      })
      .execute();
  },

  async findContract(db: K, ws: string, id: string): Promise<Contract | undefined> {
    const r = await contractsQuery(db, ws).where('contracts.id', '=', id).executeTakeFirst();
    return r && toContract(r);
  },

  async findContractByAwardKey(db: K, ws: string, awardKey: string): Promise<Contract | undefined> {
    const r = await contractsQuery(db, ws).where('contracts.award_key', '=', awardKey).executeTakeFirst();
    return r && toContract(r);
  },

  async listContracts(
    db: K,
    ws: string,
    filter: { taskId?: string; outtaskerId?: string; status?: ContractStatus } = {},
  ): Promise<Contract[]> {
    let q = contractsQuery(db, ws);
    if (filter.taskId) q = q.where('contracts.task_id', '=', filter.taskId);
    if (filter.outtaskerId) q = q.where('contracts.outtasker_id', '=', filter.outtaskerId);
    if (filter.status) q = q.where('contracts.status', '=', filter.status);
    const rows = await q.orderBy('contracts.started_at', 'desc').orderBy('contracts.id').execute();
    return rows.map(toContract);
  },

  /** Moves the contract from `from` to `to` (fenced by the status read); false when it had moved meanwhile. */
  async setContractStatus(
    db: K,
    ws: string,
    id: string,
    from: ContractStatus,
    to: ContractStatus,
    now: string,
    reason: string | null,
  ): Promise<boolean> {
    const r = await db
      .updateTable('contracts')
      .set((eb) => ({
        status: to,
        updated_at: now,
        version: eb('version', '+', 1),
        ...(to === 'paused' ? { paused_at: now } : {}),
        ...(to === 'active' ? { paused_at: null } : {}),
        ...(to === 'ended' ? { ended_at: now, end_reason: reason } : {}),
      }))
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  // --- calls for bids -------------------------------------------------------------------------
  async insertCall(
    db: K,
    ws: string,
    c: Omit<BidCall, 'status' | 'openedAt' | 'closedAt' | 'audience' | 'invitedOuttaskerIds'> & {
      awardKey: string;
      createdBy: string | null;
    },
    now: string,
  ): Promise<void> {
    await db
      .insertInto('bid_calls')
      .values({
        id: c.id,
        workspace_id: ws,
        task_id: c.taskId,
        post_id: c.postId,
        award_key: c.awardKey,
        title: c.title,
        brief: c.brief,
        unit: c.unit,
        units_per_year: c.unitsPerYear,
        sla_hours: c.slaHours,
        status: 'open',
        opened_at: now,
        created_by: c.createdBy,
      })
      .execute();
  },

  async findCall(db: K, ws: string, id: string): Promise<(BidCall & { awardKey: string }) | undefined> {
    const r = await db
      .selectFrom('bid_calls')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!r) return undefined;
    const invited = await invitees(db, ws, [r.id]);
    return { ...toCall(r, invited.get(r.id)), awardKey: r.award_key };
  },

  async findCallByAwardKey(db: K, ws: string, awardKey: string): Promise<BidCall | undefined> {
    const r = await db
      .selectFrom('bid_calls')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('award_key', '=', awardKey)
      .executeTakeFirst();
    return r && toCall(r, (await invitees(db, ws, [r.id])).get(r.id));
  },

  /** The calls, newest first; `visibleTo`: only those open to all or to which that out-tasker is invited. */
  async listCalls(db: K, ws: string, status?: BidCall['status'], visibleTo?: string): Promise<BidCall[]> {
    let q = db.selectFrom('bid_calls').selectAll().where('workspace_id', '=', ws);
    if (status) q = q.where('status', '=', status);
    if (visibleTo !== undefined) {
      q = q.where((eb) =>
        eb.or([
          eb('audience', '=', 'all'),
          eb(
            'id',
            'in',
            eb
              .selectFrom('bid_call_invitees')
              .select('call_id')
              .where('workspace_id', '=', ws)
              .where('outtasker_id', '=', visibleTo),
          ),
        ]),
      );
    }
    const rows = await q.orderBy('opened_at', 'desc').orderBy('id').execute();
    const invited = await invitees(
      db,
      ws,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toCall(r, invited.get(r.id)));
  },

  /** Sets who may see a call: its audience and (replacing the old list) its invitees. */
  async setCallAudience(
    db: K,
    ws: string,
    callId: string,
    a: { audience: CallAudience; outtaskerIds: readonly string[] },
    by: string | null,
    now: string,
  ): Promise<void> {
    await db
      .updateTable('bid_calls')
      .set({ audience: a.audience })
      .where('workspace_id', '=', ws)
      .where('id', '=', callId)
      .execute();
    await db
      .deleteFrom('bid_call_invitees')
      .where('workspace_id', '=', ws)
      .where('call_id', '=', callId)
      .execute();
    if (a.outtaskerIds.length === 0) return;
    await db
      .insertInto('bid_call_invitees')
      .values(
        [...new Set(a.outtaskerIds)].map((id) => ({
          workspace_id: ws,
          call_id: callId,
          outtasker_id: id,
          invited_at: now,
          invited_by: by,
        })),
      )
      .execute();
  },

  async closeCall(db: K, ws: string, awardKey: string, now: string): Promise<boolean> {
    const r = await db
      .updateTable('bid_calls')
      .set({ status: 'closed', closed_at: now })
      .where('workspace_id', '=', ws)
      .where('award_key', '=', awardKey)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  // --- exchange rates -------------------------------------------------------------------------
  /** Sets the rate of a currency pair from a day (replacing the one of that day). */
  async putFxRate(
    db: K,
    ws: string,
    r: { id: string; currency: string; baseCurrency: string; rate: number; effectiveOn: string },
    createdBy: string | null,
    now: string,
  ): Promise<void> {
    await db
      .insertInto('fx_rates')
      .values({
        id: r.id,
        workspace_id: ws,
        currency: r.currency,
        base_currency: r.baseCurrency,
        rate: r.rate,
        effective_on: r.effectiveOn,
        created_by: createdBy,
        created_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['workspace_id', 'currency', 'base_currency', 'effective_on'])
          .doUpdateSet({ rate: r.rate, created_by: createdBy, created_at: now }),
      )
      .execute();
  },

  async listFxRates(db: K, ws: string): Promise<FxRate[]> {
    const rows = await db
      .selectFrom('fx_rates')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('currency')
      .orderBy('effective_on', 'desc')
      .execute();
    return rows.map(toFx);
  },

  async deleteFxRate(db: K, ws: string, id: string): Promise<boolean> {
    const r = await db
      .deleteFrom('fx_rates')
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },
};
