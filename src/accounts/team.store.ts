/** Kysely queries for the firm's access: roles, removal, invitations to join, workspace settings. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, WorkspaceInvitationTable } from '../platform/db/schema.ts';
import type { Role } from './accounts.ts';

type K = Kysely<Database>;

export interface InvitationRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  expiresAt: string;
  createdBy: string | null;
  createdAt: string;
}

function toInvitation(r: Selectable<WorkspaceInvitationTable>): InvitationRow {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    expiresAt: r.expires_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export const teamStore = {
  /**
   * Takes the workspace's row for the rest of the transaction. On PostgreSQL the UPDATE locks it, so
   * two owners demoting each other wait for one another and the second counts the first's change;
   * on SQLite the write transaction holds the database.
   */
  async lockWorkspace(db: K, ws: string): Promise<void> {
    await db
      .updateTable('workspaces')
      .set((eb) => ({ name: eb.ref('name') }))
      .where('id', '=', ws)
      .execute();
  },

  async roleOf(db: K, ws: string, userId: string): Promise<Role | undefined> {
    const r = await db
      .selectFrom('memberships')
      .select('role')
      .where('workspace_id', '=', ws)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return r?.role as Role | undefined;
  },

  async countOwners(db: K, ws: string): Promise<number> {
    const r = await db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws)
      .where('role', '=', 'owner')
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  async setRole(db: K, ws: string, userId: string, role: Role): Promise<void> {
    await db
      .updateTable('memberships')
      .set({ role })
      .where('workspace_id', '=', ws)
      .where('user_id', '=', userId)
      .execute();
  },

  /** Ends the user's access to the workspace, and their sessions in it; how many sessions ended. */
  async removeMembership(db: K, ws: string, userId: string): Promise<number> {
    const s = await db
      .deleteFrom('sessions')
      .where('workspace_id', '=', ws)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    await db.deleteFrom('memberships').where('workspace_id', '=', ws).where('user_id', '=', userId).execute();
    return Number(s.numDeletedRows);
  },

  async hasAccess(db: K, ws: string, email: string): Promise<boolean> {
    const r = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('users.id')
      .where('memberships.workspace_id', '=', ws)
      .where('users.email', '=', email)
      .executeTakeFirst();
    return r !== undefined;
  },

  async userExists(db: K, email: string): Promise<boolean> {
    return (
      (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !== undefined
    );
  },

  /**
   * Amounts stored in the workspace's currency: its members' loaded costs. Read here (the members
   * table is the inventory's) because only this question is asked, and only when the currency changes.
   */
  async countMembers(db: K, ws: string): Promise<number> {
    const r = await db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  async setCurrency(db: K, ws: string, currency: string): Promise<void> {
    await db.updateTable('workspaces').set({ currency }).where('id', '=', ws).execute();
  },

  // --- invitations ----------------------------------------------------------------------------
  async insertInvitation(
    db: K,
    row: Omit<InvitationRow, 'role'> & { role: Role; workspaceId: string; tokenHash: string },
  ): Promise<void> {
    await db
      .insertInto('workspace_invitations')
      .values({
        id: row.id,
        workspace_id: row.workspaceId,
        email: row.email,
        name: row.name,
        role: row.role,
        token_hash: row.tokenHash,
        expires_at: row.expiresAt,
        created_by: row.createdBy,
        created_at: row.createdAt,
      })
      .execute();
  },

  /** Revokes the open invitations for the email (a newer one replaces them); how many. */
  async revokeOpenFor(db: K, ws: string, email: string, now: string): Promise<number> {
    const r = await db
      .updateTable('workspace_invitations')
      .set({ revoked_at: now })
      .where('workspace_id', '=', ws)
      .where('email', '=', email)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async revoke(db: K, ws: string, id: string, now: string): Promise<InvitationRow | undefined> {
    const r = await db
      .updateTable('workspace_invitations')
      .set({ revoked_at: now })
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return r && toInvitation(r);
  },

  async listOpen(db: K, ws: string, now: string): Promise<InvitationRow[]> {
    const rows = await db
      .selectFrom('workspace_invitations')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toInvitation);
  },

  /** The link, if it is unused, not revoked and not expired. */
  async findUsable(db: K, tokenHash: string, now: string) {
    const r = await db
      .selectFrom('workspace_invitations')
      .innerJoin('workspaces', 'workspaces.id', 'workspace_invitations.workspace_id')
      .selectAll('workspace_invitations')
      .select('workspaces.name as workspace_name')
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return r && { ...toInvitation(r), workspaceId: r.workspace_id, workspaceName: r.workspace_name };
  },

  /** Marks the link used if it still was usable: of two acceptances, exactly one gets true. */
  async claim(db: K, tokenHash: string, now: string): Promise<boolean> {
    const r = await db
      .updateTable('workspace_invitations')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async markUsedBy(db: K, tokenHash: string, userId: string): Promise<void> {
    await db
      .updateTable('workspace_invitations')
      .set({ used_by: userId })
      .where('token_hash', '=', tokenHash)
      .execute();
  },
};
