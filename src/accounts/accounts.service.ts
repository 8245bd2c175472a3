/** Use cases for workspaces, users and sessions. */
import { createHash, randomBytes } from 'node:crypto';
import { auditStore } from '../platform/audit/audit.store.ts';
import { claimSettingsVersion } from '../platform/db/row-version.ts';
import { nowIso, type ServiceDeps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { staleWrite, type WriteCondition } from '../platform/versioning.ts';
import { accountsStore } from './accounts.store.ts';
import {
  type Actor,
  isEmail,
  normaliseEmail,
  passwordProblem,
  type Role,
  slugify,
  type User,
  type Workspace,
} from './accounts.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { hashPassword, verifyPassword } from './password.ts';

/** A session unused this long ends (OUTTASK_SESSION_IDLE_MINUTES). */
export const DEFAULT_IDLE_MINUTES = 8 * 60;

/** A user ready to be added to a workspace: new (with the hash of their password) or existing (null). */
export interface PreparedUser {
  user: User;
  passwordHash: string | null;
}

export interface SessionInfo {
  token: string;
  expiresAt: string;
  actor: Actor;
}

function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createAccountsService(
  deps: ServiceDeps,
  opts: {
    sessionTtlHours: number;
    sessionIdleMinutes?: number;
    loginRules?: Parameters<typeof createLoginThrottle>[0];
  },
) {
  const db = deps.db.kysely;
  const throttle = createLoginThrottle(opts.loginRules);
  const idleMs = (opts.sessionIdleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000;

  async function uniqueSlug(name: string): Promise<string> {
    const base = slugify(name);
    let slug = base;
    for (let n = 2; await accountsStore.slugTaken(db, slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  async function startSession(user: User, workspace: Workspace, role: Role): Promise<SessionInfo> {
    const token = randomBytes(32).toString('base64url');
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + opts.sessionTtlHours * 3_600_000).toISOString();
    await accountsStore.insertSession(db, {
      id: tokenId(token),
      userId: user.id,
      workspaceId: workspace.id,
      createdAt: now.toISOString(),
      expiresAt,
    });
    await auditStore.append(db, deps.newId(), now.toISOString(), {
      workspaceId: workspace.id,
      userId: user.id,
      action: 'login',
      subjectType: 'session',
    });
    return { token, expiresAt, actor: { user, workspace, role } };
  }

  const service = {
    countWorkspaces: () => accountsStore.countWorkspaces(db),
    listWorkspaces: () => accountsStore.listWorkspaces(db),

    async createWorkspace(input: {
      name: string;
      currency?: string;
      settings?: Record<string, unknown>;
    }): Promise<Workspace> {
      const name = input.name.trim();
      if (!name)
        throw new AppError('VALIDATION_FAILED', 'Workspace name must not be empty', { field: 'name' });
      const currency = (input.currency ?? 'USD').toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Currency must be a 3-letter ISO code, got "${input.currency}"`,
          {
            field: 'currency',
          },
        );
      }
      const w: Workspace = {
        id: deps.newId(),
        name,
        slug: await uniqueSlug(name),
        currency,
        settings: input.settings ?? {},
      };
      await accountsStore.insertWorkspace(db, w, nowIso(deps));
      return w;
    },

    /** The workspace a CLI command acts on: the one named, or the only one. */
    async resolveWorkspace(idOrSlug?: string): Promise<Workspace> {
      if (idOrSlug) {
        const w = await accountsStore.findWorkspace(db, idOrSlug);
        if (!w) throw new AppError('WORKSPACE_NOT_FOUND', `No workspace "${idOrSlug}" (use its slug or id)`);
        return w;
      }
      const all = await accountsStore.listWorkspaces(db);
      if (all.length === 1) return all[0]!;
      if (all.length === 0)
        throw new AppError('WORKSPACE_NOT_FOUND', 'There is no workspace yet: run `outtask setup`');
      throw new AppError(
        'WORKSPACE_AMBIGUOUS',
        `There are ${all.length} workspaces (${all.map((w) => w.slug).join(', ')}): name one with --workspace`,
      );
    },

    /**
     * Changes the workspace's settings: `change` is given them as stored when the write takes the row
     * (so two owners changing different settings both keep theirs). With `expectedVersion` (If-Match)
     * it is refused with STALE_WRITE when someone saved first; `view` words the settings as they are
     * now for that refusal (what the client was shown).
     */
    async updateSettings(
      workspace: Workspace,
      change: (settings: Record<string, unknown>) => Record<string, unknown>,
      condition: WriteCondition = {},
      view: (w: Workspace) => unknown = (w) => w.settings,
    ): Promise<Workspace> {
      return db.transaction().execute(async (trx) => {
        const version = await claimSettingsVersion(trx, workspace.id, condition.expectedVersion);
        const now = await accountsStore.findWorkspace(trx, workspace.id);
        if (!now) throw new AppError('WORKSPACE_NOT_FOUND', `No workspace "${workspace.id}"`);
        if (version === undefined) {
          throw staleWrite(
            'settings of workspace',
            workspace.slug,
            condition.expectedVersion ?? -1,
            now.settingsVersion ?? 0,
            view(now),
          );
        }
        const settings = change(now.settings);
        await accountsStore.updateWorkspaceSettings(trx, workspace.id, settings);
        return { ...now, settings, settingsVersion: version };
      });
    },

    /** Creates the user, or updates name and password of an existing one, and gives them the role. */
    async upsertUser(input: {
      email: string;
      name: string;
      password: string;
      workspaceId: string;
      role: Role;
    }): Promise<User> {
      const email = normaliseEmail(input.email);
      if (!isEmail(email))
        throw new AppError('VALIDATION_FAILED', `"${input.email}" is not an email address`, {
          field: 'email',
        });
      const problem = passwordProblem(input.password);
      if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'password' });
      const name = input.name.trim() || email.split('@')[0]!;
      const hash = await hashPassword(input.password);
      const now = nowIso(deps);
      const existing = await accountsStore.findUserByEmail(db, email);
      const user: User = existing
        ? { id: existing.id, email, name: existing.name }
        : { id: deps.newId(), email, name };
      await db.transaction().execute(async (trx) => {
        if (existing) {
          await accountsStore.setPassword(trx, existing.id, hash);
          // A new password ends every session signed in with the old one (whoever may have it).
          await accountsStore.deleteSessionsOfUser(trx, existing.id);
        } else await accountsStore.insertUser(trx, user, hash, now);
        await accountsStore.upsertMembership(trx, input.workspaceId, user.id, input.role, now);
      });
      return user;
    },

    /**
     * Changes the signed-in user's password after checking the current one; audited (never the
     * passwords). Every other session of the user ends (whoever may have the old password is signed
     * out); the session given as `keepSession` (the token of the request that changed it) stays.
     */
    async changePassword(
      actor: { workspace: { id: string }; userId: string | null },
      input: { currentPassword: string; newPassword: string },
      keepSession?: string,
    ): Promise<{ sessionsEnded: number }> {
      const user = actor.userId ? await accountsStore.findUser(db, actor.userId) : undefined;
      if (!user) throw new AppError('FORBIDDEN', 'Only a signed-in user can change a password');
      const found = await accountsStore.findUserByEmail(db, user.email);
      if (!found || !(await verifyPassword(found.passwordHash, input.currentPassword))) {
        // Not LOGIN_FAILED (401): a wrong current password must not end the session.
        throw new AppError('VALIDATION_FAILED', 'The current password is wrong', {
          field: 'currentPassword',
        });
      }
      const problem = passwordProblem(input.newPassword);
      if (problem)
        throw new AppError('VALIDATION_FAILED', `New password: ${problem}`, { field: 'newPassword' });
      const hash = await hashPassword(input.newPassword);
      return db.transaction().execute(async (trx) => {
        await accountsStore.setPassword(trx, user.id, hash);
        const sessionsEnded = await accountsStore.deleteSessionsOfUser(
          trx,
          user.id,
          keepSession === undefined ? undefined : tokenId(keepSession),
        );
        await auditStore.append(trx, deps.newId(), nowIso(deps), {
          workspaceId: actor.workspace.id,
          userId: user.id,
          action: 'user.password_change',
          subjectType: 'user',
          subjectId: user.id,
          details: { otherSessionsEnded: sessionsEnded },
        });
        return { sessionsEnded };
      });
    },

    /**
     * Signs in. Throttled per account and per address (LOGIN_THROTTLED, 429, with the seconds to wait);
     * a failure on a known account is written to the audit trail of each of its workspaces.
     */
    async login(
      input: { email: string; password: string; workspace?: string },
      from: { address: string } = { address: 'local' },
    ): Promise<SessionInfo> {
      const email = normaliseEmail(input.email);
      const nowMs = deps.clock.now().getTime();
      const wait = throttle.retryAfterSeconds(email, from.address, nowMs);
      if (wait > 0) {
        throw new AppError(
          'LOGIN_THROTTLED',
          `Too many failed sign-ins: try again in ${wait > 90 ? `${Math.ceil(wait / 60)} minutes` : `${wait} seconds`}`,
          { retryAfterSeconds: wait },
        );
      }
      const found = await accountsStore.findUserByEmail(db, email);
      // Verify against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
      const ok = await verifyPassword(found?.passwordHash ?? DUMMY_HASH, input.password);
      if (!found || !ok) {
        throttle.failed(email, from.address, nowMs);
        if (found) {
          const at = nowIso(deps);
          for (const m of await accountsStore.membershipsOf(db, found.id)) {
            await auditStore.append(db, deps.newId(), at, {
              workspaceId: m.workspace.id,
              userId: found.id,
              action: 'login.failed',
              subjectType: 'session',
              details: { address: from.address },
            });
          }
        }
        throw new AppError('LOGIN_FAILED', 'Email or password is wrong');
      }
      throttle.succeeded(email);
      const memberships = await accountsStore.membershipsOf(db, found.id);
      const chosen = input.workspace
        ? memberships.find((m) => m.workspace.slug === input.workspace || m.workspace.id === input.workspace)
        : memberships[0];
      if (!chosen) throw new AppError('FORBIDDEN', 'This account has no access to that workspace');
      return startSession(
        { id: found.id, email: found.email, name: found.name },
        chosen.workspace,
        chosen.role,
      );
    },

    /**
     * For a portal invitation: checks the password an existing account gives (it proves the account is
     * theirs; it is not changed), or hashes the new account's. Slow (argon2): call it before a transaction.
     */
    async prepareInvitedUser(
      input: { email: string; name: string; password: string },
      from: { address: string } = { address: 'local' },
    ): Promise<PreparedUser> {
      const email = normaliseEmail(input.email);
      const existing = await accountsStore.findUserByEmail(db, email);
      if (existing) {
        // A password check like a sign-in, so throttled like one.
        const nowMs = deps.clock.now().getTime();
        const wait = throttle.retryAfterSeconds(email, from.address, nowMs);
        if (wait > 0) {
          throw new AppError('LOGIN_THROTTLED', `Too many failed sign-ins: try again in ${wait} seconds`, {
            retryAfterSeconds: wait,
          });
        }
        if (!(await verifyPassword(existing.passwordHash, input.password))) {
          throttle.failed(email, from.address, nowMs);
          throw new AppError(
            'LOGIN_FAILED',
            `${email} already has an account here: enter its password to add this workspace to it`,
            { field: 'password' },
          );
        }
        return { user: { id: existing.id, email, name: existing.name }, passwordHash: null };
      }
      const problem = passwordProblem(input.password);
      if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'password' });
      const name = input.name.trim() || email.split('@')[0]!;
      return { user: { id: deps.newId(), email, name }, passwordHash: await hashPassword(input.password) };
    },

    /**
     * In the caller's transaction: stores a prepared user (when new) and gives them `role` in the
     * workspace. Refuses (EMAIL_TAKEN) someone who already belongs to it: a role is never changed here.
     */
    async addMember(trx: typeof db, prepared: PreparedUser, workspaceId: string, role: Role): Promise<User> {
      const now = nowIso(deps);
      if (prepared.passwordHash !== null) {
        await accountsStore.insertUser(trx, prepared.user, prepared.passwordHash, now);
      } else {
        const memberships = await accountsStore.membershipsOf(trx, prepared.user.id);
        if (memberships.some((m) => m.workspace.id === workspaceId)) {
          throw new AppError('EMAIL_TAKEN', `${prepared.user.email} already has access to this workspace`, {
            field: 'email',
          });
        }
      }
      await accountsStore.upsertMembership(trx, workspaceId, prepared.user.id, role, now);
      return prepared.user;
    },

    /** A session for a user already checked (after sign-in, or a portal invitation accepted); audited. */
    startSession: async (user: User, workspaceId: string): Promise<SessionInfo> => {
      const memberships = await accountsStore.membershipsOf(db, user.id);
      const chosen = memberships.find((m) => m.workspace.id === workspaceId);
      if (!chosen) throw new AppError('FORBIDDEN', 'This account has no access to that workspace');
      return startSession(user, chosen.workspace, chosen.role);
    },

    /** The actor behind a session token; throws SESSION_EXPIRED or UNAUTHENTICATED. */
    async authenticate(token: string): Promise<Actor> {
      const id = tokenId(token);
      const s = await accountsStore.findSession(db, id);
      if (!s) throw new AppError('UNAUTHENTICATED', 'Not signed in, or the session has ended: sign in again');
      const now = nowIso(deps);
      if (s.expires_at <= now) {
        await accountsStore.deleteSession(db, id);
        throw new AppError('SESSION_EXPIRED', 'Your session has expired: sign in again');
      }
      // last_seen_at is noted at most once a minute (below), so idleness is known to that minute.
      if (Date.parse(now) - Date.parse(s.last_seen_at) > idleMs) {
        await accountsStore.deleteSession(db, id);
        throw new AppError(
          'SESSION_EXPIRED',
          'You were signed out after a while without activity: sign in again',
        );
      }
      const [user, workspace] = await Promise.all([
        accountsStore.findUser(db, s.user_id),
        accountsStore.findWorkspace(db, s.workspace_id),
      ]);
      if (!user || !workspace) throw new AppError('UNAUTHENTICATED', 'Not signed in: sign in again');
      // Note activity at most once a minute: a write per request would serialise every reader.
      if (Date.parse(now) - Date.parse(s.last_seen_at) > 60_000)
        await accountsStore.touchSession(db, id, now);
      return { user, workspace, role: s.role as Role };
    },

    async logout(token: string): Promise<void> {
      await accountsStore.deleteSession(db, tokenId(token));
    },

    listUsers: (workspaceId: string) => accountsStore.listMembers(db, workspaceId),
    audit: (workspaceId: string, limit?: number) => auditStore.list(db, workspaceId, limit),
  };
  return service;
}

export type AccountsService = ReturnType<typeof createAccountsService>;

// argon2id hash of a random string; only used to spend the same time on unknown emails.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Vh7mGQbH1r3m8cFw2sYk1mQh1m7v0xJ0l6mTt6Wc9jE';
