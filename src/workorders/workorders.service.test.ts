/** Work orders through the service, on SQLite and PostgreSQL: the whole life of an order and its money. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aWorkspaceWithOwner } from '../../test/factories/accounts.ts';
import { aPptx } from '../../test/factories/documents.ts';
import {
  aContract,
  aContractFor,
  type ContractFixture,
  DECK_CHECKLIST,
} from '../../test/factories/workorders.ts';
import { type TestApp, testApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/db.ts';
import { fixedClock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import type { WorkOrdersActor } from './index.ts';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('allowed');
}

const ticked = (except: string[] = []) =>
  DECK_CHECKLIST.map((item) => ({ item, checked: !except.includes(item) }));

describe.each(testDialects)('work orders (%s)', (dialect) => {
  // Friday 4 Dec 2026, 18:00 in New York.
  const clock = fixedClock('2026-12-04T23:00:00.000Z');
  let app: TestApp;
  let firm: WorkOrdersActor;
  let c: ContractFixture;
  let worker: WorkOrdersActor;
  let other: WorkOrdersActor;

  beforeAll(async () => {
    app = await testApp(dialect, { clock });
    const o = await aWorkspaceWithOwner(app.services);
    firm = { ...o.actor, role: 'owner' };
    c = await aContract(app.services, o.actor);
    worker = { workspace: o.workspace, userId: c.outtasker.user.id, role: 'outtasker' };
    const second = await aContractFor(app.services, o.actor, c.taskId, c.firm, { name: 'Other Freelancer' });
    other = { workspace: o.workspace, userId: second.outtasker.user.id, role: 'outtasker' };
  });
  afterAll(async () => app?.close());

  it('runs an order from draft to invoiced: materials, SLA in New York, counted slides, a revision, the checklist, billing', async () => {
    const wo = app.services.workOrders;
    const order = await wo.create(firm, {
      contractId: c.contractId,
      title: 'Acme: 12 executive interviews',
      unitsExpected: 14,
      slaCalendar: 'weekdays',
      timeZone: 'America/New_York',
      autoApproveDays: 5,
    });
    expect(order).toMatchObject({
      ref: 'WO-1',
      state: 'draft',
      unit: 'slide',
      unitPriceMinor: 1100,
      slaHours: 24,
    });
    expect(order.acceptance).toEqual(DECK_CHECKLIST);
    // A draft is the firm's: the out-tasker cannot see it, nor anyone's but their own.
    expect((await refusal(wo.get(worker, order.id))).code).toBe('WORK_ORDER_NOT_FOUND');

    await wo.addMaterials(firm, order.id, [{ name: 'acme-transcripts.txt', bytes: Buffer.from('Q1 …') }], {
      redacted: true,
    });
    const sent = await wo.move(firm, order.id, 'send');
    // 24 weekday hours from Friday 18:00 in New York: Monday 18:00 there.
    expect(sent.dueAt).toBe('2026-12-07T23:00:00.000Z');
    const shown = await wo.get(worker, order.id);
    expect(shown.dueText).toBe('Mon 7 Dec 2026, 18:00 (America/New_York, UTC−05:00)');
    expect(shown.dueTextOuttasker).toBe('Tue 8 Dec 2026, 04:30 (Asia/Kolkata, UTC+05:30)');
    expect(shown.allowedEvents).toEqual(['accept', 'decline']);
    expect((await refusal(wo.get(other, order.id))).code).toBe('WORK_ORDER_NOT_FOUND');
    expect(await wo.list(other)).toEqual([]);

    // The out-tasker cannot approve, and the firm cannot invoice before approval.
    expect((await refusal(wo.move(worker, order.id, 'invoice'))).code).toBe('WORK_ORDER_STATE_INVALID');
    await wo.move(worker, order.id, 'accept');

    clock.advance(20 * 3_600_000); // Saturday 14:00 in New York: still on time (weekdays only)
    const first = await wo.deliver(worker, order.id, {
      note: 'First cut',
      files: [{ name: 'acme.pptx', bytes: await aPptx(12, [11, 12]) }],
    });
    expect(first).toMatchObject({
      round: 1,
      units: 10,
      unitsUnit: 'slide',
      hiddenSlides: [11, 12],
      outcome: null,
    });
    expect(first.unitsBasis).toMatch(
      /^acme\.pptx: 10 slides — 12 slides listed in the presentation, 2 of them hidden/,
    );

    const missing = await refusal(
      wo.review(firm, order.id, {
        outcome: 'approve',
        checklist: ticked(['The firm template is used']),
        comment: '',
      }),
    );
    expect(missing.message).toMatch(
      /tick every acceptance item before approving.*Not ticked: The firm template is used/,
    );
    const changes = await wo.review(firm, order.id, {
      outcome: 'request_changes',
      checklist: ticked(['The firm template is used']),
      comment: 'Use our template, please.',
    });
    expect(changes).toMatchObject({
      outcome: 'changes_requested',
      reviewComment: 'Use our template, please.',
    });
    expect(changes.checklist.find((x) => x.item === 'The firm template is used')?.checked).toBe(false);

    clock.advance(3_600_000);
    const second = await wo.deliver(worker, order.id, {
      note: 'On the template',
      files: [
        { name: 'acme-v2.pptx', bytes: await aPptx(14, [14]) },
        { name: 'notes.txt', bytes: Buffer.from('sources') },
      ],
    });
    expect(second).toMatchObject({ round: 2, units: 13 });

    const approved = await wo.review(firm, order.id, {
      outcome: 'approve',
      checklist: ticked(),
      comment: 'Thank you',
      qualityRating: 5,
      timelinessRating: 4,
    });
    expect(approved.outcome).toBe('approved');
    const detail = await wo.get(firm, order.id);
    expect(detail.order).toMatchObject({
      state: 'approved',
      approvedUnits: 13,
      revisionRounds: 1,
      qualityRating: 5,
      timelinessRating: 4,
      firstDeliveredAt: '2026-12-05T19:00:00.000Z',
    });
    expect(detail.sla).toEqual({ flag: 'on_time', minutesLeft: null, latenessMinutes: 0 });
    expect(detail.events.map((e) => `${e.event}:${e.actor}`)).toEqual([
      'send:firm',
      'accept:outtasker',
      'deliver:outtasker',
      'request_changes:firm',
      'deliver:outtasker',
      'approve:firm',
    ]);
    expect(detail.files.map((f) => `${f.role}:${f.name}`)).toEqual([
      'material:acme-transcripts.txt',
      'delivery:acme.pptx',
      'delivery:acme-v2.pptx',
      'delivery:notes.txt',
    ]);

    // Billing: 13 slides × $11; the savings against $300 a slide in-house ($96,000 ÷ 320 slides).
    const [statement] = await wo.statements(firm, { from: '2026-12-01', to: '2026-12-31' });
    expect(statement).toMatchObject({
      outtaskerName: c.outtasker.user.name,
      units: 13,
      total: { amountMinor: 14_300 },
    });
    expect(await wo.statements(worker, { from: '2026-12-01', to: '2026-12-31' })).toHaveLength(1);
    expect(await wo.statements(other, { from: '2026-12-01', to: '2026-12-31' })).toEqual([]);
    const ledger = await wo.ledger(firm);
    expect(ledger.total).toMatchObject({
      units: 13,
      paid: { amountMinor: 14_300 },
      inHouse: { amountMinor: 390_000 },
    });
    expect(ledger.total.saving.amountMinor).toBe(390_000 - 14_300);
    expect(ledger.byMonth.map((r) => r.key)).toEqual(['2026-12']);

    await wo.move(firm, order.id, 'invoice');
    const again = await refusal(wo.move(firm, order.id, 'invoice'));
    expect(again.code).toBe('WORK_ORDER_STATE_INVALID');
    expect(again.message).toMatch(/^WO-1 is invoiced: it cannot go from invoiced to invoiced/);

    const records = await wo.recordsFor(firm.workspace.id, [c.outtaskerId]);
    expect(records.get(c.outtaskerId)).toMatchObject({
      orders: 1,
      onTime: 1,
      onTimeShare: 1,
      revisionsPerOrder: 1,
    });

    // Every read of a file is audited, by whom.
    const material = detail.files[0]!;
    const read = await wo.readFile(worker, order.id, material.id);
    expect(read.bytes.toString()).toBe('Q1 …');
    const audit = await app.services.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('subject_id', '=', order.id)
      .orderBy('at')
      .execute();
    expect(audit.filter((a) => a.action === 'workorder.file.read')).toEqual([
      { action: 'workorder.file.read', user_id: worker.userId },
    ]);
    expect(audit.map((a) => a.action)).toContain('workorder.request_changes');
  });

  it('approves a delivery left without review after the days of silence, and not a moment before', async () => {
    const wo = app.services.workOrders;
    const order = await wo.create(firm, {
      contractId: c.contractId,
      title: 'Beta deck',
      unitsExpected: 5,
      autoApproveDays: 3,
    });
    await wo.move(firm, order.id, 'send');
    await wo.move(worker, order.id, 'accept');
    await wo.deliver(worker, order.id, { note: '', files: [{ name: 'beta.pptx', bytes: await aPptx(6) }] });
    clock.advance(3 * 86_400_000 - 1);
    expect((await wo.runAutoApproval()).approved).toEqual([]);
    clock.advance(1);
    const run = await wo.runAutoApproval();
    expect(run.approved).toEqual([{ workOrderId: order.id, workspaceId: firm.workspace.id }]);
    const detail = await wo.get(firm, order.id);
    expect(detail.order).toMatchObject({ state: 'approved', approvedUnits: 6 });
    expect(detail.events.at(-1)).toMatchObject({ event: 'approve', actor: 'system', userId: null });
    expect(detail.deliveries[0]!.outcome).toBe('auto_approved');
    expect((await wo.runAutoApproval()).approved).toEqual([]);
  });

  it('refuses bad input with the field named: days outside 3–14, a zone, a damaged deck', async () => {
    const wo = app.services.workOrders;
    const base = { contractId: c.contractId, title: 'x', unitsExpected: 1 };
    expect((await refusal(wo.create(firm, { ...base, autoApproveDays: 30 }))).message).toMatch(
      /from 3 to 14/,
    );
    expect((await refusal(wo.create(firm, { ...base, timeZone: 'Nowhere/City' }))).code).toBe(
      'TIME_ZONE_INVALID',
    );
    expect((await refusal(wo.create(worker, base))).code).toBe('FORBIDDEN');
    const order = await wo.create(firm, base);
    await wo.move(firm, order.id, 'send');
    await wo.move(worker, order.id, 'accept');
    const broken = await refusal(
      wo.deliver(worker, order.id, {
        note: '',
        files: [{ name: 'deck.pptx', bytes: Buffer.from('PK\x03\x04 not really') }],
      }),
    );
    expect(broken.code).toBe('ARCHIVE_DAMAGED');
    expect((await wo.get(firm, order.id)).order.state).toBe('accepted');
  });

  it('orders made at once each get their own number', async () => {
    const wo = app.services.workOrders;
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        wo.create(firm, {
          contractId: c.contractId,
          title: `Parallel ${i}`,
          unitsExpected: 1,
          withBrief: false,
        }),
      ),
    );
    const numbers = made.map((o) => o.number);
    expect(new Set(numbers).size).toBe(8);
  });

  it('two reviews racing on one delivery: one wins, the other is refused, one event recorded', async () => {
    const wo = app.services.workOrders;
    const order = await wo.create(firm, { contractId: c.contractId, title: 'Race', unitsExpected: 2 });
    await wo.move(firm, order.id, 'send');
    await wo.move(worker, order.id, 'accept');
    await wo.deliver(worker, order.id, { note: '', files: [{ name: 'r.pptx', bytes: await aPptx(2) }] });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        wo.review(
          firm,
          order.id,
          i % 2 === 0
            ? { outcome: 'approve', checklist: ticked(), comment: '' }
            : { outcome: 'request_changes', checklist: ticked(), comment: 'again' },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected')
        expect(['STALE_WRITE', 'WORK_ORDER_STATE_INVALID']).toContain((r.reason as AppError).code);
    }
    const events = (await wo.get(firm, order.id)).events;
    expect(events.filter((e) => e.from === 'delivered')).toHaveLength(1);
  });
});
