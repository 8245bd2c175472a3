/**
 * The life of a work order, as a pure state machine (no db, no clock: times are passed in).
 *
 *   draft → sent → accepted → delivered → approved → invoiced
 *                                 ⇅ changes requested
 *   cancelled from any state before approval; an out-tasker may decline a sent order.
 *
 * Every move is checked against this table (an illegal one is WORK_ORDER_STATE_INVALID naming the
 * from- and to-states and what the order can do instead), checked against who may make it, and
 * returns the record the store keeps and the audit trail repeats: event, from, to, by whom, when.
 * A delivered order the firm leaves without an answer is approved by the system after a number of
 * days of silence (`autoApprovalAt`), as marketplaces do (3–14 days).
 */
import { AppError } from '../platform/errors.ts';

export const WORK_ORDER_STATES = [
  'draft',
  'sent',
  'accepted',
  'delivered',
  'changes_requested',
  'approved',
  'invoiced',
  'cancelled',
] as const;
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];

export const WORK_ORDER_EVENTS = [
  'send',
  'accept',
  'decline',
  'deliver',
  'request_changes',
  'approve',
  'invoice',
  'cancel',
] as const;
export type WorkOrderEvent = (typeof WORK_ORDER_EVENTS)[number];

/** Who acts: the firm's staff, the assigned out-tasker, or the system (scheduled auto-approval). */
export type ActorKind = 'firm' | 'outtasker' | 'system';

interface Rule {
  from: readonly WorkOrderState[];
  to: WorkOrderState;
  by: readonly ActorKind[];
}

/** The whole machine: what each event does, from where, by whom. */
export const TRANSITIONS: Readonly<Record<WorkOrderEvent, Rule>> = {
  send: { from: ['draft'], to: 'sent', by: ['firm'] },
  accept: { from: ['sent'], to: 'accepted', by: ['outtasker', 'firm'] },
  decline: { from: ['sent'], to: 'cancelled', by: ['outtasker'] },
  deliver: { from: ['accepted', 'changes_requested'], to: 'delivered', by: ['outtasker', 'firm'] },
  request_changes: { from: ['delivered'], to: 'changes_requested', by: ['firm'] },
  approve: { from: ['delivered'], to: 'approved', by: ['firm', 'system'] },
  invoice: { from: ['approved'], to: 'invoiced', by: ['firm'] },
  cancel: {
    from: ['draft', 'sent', 'accepted', 'delivered', 'changes_requested'],
    to: 'cancelled',
    by: ['firm'],
  },
};

export const STATE_LABELS: Readonly<Record<WorkOrderState, string>> = {
  draft: 'draft',
  sent: 'sent',
  accepted: 'accepted',
  delivered: 'delivered',
  changes_requested: 'changes requested',
  approved: 'approved',
  invoiced: 'invoiced',
  cancelled: 'cancelled',
};

/** States no event leaves. */
export const FINAL_STATES: readonly WorkOrderState[] = ['invoiced', 'cancelled'];

/** The events possible from a state (for anyone), in the table's order. */
export function eventsFrom(state: WorkOrderState): WorkOrderEvent[] {
  return WORK_ORDER_EVENTS.filter((e) => TRANSITIONS[e].from.includes(state));
}

/** The events this actor may take from a state: what the app offers as buttons. */
export function allowedEvents(state: WorkOrderState, actor: ActorKind): WorkOrderEvent[] {
  return eventsFrom(state).filter((e) => TRANSITIONS[e].by.includes(actor));
}

export interface TransitionRecord {
  event: WorkOrderEvent;
  from: WorkOrderState;
  to: WorkOrderState;
  actor: ActorKind;
  /** The user who acted; null for the system. */
  userId: string | null;
  /** ISO-8601 UTC. */
  at: string;
  note: string;
}

/** What the machine needs of an order; the store's row carries more. */
export interface MachineOrder {
  id: string;
  /** For messages: "WO-12". */
  ref: string;
  state: WorkOrderState;
}

export interface TransitionInput {
  event: WorkOrderEvent;
  actor: ActorKind;
  userId: string | null;
  at: Date;
  note?: string;
}

/**
 * One move, checked. Throws WORK_ORDER_STATE_INVALID when the event cannot happen from the order's
 * state (the message names both states and what can happen instead), FORBIDDEN when this kind of
 * actor may not make it.
 */
