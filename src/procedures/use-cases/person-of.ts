/** Whose way a variant is: a member of the firm (their rate costs it), or a person known by name. */
import { AppError } from '../../platform/errors.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';

export async function personOf(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  memberId: string | null,
  personName: string,
): Promise<{ memberId: string | null; personName: string }> {
  if (memberId) {
    const m = (await ctx.inventory.listMembers(actor)).find((x) => x.id === memberId);
    if (!m) {
      throw new AppError(
        'MEMBER_NOT_FOUND',
        `No member with id ${memberId}; give the person's name instead`,
        {
          field: 'memberId',
        },
      );
    }
    return { memberId: m.id, personName: m.name };
  }
  const name = personName.trim();
  if (!name) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Say whose way this is: a member (memberId) or a name (personName)',
      {
        field: 'personName',
      },
    );
  }
  // A name that is a member's is linked to that member, so their rate can cost the variant.
  const m = (await ctx.inventory.listMembers(actor)).find((x) => x.name.toLowerCase() === name.toLowerCase());
  return { memberId: m?.id ?? null, personName: m?.name ?? name };
}
