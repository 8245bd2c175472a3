/**
 * The zod contracts of the out-taskers feature's edges: requests and answers of /api/outtaskers,
 * /api/bids, /api/bid-calls, /api/contracts, /api/fx-rates and /api/portal. Imports zod and the domain's
 * constants only, so the web app and the CLI may share it.
 */
import { z } from 'zod';
import { MoneyOut, sameShape } from '../platform/contract.ts';
import type { BidComparison, ComparisonResult } from './comparison.ts';
import {
  BID_MARKETPLACES,
  BID_SOURCES,
  BID_STATUSES,
  type Bid,
  type BidCall,
  CALL_AUDIENCES,
  CONTRACT_ACTIONS,
  CONTRACT_STATUSES,
  type Contract,
  type FxRate,
  isCurrency,
  isIsoDate,
  isTimeZone,
  OUTTASKER_STATUSES,
  type Outtasker,
  type OuttaskerRecord,
  RATE_KINDS,
} from './outtaskers.ts';

const Currency = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isCurrency, { message: 'A currency is a 3-letter ISO code (USD, EUR)' });
const IsoDate = z.string().refine(isIsoDate, { message: 'A date is yyyy-mm-dd' });
const Id = z.string().min(1).max(100);
const Text = (max: number) => z.string().max(max);

export const ProfileLinkIn = z.object({
  marketplace: z.string().trim().min(1).max(40),
  url: z.url({ protocol: /^https?$/ }).max(500),
  handle: z.string().trim().max(100).nullable().default(null),
});

export const RateIn = z.object({
  kind: z.enum(RATE_KINDS),
  unit: z.string().trim().min(1).max(40),
  amountMinor: z.number().int().min(0).max(1e12),
});

export const OuttaskerInput = z.object({
  name: z.string().trim().min(1, { message: 'Name needs text' }).max(200),
  email: z
    .email()
    .max(320)
    .transform((s) => s.toLowerCase())
    .nullable()
    .default(null),
  profiles: z.array(ProfileLinkIn).max(20).default([]),
  rates: z.array(RateIn).max(20).default([]),
  currency: Currency,
  timeZone: z
    .string()
    .max(60)
    .refine(isTimeZone, { message: 'Not a time zone (use an IANA name: Europe/Lisbon)' })
    .default('UTC'),
  ndaSignedOn: IsoDate.nullable().default(null),
  status: z.enum(OUTTASKER_STATUSES).default('active'),
  notes: Text(5000).default(''),
});
export type OuttaskerInputT = z.output<typeof OuttaskerInput>;

export const OuttaskerPatch = OuttaskerInput.partial();
export type OuttaskerPatchT = z.output<typeof OuttaskerPatch>;

export const OuttaskerView = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    profiles: z.array(z.object({ marketplace: z.string(), url: z.string(), handle: z.string().nullable() })),
    rates: z.array(z.object({ kind: z.enum(RATE_KINDS), unit: z.string(), amountMinor: z.number() })),
    currency: z.string(),
    timeZone: z.string(),
    ndaSignedOn: z.string().nullable(),
    status: z.enum(OUTTASKER_STATUSES),
    notes: z.string(),
    portalAccount: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .meta({ id: 'Outtasker' });
sameShape<z.output<typeof OuttaskerView>, Outtasker>(true);

export const InvitationInput = z.object({
  /** Defaults to the out-tasker's email. */
  email: z
    .email()
    .max(320)
    .transform((s) => s.toLowerCase())
    .optional(),
  /** 1 hour to 30 days; 72 hours unless said. */
  expiresInHours: z.number().int().min(1).max(720).default(72),
});
export type InvitationInputT = z.output<typeof InvitationInput>;

export const InvitationView = z
  .object({
    outtaskerId: z.string(),
    email: z.string(),
    expiresAt: z.string(),
    /** The one-time link's path (token in the fragment, so it stays out of server logs). Shown once. */
    path: z.string(),
    token: z.string(),
  })
  .meta({ id: 'PortalInvitation' });

export const TokenInput = z.object({ token: z.string().min(20).max(200) });
export const InvitationPeekView = z
  .object({ workspaceName: z.string(), outtaskerName: z.string(), email: z.string(), expiresAt: z.string() })
  .meta({ id: 'PortalInvitationPeek' });
export const AcceptInvitationInput = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(1).max(256),
  name: z.string().trim().max(200).optional(),
});
export type AcceptInvitationInputT = z.output<typeof AcceptInvitationInput>;

