/**
 * A member's loaded hourly cost and role are the owner's to set (the team screen and PATCH
 * /api/members say so); an import is another way to set them, so a file imported by staff may not
 * either. Pure: what a planned import would set that only an owner may, one line per member.
 */
import type { ImportPlan } from './import-plan.ts';
import type { Member } from './inventory.ts';

export function ownerOnlyMemberChanges(
  plan: Pick<ImportPlan, 'newMembers' | 'changedMembers'>,
  before: readonly Member[],
): string[] {
  const was = new Map(before.map((m) => [m.id, m] as const));
  const lines: string[] = [];
  for (const m of plan.newMembers) {
    if (m.hourlyCost.amountMinor !== 0) lines.push(`${m.name} (new, with a loaded hourly cost)`);
  }
  for (const m of plan.changedMembers) {
    const old = was.get(m.id);
    if (!old) continue;
    const fields: string[] = [];
    if (
      m.hourlyCost.amountMinor !== old.hourlyCost.amountMinor ||
      m.hourlyCost.currency !== old.hourlyCost.currency
    )
      fields.push('loaded hourly cost');
    if (m.role !== old.role) fields.push('role');
    if (fields.length > 0) lines.push(`${m.name}'s ${fields.join(' and ')}`);
  }
  return lines;
}
