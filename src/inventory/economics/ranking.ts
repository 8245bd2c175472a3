/**
 * The ranked opportunities: every task's economics and score, ordered by expected value
 * (annual saving × score ÷ 100), with the workspace's totals.
 */
import { add, type Money, multiply, zero } from '../../platform/money.ts';
import type { Measurement, Task } from '../inventory.ts';
import { roundHours } from './format.ts';
import { type OutTaskabilityScore, outTaskabilityScore, type ScoreFactor } from './score.ts';
import { type EconomicsSettings, resolveEconomicsSettings } from './settings.ts';
import {
  economicsOf,
  type HoursFreed,
  type MemberLookup,
  memberMap,
  type StandardCost,
  type TaskEconomics,
} from './task-economics.ts';

/** Imported measurements per task id; tasks without any may be missing. */
export type MeasurementsByTask =
  | ReadonlyMap<string, readonly Measurement[]>
  | Readonly<Record<string, readonly Measurement[]>>;

/**
 * saving — out-tasking saves money: ordered by expected value.
 * loss — out-tasking costs as much or more: ordered by the smallest loss.
 * not_out_taskable — no market price, no deliverable units or no in-house cost: ordered by score.
 */
export type OpportunityGroup = 'saving' | 'loss' | 'not_out_taskable';

export interface Opportunity {
  rank: number;
  taskId: string;
  taskName: string;
  processId: string;
  group: OpportunityGroup;
  score: number;
  factors: ScoreFactor[];
  scoreExplanation: string;
  outTaskable: boolean;
  notOutTaskableReason: string | null;
  inHouseAnnualCost: Money;
  outTaskedAnnualCost: Money | null;
  annualSaving: Money | null;
  savingShare: number | null;
  /** annualSaving × score ÷ 100: the saving weighted by how likely it is to work. */
  expectedValue: Money | null;
  hoursFreed: HoursFreed[];
  founderHoursFreed: number;
  /** Sum of hours freed over all members (review hours subtracted). */
  totalHoursFreed: number;
  economics: TaskEconomics;
}

export interface OpportunityTotals {
  taskCount: number;
  outTaskableCount: number;
  /** Σ in-house annual cost over every task. */
  inHouseAnnualCost: Money;
  /** Σ annual saving over the tasks whose saving is positive. */
  savingAvailable: Money;
  topN: number;
  /** Σ annual saving of the positive-saving tasks among the first topN. */
  topNSaving: Money;
  /** Σ founder hours freed by the positive-saving tasks among the first topN. */
  founderHoursFreedTopN: number;
  /** Σ hours freed (everyone) by the positive-saving tasks among the first topN. */
  hoursFreedTopN: number;
}

export interface OpportunityRanking {
  currency: string;
  opportunities: Opportunity[];
  totals: OpportunityTotals;
  /** The ordering rule in one sentence, for the UI and CLI footers. */
  ordering: string;
}

export const RANKING_ORDER_TEXT =
  'Ranked by expected value (annual saving × score ÷ 100), highest first; ties by score, then saving, then name. ' +
  'Tasks that would cost more out-tasked follow (smallest loss first), then tasks that cannot be out-tasked (by score).';

export const DEFAULT_TOP_N = 10;

function measurementsFor(all: MeasurementsByTask | undefined, taskId: string): readonly Measurement[] {
  if (all === undefined) return [];
  if (all instanceof Map) return all.get(taskId) ?? [];
  return (all as Readonly<Record<string, readonly Measurement[]>>)[taskId] ?? [];
}

