/**
 * The job tables' queries, the same on SQLite and PostgreSQL but for the row lock of a claim.
 * Every write a worker makes for a job it holds is fenced by the claim's lease token: a worker whose
 * lease was taken over (it stalled, or was thought dead) changes nothing.
 */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Dialect } from '../db/connect.ts';
import type { Database, JobTable } from '../db/schema.ts';
import type { ClaimedJob, Job, JobProgress, JobStatus, JobWithPayload } from './job.ts';

export type Executor = Kysely<Database>;
export type JobRow = Selectable<JobTable>;
export type JobInsert = Insertable<JobTable>;
export type JobPatch = Updateable<JobTable>;

/** Kinds a worker can run, each up to the newest version it knows. */
export type Claimable = readonly { kind: string; maxVersion: number }[];

export interface JobFilter {
  workspaceId?: string | null;
  status?: JobStatus;
  kind?: string;
  /** Jobs created before this one (ids are time-ordered), for paging. */
  before?: string;
  limit?: number;
}

/** Idempotency keys are unique per kind and workspace: the stored key carries the workspace. */
export function storedKey(workspaceId: string | null, key: string): string {
  return `${workspaceId ?? '-'}:${key}`;
}

function callerKey(stored: string | null): string | null {
  return stored === null ? null : stored.slice(stored.indexOf(':') + 1);
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export function toJob(r: JobRow): Job {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    kind: r.kind,
    version: r.version,
    status: r.status as JobStatus,
    priority: r.priority,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: r.run_at,
    idempotencyKey: callerKey(r.idempotency_key),
    repeatEverySeconds: r.repeat_every_seconds,
    cancelRequested: r.cancel_requested === 1,
    progress: parse(r.progress_json) as JobProgress | null,
    lastError: r.last_error,
    result: parse(r.result_json),
    lockedBy: r.locked_by,
    lockedUntil: r.locked_until,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export function toJobWithPayload(r: JobRow): JobWithPayload {
  return { ...toJob(r), payload: JSON.parse(r.payload_json) };
}

export function toClaimed(r: JobRow): ClaimedJob {
  return { ...toJobWithPayload(r), leaseToken: r.lease_token ?? '' };
}

export const jobsStore = {
  /** Inserts the job unless one of its kind has the same idempotency key; returns the stored one. */
  async insert(
    ex: Executor,
    row: JobInsert & { kind: string; idempotency_key: string | null },
  ): Promise<{ row: JobRow; created: boolean }> {
    const inserted = await ex
      .insertInto('jobs')
      .values(row)
      .onConflict((oc) => oc.columns(['kind', 'idempotency_key']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { row: inserted as JobRow, created: true };
    const existing = await ex
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', row.kind)
      .where('idempotency_key', '=', row.idempotency_key)
      .executeTakeFirstOrThrow();
    return { row: existing, created: false };
  },

  async find(ex: Executor, id: string): Promise<JobRow | undefined> {
    return ex.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async list(ex: Executor, f: JobFilter): Promise<JobRow[]> {
    let q = ex.selectFrom('jobs').selectAll();
    if (f.workspaceId !== undefined)
      q =
        f.workspaceId === null
          ? q.where('workspace_id', 'is', null)
          : q.where('workspace_id', '=', f.workspaceId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.before) q = q.where('id', '<', f.before);
    return q
      .orderBy('id', 'desc')
      .limit(f.limit ?? 50)
      .execute();
  },

  /** Jobs whose worker stopped renewing its lease; PostgreSQL skips rows another worker is settling. */
  async expired(ex: Executor, dialect: Dialect, now: string, limit: number): Promise<JobRow[]> {
    let q = ex
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'running')
      .where('locked_until', '<', now)
      .orderBy('locked_until')
      .limit(limit);
    if (dialect === 'postgres') q = q.forUpdate().skipLocked();
    return q.execute();
  },

  /**
   * Takes the next due job of the given kinds (highest priority first, then oldest due) in one
   * statement: UPDATE … WHERE id = (SELECT … LIMIT 1), the row locked FOR UPDATE SKIP LOCKED on
   * PostgreSQL so that concurrent claimers pass over each other's picks.
   */
  async claimNext(
    ex: Executor,
    dialect: Dialect,
    kinds: Claimable,
    lease: { token: string; workerId: string; now: string; until: string },
  ): Promise<JobRow | undefined> {
    if (kinds.length === 0) return undefined;
    return ex
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        attempts: eb('attempts', '+', 1),
        lease_token: lease.token,
        locked_by: lease.workerId,
        locked_until: lease.until,
        started_at: eb.fn.coalesce('started_at', eb.val(lease.now)),
        updated_at: lease.now,
      }))
      .where('id', '=', (eb) => {
        let q = eb
          .selectFrom('jobs as next')
          .select('next.id')
          .where('next.status', '=', 'queued')
          .where('next.run_at', '<=', lease.now)
          .where((w) =>
            w.or(
              kinds.map((k) => w.and([w('next.kind', '=', k.kind), w('next.version', '<=', k.maxVersion)])),
            ),
          )
          .orderBy('next.priority', 'desc')
          .orderBy('next.run_at')
          .orderBy('next.id')
          .limit(1);
        if (dialect === 'postgres') q = q.forUpdate().skipLocked();
        return q;
      })
      .returningAll()
      .executeTakeFirst();
  },

  /**
   * Touches the job if the lease is still this claim's; returns the row as it now is, or undefined
   * when the lease was lost. The first statement of every fenced transaction (a write, so SQLite
   * takes its write lock at once).
   */
  async fence(ex: Executor, id: string, token: string, set: JobPatch): Promise<JobRow | undefined> {
    return ex
      .updateTable('jobs')
      .set(set)
      .where('id', '=', id)
      .where('lease_token', '=', token)
      .where('status', '=', 'running')
      .returningAll()
      .executeTakeFirst();
  },

  /** Ends a held job (or puts it back in the queue) if the lease is still this claim's, clearing it. */
  async settleFenced(ex: Executor, id: string, token: string, set: JobPatch): Promise<JobRow | undefined> {
    return ex
      .updateTable('jobs')
      .set({ ...set, lease_token: null, locked_until: null })
      .where('id', '=', id)
      .where('lease_token', '=', token)
      .where('status', '=', 'running')
      .returningAll()
      .executeTakeFirst();
  },

  /** Ends a held job (or puts it back in the queue), clearing its lease. */
  async settle(ex: Executor, id: string, set: JobPatch): Promise<void> {
    await ex
      .updateTable('jobs')
      .set({ ...set, lease_token: null, locked_until: null })
      .where('id', '=', id)
      .execute();
  },

  /** Sets a queued or running job's fields when its status is one of `from`; returns the new row. */
  async transition(
    ex: Executor,
    id: string,
    from: readonly JobStatus[],
    set: JobPatch,
  ): Promise<JobRow | undefined> {
    return ex
      .updateTable('jobs')
      .set(set)
      .where('id', '=', id)
      .where('status', 'in', from)
      .returningAll()
      .executeTakeFirst();
  },

  async findStep(ex: Executor, jobId: string, key: string): Promise<{ result_json: string } | undefined> {
    return ex
      .selectFrom('job_steps')
      .select('result_json')
      .where('job_id', '=', jobId)
      .where('key', '=', key)
      .executeTakeFirst();
  },

  async insertStep(ex: Executor, jobId: string, key: string, resultJson: string, now: string): Promise<void> {
    await ex
      .insertInto('job_steps')
      .values({ job_id: jobId, key, result_json: resultJson, created_at: now })
      .onConflict((oc) => oc.columns(['job_id', 'key']).doNothing())
      .execute();
  },

  async listSteps(ex: Executor, jobId: string): Promise<{ key: string; created_at: string }[]> {
    return ex
      .selectFrom('job_steps')
      .select(['key', 'created_at'])
      .where('job_id', '=', jobId)
      .orderBy('created_at')
      .orderBy('key')
      .execute();
  },

  /** Finished jobs last updated before `before`, oldest first (retention). */
  async deleteFinished(ex: Executor, before: string, limit: number): Promise<number> {
    const ids = (
      await ex
        .selectFrom('jobs')
        .select('id')
        .where('status', 'in', ['succeeded', 'dead', 'cancelled'])
        .where('updated_at', '<', before)
        .orderBy('updated_at')
        .limit(limit)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) return 0;
    await ex.deleteFrom('jobs').where('id', 'in', ids).execute();
    return ids.length;
  },
};
