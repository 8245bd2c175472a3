/**
 * Who has access to the firm's workspace, and how they get it: roles changed and access removed by an
 * owner (never the last owner: LAST_OWNER), invitations to join as owner or staff, and the workspace's
 * own settings (currency, the month its fiscal year starts). Every change is in the audit trail.
 *
 * An invitation is a one-time link: a random token whose sha256 alone is stored, shown once to the
 * owner who made it, revocable, replaced by a newer invitation for the same email, and used once
 * (accepting it twice, or two acceptances racing, never makes two accounts). Out-taskers are invited
 * from their record instead (src/outtaskers), which links their account to it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { auditStore } from '../platform/audit/audit.store.ts';
import { claimSettingsVersion } from '../platform/db/row-version.ts';
import { nowIso, type ServiceDeps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { staleWrite, type WriteCondition } from '../platform/versioning.ts';
import type { AccountsService, SessionInfo } from './accounts.service.ts';
import { accountsStore } from './accounts.store.ts';
import { isEmail, normaliseEmail, type Role, type Workspace } from './accounts.ts';
import { FailureWindow } from './login-throttle.ts';
import { type InvitationRow, teamStore } from './team.store.ts';

/** The caller: an owner for every write here (the routes' policy), in their workspace. */
export interface TeamActor {
  workspace: { id: string };
  userId: string | null;
}

/** Roles an owner can give here; an out-tasker's access comes from their record. */
export const FIRM_ROLES = ['owner', 'staff'] as const;
export type FirmRole = (typeof FIRM_ROLES)[number];

export interface CreatedInvitation extends InvitationRow {
  /** Where the link points (`/join#<token>`): shown once, never stored. */
  path: string;
  token: string;
}

/** The workspace's own settings (the economics assumptions are /api/settings/economics). */
export interface WorkspaceSettings {
  name: string;
  currency: string;
  /** 1 = January … 12 = December: the first month of the firm's fiscal year. */
  fiscalYearStartMonth: number;
  /** Whether the currency can still change: only while no amount is stored in it. */
  currencyFixed: boolean;
}

const INVALID =
  'This invitation link is not valid: it was used already, revoked, replaced by a newer one, or it expired. Ask the firm for a new one.';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function fiscalYearStartMonthOf(w: Pick<Workspace, 'settings'>): number {
  const m = Number(w.settings.fiscalYearStartMonth);
  return Number.isInteger(m) && m >= 1 && m <= 12 ? m : 1;
}

