/** Kysely queries for workspaces, users, memberships and sessions. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, WorkspaceTable } from '../platform/db/schema.ts';
import type { Role, User, Workspace } from './accounts.ts';

type K = Kysely<Database>;

function toWorkspace(row: Selectable<WorkspaceTable>): Workspace {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    currency: row.currency,
    settings: JSON.parse(row.settings_json) as Record<string, unknown>,
    settingsVersion: Number(row.settings_version),
  };
}

export const accountsStore = {
  async countWorkspaces(db: K): Promise<number> {
    const r = await db
      .selectFrom('workspaces')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  async listWorkspaces(db: K): Promise<Workspace[]> {
    const rows = await db.selectFrom('workspaces').selectAll().orderBy('created_at').execute();
    return rows.map(toWorkspace);
  },

  async findWorkspace(db: K, idOrSlug: string): Promise<Workspace | undefined> {
    const row = await db
      .selectFrom('workspaces')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
      .executeTakeFirst();
    return row && toWorkspace(row);
  },

  async slugTaken(db: K, slug: string): Promise<boolean> {
    return (
      (await db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirst()) !==
      undefined
    );
  },

  async insertWorkspace(db: K, w: Workspace, now: string): Promise<void> {
    await db
      .insertInto('workspaces')
      .values({
        id: w.id,
        name: w.name,
        slug: w.slug,
        currency: w.currency,
        settings_json: JSON.stringify(w.settings),
        created_at: now,
      })
      .execute();
  },

  async updateWorkspaceSettings(
    db: K,
    workspaceId: string,
    settings: Record<string, unknown>,
  ): Promise<void> {
    await db
      .updateTable('workspaces')
      .set((eb) => ({ settings_json: JSON.stringify(settings), revision: eb('revision', '+', 1) }))
      .where('id', '=', workspaceId)
      .execute();
  },

  async findUserByEmail(db: K, email: string): Promise<(User & { passwordHash: string }) | undefined> {
    const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row && { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash };
  },

  async findUser(db: K, id: string): Promise<User | undefined> {
    const row = await db
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row;
  },

  async insertUser(db: K, u: User, passwordHash: string, now: string): Promise<void> {
    await db
      .insertInto('users')
      .values({ id: u.id, email: u.email, name: u.name, password_hash: passwordHash, created_at: now })
      .execute();
  },

  async setPassword(db: K, userId: string, passwordHash: string): Promise<void> {
    await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  },

  async upsertMembership(db: K, workspaceId: string, userId: string, role: Role, now: string): Promise<void> {
    await db
      .insertInto('memberships')
      .values({ workspace_id: workspaceId, user_id: userId, role, created_at: now })
      .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ role }))
      .execute();
  },

  async membershipsOf(db: K, userId: string): Promise<{ workspace: Workspace; role: Role }[]> {
    const rows = await db
      .selectFrom('memberships')
      .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
      .selectAll('workspaces')
      .select('memberships.role')
      .where('memberships.user_id', '=', userId)
      .orderBy('workspaces.created_at')
      .execute();
    return rows.map((r) => ({ workspace: toWorkspace(r), role: r.role as Role }));
  },

  async listMembers(db: K, workspaceId: string): Promise<(User & { role: Role })[]> {
    const rows = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email', 'users.name', 'memberships.role'])
      .where('memberships.workspace_id', '=', workspaceId)
      .orderBy('users.name')
      .execute();
    return rows.map((r) => ({ ...r, role: r.role as Role }));
  },

  async insertSession(
    db: K,
    s: { id: string; userId: string; workspaceId: string; createdAt: string; expiresAt: string },
  ): Promise<void> {
    await db
      .insertInto('sessions')
      .values({
        id: s.id,
        user_id: s.userId,
        workspace_id: s.workspaceId,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
        last_seen_at: s.createdAt,
      })
      .execute();
  },

  async findSession(db: K, id: string) {
    return db
      .selectFrom('sessions')
      .innerJoin('memberships', (j) =>
        j
          .onRef('memberships.user_id', '=', 'sessions.user_id')
          .onRef('memberships.workspace_id', '=', 'sessions.workspace_id'),
      )
      .select([
        'sessions.id',
        'sessions.user_id',
        'sessions.workspace_id',
        'sessions.expires_at',
        'sessions.last_seen_at',
        'memberships.role',
      ])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
  },

  async touchSession(db: K, id: string, now: string): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  },

  async deleteSession(db: K, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },

  /** Ends every session of the user but `exceptId` (when given); how many ended. */
  async deleteSessionsOfUser(db: K, userId: string, exceptId?: string): Promise<number> {
    let q = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async deleteExpiredSessions(db: K, now: string): Promise<void> {
    await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  },
};
