/**
 * The members a picker offers for new work: those still with the firm, and whoever is chosen already
 * (a task keeps showing the person who left until someone else is picked).
 */
import type { Member } from '../../api/types.ts';

export function offeredMembers<M extends Pick<Member, 'id' | 'leftOn'>>(
  members: readonly M[],
  keepId?: string | null,
): M[] {
  return members.filter((m) => !m.leftOn || m.id === keepId);
}
