/** The work-orders API's shapes, from the server's contract (type-only: no server code reaches the bundle). */
export type {
  BoardItemOut as BoardItem,
  DeliveryOut as Delivery,
  LedgerOut as Ledger,
  SlaRecordOut as SlaRecord,
  StatementOut as Statement,
  WorkOrderDetailOut as WorkOrderDetail,
  WorkOrderOut as WorkOrder,
} from '../../../../src/workorders/workorders.schemas.ts';