export function transition(order: MachineOrder, input: TransitionInput): TransitionRecord {
  const rule = TRANSITIONS[input.event];
  if (!rule.from.includes(order.state)) {
    const can = eventsFrom(order.state).map(
      (e) => `${e.replace('_', ' ')} (→ ${STATE_LABELS[TRANSITIONS[e].to]})`,
    );
    throw new AppError(
      'WORK_ORDER_STATE_INVALID',
      `${order.ref} is ${STATE_LABELS[order.state]}: it cannot go from ${STATE_LABELS[order.state]} to ${STATE_LABELS[rule.to]} ("${input.event.replace('_', ' ')}" needs ${rule.from.map((s) => STATE_LABELS[s]).join(' or ')}). ` +
        (can.length > 0 ? `From ${STATE_LABELS[order.state]} it can: ${can.join(', ')}.` : 'It is final.'),
      {
        workOrderId: order.id,
        from: order.state,
        to: rule.to,
        event: input.event,
        allowed: eventsFrom(order.state),
      },
    );
  }
  if (!rule.by.includes(input.actor)) {
    throw new AppError(
      'FORBIDDEN',
      `${order.ref}: "${input.event.replace('_', ' ')}" is for ${rule.by.map((b) => (b === 'firm' ? 'the firm' : b === 'outtasker' ? 'the out-tasker' : 'the system')).join(' or ')}, not ${input.actor === 'firm' ? 'the firm' : input.actor === 'outtasker' ? 'the out-tasker' : 'the system'}.`,
      { workOrderId: order.id, event: input.event, actor: input.actor },
    );
  }
  return {
    event: input.event,
    from: order.state,
    to: rule.to,
    actor: input.actor,
    userId: input.userId,
    at: input.at.toISOString(),
    note: input.note ?? '',
  };
}

/** Replays a history from draft: the state it leads to (each step checked as it was made). */
export function replay(id: string, records: readonly TransitionRecord[]): WorkOrderState {
  let state: WorkOrderState = 'draft';
  for (const r of records) {
    if (r.from !== state) {
      throw new AppError(
        'WORK_ORDER_STATE_INVALID',
        `Work order ${id}: its history jumps from ${state} to ${r.from}`,
        {
          workOrderId: id,
        },
      );
    }
    state = transition({ id, ref: id, state }, { ...r, at: new Date(r.at) }).to;
  }
  return state;
}

/** Revision rounds: how many times changes were requested. */
export function revisionRounds(records: readonly TransitionRecord[]): number {
  return records.filter((r) => r.event === 'request_changes').length;
}

/** When each state was last entered, and the first delivery (which the SLA judges). */
export interface Timeline {
  sentAt: string | null;
  acceptedAt: string | null;
  firstDeliveredAt: string | null;
  lastDeliveredAt: string | null;
  approvedAt: string | null;
  invoicedAt: string | null;
  cancelledAt: string | null;
  /** Minutes spent in each state so far (to `now` for the current one). */
  minutesIn: Partial<Record<WorkOrderState, number>>;
}

export function timeline(createdAt: string, records: readonly TransitionRecord[], now: Date): Timeline {
  const last = (to: WorkOrderState) => records.filter((r) => r.to === to).at(-1)?.at ?? null;
  const minutesIn: Partial<Record<WorkOrderState, number>> = {};
  let state: WorkOrderState = 'draft';
  let since = Date.parse(createdAt);
  const add = (s: WorkOrderState, until: number) => {
    minutesIn[s] = (minutesIn[s] ?? 0) + Math.max(0, Math.round((until - since) / 60_000));
  };
  for (const r of records) {
    const at = Date.parse(r.at);
    add(state, at);
    state = r.to;
    since = at;
  }
  if (!FINAL_STATES.includes(state)) add(state, now.getTime());
  return {
    sentAt: last('sent'),
    acceptedAt: last('accepted'),
    firstDeliveredAt: records.find((r) => r.to === 'delivered')?.at ?? null,
    lastDeliveredAt: last('delivered'),
    approvedAt: last('approved'),
    invoicedAt: last('invoiced'),
    cancelledAt: last('cancelled'),
    minutesIn,
  };
}

/** The days of silence after a delivery that marketplaces allow before approving on their own. */
export const AUTO_APPROVAL_DAYS = { min: 3, max: 14, default: 7 } as const;

export function checkAutoApprovalDays(days: number): number {
  if (!Number.isInteger(days) || days < AUTO_APPROVAL_DAYS.min || days > AUTO_APPROVAL_DAYS.max) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Auto-approval after ${days} days: choose a whole number of days from ${AUTO_APPROVAL_DAYS.min} to ${AUTO_APPROVAL_DAYS.max}, as marketplaces allow.`,
      { field: 'autoApproveDays', min: AUTO_APPROVAL_DAYS.min, max: AUTO_APPROVAL_DAYS.max },
    );
  }
  return days;
}

/**
 * When a delivered order is approved by the system: `days` × 24 hours after its last delivery, if
 * the firm says nothing (a request for changes takes it out of `delivered`, so the silence restarts
 * with the next delivery). Undefined when the order is not waiting for review.
 */
export function autoApprovalAt(
  state: WorkOrderState,
  lastDeliveredAt: string | null,
  days: number,
): Date | undefined {
  if (state !== 'delivered' || lastDeliveredAt === null) return undefined;
  return new Date(Date.parse(lastDeliveredAt) + checkAutoApprovalDays(days) * 86_400_000);
}

/** The system's approval of an order whose silence ran out; undefined when not yet (or not waiting). */
export function autoApprove(
  order: MachineOrder & { lastDeliveredAt: string | null },
  days: number,
  now: Date,
): TransitionRecord | undefined {
  const due = autoApprovalAt(order.state, order.lastDeliveredAt, days);
  if (due === undefined || now.getTime() < due.getTime()) return undefined;
  return transition(order, {
    event: 'approve',
    actor: 'system',
    userId: null,
    at: now,
    note: `Approved automatically: no review within ${days} days of the delivery.`,
  });
}
