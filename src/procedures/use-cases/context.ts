/**
 * What every procedures use case is given: the platform (db, clock, ids), the inventory it stands
 * on, and the audit trail. Built once by createProceduresService; a use case is a plain function
 * of (ctx, actor, typed input), so it can be read, tested and called on its own.
 */
import type { InventoryActor, InventoryService } from '../../inventory/index.ts';
import { recordAudit } from '../../platform/audit/audit.store.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { ServiceDeps } from '../../platform/deps.ts';

export type ProceduresActor = InventoryActor;

export interface ProceduresDeps extends ServiceDeps {
  inventory: InventoryService;
}

/** The Kysely handle or a transaction of it: the store's queries take either. */
export type Trx = Db['kysely'];

export interface ProceduresContext {
  deps: ServiceDeps;
  db: Trx;
  inventory: InventoryService;
  audit(
    trx: Trx,
    actor: ProceduresActor,
    action: string,
    subjectType: string,
    subjectId: string | null,
    details?: Record<string, unknown>,
  ): Promise<void>;
}

export function proceduresContext(deps: ProceduresDeps): ProceduresContext {
  return {
    deps,
    db: deps.db.kysely,
    inventory: deps.inventory,
    audit: (trx, actor, action, subjectType, subjectId, details) =>
      recordAudit(trx, deps, actor, { action, subjectType, subjectId, ...(details ? { details } : {}) }),
  };
}
