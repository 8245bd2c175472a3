/**
 * The shapes work orders are shown in (the store's domain rows and the use cases' answers), pure so
 * that the API contract (workorders.schemas.ts) and through it the web app can name them.
 */
import type { OuttaskerRecord, SlaCalendar, SlaStatus } from './sla.ts';
import type { TransitionRecord, WorkOrderEvent, WorkOrderState } from './workorder.ts';

export interface ChecklistItem {
  item: string;
  checked: boolean;
}

export interface WorkOrder {
  id: string;
  number: number;
  ref: string;
  contractId: string;
  taskId: string;
  taskName: string;
  outtaskerId: string;
  outtaskerName: string;
  outtaskerTimeZone: string;
  title: string;
  instructions: string;
  briefMd: string;
  briefFileName: string | null;
  unit: string;
  unitPriceMinor: number;
  currency: string;
  unitsExpected: number;
  slaHours: number;
  slaCalendar: SlaCalendar;
  slaTimeZone: string;
  autoApproveDays: number;
  acceptance: string[];
  state: WorkOrderState;
  dueAt: string | null;
  sentAt: string | null;
  acceptedAt: string | null;
  firstDeliveredAt: string | null;
  lastDeliveredAt: string | null;
  approvedAt: string | null;
  invoicedAt: string | null;
  cancelledAt: string | null;
  revisionRounds: number;
  approvedUnits: number | null;
  qualityRating: number | null;
  timelinessRating: number | null;
  seq: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Delivery {
  id: string;
  workOrderId: string;
  round: number;
  note: string;
  units: number | null;
  unitsUnit: string | null;
  unitsBasis: string;
  hiddenSlides: number[];
  deliveredBy: string | null;
  deliveredAt: string;
  outcome: 'approved' | 'changes_requested' | 'auto_approved' | null;
  checklist: ChecklistItem[];
  reviewComment: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface WorkOrderFile {
  id: string;
  workOrderId: string;
  deliveryId: string | null;
  role: 'material' | 'delivery';
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  redacted: boolean;
  createdAt: string;
}

export interface ContractTerms {
  id: string;
  taskId: string;
  taskName: string;
  outtaskerId: string;
  outtaskerName: string;
  outtaskerTimeZone: string;
  unit: string;
  unitPriceMinor: number;
  currency: string;
  slaHours: number;
  acceptance: string[];
  status: string;
}

export interface BoardItem {
  order: WorkOrder;
  sla: SlaStatus;
  /** The due time as the SLA's zone and the out-tasker's zone read it. */
  dueText: string | null;
  dueTextOuttasker: string | null;
  autoApprovalAt: string | null;
  allowedEvents: WorkOrderEvent[];
}

export interface WorkOrderDetail extends BoardItem {
  events: TransitionRecord[];
  deliveries: Delivery[];
  files: WorkOrderFile[];
}

export interface OuttaskerSla {
  outtaskerId: string;
  outtaskerName: string;
  record: OuttaskerRecord;
}