// --- bids ---------------------------------------------------------------------------------------
export const BidInput = z.object({
  taskId: Id,
  postId: Id.nullable().default(null),
  outtaskerId: Id,
  marketplace: z.enum(BID_MARKETPLACES).default('direct'),
  externalId: z.string().trim().min(1).max(200).nullable().default(null),
  /** Defaults to the task's deliverable unit. */
  unit: z.string().trim().min(1).max(40).optional(),
  unitPriceMinor: z.number().int().min(0).max(1e12),
  currency: Currency,
  turnaroundHours: z
    .number()
    .positive()
    .max(24 * 365),
  message: Text(5000).default(''),
  submittedAt: z.iso.datetime().optional(),
});
export type BidInputT = z.output<typeof BidInput>;

export const BidImportInput = z.object({
  taskId: Id,
  postId: Id.nullable().default(null),
  marketplace: z.enum(BID_MARKETPLACES),
  /** CSV (a marketplace export) or rows pasted from a page or a spreadsheet, with a header line. */
  text: z.string().min(1).max(2_000_000),
  source: z.enum(['paste', 'csv']).default('paste'),
  fileName: z.string().max(300).optional(),
  /** Report what would happen, change nothing. */
  dryRun: z.boolean().default(false),
});
export type BidImportInputT = z.output<typeof BidImportInput>;

export const BidView = z
  .object({
    id: z.string(),
    taskId: z.string(),
    postId: z.string().nullable(),
    outtaskerId: z.string(),
    outtaskerName: z.string(),
    marketplace: z.string(),
    source: z.enum(BID_SOURCES),
    externalId: z.string().nullable(),
    unit: z.string(),
    unitPrice: MoneyOut,
    turnaroundHours: z.number(),
    message: z.string(),
    status: z.enum(BID_STATUSES),
    submittedAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'Bid' });
sameShape<z.output<typeof BidView>, Bid>(true);

export const BidImportReportView = z
  .object({
    dryRun: z.boolean(),
    created: z.number(),
    updated: z.number(),
    newOuttaskers: z.number(),
    skipped: z.array(z.object({ line: z.number(), reason: z.string() })),
    errors: z.array(z.object({ line: z.number(), field: z.string(), message: z.string() })),
    bids: z.array(BidView),
  })
  .meta({ id: 'BidImportReport' });

export const BidsQuery = z.object({
  taskId: Id.optional(),
  postId: Id.optional(),
  outtaskerId: Id.optional(),
  status: z.enum(BID_STATUSES).optional(),
});

export const OuttaskerRecordView = z.object({
  orders: z.number(),
  judged: z.number(),
  late: z.number(),
  onTimeShare: z.number().nullable(),
  acceptanceShare: z.number().nullable(),
  revisionsPerOrder: z.number().nullable(),
});
sameShape<z.output<typeof OuttaskerRecordView>, OuttaskerRecord>(true);

const FxUsed = z.object({
  rate: z.number(),
  effectiveOn: z.string(),
  currency: z.string(),
  baseCurrency: z.string(),
});

export const BidComparisonView = z.object({
  bid: BidView,
  rank: z.number().nullable(),
  unitPriceFirm: MoneyOut.nullable(),
  fx: FxUsed.nullable(),
  problem: z.string().nullable(),
  withinSla: z.boolean(),
  hoursOverSla: z.number(),
  expectedAnnualCost: MoneyOut.nullable(),
  annualSaving: MoneyOut.nullable(),
  costExplanation: z.string().nullable(),
  record: OuttaskerRecordView.nullable(),
});
sameShape<z.output<typeof BidComparisonView>, BidComparison>(true);

export const ComparisonView = z
  .object({
    taskId: z.string(),
    taskName: z.string(),
    currency: z.string(),
    unit: z.string(),
    slaHours: z.number(),
    annualUnits: z.number(),
    inHouseAnnualCost: MoneyOut,
    inHouseExplanation: z.string(),
    rows: z.array(BidComparisonView),
  })
  .meta({ id: 'BidComparison' });
sameShape<z.output<typeof ComparisonView>, ComparisonResult>(true);

export const CompareQuery = z.object({ postId: Id.optional() });

export const AwardInput = z.object({
  /** Defaults to the call's SLA, else the task's turnaround. */
  slaHours: z
    .number()
    .positive()
    .max(24 * 365)
    .optional(),
  acceptanceCriteria: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
});
export type AwardInputT = z.output<typeof AwardInput>;

