/**
 * What a procedure costs per occurrence and per year, before and after waste is cut. Pure.
 *
 * How each step is costed (the explanation travels with every figure):
 * - a member: minutes × the member's loaded hourly cost from the inventory;
 * - a role: minutes × the average loaded hourly cost of the members holding that role;
 * - an out-tasker: the task's market price × its units per occurrence, plus the marketplace fee,
 *   counted once per occurrence and shared among the out-tasker steps by their minutes (the
 *   out-tasker is paid per deliverable unit, not per minute);
 * - an automation: nothing per occurrence (software is a fixed subscription, not a marginal cost).
 * Steps marked as waste count in "before" and not in "after".
 */

import type { MeasuredLine, Member, MemberRole, StandardCost, Task } from '../inventory/index.ts';
import { add, formatMoney, type Money, money, multiply, roundHalfAway, zero } from '../platform/money.ts';
import type { ProcedureVersion, Step } from './procedures.ts';

export interface CostContext {
  currency: string;
  members: readonly Pick<Member, 'id' | 'name' | 'role' | 'hourlyCost'>[];
  task: Pick<Task, 'marketPricePerUnit' | 'unitsPerOccurrence' | 'deliverableUnit'>;
  occurrencesPerYear: number;
  platformFeeBps: number;
}

export interface StepCost {
  stepId: string;
  minutes: number;
  /** null when there is nothing to cost it with (no rate, no market price). */
  cost: Money | null;
  basis: string;
}

export interface Totals {
  minutes: number;
  perOccurrence: Money;
  perYear: Money;
  /** Steps whose cost is unknown and therefore not in the totals. */
  uncosted: string[];
}

export interface ProcedureEconomics {
  currency: string;
  occurrencesPerYear: number;
  steps: StepCost[];
  /** All steps, as recorded. */
  before: Totals;
  /** Without the steps marked as waste. */
  after: Totals;
  saving: { minutesPerOccurrence: number; perOccurrence: Money; perYear: Money; hoursPerYear: number };
  notes: string[];
}

const fmtRate = (m: Money) => `${formatMoney(m)}/h`;

function hourlyRateOf(step: Step, ctx: CostContext): { rate: Money | null; basis: string } {
  const p = step.performer;
  if (p.kind === 'member') {
    const m = ctx.members.find((x) => x.id === p.ref);
    if (!m) return { rate: null, basis: `${p.name || 'member'} is not in the inventory: no rate` };
    if (m.hourlyCost.currency !== ctx.currency) {
      return { rate: null, basis: `${m.name}'s rate is in ${m.hourlyCost.currency}, not ${ctx.currency}` };
    }
    return { rate: m.hourlyCost, basis: `${step.minutes} min × ${m.name} at ${fmtRate(m.hourlyCost)}` };
  }
  const role = p.ref as MemberRole;
  const holders = ctx.members.filter((m) => m.role === role && m.hourlyCost.currency === ctx.currency);
  if (holders.length === 0) return { rate: null, basis: `no member holds the role ${p.ref}: no rate` };
  const avg = money(
    roundHalfAway(holders.reduce((s, m) => s + m.hourlyCost.amountMinor, 0) / holders.length),
    ctx.currency,
  );
  return {
    rate: avg,
    basis: `${step.minutes} min × average ${p.ref} rate ${fmtRate(avg)} (${holders.length} ${holders.length === 1 ? 'member' : 'members'})`,
  };
}

function costSteps(steps: readonly Step[], ctx: CostContext): StepCost[] {
  const outtasker = steps.filter((s) => s.performer.kind === 'outtasker');
  const outMinutes = outtasker.reduce((a, s) => a + s.minutes, 0);
  const price = ctx.task.marketPricePerUnit;
  const perOccurrence =
    price && price.currency === ctx.currency
      ? multiply(price, ctx.task.unitsPerOccurrence * (1 + ctx.platformFeeBps / 10_000))
      : null;
  return steps.map((step) => {
    const base = { stepId: step.id, minutes: step.minutes };
    switch (step.performer.kind) {
      case 'automation':
        return { ...base, cost: zero(ctx.currency), basis: 'automation: no cost per occurrence' };
      case 'outtasker': {
        if (!perOccurrence) {
          return { ...base, cost: null, basis: 'the task has no market price per unit: not costed' };
        }
        const share = outMinutes > 0 ? step.minutes / outMinutes : 1 / outtasker.length;
        return {
          ...base,
          cost: multiply(perOccurrence, share),
          basis:
            `${ctx.task.unitsPerOccurrence} ${ctx.task.deliverableUnit} × ${formatMoney(price!)}` +
            ` + ${(ctx.platformFeeBps / 100).toFixed(1)}% fee` +
            (outtasker.length > 1 ? `, ${Math.round(share * 100)}% of it by minutes` : ''),
        };
      }
      default: {
        const { rate, basis } = hourlyRateOf(step, ctx);
        return { ...base, cost: rate ? multiply(rate, step.minutes / 60) : null, basis };
      }
    }
  });
}

