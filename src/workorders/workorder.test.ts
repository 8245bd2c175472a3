import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import {
  type ActorKind,
  allowedEvents,
  autoApprovalAt,
  autoApprove,
  checkAutoApprovalDays,
  replay,
  revisionRounds,
  type TransitionRecord,
  timeline,
  transition,
  WORK_ORDER_EVENTS,
  WORK_ORDER_STATES,
  type WorkOrderEvent,
  type WorkOrderState,
} from './workorder.ts';

const T0 = new Date('2026-12-07T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** The machine written out as a reader would check it: [from, event] → to. */
const LEGAL: Record<string, WorkOrderState> = {
  'draft send': 'sent',
  'draft cancel': 'cancelled',
  'sent accept': 'accepted',
  'sent decline': 'cancelled',
  'sent cancel': 'cancelled',
  'accepted deliver': 'delivered',
  'accepted cancel': 'cancelled',
  'delivered request_changes': 'changes_requested',
  'delivered approve': 'approved',
  'delivered cancel': 'cancelled',
  'changes_requested deliver': 'delivered',
  'changes_requested cancel': 'cancelled',
  'approved invoice': 'invoiced',
};

const actorFor = (e: WorkOrderEvent): ActorKind => (e === 'decline' ? 'outtasker' : 'firm');

function fails(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('the move was allowed');
}

describe('the work-order state machine', () => {
  it('allows exactly the moves of the table, from every state, and refuses the rest naming from and to', () => {
    for (const state of WORK_ORDER_STATES) {
      for (const event of WORK_ORDER_EVENTS) {
        const order = { id: 'w1', ref: 'WO-1', state };
        const expected = LEGAL[`${state} ${event}`];
        if (expected) {
          const r = transition(order, { event, actor: actorFor(event), userId: 'u1', at: T0 });
          expect(r).toMatchObject({ from: state, to: expected, event, at: T0.toISOString() });
        } else {
          const e = fails(() => transition(order, { event, actor: 'firm', userId: 'u1', at: T0 }));
          expect(e.code).toBe('WORK_ORDER_STATE_INVALID');
          expect(e.details).toMatchObject({ from: state, event });
        }
      }
    }
  });

  it('says what was tried and what can happen instead', () => {
    const e = fails(() =>
      transition(
        { id: 'w', ref: 'WO-12', state: 'delivered' },
        { event: 'invoice', actor: 'firm', userId: 'u', at: T0 },
      ),
    );
    expect(e.message).toBe(
      'WO-12 is delivered: it cannot go from delivered to invoiced ("invoice" needs approved). ' +
        'From delivered it can: request changes (→ changes requested), approve (→ approved), cancel (→ cancelled).',
    );
    const final = fails(() =>
      transition(
        { id: 'w', ref: 'WO-3', state: 'invoiced' },
        { event: 'cancel', actor: 'firm', userId: 'u', at: T0 },
      ),
    );
    expect(final.message).toMatch(/cannot go from invoiced to cancelled .* It is final\.$/);
  });

  it('checks who moves: the out-tasker cannot approve, the firm cannot decline for them, the system only approves', () => {
    const delivered = { id: 'w', ref: 'WO-1', state: 'delivered' as const };
    expect(
      fails(() => transition(delivered, { event: 'approve', actor: 'outtasker', userId: 'o', at: T0 })).code,
    ).toBe('FORBIDDEN');
    expect(
      fails(() =>
        transition({ ...delivered, state: 'sent' }, { event: 'decline', actor: 'firm', userId: 'u', at: T0 }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(allowedEvents('delivered', 'system')).toEqual(['approve']);
    expect(allowedEvents('delivered', 'outtasker')).toEqual([]);
    expect(allowedEvents('changes_requested', 'outtasker')).toEqual(['deliver']);
    expect(allowedEvents('sent', 'outtasker')).toEqual(['accept', 'decline']);
  });

  it('any sequence of attempts: legal ones move by the table, illegal ones change nothing, the history replays (property)', () => {
    const actors: ActorKind[] = ['firm', 'outtasker', 'system'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...WORK_ORDER_EVENTS), fc.constantFrom(...actors)), {
          maxLength: 40,
        }),
        (attempts) => {
          let state: WorkOrderState = 'draft';
          const history: TransitionRecord[] = [];
          let changesAsked = 0;
          let deliveredOnce = false;
          for (const [i, [event, actor]] of attempts.entries()) {
            const before = state;
            try {
              const r = transition(
                { id: 'w', ref: 'WO-1', state },
                { event, actor, userId: null, at: at(i) },
              );
              expect(LEGAL[`${before} ${event}`]).toBe(r.to);
              state = r.to;
              history.push(r);
              if (event === 'request_changes') changesAsked++;
              if (r.to === 'delivered') deliveredOnce = true;
              if (r.to === 'approved') expect(deliveredOnce).toBe(true);
            } catch (error) {
              expect(error).toBeInstanceOf(AppError);
              const code = (error as AppError).code;
              if (LEGAL[`${before} ${event}`] === undefined) expect(code).toBe('WORK_ORDER_STATE_INVALID');
              else expect(code).toBe('FORBIDDEN');
              expect(state).toBe(before);
            }
          }
          expect(replay('w', history)).toBe(state);
          expect(revisionRounds(history)).toBe(changesAsked);
          if ((state as WorkOrderState) === 'invoiced')
            expect(history.map((h) => h.to)).toContain('approved');
        },
      ),
      { numRuns: 500, seed: 20261207 },
    );
  });

  it('replay refuses a history with a gap', () => {
    const r = transition(
      { id: 'w', ref: 'w', state: 'draft' },
      { event: 'send', actor: 'firm', userId: 'u', at: T0 },
    );
    const jump = { ...r, from: 'accepted' as const, to: 'delivered' as const, event: 'deliver' as const };
    expect(fails(() => replay('w', [r, jump])).message).toMatch(/jumps from sent to accepted/);
  });

  it('times each state and counts revision rounds', () => {
    const records: TransitionRecord[] = [];
    let state: WorkOrderState = 'draft';
    const move = (event: WorkOrderEvent, minute: number, actor: ActorKind = 'firm') => {
      const r = transition({ id: 'w', ref: 'w', state }, { event, actor, userId: null, at: at(minute) });
      records.push(r);
      state = r.to;
    };
    move('send', 10);
    move('accept', 40, 'outtasker');
    move('deliver', 600, 'outtasker');
    move('request_changes', 660);
    move('deliver', 720, 'outtasker');
    move('approve', 750);
    const t = timeline(T0.toISOString(), records, at(10_000));
    expect(t).toMatchObject({
      sentAt: at(10).toISOString(),
      firstDeliveredAt: at(600).toISOString(),
      lastDeliveredAt: at(720).toISOString(),
      approvedAt: at(750).toISOString(),
    });
    expect(t.minutesIn).toEqual({
      draft: 10,
      sent: 30,
      accepted: 560,
      delivered: 60 + 30,
      changes_requested: 60,
      approved: 10_000 - 750,
    });
    expect(revisionRounds(records)).toBe(1);
  });
});

