/**
 * Award exactly once (issue 12): 50 award requests for one task's bids sent at once through the HTTP
 * layer — 50 different bids, then 50 times the same bid — give one contract and one winner; every other
 * request is refused with BID_ALREADY_AWARDED and every other bid is declined. On SQLite (one writer)
 * and on PostgreSQL with a pool of 20 connections, so the awards' transactions really overlap there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSmallFirm, storeFirm } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

const N = 50;

describe.each(testDialects)('award exactly once (%s)', (dialect) => {
  let app: Awaited<ReturnType<typeof signedInApp>>;
  let taskId: string;

  beforeAll(async () => {
    app = await signedInApp(dialect, { poolMax: 20 });
    const firm = await storeFirm(app.services, app.owner.actor, aSmallFirm());
    taskId = firm.deck.id;
  });
  afterAll(() => app.close());

  async function bidsFromOuttaskers(n: number, postId: string | null): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const o = await app.services.outtaskers.createOuttasker(app.owner.actor, {
        name: `Designer ${postId ?? 'task'} ${i}`,
        email: null,
        profiles: [],
        rates: [],
        currency: 'USD',
        timeZone: 'UTC',
        ndaSignedOn: null,
        status: 'active',
        notes: '',
      });
      const bid = await app.services.outtaskers.placeBid(app.owner.actor, {
        taskId,
        postId,
        outtaskerId: o.id,
        marketplace: 'upwork',
        externalId: null,
        unitPriceMinor: 900 + i,
        currency: 'USD',
        turnaroundHours: 24,
        message: '',
      });
      ids.push(bid.id);
    }
    return ids;
  }

  async function raceAwards(bidIds: string[]) {
    const started = process.cpuUsage();
    const t0 = performance.now();
    const answers = await Promise.all(
      bidIds.map((id) =>
        app.http.inject({
          method: 'POST',
          url: `/api/bids/${id}/award`,
          cookies: app.cookies,
          payload: { acceptanceCriteria: ['One slide per interview'] },
        }),
      ),
    );
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(started);
    const codes = answers.map((a) => (a.statusCode === 201 ? 'AWARDED' : a.json().error.code));
    const tally = Object.fromEntries(
      [...new Set(codes)].map((c) => [c, codes.filter((x) => x === c).length]),
    );
    // Refused by the unique index: they had passed the first check while the winner's transaction ran.
    const raced = answers.filter((a) => a.statusCode === 409 && a.json().error.details?.raced).length;
    console.info(
      `[award race ${dialect}] ${bidIds.length} requests: ${JSON.stringify(tally)}, ${raced} of the refusals by the unique index; wall ${wallMs.toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
    );
    return { answers, tally, raced };
  }

  it(`${N} parallel awards of ${N} different bids on one post: one contract, ${N - 1} refused and declined`, async () => {
    const postId = 'post-race-1';
    const bidIds = await bidsFromOuttaskers(N, postId);
    const { answers, tally, raced } = await raceAwards(bidIds);

    expect(tally).toEqual({ AWARDED: 1, BID_ALREADY_AWARDED: N - 1 });
    // The requests really raced to the write: the refusals came from the database, not a read before it.
    expect(raced).toBe(N - 1);
    const winner = answers.find((a) => a.statusCode === 201)!.json();
    expect(winner.declined).toBe(N - 1);
    expect(winner.contract).toMatchObject({
      postId,
      status: 'active',
      unit: 'slide',
      slaHours: 24,
      acceptanceCriteria: ['One slide per interview'],
    });
    // Every refusal names the one contract.
    for (const a of answers.filter((x) => x.statusCode !== 201)) {
      expect(a.statusCode).toBe(409);
      expect(a.json().error.details.contractId).toBe(winner.contract.id);
    }
    const bids = await app.services.outtaskers.listBids(app.owner.actor, { postId });
    expect(bids.filter((b) => b.status === 'awarded').map((b) => b.id)).toEqual([winner.contract.bidId]);
    expect(bids.filter((b) => b.status === 'declined')).toHaveLength(N - 1);
    const contracts = await app.services.outtaskers.listContracts(app.owner.actor, { taskId });
    expect(contracts.filter((c) => c.postId === postId)).toHaveLength(1);
  });

  it(`${N} parallel awards of the same bid: one contract`, async () => {
    const postId = 'post-race-2';
    const [first, ...others] = await bidsFromOuttaskers(3, postId);
    const { tally, raced } = await raceAwards(Array.from({ length: N }, () => first!));

    expect(tally).toEqual({ AWARDED: 1, BID_ALREADY_AWARDED: N - 1 });
    expect(raced).toBe(N - 1);
    const bids = await app.services.outtaskers.listBids(app.owner.actor, { postId });
    expect(bids.find((b) => b.id === first)!.status).toBe('awarded');
    expect(bids.filter((b) => others.includes(b.id)).map((b) => b.status)).toEqual(['declined', 'declined']);
    const contracts = await app.services.outtaskers.listContracts(app.owner.actor, { taskId });
    expect(contracts.filter((c) => c.postId === postId)).toHaveLength(1);
  });

  it('an awarded post takes no more bids; the contract pauses, resumes and ends, and stays ended', async () => {
    const postId = 'post-race-3';
    const [bidId] = await bidsFromOuttaskers(1, postId);
    const award = await app.http.inject({
      method: 'POST',
      url: `/api/bids/${bidId}/award`,
      cookies: app.cookies,
      payload: {},
    });
    expect(award.statusCode).toBe(201);
    const contractId = award.json().contract.id;

    const late = await app.http.inject({
      method: 'POST',
      url: '/api/bids',
      cookies: app.cookies,
      payload: {
        taskId,
        postId,
        outtaskerId: award.json().contract.outtaskerId,
        unitPriceMinor: 800,
        currency: 'USD',
        turnaroundHours: 12,
      },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('BID_ALREADY_AWARDED');

    const step = (action: string) =>
      app.http.inject({
        method: 'POST',
        url: `/api/contracts/${contractId}/status`,
        cookies: app.cookies,
        payload: { action, reason: action === 'end' ? 'The project ended' : undefined },
      });
    expect((await step('pause')).json().status).toBe('paused');
    expect((await step('resume')).json().status).toBe('active');
    const ended = await step('end');
    expect(ended.json()).toMatchObject({ status: 'ended', endReason: 'The project ended' });
    const again = await step('resume');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONTRACT_STATE_INVALID');
  });
});
