/**
 * The bid comparison of a task (or its post): every bid normalized against the task's step-1
 * economics — the unit price in the firm's currency, the turnaround against the SLA, the expected
 * cost a year at the task's volume and the saving against doing it in-house — with the out-tasker's
 * record from their work orders. The in-house figure is the task's one current cost (its approved
 * procedure's when there is one), the same the inventory, ranking and procedure pages show.
 */
import { economicsSettingsOf, occurrencesPerYear, taskEconomics } from '../../inventory/index.ts';
import { type ComparisonResult, type CostAtPrice, compareBids, type TaskBasis } from '../comparison.ts';
import { outtaskersStore as store } from '../outtaskers.store.ts';
import { awardKeyOf } from '../outtaskers.ts';
import type { OuttaskersActor, OuttaskersContext } from './context.ts';

export async function compareTaskBids(
  ctx: OuttaskersContext,
  actor: OuttaskersActor,
  query: { taskId: string; postId?: string | undefined },
): Promise<ComparisonResult> {
  const ws = actor.workspace.id;
  const task = await ctx.inventory.getTask(actor, query.taskId);
  const awardKey = awardKeyOf(task.id, query.postId ?? null);
  const [members, measurements, bids, rates, call] = await Promise.all([
    ctx.inventory.listMembers(actor),
    ctx.inventory.measurements(actor, task.id),
    store.listBids(ctx.db, ws, { taskId: task.id }),
    store.listFxRates(ctx.db, ws),
    store.findCallByAwardKey(ctx.db, ws, awardKey),
  ]);
  const scoped = bids.filter((b) => awardKeyOf(b.taskId, b.postId) === awardKey && b.status !== 'withdrawn');
  const settings = economicsSettingsOf({ ...actor.workspace });
  const measured = measurements.get(task.id) ?? [];
  const standard = (await ctx.standards?.costs(actor.workspace, [task], members))?.get(task.id) ?? null;
  const base = taskEconomics(task, members, measured, settings, standard);
  const annualUnits = task.unitsPerOccurrence * occurrencesPerYear(task.frequency);
  const basis: TaskBasis = {
    taskId: task.id,
    taskName: task.name,
    unit: task.deliverableUnit || 'unit',
    slaHours: call?.slaHours ?? task.turnaroundHours,
    annualUnits,
    inHouseAnnualCost: base.inHouse.annualCost,
    inHouseExplanation: base.inHouse.explanation,
    inHouseKnown: base.inHouse.basis !== 'unknown',
    costAt(unitPrice): CostAtPrice {
      const priced = { ...task, marketPricePerUnit: unitPrice };
      // A procedure that already out-tasks a step (or automates all) leaves step 1 no out-tasked
      // figure: the bid is then costed from the task alone, and still saved against the one cost.
      const withStandard = taskEconomics(priced, members, measured, settings, standard);
      const e = withStandard.outTasked ? withStandard : taskEconomics(priced, members, measured, settings);
      const annualCost = e.outTasked?.annualCost ?? { amountMinor: 0, currency: unitPrice.currency };
      return {
        annualCost,
        annualUnits: e.outTasked?.annualUnits ?? annualUnits,
        annualSaving: {
          amountMinor: base.inHouse.annualCost.amountMinor - annualCost.amountMinor,
          currency: annualCost.currency,
        },
        explanation: e.outTasked?.explanation ?? e.savingExplanation,
      };
    },
  };
  const records = scoped.length
    ? await ctx.records(ws, [...new Set(scoped.map((b) => b.outtaskerId))])
    : new Map();
  return compareBids(basis, scoped, { currency: actor.workspace.currency, rates, records });
}