// --- contracts ----------------------------------------------------------------------------------
export const ContractView = z
  .object({
    id: z.string(),
    taskId: z.string(),
    taskName: z.string(),
    postId: z.string().nullable(),
    bidId: z.string(),
    outtaskerId: z.string(),
    outtaskerName: z.string(),
    unit: z.string(),
    unitPrice: MoneyOut,
    slaHours: z.number(),
    acceptanceCriteria: z.array(z.string()),
    status: z.enum(CONTRACT_STATUSES),
    startedAt: z.string(),
    pausedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    endReason: z.string().nullable(),
    version: z.number(),
  })
  .meta({ id: 'Contract' });
sameShape<z.output<typeof ContractView>, Contract>(true);

export const AwardView = z.object({ contract: ContractView, declined: z.number() }).meta({ id: 'Award' });

export const ContractsQuery = z.object({
  taskId: Id.optional(),
  outtaskerId: Id.optional(),
  status: z.enum(CONTRACT_STATUSES).optional(),
});

export const ContractActionInput = z.object({
  action: z.enum(CONTRACT_ACTIONS),
  reason: z.string().trim().max(1000).optional(),
});
export type ContractActionInputT = z.output<typeof ContractActionInput>;

// --- exchange rates -----------------------------------------------------------------------------
export const FxRateInput = z.object({
  currency: Currency,
  /** 1 `currency` = `rate` of the firm's currency. */
  rate: z.number().positive().max(1e9),
  effectiveOn: IsoDate,
});
export type FxRateInputT = z.output<typeof FxRateInput>;

export const FxRateView = z
  .object({
    id: z.string(),
    currency: z.string(),
    baseCurrency: z.string(),
    rate: z.number(),
    effectiveOn: z.string(),
  })
  .meta({ id: 'FxRate' });
sameShape<z.output<typeof FxRateView>, FxRate>(true);

// --- calls for bids -----------------------------------------------------------------------------
export const BidCallInput = z.object({
  taskId: Id,
  postId: Id.nullable().default(null),
  /** Defaults to the task's name. */
  title: z.string().trim().min(1).max(200).optional(),
  /** What the out-tasker needs to price the work; no client names (it is shown in the portal). */
  brief: Text(5000).default(''),
  /** Defaults to the task's turnaround. */
  slaHours: z
    .number()
    .positive()
    .max(24 * 365)
    .optional(),
  /** Only these out-taskers see the call and may bid; left out, every out-tasker of the firm does. */
  outtaskerIds: z.array(Id).max(500).optional(),
});
export type BidCallInputT = z.output<typeof BidCallInput>;

/** Who sees a call: everyone of the firm's portal, or the invited out-taskers (the list replaces the old one). */
export const CallAudienceInput = z
  .object({
    audience: z.enum(CALL_AUDIENCES),
    outtaskerIds: z.array(Id).max(500).default([]),
  })
  .refine((a) => a.audience === 'invited' || a.outtaskerIds.length === 0, {
    message: 'Invitees are for an audience of invited out-taskers: leave them out when it is open to all',
    path: ['outtaskerIds'],
  });
export type CallAudienceInputT = z.output<typeof CallAudienceInput>;

export const BidCallView = z
  .object({
    id: z.string(),
    taskId: z.string(),
    postId: z.string().nullable(),
    title: z.string(),
    brief: z.string(),
    unit: z.string(),
    unitsPerYear: z.number(),
    slaHours: z.number(),
    status: z.enum(['open', 'closed']),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    audience: z.enum(CALL_AUDIENCES),
    invitedOuttaskerIds: z.array(z.string()),
  })
  .meta({ id: 'BidCall' });
sameShape<z.output<typeof BidCallView>, BidCall>(true);

// --- the portal ---------------------------------------------------------------------------------
export const PortalBidInput = z.object({
  callId: Id,
  unitPriceMinor: z.number().int().min(0).max(1e12),
  /** Defaults to the out-tasker's currency. */
  currency: Currency.optional(),
  turnaroundHours: z
    .number()
    .positive()
    .max(24 * 365),
  message: Text(5000).default(''),
});
export type PortalBidInputT = z.output<typeof PortalBidInput>;

/** A call as the out-tasker sees it, with their own open bid on it (if any). */
export const PortalCallView = BidCallView.omit({ audience: true, invitedOuttaskerIds: true })
  .extend({ myBid: BidView.nullable() })
  .meta({ id: 'PortalCall' });

export const PortalHomeView = z
  .object({
    /** Their own record, without the firm's notes about them. */
    outtasker: OuttaskerView.omit({ notes: true }),
    calls: z.array(PortalCallView),
    bids: z.array(BidView),
    contracts: z.array(ContractView),
  })
  .meta({ id: 'PortalHome' });
