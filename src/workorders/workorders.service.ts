/**
 * The work-orders feature as one object for the edges (routes, CLI, jobs, demo, other features):
 * each method a use case of ./use-cases/, given the context built here once.
 */

import {
  listStatements,
  recordsFor,
  savingsLedgerOf,
  slaRecords,
  statementsCsv,
  statementsXlsx,
} from './use-cases/billing.ts';
import { type WorkOrdersContext, type WorkOrdersDeps, workOrdersContext } from './use-cases/context.ts';
import {
  type AutoApprovalResult,
  deliverWorkOrder,
  reviewDelivery,
  runAutoApproval,
} from './use-cases/deliveries.ts';
import { addMaterials, readWorkOrderFile } from './use-cases/files.ts';
import { createWorkOrder, getWorkOrder, listWorkOrders, moveWorkOrder } from './use-cases/orders.ts';
import { handoffPackage } from './use-cases/package.ts';

export function createWorkOrdersService(deps: WorkOrdersDeps) {
  const ctx: WorkOrdersContext = workOrdersContext(deps);
  const use =
    <A extends unknown[], R>(f: (ctx: WorkOrdersContext, ...args: A) => R) =>
    (...args: A): R =>
      f(ctx, ...args);
  return {
    create: use(createWorkOrder),
    list: use(listWorkOrders),
    get: use(getWorkOrder),
    move: use(moveWorkOrder),
    addMaterials: use(addMaterials),
    readFile: use(readWorkOrderFile),
    handoffPackage: use(handoffPackage),
    deliver: use(deliverWorkOrder),
    review: use(reviewDelivery),
    runAutoApproval: use(runAutoApproval) as (limit?: number) => Promise<AutoApprovalResult>,
    statements: use(listStatements),
    statementsCsv,
    statementsXlsx,
    ledger: use(savingsLedgerOf),
    slaRecords: use(slaRecords),
    /** For bid comparison: each out-tasker's record with the firm (on-time share, lateness, revisions). */
    recordsFor: use(recordsFor),
  };
}

export type WorkOrdersService = ReturnType<typeof createWorkOrdersService>;
