/**
 * The portal's one-time links. The firm invites an out-tasker (by their email); the link carries a
 * random token whose sha256 alone is stored, expires, and is used once: accepting it creates the
 * out-tasker's account (their own password) or adds this workspace to the account they have, and signs
 * them in. After that they sign in like anyone else (throttled per account and per address).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FailureWindow, SessionInfo } from '../../accounts/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { AcceptInvitationInputT, InvitationInputT } from '../outtaskers.schemas.ts';
import { outtaskersStore as store } from '../outtaskers.store.ts';
import type { OuttaskersActor, OuttaskersContext } from './context.ts';
import { requireOuttasker } from './lookups.ts';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface Invitation {
  outtaskerId: string;
  email: string;
  expiresAt: string;
  path: string;
  token: string;
}

const INVALID =
  'This invitation link is not valid: it was used already, replaced by a newer one, or it expired. Ask the firm for a new one.';

export async function inviteOuttasker(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  outtaskerId: string,
  input: InvitationInputT,
): Promise<Invitation> {
  const o = await requireOuttasker(ctx, actor, outtaskerId);
  const email = input.email ?? o.email;
  if (!email) {
    throw new AppError('VALIDATION_FAILED', `${o.name} has no email: add it to their record, or give one`, {
      field: 'email',
    });
  }
  if (o.status === 'blocked') {
    throw new AppError('VALIDATION_FAILED', `${o.name} is blocked: set them active before inviting them`, {
      field: 'status',
    });
  }
  const token = randomBytes(32).toString('base64url');
  const now = ctx.deps.clock.now();
  const expiresAt = new Date(now.getTime() + input.expiresInHours * 3_600_000).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await store.expireOpenInvitations(trx, actor.workspace.id, o.id, now.toISOString());
    await store.insertInvitation(trx, {
      id: ctx.deps.newId(),
      workspaceId: actor.workspace.id,
      outtaskerId: o.id,
      tokenHash: tokenHash(token),
      email,
      expiresAt,
      createdBy: actor.userId,
      createdAt: now.toISOString(),
    });
    // Never the token: the audit trail is read by people who must not be able to use it.
    await ctx.audit(trx, actor, 'outtasker.invite', 'outtasker', o.id, { email, expiresAt });
  });
  return { outtaskerId: o.id, email, expiresAt, path: `/portal/join#${token}`, token };
}

function throttled(throttle: FailureWindow, address: string, now: number): void {
  const wait = throttle.retryAfterMs(address, now);
  if (wait > 0) {
    throw new AppError(
      'LOGIN_THROTTLED',
      `Too many invalid links: try again in ${Math.ceil(wait / 1000)} seconds`,
      {
        retryAfterSeconds: Math.ceil(wait / 1000),
      },
    );
  }
}

async function usable(ctx: OuttaskersContext, token: string, throttle: FailureWindow, address: string) {
  const nowMs = ctx.deps.clock.now().getTime();
  throttled(throttle, address, nowMs);
  const inv = await store.findUsableInvitation(ctx.db, tokenHash(token), ctx.now());
  if (!inv) {
    throttle.fail(address, nowMs);
    throw new AppError('INVITATION_INVALID', INVALID);
  }
  return inv;
}

/** Who the link is for, before they choose a password (nothing is changed). */
export async function peekInvitation(
  ctx: OuttaskersContext,
  token: string,
  throttle: FailureWindow,
  address: string,
): Promise<{ workspaceName: string; outtaskerName: string; email: string; expiresAt: string }> {
  const inv = await usable(ctx, token, throttle, address);
  const o = await store.findOuttasker(ctx.db, inv.workspace_id, inv.outtasker_id);
  const workspaceName = await store.workspaceName(ctx.db, inv.workspace_id);
  return {
    workspaceName: workspaceName ?? '',
    outtaskerName: o?.name ?? '',
    email: inv.email,
    expiresAt: inv.expires_at,
  };
}

export async function acceptInvitation(
  ctx: OuttaskersContext,
  input: AcceptInvitationInputT,
  throttle: FailureWindow,
  address: string,
): Promise<SessionInfo> {
  const inv = await usable(ctx, input.token, throttle, address);
  const o = await store.findOuttasker(ctx.db, inv.workspace_id, inv.outtasker_id);
  if (!o) throw new AppError('INVITATION_INVALID', INVALID);
  const prepared = await ctx.accounts.prepareInvitedUser(
    { email: inv.email, name: input.name || o.name, password: input.password },
    { address },
  );
  const user = await ctx.db.transaction().execute(async (trx) => {
    // Used once: of two acceptances racing, one claims the link and the other finds it used.
    const claimed = await store.claimInvitation(trx, inv.token_hash, ctx.now());
    if (!claimed) throw new AppError('INVITATION_INVALID', INVALID);
    const added = await ctx.accounts.addMember(trx, prepared, inv.workspace_id, 'outtasker');
    await store.linkUser(trx, inv.workspace_id, o.id, added.id, ctx.now());
    await ctx.audit(
      trx,
      { workspace: { id: inv.workspace_id }, userId: added.id },
      'outtasker.join',
      'outtasker',
      o.id,
    );
    return added;
  });
  return ctx.accounts.startSession(user, inv.workspace_id);
}
