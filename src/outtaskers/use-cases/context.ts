/**
 * What every out-taskers use case is given: the platform (db, clock, ids), the features it stands on
 * (accounts for portal sign-in, inventory for the task and its step-1 economics), the out-tasker's
 * record (filled by the work orders feature), and the audit trail.
 */
import type { AccountsService } from '../../accounts/index.ts';
import type { InventoryActor, InventoryService, StandardCostSource } from '../../inventory/index.ts';
import { recordAudit } from '../../platform/audit/audit.store.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { OuttaskerRecord } from '../outtaskers.ts';

export type OuttaskersActor = InventoryActor;

/** Trx: the Kysely handle or a transaction of it: the store's queries take either. */
export type Trx = Db['kysely'];

/** How the out-taskers have done for the firm (on-time share, revisions), by out-tasker id. */
export type RecordSource = (
  workspaceId: string,
  outtaskerIds: readonly string[],
) => Promise<ReadonlyMap<string, OuttaskerRecord>>;

export interface OuttaskersDeps extends ServiceDeps {
  accounts: AccountsService;
  inventory: InventoryService;
  /** The approved procedures' costs: the task's one current cost in the comparison (issue 11). */
  standards?: StandardCostSource;
}

export interface OuttaskersContext {
  deps: ServiceDeps;
  db: Trx;
  accounts: AccountsService;
  inventory: InventoryService;
  standards: StandardCostSource | undefined;
  records: RecordSource;
  now(): string;
  audit(
    trx: Trx,
    actor: { workspace: { id: string }; userId: string | null },
    action: string,
    subjectType: string,
    subjectId: string | null,
    details?: Record<string, unknown>,
  ): Promise<void>;
}

export function outtaskersContext(deps: OuttaskersDeps, records: () => RecordSource): OuttaskersContext {
  return {
    deps,
    db: deps.db.kysely,
    accounts: deps.accounts,
    inventory: deps.inventory,
    standards: deps.standards,
    get records() {
      return records();
    },
    now: () => deps.clock.now().toISOString(),
    audit: (trx, actor, action, subjectType, subjectId, details) =>
      recordAudit(trx, deps, actor, { action, subjectType, subjectId, ...(details ? { details } : {}) }),
  };
}