function totals(steps: readonly Step[], costs: readonly StepCost[], ctx: CostContext): Totals {
  let perOccurrence = zero(ctx.currency);
  const uncosted: string[] = [];
  steps.forEach((s, i) => {
    const c = costs[i]!.cost;
    if (c) perOccurrence = add(perOccurrence, c);
    else uncosted.push(s.name);
  });
  return {
    minutes: steps.reduce((a, s) => a + s.minutes, 0),
    perOccurrence,
    perYear: multiply(perOccurrence, ctx.occurrencesPerYear),
    uncosted,
  };
}

export function procedureEconomics(steps: readonly Step[], ctx: CostContext): ProcedureEconomics {
  const all = costSteps(steps, ctx);
  const kept = steps.filter((s) => !s.waste);
  // "After" re-costs the kept steps: the out-tasker's price is then shared among fewer steps.
  const keptCosts = costSteps(kept, ctx);
  const before = totals(steps, all, ctx);
  const after = totals(kept, keptCosts, ctx);
  const minutesSaved = before.minutes - after.minutes;
  const notes: string[] = [];
  if (steps.some((s) => s.performer.kind === 'automation')) {
    notes.push('Automation steps cost nothing per occurrence: their software is a fixed cost.');
  }
  if (steps.some((s) => s.performer.kind === 'outtasker')) {
    notes.push(
      'Out-tasker steps are paid per deliverable unit at the task’s market price plus the marketplace fee, once per occurrence.',
    );
  }
  if (before.uncosted.length) notes.push(`Not costed: ${before.uncosted.join(', ')}.`);
  return {
    currency: ctx.currency,
    occurrencesPerYear: ctx.occurrencesPerYear,
    steps: all,
    before,
    after,
    saving: {
      minutesPerOccurrence: minutesSaved,
      perOccurrence: money(before.perOccurrence.amountMinor - after.perOccurrence.amountMinor, ctx.currency),
      perYear: money(before.perYear.amountMinor - after.perYear.amountMinor, ctx.currency),
      hoursPerYear: Math.round(((minutesSaved * ctx.occurrencesPerYear) / 60) * 10) / 10,
    },
    notes,
  };
}

/**
 * The approved version as the task's current cost (the inventory, the ranking and the task page show
 * this figure): its kept steps a year, with the firm's own hours per member or role, and the steps
 * counted by who does them, so a task already automated or out-tasked is not ranked as if in-house.
 */
export function standardCostOf(
  version: Pick<ProcedureVersion, 'number' | 'steps'>,
  ctx: CostContext,
): StandardCost {
  const kept = version.steps.filter((s) => !s.waste);
  const costs = costSteps(kept, ctx);
  const t = totals(kept, costs, ctx);
  const occ = ctx.occurrencesPerYear;
  const lines = new Map<string, MeasuredLine>();
  let inHouse = 0;
  let automated = 0;
  let outTasked = 0;
  kept.forEach((step, i) => {
    const p = step.performer;
    if (p.kind === 'automation') automated++;
    else if (p.kind === 'outtasker') outTasked++;
    else {
      inHouse++;
      const member = p.kind === 'member' ? ctx.members.find((m) => m.id === p.ref) : undefined;
      const key = member ? `m:${member.id}` : `${p.kind}:${p.ref ?? p.name}`;
      const line = lines.get(key) ?? {
        memberId: member?.id ?? null,
        memberName: member?.name ?? (p.name || p.ref || p.kind),
        hours: 0,
        cost: zero(ctx.currency),
      };
      line.hours += (step.minutes * occ) / 60;
      const c = costs[i]!.cost;
      if (c) line.cost = add(line.cost, multiply(c, occ));
      lines.set(key, line);
    }
  });
  const byMember = [...lines.values()].map((l) => ({ ...l, hours: Math.round(l.hours * 10) / 10 }));
  const annualHours = Math.round(byMember.reduce((a, l) => a + l.hours, 0) * 10) / 10;
  const who = [
    inHouse ? `${inHouse} in-house` : '',
    outTasked ? `${outTasked} out-tasked` : '',
    automated ? `${automated} automated` : '',
  ].filter(Boolean);
  const formula =
    `${kept.length} kept ${kept.length === 1 ? 'step' : 'steps'} (${who.join(', ') || 'none'}) cost ` +
    `${formatMoney(t.perOccurrence)} an occurrence × ${Math.round(occ * 100) / 100} occurrences a year = ${formatMoney(t.perYear)}` +
    (t.uncosted.length ? `; not costed: ${t.uncosted.join(', ')}` : '');
  return {
    versionNumber: version.number,
    annualCost: t.perYear,
    annualHours,
    byMember,
    steps: { inHouse, automated, outTasked, uncosted: t.uncosted },
    formula,
  };
}
