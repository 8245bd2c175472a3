/**
 * The API contract of work orders: request bodies and the answers (…View), each answer checked at
 * compile time against the domain type it describes. zod and the domain's constants only.
 */
import { z } from 'zod';
import { MoneyOut, sameShape } from '../platform/contract.ts';
import type { LedgerRow, SavingsLedger, Statement, StatementLine } from './billing.ts';
import type { OuttaskerRecord, SlaStatus } from './sla.ts';
import type {
  BoardItem,
  Delivery,
  OuttaskerSla,
  WorkOrder,
  WorkOrderDetail,
  WorkOrderFile,
} from './views.ts';
import { type TransitionRecord, WORK_ORDER_EVENTS, WORK_ORDER_STATES } from './workorder.ts';

const State = z.enum(WORK_ORDER_STATES);
const Event = z.enum(WORK_ORDER_EVENTS);
const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be the file’s bytes in base64');

// ——— requests ———

export const WorkOrderCreateIn = z.object({
  contractId: z.string().min(1).max(100),
  title: z.string().trim().min(1, 'Title needs text').max(200),
  instructions: z.string().max(20_000).optional(),
  unitsExpected: z.number().int().min(0).max(100_000),
  slaCalendar: z.enum(['calendar', 'weekdays']).optional(),
  timeZone: z.string().min(1).max(100).optional(),
  autoApproveDays: z.number().int().min(3).max(14).optional(),
  acceptance: z.array(z.string().trim().min(1).max(500)).max(50).optional(),
  withBrief: z.boolean().optional(),
});

export const TransitionIn = z.object({
  event: z.enum(['send', 'accept', 'decline', 'cancel', 'invoice']),
  note: z.string().max(5000).default(''),
});

export const FileIn = z.object({
  name: z.string().min(1).max(300),
  contentBase64: Base64,
});

export const MaterialsIn = z.object({
  files: z.array(FileIn).min(1).max(50),
  /** Names and identifiers taken out (step 5's redaction) before the out-tasker sees them. */
  redacted: z.boolean().default(false),
});

export const DeliveryIn = z.object({
  note: z.string().max(20_000).default(''),
  files: z.array(FileIn).min(1, 'A delivery needs at least one file').max(50),
});

export const ChecklistItemIn = z.object({ item: z.string().min(1).max(500), checked: z.boolean() });

export const ReviewIn = z.object({
  outcome: z.enum(['approve', 'request_changes']),
  checklist: z.array(ChecklistItemIn).max(50),
  comment: z.string().max(20_000).default(''),
  qualityRating: z.number().int().min(1).max(5).optional(),
  timelinessRating: z.number().int().min(1).max(5).optional(),
  approvedUnits: z.number().int().min(0).max(100_000).optional(),
});

/** A period of approval dates; without one, the current month on the firm's calendar. */
export const PeriodQuery = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as yyyy-mm-dd')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as yyyy-mm-dd')
    .optional(),
});

// ——— answers ———

export const WorkOrderView = z
  .object({
    id: z.string(),
    number: z.number().int(),
    ref: z.string(),
    contractId: z.string(),
    taskId: z.string(),
    taskName: z.string(),
    outtaskerId: z.string(),
    outtaskerName: z.string(),
    outtaskerTimeZone: z.string(),
    title: z.string(),
    instructions: z.string(),
    briefMd: z.string(),
    briefFileName: z.string().nullable(),
    unit: z.string(),
    unitPriceMinor: z.number().int(),
    currency: z.string(),
    unitsExpected: z.number().int(),
    slaHours: z.number(),
    slaCalendar: z.enum(['calendar', 'weekdays']),
    slaTimeZone: z.string(),
    autoApproveDays: z.number().int(),
    acceptance: z.array(z.string()),
    state: State,
    dueAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    firstDeliveredAt: z.string().nullable(),
    lastDeliveredAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    invoicedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    revisionRounds: z.number().int(),
    approvedUnits: z.number().int().nullable(),
    qualityRating: z.number().int().nullable(),
    timelinessRating: z.number().int().nullable(),
    seq: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'WorkOrder' });
sameShape<z.output<typeof WorkOrderView>, WorkOrder>(true);

export const SlaStatusView = z.object({
  flag: z.enum(['none', 'on_track', 'due_soon', 'overdue', 'on_time', 'late']),
  minutesLeft: z.number().int().nullable(),
  latenessMinutes: z.number().int().nullable(),
});
sameShape<z.output<typeof SlaStatusView>, SlaStatus>(true);

export const BoardItemView = z
  .object({
    order: WorkOrderView,
    sla: SlaStatusView,
    dueText: z.string().nullable(),
    dueTextOuttasker: z.string().nullable(),
    autoApprovalAt: z.string().nullable(),
    allowedEvents: z.array(Event),
  })
  .meta({ id: 'WorkOrderBoardItem' });
