/**
 * An out-tasker's record with the firm shown with their bids (issue 12): the bid comparison reads it
 * from their work orders — on-time share, first-time acceptance, revisions — on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { aPptx } from '../factories/documents.ts';
import { aContract, DECK_CHECKLIST } from '../factories/workorders.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

const ticked = DECK_CHECKLIST.map((item) => ({ item, checked: true }));

describe.each(testDialects)('track record beside the bids (%s)', (dialect) => {
  const clock = fixedClock('2026-11-02T09:00:00.000Z');
  let app: Awaited<ReturnType<typeof signedInApp>>;

  beforeAll(async () => {
    app = await signedInApp(dialect, { clock });
  });
  afterAll(() => app?.close());

  it('two orders (one on time and approved first time, one late and sent back once): 50% on time, 50% accepted first time', async () => {
    const firm = { ...app.owner.actor, role: 'owner' as const };
    const c = await aContract(app.services, app.owner.actor, { slaHours: 24 });
    const worker = {
      workspace: app.owner.workspace,
      userId: c.outtasker.user.id,
      role: 'outtasker' as const,
    };
    const wo = app.services.workOrders;
    const order = (title: string) =>
      wo.create(firm, { contractId: c.contractId, title, unitsExpected: 10, timeZone: 'UTC' });

    const first = await order('On time');
    await wo.move(firm, first.id, 'send');
    await wo.move(worker, first.id, 'accept');
    clock.advance(20 * 3_600_000);
    await wo.deliver(worker, first.id, { note: '', files: [{ name: 'a.pptx', bytes: await aPptx(10) }] });
    await wo.review(firm, first.id, { outcome: 'approve', checklist: ticked, comment: '' });

    const second = await order('Late');
    await wo.move(firm, second.id, 'send');
    await wo.move(worker, second.id, 'accept');
    clock.advance(30 * 3_600_000); // six hours past the 24-hour SLA
    await wo.deliver(worker, second.id, { note: '', files: [{ name: 'b.pptx', bytes: await aPptx(9) }] });
    await wo.review(firm, second.id, { outcome: 'request_changes', checklist: ticked, comment: 'Again' });
    await wo.deliver(worker, second.id, { note: '', files: [{ name: 'b2.pptx', bytes: await aPptx(10) }] });
    await wo.review(firm, second.id, { outcome: 'approve', checklist: ticked, comment: '' });

    // Two days on, the owner signs in again (the first session idled out).
    const cookies = await app.login(app.owner.email, app.owner.password);
    // A newcomer bids beside them: no record yet.
    const newcomer = await app.http.inject({
      method: 'POST',
      url: '/api/outtaskers',
      cookies,
      payload: { name: 'New Person', currency: 'USD', timeZone: 'UTC' },
    });
    for (const [outtaskerId, unitPriceMinor] of [
      [c.outtaskerId, 1100],
      [newcomer.json().id, 1000],
    ] as const) {
      const bid = await app.http.inject({
        method: 'POST',
        url: '/api/bids',
        cookies,
        payload: { taskId: c.taskId, outtaskerId, unitPriceMinor, currency: 'USD', turnaroundHours: 24 },
      });
      expect(bid.statusCode, bid.body).toBe(201);
    }
    const cmp = await app.http.inject({
      method: 'GET',
      url: `/api/bids/compare/${c.taskId}`,
      cookies,
    });
    expect(cmp.statusCode, cmp.body).toBe(200);
    const rows = cmp.json().rows as { bid: { outtaskerId: string }; record: unknown }[];
    const of = (id: string) => rows.find((r) => r.bid.outtaskerId === id)?.record;
    expect(of(c.outtaskerId)).toEqual({
      orders: 2,
      judged: 2,
      late: 1,
      onTimeShare: 0.5,
      acceptanceShare: 0.5,
      revisionsPerOrder: 0.5,
    });
    expect(of(newcomer.json().id)).toEqual({
      orders: 0,
      judged: 0,
      late: 0,
      onTimeShare: null,
      acceptanceShare: null,
      revisionsPerOrder: null,
    });
  });
});