describe('auto-approval after days of silence', () => {
  it('takes 3 to 14 whole days, as marketplaces do', () => {
    expect(checkAutoApprovalDays(3)).toBe(3);
    expect(checkAutoApprovalDays(14)).toBe(14);
    for (const bad of [2, 15, 7.5, Number.NaN]) {
      expect(fails(() => checkAutoApprovalDays(bad)).message).toMatch(/from 3 to 14/);
    }
  });

  it('approves a delivered order once the silence has lasted the days, not a millisecond before', () => {
    const delivered = at(0).toISOString();
    const order = { id: 'w', ref: 'WO-1', state: 'delivered' as const, lastDeliveredAt: delivered };
    const due = autoApprovalAt('delivered', delivered, 5)!;
    expect(due.toISOString()).toBe(new Date(T0.getTime() + 5 * 86_400_000).toISOString());
    expect(autoApprove(order, 5, new Date(due.getTime() - 1))).toBeUndefined();
    const r = autoApprove(order, 5, due);
    expect(r).toMatchObject({
      event: 'approve',
      actor: 'system',
      from: 'delivered',
      to: 'approved',
      userId: null,
    });
    expect(r!.note).toMatch(/no review within 5 days/);
  });

  it('leaves orders that are not waiting for review; a request for changes restarts the silence at the next delivery', () => {
    for (const state of WORK_ORDER_STATES.filter((s) => s !== 'delivered')) {
      expect(autoApprovalAt(state, at(0).toISOString(), 3)).toBeUndefined();
    }
    const redelivered = at(4 * 24 * 60).toISOString();
    expect(autoApprovalAt('delivered', redelivered, 3)!.getTime()).toBe(at(7 * 24 * 60).getTime());
  });
});