export function createTeamService(
  deps: ServiceDeps,
  accounts: Pick<AccountsService, 'prepareInvitedUser' | 'addMember' | 'startSession'>,
) {
  const db = deps.db.kysely;
  // Invalid links, per address: a token cannot be guessed, but nobody gets to try many.
  const linkThrottle = new FailureWindow({ maxFailures: 20, windowMs: 15 * 60_000 });
  const audit = (
    on: typeof db,
    actor: TeamActor,
    action: string,
    subjectType: string,
    subjectId: string,
    details: Record<string, unknown> = {},
  ) =>
    auditStore.append(on, deps.newId(), nowIso(deps), {
      workspaceId: actor.workspace.id,
      userId: actor.userId,
      action,
      subjectType,
      subjectId,
      details,
    });

  /** The target's current role, in the locked workspace; refuses what would leave it without an owner. */
  async function checkedChange(trx: typeof db, actor: TeamActor, userId: string, leavesOwner: boolean) {
    await teamStore.lockWorkspace(trx, actor.workspace.id);
    // The caller was an owner when the request came in; under the lock, check they still are (two owners
    // demoting each other: the second to get the lock has just lost the right to change roles).
    if (actor.userId && (await teamStore.roleOf(trx, actor.workspace.id, actor.userId)) !== 'owner')
      throw new AppError('FORBIDDEN', 'You are no longer an owner of this workspace');
    const current = await teamStore.roleOf(trx, actor.workspace.id, userId);
    if (!current)
      throw new AppError('USER_NOT_FOUND', `No one with id ${userId} has access to this workspace`);
    if (current === 'owner' && !leavesOwner && (await teamStore.countOwners(trx, actor.workspace.id)) <= 1) {
      throw new AppError(
        'LAST_OWNER',
        'This is the workspace’s only owner: make someone else an owner first, so someone can still change its settings and people',
      );
    }
    return current;
  }

  async function usable(token: string, address: string) {
    const nowMs = deps.clock.now().getTime();
    const wait = linkThrottle.retryAfterMs(address, nowMs);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new AppError('LOGIN_THROTTLED', `Too many invalid links: try again in ${seconds} seconds`, {
        retryAfterSeconds: seconds,
      });
    }
    const inv = await teamStore.findUsable(db, tokenHash(token), nowIso(deps));
    if (!inv) {
      linkThrottle.fail(address, nowMs);
      throw new AppError('INVITATION_INVALID', INVALID);
    }
    return inv;
  }

  async function settingsOf(workspaceId: string): Promise<WorkspaceSettings & { version: number }> {
    const w = await accountsStore.findWorkspace(db, workspaceId);
    if (!w) throw new AppError('WORKSPACE_NOT_FOUND', `No workspace "${workspaceId}"`);
    return {
      name: w.name,
      currency: w.currency,
      fiscalYearStartMonth: fiscalYearStartMonthOf(w),
      currencyFixed: (await teamStore.countMembers(db, workspaceId)) > 0,
      version: w.settingsVersion ?? 0,
    };
  }

  return {
    /** Gives someone with access another role (owner or staff). */
    async changeRole(actor: TeamActor, userId: string, role: FirmRole): Promise<{ id: string; role: Role }> {
      return db.transaction().execute(async (trx) => {
        const current = await checkedChange(trx, actor, userId, role === 'owner');
        if (current === 'outtasker') {
          throw new AppError(
            'VALIDATION_FAILED',
            'An out-tasker’s access comes from their record on the Out-taskers page: invite a colleague as staff instead',
            { field: 'role' },
          );
        }
        if (current !== role) {
          await teamStore.setRole(trx, actor.workspace.id, userId, role);
          await audit(trx, actor, 'user.role_change', 'user', userId, { from: current, to: role });
        }
        return { id: userId, role };
      });
    },

    /** Ends someone's access to the workspace (and their sessions in it); their account stays. */
    async removeAccess(actor: TeamActor, userId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const current = await checkedChange(trx, actor, userId, false);
        const sessionsEnded = await teamStore.removeMembership(trx, actor.workspace.id, userId);
        await audit(trx, actor, 'user.remove', 'user', userId, { role: current, sessionsEnded });
      });
    },

    async invite(
      actor: TeamActor,
      input: { email: string; name?: string; role: FirmRole; expiresInHours: number },
    ): Promise<CreatedInvitation> {
      const email = normaliseEmail(input.email);
      if (!isEmail(email)) {
        throw new AppError('VALIDATION_FAILED', `"${input.email}" is not an email address`, {
          field: 'email',
        });
      }
      if (await teamStore.hasAccess(db, actor.workspace.id, email)) {
        throw new AppError('EMAIL_TAKEN', `${email} already has access to this workspace`, {
          field: 'email',
        });
      }
      const token = randomBytes(32).toString('base64url');
      const now = deps.clock.now();
      const row: InvitationRow = {
        id: deps.newId(),
        email,
        name: input.name?.trim() ?? '',
        role: input.role,
        expiresAt: new Date(now.getTime() + input.expiresInHours * 3_600_000).toISOString(),
        createdBy: actor.userId,
        createdAt: now.toISOString(),
      };
      await db.transaction().execute(async (trx) => {
        const replaced = await teamStore.revokeOpenFor(trx, actor.workspace.id, email, row.createdAt);
        await teamStore.insertInvitation(trx, {
          ...row,
          workspaceId: actor.workspace.id,
          tokenHash: tokenHash(token),
        });
        // Never the token: the audit trail is read by people who must not be able to use it.
        await audit(trx, actor, 'invitation.create', 'invitation', row.id, {
          email,
          role: row.role,
          expiresAt: row.expiresAt,
          replaced,
        });
      });
      return { ...row, path: `/join#${token}`, token };
    },

    listInvitations: (actor: TeamActor) => teamStore.listOpen(db, actor.workspace.id, nowIso(deps)),

    async revokeInvitation(actor: TeamActor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const gone = await teamStore.revoke(trx, actor.workspace.id, id, nowIso(deps));
        if (!gone) throw new AppError('INVITATION_NOT_FOUND', `No open invitation with id ${id}`);
        await audit(trx, actor, 'invitation.revoke', 'invitation', id, { email: gone.email });
      });
    },

    /** Who the link is for, before they choose a password (nothing is changed). */
    async peekInvitation(token: string, from: { address: string }) {
      const inv = await usable(token, from.address);
      return {
        workspaceName: inv.workspaceName,
        email: inv.email,
        name: inv.name,
        role: inv.role,
        expiresAt: inv.expiresAt,
        hasAccount: await teamStore.userExists(db, inv.email),
      };
    },

    /** Uses the link once: creates the account (or adds the workspace to theirs) and signs them in. */
    async acceptInvitation(
      input: { token: string; name?: string; password: string },
      from: { address: string },
    ): Promise<SessionInfo> {
      const inv = await usable(input.token, from.address);
      const prepared = await accounts.prepareInvitedUser(
        { email: inv.email, name: input.name || inv.name, password: input.password },
        from,
      );
      const user = await db.transaction().execute(async (trx) => {
        // Used once: of two acceptances racing, one claims the link and the other finds it used.
        if (!(await teamStore.claim(trx, tokenHash(input.token), nowIso(deps)))) {
          throw new AppError('INVITATION_INVALID', INVALID);
        }
        const added = await accounts.addMember(trx, prepared, inv.workspaceId, inv.role);
        await teamStore.markUsedBy(trx, tokenHash(input.token), added.id);
        await audit(
          trx,
          { workspace: { id: inv.workspaceId }, userId: added.id },
          'invitation.accept',
          'invitation',
          inv.id,
          {
            email: inv.email,
            role: inv.role,
          },
        );
        return added;
      });
      return accounts.startSession(user, inv.workspaceId);
    },

    workspaceSettings: settingsOf,

    /**
     * Changes the currency (only while no member's cost is stored: amounts are never converted) and
     * the fiscal year's first month. With `expectedVersion` (If-Match) refused with STALE_WRITE when
     * someone saved the settings first.
     */
    async changeWorkspaceSettings(
      actor: TeamActor,
      patch: { currency?: string; fiscalYearStartMonth?: number },
      condition: WriteCondition = {},
    ): Promise<WorkspaceSettings & { version: number }> {
      const ws = actor.workspace.id;
      await db.transaction().execute(async (trx) => {
        const version = await claimSettingsVersion(trx, ws, condition.expectedVersion);
        const now = await accountsStore.findWorkspace(trx, ws);
        if (!now) throw new AppError('WORKSPACE_NOT_FOUND', `No workspace "${ws}"`);
        if (version === undefined) {
          throw staleWrite(
            'settings of workspace',
            now.slug,
            condition.expectedVersion ?? -1,
            now.settingsVersion ?? 0,
            {
              name: now.name,
              currency: now.currency,
              fiscalYearStartMonth: fiscalYearStartMonthOf(now),
            },
          );
        }
        const changed: Record<string, { from: unknown; to: unknown }> = {};
        if (patch.currency !== undefined && patch.currency !== now.currency) {
          if ((await teamStore.countMembers(trx, ws)) > 0) {
            throw new AppError(
              'CURRENCY_IN_USE',
              `The workspace counts in ${now.currency} and its members’ costs are stored in it: amounts are not converted, so the currency cannot change now`,
              { field: 'currency' },
            );
          }
          await teamStore.setCurrency(trx, ws, patch.currency);
          changed.currency = { from: now.currency, to: patch.currency };
        }
        const month = fiscalYearStartMonthOf(now);
        if (patch.fiscalYearStartMonth !== undefined && patch.fiscalYearStartMonth !== month) {
          const settings = { ...now.settings, fiscalYearStartMonth: patch.fiscalYearStartMonth };
          await accountsStore.updateWorkspaceSettings(trx, ws, settings);
          changed.fiscalYearStartMonth = { from: month, to: patch.fiscalYearStartMonth };
        }
        await audit(trx, actor, 'settings.workspace.update', 'workspace', ws, { changed });
      });
      return settingsOf(ws);
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
