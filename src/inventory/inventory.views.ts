/**
 * The stable JSON shapes of the inventory (API and `--json` CLI output share them; documented in
 * docs/cli.md) and the CSV export.
 */
import type { Money } from '../platform/money.ts';
import type { InventoryOverview } from './economics.service.ts';
import { toCsv } from './imports/index.ts';
import { occurrencesPerYear } from './inventory.ts';

export interface TaskListItem {
  id: string;
  name: string;
  process: string;
  processId: string;
  performer: string | null;
  performerId: string | null;
  description: string;
  frequency: InventoryOverview['rows'][number]['task']['frequency'];
  occurrencesPerYear: number;
  minutesPerOccurrence: number;
  skillLevel: string;
  confidentiality: string;
  needsClientContact: boolean;
  knownVariants: number;
  deliverableUnit: string;
  unitsPerOccurrence: number;
  marketPricePerUnit: Money | null;
  turnaroundHours: number;
  reviewMinutesPerOccurrence: number | null;
  /** Hours in the imported entries, unscaled. */
  measuredHours: number;
  /** ISO dates of the period the entries cover; null when nothing was measured. */
  measuredFrom: string | null;
  measuredTo: string | null;
  /** "from 3 weeks of entries, scaled to a year"; null when the cost is not measured. */
  measuredNote: string | null;
  /** Hours a year in-house: measured hours scaled to a year, else the estimate. */
  annualHours: number;
  inHouseAnnualCost: Money;
  costBasis: 'procedure' | 'measured' | 'estimate' | 'unknown';
  outTaskedAnnualCost: Money | null;
  annualSaving: Money | null;
  score: number;
  rank: number;
  /** The task's version: send it back as If-Match `"v<version>"` to write only over what you saw. */
  version: number;
}

export function taskListJson(o: InventoryOverview): TaskListItem[] {
  const byTask = new Map(o.ranking.opportunities.map((x) => [x.taskId, x]));
  return o.rows
    .map(({ task: t, process, performer, measuredHours, measuredFrom, measuredTo }) => {
      const opp = byTask.get(t.id)!;
      return {
        id: t.id,
        name: t.name,
        process,
        processId: t.processId,
        performer,
        performerId: t.performerId,
        description: t.description,
        frequency: t.frequency,
        occurrencesPerYear: occurrencesPerYear(t.frequency),
        minutesPerOccurrence: t.minutesPerOccurrence,
        skillLevel: t.skillLevel,
        confidentiality: t.confidentiality,
        needsClientContact: t.needsClientContact,
        knownVariants: t.knownVariants,
        deliverableUnit: t.deliverableUnit,
        unitsPerOccurrence: t.unitsPerOccurrence,
        marketPricePerUnit: t.marketPricePerUnit,
        turnaroundHours: t.turnaroundHours,
        reviewMinutesPerOccurrence: t.reviewMinutesPerOccurrence,
        measuredHours,
        measuredFrom,
        measuredTo,
        measuredNote: opp.economics.inHouse.measured?.periodNote ?? null,
        annualHours: opp.economics.inHouse.annualHours,
        inHouseAnnualCost: opp.inHouseAnnualCost,
        costBasis: opp.economics.inHouse.basis,
        outTaskedAnnualCost: opp.outTaskedAnnualCost,
        annualSaving: opp.annualSaving,
        score: opp.score,
        rank: opp.rank,
        version: t.version ?? 1,
      };
    })
    .sort((a, b) => a.process.localeCompare(b.process) || a.name.localeCompare(b.name));
}

export function opportunitiesJson(o: InventoryOverview, top?: number) {
  const processName = new Map(o.processes.map((p) => [p.id, p.name]));
  const list = top ? o.ranking.opportunities.slice(0, top) : o.ranking.opportunities;
  return {
    currency: o.ranking.currency,
    ordering: o.ranking.ordering,
    totals: o.ranking.totals,
    opportunities: list.map((x) => ({
      rank: x.rank,
      taskId: x.taskId,
      name: x.taskName,
      process: processName.get(x.processId) ?? '',
      group: x.group,
      score: x.score,
      scoreExplanation: x.scoreExplanation,
      factors: x.factors,
      outTaskable: x.outTaskable,
      notOutTaskableReason: x.notOutTaskableReason,
      inHouseAnnualCost: x.inHouseAnnualCost,
      outTaskedAnnualCost: x.outTaskedAnnualCost,
      annualSaving: x.annualSaving,
      savingShare: x.savingShare,
      expectedValue: x.expectedValue,
      founderHoursFreed: x.founderHoursFreed,
      totalHoursFreed: x.totalHoursFreed,
      hoursFreed: x.hoursFreed,
    })),
  };
}

const major = (m: Money | null) => (m ? (m.amountMinor / 100).toFixed(2) : '');

/** The inventory as CSV; every text cell passes through the formula-injection guard. */
export function tasksCsv(o: InventoryOverview): string {
  const header = [
    'Process',
    'Task',
    'Performer',
    'Occurrences per year',
    'Minutes per occurrence',
    'Measured hours',
    'Annual hours',
    `In-house annual cost (${o.ranking.currency})`,
    `Out-tasked annual cost (${o.ranking.currency})`,
    `Annual saving (${o.ranking.currency})`,
    'Score',
    'Rank',
  ];
  const rows = taskListJson(o).map((t) => [
    t.process,
    t.name,
    t.performer ?? '',
    String(t.occurrencesPerYear),
    String(t.minutesPerOccurrence),
    String(t.measuredHours),
    String(t.annualHours),
    major(t.inHouseAnnualCost),
    major(t.outTaskedAnnualCost),
    major(t.annualSaving),
    String(t.score),
    String(t.rank),
  ]);
  return toCsv([header, ...rows]);
}
