/** The work-orders API's shapes, from the API contract (../../api/contract.ts). */
import type { Schema } from '../../api/contract.ts';

export type WorkOrder = Schema<'WorkOrder'>;
export type BoardItem = Schema<'WorkOrderBoardItem'>;
export type WorkOrderDetail = Schema<'WorkOrderDetail'>;
export type Delivery = Schema<'WorkOrderDelivery'>;
export type Statement = Schema<'Statement'>;
export type Ledger = Schema<'SavingsLedger'>;
export type SlaRecord = Schema<'OuttaskerSlaRecord'>;
