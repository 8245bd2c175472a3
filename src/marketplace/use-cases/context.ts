/**
 * What every marketplace use case is given: the platform (db, clock, ids), the features it stands on
 * (procedures: the approved version and its brief; inventory through it), and the audit trail.
 */

import type { WorkspaceActor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.store.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { ProceduresService } from '../../procedures/index.ts';
import type { BidRow } from '../bid-rows.ts';
import type { ConnectorEnv } from '../connectors/registry.ts';

export type MarketplaceActor = WorkspaceActor;

/** What the marketplace needs of the procedures feature. */
export type ProceduresPort = Pick<ProceduresService, 'taskOverview' | 'brief'>;

/**
 * Where the bids a connector reads are kept: the out-taskers feature's bids (so they appear in the
 * bid comparison), wired by the composition root. A re-read updates the bids it stored, never doubles.
 */
export type BidsPort = (
  actor: MarketplaceActor,
  input: { taskId: string; postId: string; marketplace: 'freelancer' | 'upwork'; bids: BidRow[] },
) => Promise<{
  created: number;
  updated: number;
  newOuttaskers: number;
  skipped: { line: number; reason: string }[];
}>;

export interface MarketplaceDeps extends ServiceDeps {
  procedures: ProceduresPort;
  queue: JobQueue;
  /** The API connectors' key, endpoints and HTTP (fetch, sleep). */
  connectors: ConnectorEnv;
  /** A job's workspace, as its actor (the handlers run outside any request). */
  resolveWorkspace(id: string): Promise<WorkspaceActor['workspace']>;
  /** Stores the bids a connector read; without it they are only the job's result. */
  bids?: BidsPort;
}

export type Trx = Db['kysely'];

export interface MarketplaceContext {
  deps: ServiceDeps;
  db: Trx;
  procedures: ProceduresPort;
  queue: JobQueue;
  connectors: ConnectorEnv;
  resolveWorkspace(id: string): Promise<WorkspaceActor['workspace']>;
  bids: BidsPort | null;
  audit(
    trx: Trx,
    actor: MarketplaceActor,
    action: string,
    subjectType: string,
    subjectId: string | null,
    details?: Record<string, unknown>,
  ): Promise<void>;
}

export function marketplaceContext(deps: MarketplaceDeps): MarketplaceContext {
  return {
    deps,
    db: deps.db.kysely,
    procedures: deps.procedures,
    queue: deps.queue,
    connectors: deps.connectors,
    resolveWorkspace: deps.resolveWorkspace,
    bids: deps.bids ?? null,
    audit: (trx, actor, action, subjectType, subjectId, details) =>
      recordAudit(trx, deps, actor, { action, subjectType, subjectId, ...(details ? { details } : {}) }),
  };
}