sameShape<z.output<typeof BoardItemView>, BoardItem>(true);

export const TransitionView = z.object({
  event: Event,
  from: State,
  to: State,
  actor: z.enum(['firm', 'outtasker', 'system']),
  userId: z.string().nullable(),
  at: z.string(),
  note: z.string(),
});
sameShape<z.output<typeof TransitionView>, TransitionRecord>(true);

export const DeliveryView = z
  .object({
    id: z.string(),
    workOrderId: z.string(),
    round: z.number().int(),
    note: z.string(),
    units: z.number().int().nullable(),
    unitsUnit: z.string().nullable(),
    unitsBasis: z.string(),
    hiddenSlides: z.array(z.number().int()),
    deliveredBy: z.string().nullable(),
    deliveredAt: z.string(),
    outcome: z.enum(['approved', 'changes_requested', 'auto_approved']).nullable(),
    checklist: z.array(ChecklistItemIn),
    reviewComment: z.string(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
  })
  .meta({ id: 'WorkOrderDelivery' });
sameShape<z.output<typeof DeliveryView>, Delivery>(true);

export const FileView = z.object({
  id: z.string(),
  workOrderId: z.string(),
  deliveryId: z.string().nullable(),
  role: z.enum(['material', 'delivery']),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  redacted: z.boolean(),
  createdAt: z.string(),
});
sameShape<z.output<typeof FileView>, WorkOrderFile>(true);

export const WorkOrderDetailView = BoardItemView.extend({
  events: z.array(TransitionView),
  deliveries: z.array(DeliveryView),
  files: z.array(FileView),
}).meta({ id: 'WorkOrderDetail' });
sameShape<z.output<typeof WorkOrderDetailView>, WorkOrderDetail>(true);

export const StatementLineView = z.object({
  workOrderId: z.string(),
  ref: z.string(),
  title: z.string(),
  taskName: z.string(),
  approvedOn: z.string(),
  unit: z.string(),
  units: z.number().int(),
  unitPrice: MoneyOut,
  amount: MoneyOut,
  invoiced: z.boolean(),
});
sameShape<z.output<typeof StatementLineView>, StatementLine>(true);

export const StatementView = z
  .object({
    outtaskerId: z.string(),
    outtaskerName: z.string(),
    period: z.object({ from: z.string(), to: z.string() }),
    currency: z.string(),
    lines: z.array(StatementLineView),
    units: z.number().int(),
    total: MoneyOut,
  })
  .meta({ id: 'Statement' });
sameShape<z.output<typeof StatementView>, Statement>(true);

export const LedgerRowView = z.object({
  key: z.string(),
  label: z.string(),
  orders: z.number().int(),
  units: z.number().int(),
  paid: MoneyOut,
  inHouse: MoneyOut,
  saving: MoneyOut,
  uncosted: z.number().int(),
});
sameShape<z.output<typeof LedgerRowView>, LedgerRow>(true);

export const LedgerView = z
  .object({
    currency: z.string(),
    byTask: z.array(LedgerRowView),
    byMonth: z.array(LedgerRowView),
    total: LedgerRowView,
    otherCurrencyOrders: z.number().int(),
  })
  .meta({ id: 'SavingsLedger' });
sameShape<z.output<typeof LedgerView>, SavingsLedger & { otherCurrencyOrders: number }>(true);

export const OuttaskerRecordView = z.object({
  orders: z.number().int(),
  judged: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  onTimeShare: z.number().nullable(),
  meanLatenessMinutes: z.number().nullable(),
  maxLatenessMinutes: z.number().nullable(),
  revisionsPerOrder: z.number().nullable(),
  reviewed: z.number().int(),
  acceptanceShare: z.number().nullable(),
  meanQuality: z.number().nullable(),
  meanTimeliness: z.number().nullable(),
});
sameShape<z.output<typeof OuttaskerRecordView>, OuttaskerRecord>(true);

export const SlaRecordView = z
  .object({ outtaskerId: z.string(), outtaskerName: z.string(), record: OuttaskerRecordView })
  .meta({ id: 'OuttaskerSlaRecord' });
sameShape<z.output<typeof SlaRecordView>, OuttaskerSla>(true);

export type WorkOrderOut = z.output<typeof WorkOrderView>;
export type BoardItemOut = z.output<typeof BoardItemView>;
export type WorkOrderDetailOut = z.output<typeof WorkOrderDetailView>;
export type DeliveryOut = z.output<typeof DeliveryView>;
export type StatementOut = z.output<typeof StatementView>;
export type LedgerOut = z.output<typeof LedgerView>;
export type SlaRecordOut = z.output<typeof SlaRecordView>;
