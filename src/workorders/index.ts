/**
 * Work orders (step 6 in operation): orders under a contract with materials and the brief, the
 * state machine, deliveries with counted units, review with the checklist, SLA records, billing,
 * statements and the savings ledger. See docs/architecture.md.
 */
export {
  AUTO_APPROVE_EVERY_SECONDS,
  autoApproveJob,
  registerAutoApproval,
  scheduleAutoApproval,
} from './auto-approve.job.ts';
export {
  type BillableOrder,
  billedAmount,
  formulaSafe,
  type LedgerInput,
  type Period,
  type SavingsLedger,
  type Statement,
  savingsLedger,
  statements,
} from './billing.ts';
export {
  describeInZone,
  dueAt,
  type OuttaskerRecord,
  outtaskerRecord,
  type RecordSubject,
  type Sla,
  type SlaFlag,
  slaStatus,
} from './sla.ts';
export type { BriefPort, InHousePort, WorkOrdersActor, WorkOrdersDeps } from './use-cases/context.ts';
export {
  type ActorKind,
  AUTO_APPROVAL_DAYS,
  allowedEvents,
  autoApprove,
  type TransitionRecord,
  transition,
  WORK_ORDER_STATES,
  type WorkOrderEvent,
  type WorkOrderState,
} from './workorder.ts';
export { workOrdersRoutes } from './workorders.routes.ts';
export { createWorkOrdersService, type WorkOrdersService } from './workorders.service.ts';
export type { Delivery, WorkOrder, WorkOrderFile } from './workorders.store.ts';
