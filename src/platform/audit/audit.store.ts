/** The audit trail: who did or saw what, when. Append-only. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface AuditEvent {
  workspaceId: string;
  userId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRecord extends AuditEvent {
  id: string;
  at: string;
}

export const auditStore = {
  async append(db: Kysely<Database>, id: string, at: string, e: AuditEvent): Promise<void> {
    await db
      .insertInto('audit_log')
      .values({
        id,
        workspace_id: e.workspaceId,
        user_id: e.userId,
        action: e.action,
        subject_type: e.subjectType,
        subject_id: e.subjectId ?? null,
        details_json: JSON.stringify(e.details ?? {}),
        at,
      })
      .execute();
  },

  async list(db: Kysely<Database>, workspaceId: string, limit = 200): Promise<AuditRecord[]> {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      workspaceId: r.workspace_id,
      userId: r.user_id,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      details: JSON.parse(r.details_json) as Record<string, unknown>,
    }));
  },
};

/** Appends one event for an actor, now, with a fresh id (inside the caller's transaction when given one). */
export async function recordAudit(
  executor: Kysely<Database>,
  deps: { newId: () => string; clock: { now(): Date } },
  actor: { workspace: { id: string }; userId: string | null },
  event: {
    action: string;
    subjectType: string;
    subjectId?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await auditStore.append(executor, deps.newId(), deps.clock.now().toISOString(), {
    workspaceId: actor.workspace.id,
    userId: actor.userId,
    ...event,
  });
}