/** Code-point order, so the ranking is the same on every machine whatever its locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const GROUP_ORDER: Record<OpportunityGroup, number> = { saving: 0, loss: 1, not_out_taskable: 2 };

function money(m: Money | null): number {
  return m === null ? 0 : m.amountMinor;
}

export function compareOpportunities(a: Opportunity, b: Opportunity): number {
  const g = GROUP_ORDER[a.group] - GROUP_ORDER[b.group];
  if (g !== 0) return g;
  let d = 0;
  if (a.group === 'saving') d = money(b.expectedValue) - money(a.expectedValue);
  else if (a.group === 'loss') d = money(b.annualSaving) - money(a.annualSaving);
  return (
    d ||
    b.score - a.score ||
    money(b.annualSaving) - money(a.annualSaving) ||
    money(b.inHouseAnnualCost) - money(a.inHouseAnnualCost) ||
    byText(a.taskName, b.taskName) ||
    byText(a.taskId, b.taskId)
  );
}

function toOpportunity(task: Task, e: TaskEconomics, s: OutTaskabilityScore): Omit<Opportunity, 'rank'> {
  const group: OpportunityGroup =
    !e.outTaskable || e.annualSaving === null
      ? 'not_out_taskable'
      : e.annualSaving.amountMinor > 0
        ? 'saving'
        : 'loss';
  return {
    taskId: task.id,
    taskName: task.name,
    processId: task.processId,
    group,
    score: s.score,
    factors: s.factors,
    scoreExplanation: s.explanation,
    outTaskable: e.outTaskable,
    notOutTaskableReason: e.notOutTaskableReason ?? (e.annualSaving === null ? e.savingExplanation : null),
    inHouseAnnualCost: e.inHouse.annualCost,
    outTaskedAnnualCost: e.outTasked?.annualCost ?? null,
    annualSaving: e.annualSaving,
    savingShare: e.savingShare,
    expectedValue: e.annualSaving === null ? null : multiply(e.annualSaving, s.score / 100),
    hoursFreed: e.hoursFreed,
    founderHoursFreed: e.founderHoursFreed,
    totalHoursFreed: roundHours(e.hoursFreed.reduce((acc, h) => acc + h.hoursFreed, 0)),
    economics: e,
  };
}

/**
 * Every task's economics and score, ranked. Throws CURRENCY_MISMATCH / MEMBER_NOT_FOUND /
 * VALIDATION_FAILED (naming the task) when a task's data cannot be counted.
 */
export function rankOpportunities(
  tasks: readonly Task[],
  members: MemberLookup,
  measurements?: MeasurementsByTask,
  settings: Partial<EconomicsSettings> = {},
  options: { topN?: number; standards?: ReadonlyMap<string, StandardCost> } = {},
): OpportunityRanking {
  const s = resolveEconomicsSettings(settings);
  const byId = memberMap(members);
  const topN = Math.max(0, Math.floor(options.topN ?? DEFAULT_TOP_N));
  const unranked = tasks.map((task) => {
    const standard = options.standards?.get(task.id) ?? null;
    const e = economicsOf(task, byId, measurementsFor(measurements, task.id), s, standard);
    return toOpportunity(task, e, outTaskabilityScore(task, e));
  });
  const opportunities: Opportunity[] = unranked.map((o) => ({ rank: 0, ...o })).sort(compareOpportunities);
  opportunities.forEach((o, i) => {
    o.rank = i + 1;
  });

  let inHouse = zero(s.currency);
  let savingAvailable = zero(s.currency);
  let topNSaving = zero(s.currency);
  let founderTop = 0;
  let hoursTop = 0;
  for (const o of opportunities) {
    inHouse = add(inHouse, o.inHouseAnnualCost);
    if (o.group !== 'saving' || o.annualSaving === null) continue;
    savingAvailable = add(savingAvailable, o.annualSaving);
    if (o.rank <= topN) {
      topNSaving = add(topNSaving, o.annualSaving);
      founderTop += o.founderHoursFreed;
      hoursTop += o.totalHoursFreed;
    }
  }
  return {
    currency: s.currency,
    opportunities,
    totals: {
      taskCount: opportunities.length,
      outTaskableCount: opportunities.filter((o) => o.outTaskable).length,
      inHouseAnnualCost: inHouse,
      savingAvailable,
      topN,
      topNSaving,
      founderHoursFreedTopN: roundHours(founderTop),
      hoursFreedTopN: roundHours(hoursTop),
    },
    ordering: RANKING_ORDER_TEXT,
  };
}
