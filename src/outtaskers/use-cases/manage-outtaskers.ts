/** Out-taskers: added, edited (If-Match aware), listed. One record whichever marketplaces they are on. */
import { AppError } from '../../platform/errors.ts';
import type { OuttaskerInputT, OuttaskerPatchT } from '../outtaskers.schemas.ts';
import { isUniqueViolation, type OuttaskerFields, outtaskersStore as store } from '../outtaskers.store.ts';
import type { Outtasker } from '../outtaskers.ts';
import type { OuttaskersActor, OuttaskersContext, Trx } from './context.ts';
import { requireOuttasker } from './lookups.ts';

function emailTaken(email: string | null, cause: unknown): AppError {
  return new AppError(
    'OUTTASKER_EMAIL_TAKEN',
    `Another out-tasker already has the email ${email}: one person is one record (add their other profiles to it)`,
    { field: 'email' },
    { cause },
  );
}

export async function createOuttasker(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  input: OuttaskerInputT,
  db: Trx = ctx.db,
): Promise<Outtasker> {
  const id = ctx.deps.newId();
  const now = ctx.now();
  try {
    await store.insertOuttasker(db, actor.workspace.id, id, input, now);
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken(input.email, err);
    throw err;
  }
  await ctx.audit(db, actor, 'outtasker.create', 'outtasker', id, { name: input.name });
  return requireOuttasker(ctx, actor, id, db);
}

export async function updateOuttasker(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  id: string,
  patch: OuttaskerPatchT,
  expectedVersion?: number,
): Promise<Outtasker> {
  const current = await requireOuttasker(ctx, actor, id);
  const fields: OuttaskerFields = {
    name: patch.name ?? current.name,
    email: patch.email !== undefined ? patch.email : current.email,
    profiles: patch.profiles ?? current.profiles,
    rates: patch.rates ?? current.rates,
    currency: patch.currency ?? current.currency,
    timeZone: patch.timeZone ?? current.timeZone,
    ndaSignedOn: patch.ndaSignedOn !== undefined ? patch.ndaSignedOn : current.ndaSignedOn,
    status: patch.status ?? current.status,
    notes: patch.notes ?? current.notes,
  };
  await ctx.db.transaction().execute(async (trx) => {
    let ok: boolean;
    try {
      ok = await store.updateOuttasker(trx, actor.workspace.id, id, fields, ctx.now(), expectedVersion);
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken(fields.email, err);
      throw err;
    }
    if (!ok) {
      throw new AppError(
        'STALE_WRITE',
        `Out-tasker ${current.name} was changed by someone else meanwhile: reload, then edit again`,
        { expected: expectedVersion },
      );
    }
    await ctx.audit(trx, actor, 'outtasker.update', 'outtasker', id, { fields: Object.keys(patch) });
  });
  return requireOuttasker(ctx, actor, id);
}

export const listOuttaskers = (ctx: OuttaskersContext, actor: OuttaskersActor) =>
  store.listOuttaskers(ctx.db, actor.workspace.id);

export const getOuttasker = (ctx: OuttaskersContext, actor: OuttaskersActor, id: string) =>
  requireOuttasker(ctx, actor, id);
