/** Work orders (step 6 in operation): the state machine, SLA, billing; store and routes come next. */
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
