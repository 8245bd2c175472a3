/**
 * Out-taskers, bids and contracts: the domain (pure). An out-tasker is one record across marketplaces;
 * a bid is their price per unit and turnaround for a task (and its post, when the firm posted one);
 * awarding a bid creates a contract — unit price, SLA, acceptance criteria, no fixed commitment.
 */
import { AppError } from '../platform/errors.ts';
import type { Money } from '../platform/money.ts';

export const OUTTASKER_STATUSES = ['prospect', 'active', 'paused', 'blocked'] as const;
export type OuttaskerStatus = (typeof OUTTASKER_STATUSES)[number];

/** Where a bid came from: a marketplace, the firm's own channel (generic), the portal, or directly. */
export const BID_MARKETPLACES = [
  'upwork',
  'freelancer',
  'peopleperhour',
  'truelancer',
  'generic',
  'portal',
  'direct',
] as const;
export type BidMarketplace = (typeof BID_MARKETPLACES)[number];

export const BID_SOURCES = ['manual', 'paste', 'csv', 'connector', 'portal'] as const;
export type BidSource = (typeof BID_SOURCES)[number];

export const BID_STATUSES = ['open', 'awarded', 'declined', 'withdrawn'] as const;
export type BidStatus = (typeof BID_STATUSES)[number];

export const CONTRACT_STATUSES = ['active', 'paused', 'ended'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const RATE_KINDS = ['per_unit', 'hourly', 'fixed'] as const;
export type RateKind = (typeof RATE_KINDS)[number];

export interface ProfileLink {
  marketplace: string;
  url: string;
  handle: string | null;
}

/** What the out-tasker asks, as the firm noted it, in the out-tasker's currency. */
export interface Rate {
  kind: RateKind;
  unit: string;
  amountMinor: number;
}

export interface Outtasker {
  id: string;
  name: string;
  email: string | null;
  profiles: ProfileLink[];
  rates: Rate[];
  currency: string;
  /** IANA time zone (Europe/Lisbon): due times are shown to them in it. */
  timeZone: string;
  /** yyyy-mm-dd; null: no NDA signed. */
  ndaSignedOn: string | null;
  status: OuttaskerStatus;
  notes: string;
  /** They accepted a portal invitation and can sign in. */
  portalAccount: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Bid {
  id: string;
  taskId: string;
  postId: string | null;
  outtaskerId: string;
  outtaskerName: string;
  marketplace: string;
  source: BidSource;
  externalId: string | null;
  unit: string;
  unitPrice: Money;
  turnaroundHours: number;
  message: string;
  status: BidStatus;
  submittedAt: string;
  decidedAt: string | null;
}

export interface Contract {
  id: string;
  taskId: string;
  taskName: string;
  postId: string | null;
  bidId: string;
  outtaskerId: string;
  outtaskerName: string;
  unit: string;
  unitPrice: Money;
  slaHours: number;
  acceptanceCriteria: string[];
  status: ContractStatus;
  startedAt: string;
  pausedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  version: number;
}

/** A task (or its post) open to the portal's out-taskers for bids; closed by the award. */
export interface BidCall {
  id: string;
  taskId: string;
  postId: string | null;
  title: string;
  brief: string;
  unit: string;
  unitsPerYear: number;
  slaHours: number;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  /** Who may see it in the portal and bid: every out-tasker of the firm, or only those invited. */
  audience: CallAudience;
  /** The invited out-taskers (sorted; empty when the audience is 'all'). */
  invitedOuttaskerIds: string[];
}

export const CALL_AUDIENCES = ['all', 'invited'] as const;
export type CallAudience = (typeof CALL_AUDIENCES)[number];

/** Whether an out-tasker may see a call (and bid on it): the one rule the portal and its API share. */
export function callVisibleTo(call: Pick<BidCall, 'audience' | 'invitedOuttaskerIds'>, outtaskerId: string) {
  return call.audience === 'all' || call.invitedOuttaskerIds.includes(outtaskerId);
}

/** 1 `currency` = `rate` `baseCurrency`, from `effectiveOn` (yyyy-mm-dd) until a later rate. */
export interface FxRate {
  id: string;
  currency: string;
  baseCurrency: string;
  rate: number;
  effectiveOn: string;
}

/**
 * How an out-tasker has done for the firm (from their work orders): filled by the work orders feature
 * through OuttaskersService.setRecordSource; null figures when they have no finished order yet.
 */
export interface OuttaskerRecord {
  orders: number;
  /** Orders judged on time (delivered, or open past their due time) and the late ones among them. */
  judged: number;
  late: number;
  /** Share of judged orders delivered by their due time (0..1). */
  onTimeShare: number | null;
  /** Share of reviewed orders approved on their first delivery (0..1). */
  acceptanceShare: number | null;
  /** Revision rounds per delivered order. */
  revisionsPerOrder: number | null;
}

/** The scope awarded once: a post, or the task for bids taken without a post. */
export function awardKeyOf(taskId: string, postId: string | null): string {
  return postId ?? `task:${taskId}`;
}

export const CONTRACT_ACTIONS = ['pause', 'resume', 'end'] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

/** The status a contract moves to; throws CONTRACT_STATE_INVALID for a move its state does not allow. */
export function contractTransition(current: ContractStatus, action: ContractAction): ContractStatus {
  const next: Record<ContractAction, { from: readonly ContractStatus[]; to: ContractStatus }> = {
    pause: { from: ['active'], to: 'paused' },
    resume: { from: ['paused'], to: 'active' },
    end: { from: ['active', 'paused'], to: 'ended' },
  };
  const rule = next[action];
  if (!rule.from.includes(current)) {
    const why =
      current === 'ended'
        ? 'it has ended (award a new bid to work with them again)'
        : `it is ${current}, and only a contract that is ${rule.from.join(' or ')} can ${action}`;
    throw new AppError('CONTRACT_STATE_INVALID', `The contract cannot ${action}: ${why}`, {
      status: current,
      action,
    });
  }
  return rule.to;
}

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** A time zone the runtime knows (IANA name or UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
