/**
 * Out-task or outsource? Out-tasking is paid per unit with no commitment; an outsourcing offer
 * has an up-front investment, a minimum term and a committed volume band. Both are costed under
 * volume scenarios, and the volumes where one overtakes the other are found exactly.
 *
 * Kept in one file: one comparison — the offer's checks, the volume scenarios, the exact crossover
 * intervals and the sentence that explains them — whose parts serve it alone.
 */
import { AppError } from '../../platform/errors.ts';
import { add, type Money, multiply, subtract, zero } from '../../platform/money.ts';
import type { Measurement, Task } from '../inventory.ts';
import { fmtMoney, fmtNumber, fmtPercent } from './format.ts';
import { type EconomicsSettings, resolveEconomicsSettings } from './settings.ts';
import {
  economicsOf,
  type MemberLookup,
  memberMap,
  pluralUnit,
  type StandardCost,
} from './task-economics.ts';

export interface OutsourcingOffer {
  provider?: string;
  /** Paid once at the start (transition, set-up, knowledge transfer). */
  upfrontInvestment: Money;
  minimumTermMonths: number;
  /** Price of one deliverable unit inside the committed band. */
  unitPrice: Money;
  /**
   * Committed volume band in units a year. Below `min` the outsourcer still bills `min` units;
   * above `max` (null = no ceiling) units cost `overageUnitPrice`.
   */
  committedUnitsPerYear: { min: number; max: number | null };
  /** Price of a unit beyond the band; absent or null = unitPrice. */
  overageUnitPrice?: Money | null;
}

export type VolumeScenario =
  | { label: string; volumeFactor: number }
  | { label: string; unitsPerYear: number };

export const DEFAULT_SCENARIOS: readonly VolumeScenario[] = Object.freeze([
  { label: '−50%', volumeFactor: 0.5 },
  { label: 'expected', volumeFactor: 1 },
  { label: '+50%', volumeFactor: 1.5 },
]);

export interface OutTaskOption {
  annualCost: Money;
  overTerm: Money;
  marketplaceSpend: Money;
  platformFee: Money;
  review: Money;
  explanation: string;
}

export interface OutsourceOption {
  annualCost: Money;
  overTerm: Money;
  /** The investment spread evenly over the minimum term, per year. */
  amortisedInvestment: Money;
  /** min units × unit price: billed whatever the volume. */
  committedMinimum: Money;
  /** Units above the minimum and inside the band, at the unit price. */
  withinBand: Money;
  /** Units above the band, at the overage price. */
  overage: Money;
  review: Money;
  /** Units billed but not needed because volume fell below the band. */
  shortfallUnits: number;
  overageUnits: number;
  explanation: string;
}

export type Cheaper = 'out-task' | 'outsource' | 'equal';

export interface ScenarioComparison {
  label: string;
  volumeFactor: number | null;
  unitsPerYear: number;
  outTask: OutTaskOption;
  outsource: OutsourceOption;
  cheaper: Cheaper;
  /** outsource − out-task, a year (positive = out-tasking is cheaper). */
  annualDifference: Money;
  sentence: string;
}

export interface VolumeInterval {
  fromUnitsPerYear: number;
  /** null = no upper end. */
  toUnitsPerYear: number | null;
}

export interface BreakEven {
  /** Volumes (units a year) where both options cost the same. */
  unitsPerYear: number[];
  /** Volumes where outsourcing is strictly cheaper. */
  outsourcingCheaper: VolumeInterval[];
  explanation: string;
}

export interface OutTaskVsOutsource {
  taskId: string;
  taskName: string;
  currency: string;
  deliverableUnit: string;
  termMonths: number;
  expectedUnitsPerYear: number;
  scenarios: ScenarioComparison[];
  breakEven: BreakEven;
  recommendation: { choice: 'out-task' | 'outsource'; reason: string };
}

export interface ComparisonContext {
  members: MemberLookup;
  measurements?: readonly Measurement[];
  settings?: Partial<EconomicsSettings>;
  /** The task's approved procedure, costed: its current cost when there is one. */
  standard?: StandardCost | null;
}

function invalid(taskName: string, field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Outsourcing offer for "${taskName}": ${message}`, {
    task: taskName,
    field,
  });
}

function validateOffer(offer: OutsourcingOffer, currency: string, taskName: string): void {
  const monies: Array<[string, Money | null | undefined]> = [
    ['upfrontInvestment', offer.upfrontInvestment],
    ['unitPrice', offer.unitPrice],
    ['overageUnitPrice', offer.overageUnitPrice],
  ];
  for (const [field, m] of monies) {
    if (m === null || m === undefined) continue;
    if (m.currency !== currency) {
      throw new AppError(
        'CURRENCY_MISMATCH',
        `Outsourcing offer for "${taskName}": ${field} is in ${m.currency} but the workspace counts in ${currency}. Convert the offer to ${currency}.`,
        { task: taskName, field, currency: m.currency, expected: currency },
      );
    }
    if (m.amountMinor < 0) throw invalid(taskName, field, `${field} cannot be negative.`);
  }
  if (!Number.isInteger(offer.minimumTermMonths) || offer.minimumTermMonths <= 0) {
    throw invalid(
      taskName,
      'minimumTermMonths',
      `the minimum term must be a whole number of months above zero, got ${offer.minimumTermMonths}.`,
    );
  }
  const { min, max } = offer.committedUnitsPerYear;
  if (!Number.isFinite(min) || min < 0) {
    throw invalid(
      taskName,
      'committedUnitsPerYear.min',
      `the committed minimum must be zero or more, got ${min}.`,
    );
  }
  if (max !== null && (!Number.isFinite(max) || max < min)) {
    throw invalid(
      taskName,
      'committedUnitsPerYear.max',
      `the band's maximum (${max}) must be a number no smaller than its minimum (${min}).`,
    );
  }
}

function scenarioUnits(s: VolumeScenario, expected: number, taskName: string): number {
  const units = 'unitsPerYear' in s ? s.unitsPerYear : expected * s.volumeFactor;
  if (!Number.isFinite(units) || units < 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Scenario "${s.label}" for "${taskName}": volume must be zero or more units a year, got ${units}.`,
      { task: taskName, scenario: s.label },
    );
  }
  return units;
}

/** Where a + b·V < 0 on [lo, hi). */
function negativePart(a: number, b: number, lo: number, hi: number): VolumeInterval | null {
  let from = lo;
  let to = hi;
  if (b === 0) {
    if (a >= 0) return null;
  } else if (b < 0) {
    from = Math.max(lo, -a / b);
  } else {
    to = Math.min(hi, -a / b);
  }
  if (!(from < to)) return null;
  return { fromUnitsPerYear: from, toUnitsPerYear: to === Number.POSITIVE_INFINITY ? null : to };
}

/**
 * Volumes where outsourcing is strictly cheaper. The difference outsource − out-task is
 * continuous and linear on [0, min], [min, max] and [max, ∞), so each piece is solved exactly.
 * The review cost is the same on both sides and cancels out.
 */
export function outsourcingCheaperIntervals(params: {
  amortisedInvestmentPerYear: number;
  unitPrice: number;
  overageUnitPrice: number;
  min: number;
  max: number | null;
  /** Out-tasking cost of one unit, marketplace fee included. */
  outTaskUnitCost: number;
}): VolumeInterval[] {
  const {
    amortisedInvestmentPerYear: A,
    unitPrice: p,
    overageUnitPrice: q,
    min,
    outTaskUnitCost: m,
  } = params;
  const max = params.max ?? Number.POSITIVE_INFINITY;
  const pieces = [
    negativePart(A + p * min, -m, 0, min),
    negativePart(A, p - m, min, max),
    max === Number.POSITIVE_INFINITY
      ? null
      : negativePart(A + (p - q) * max, q - m, max, Number.POSITIVE_INFINITY),
  ].filter((x): x is VolumeInterval => x !== null);
  const merged: VolumeInterval[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last !== undefined && last.toUnitsPerYear !== null && last.toUnitsPerYear >= piece.fromUnitsPerYear) {
      last.toUnitsPerYear = piece.toUnitsPerYear;
    } else {
      merged.push({ ...piece });
    }
  }
  return merged.map((i) => ({
    fromUnitsPerYear: roundUnits(i.fromUnitsPerYear),
    toUnitsPerYear: i.toUnitsPerYear === null ? null : roundUnits(i.toUnitsPerYear),
  }));
}

const roundUnits = (u: number): number => Math.round(u * 10) / 10;

function complement(intervals: readonly VolumeInterval[]): VolumeInterval[] {
  const out: VolumeInterval[] = [];
  let cursor: number | null = 0;
  for (const i of intervals) {
    if (cursor !== null && i.fromUnitsPerYear > cursor)
      out.push({ fromUnitsPerYear: cursor, toUnitsPerYear: i.fromUnitsPerYear });
    cursor = i.toUnitsPerYear;
  }
  if (cursor !== null) out.push({ fromUnitsPerYear: cursor, toUnitsPerYear: null });
  return out;
}

/** "outsourcing only wins above 1,200 slides/year" and its relatives. */
function describeWins(subject: string, intervals: readonly VolumeInterval[], unit: string): string {
  if (intervals.length === 0) return `${subject} never wins at these prices`;
  const u = (n: number) => `${fmtNumber(n, 0)} ${pluralUnit(unit, 2)}/year`;
  const parts = intervals.map((i) => {
    if (i.fromUnitsPerYear <= 0 && i.toUnitsPerYear === null) return 'at any volume';
    if (i.fromUnitsPerYear <= 0) return `below ${u(i.toUnitsPerYear as number)}`;
    if (i.toUnitsPerYear === null) return `above ${u(i.fromUnitsPerYear)}`;
    return `between ${u(i.fromUnitsPerYear)} and ${u(i.toUnitsPerYear)}`;
  });
  if (parts.length === 1 && parts[0] === 'at any volume') return `${subject} wins at any volume`;
  return `${subject} only wins ${parts.join(' and ')}`;
}

/**
 * Cost of out-tasking vs an outsourcing offer for one task under volume scenarios
 * (default −50% / expected / +50% of the task's annual units), with the break-even volumes
 * and a recommendation in one sentence.
 */
export function compareOutTaskVsOutsource(
  task: Task,
  offer: OutsourcingOffer,
  scenarios: readonly VolumeScenario[] = DEFAULT_SCENARIOS,
  context: ComparisonContext,
): OutTaskVsOutsource {
  const s = resolveEconomicsSettings(context.settings);
  const currency = s.currency;
  const byId = memberMap(context.members);
  const e = economicsOf(task, byId, context.measurements ?? [], s, context.standard ?? null);
  if (!e.outTaskable || e.outTasked === null || task.marketPricePerUnit === null) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Task "${task.name}" cannot be compared with outsourcing: ${e.notOutTaskableReason ?? 'it cannot be out-tasked'}`,
      { task: task.name, field: 'marketPricePerUnit' },
    );
  }
  validateOffer(offer, currency, task.name);
  if (scenarios.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Comparison for "${task.name}": give at least one volume scenario.`,
      {
        task: task.name,
      },
    );
  }

  const unit = task.deliverableUnit || 'unit';
  const units = (n: number) => `${fmtNumber(n, 1)} ${pluralUnit(unit, n)}`;
  const price = task.marketPricePerUnit;
  const feeRate = s.platformFeeBps / 10_000;
  const reviewer =
    e.outTasked.review.reviewerId === null ? null : (byId.get(e.outTasked.review.reviewerId) ?? null);
  const reviewMinutesPerUnit = e.outTasked.review.minutesPerOccurrence / task.unitsPerOccurrence;
  const reviewCost = (v: number): Money =>
    reviewer === null ? zero(currency) : multiply(reviewer.hourlyCost, (v * reviewMinutesPerUnit) / 60);

  const term = offer.minimumTermMonths;
  const termYears = term / 12;
  const overagePrice = offer.overageUnitPrice ?? offer.unitPrice;
  const { min, max } = offer.committedUnitsPerYear;
  const amortised = multiply(offer.upfrontInvestment, 12 / term);
  const expected = e.outTasked.annualUnits;

  const results: ScenarioComparison[] = scenarios.map((sc) => {
    const v = scenarioUnits(sc, expected, task.name);
    // out-tasking: per unit, no commitment
    const spend = multiply(price, v);
    const fee = multiply(spend, feeRate);
    const review = reviewCost(v);
    const outTaskAnnual = add(add(spend, fee), review);
    const outTask: OutTaskOption = {
      annualCost: outTaskAnnual,
      overTerm: multiply(outTaskAnnual, termYears),
      marketplaceSpend: spend,
      platformFee: fee,
      review,
      explanation:
        `Out-task: ${units(v)} × ${fmtMoney(price)} = ${fmtMoney(spend)} + ${fmtPercent(feeRate)} fee ${fmtMoney(fee)} + ` +
        `review ${fmtMoney(review)} = ${fmtMoney(outTaskAnnual)} a year, no commitment.`,
    };
    // outsourcing: investment over the term + committed minimum + band + overage
    const inBand = max === null ? Math.max(v, min) : Math.min(Math.max(v, min), max);
    const overUnits = max === null ? 0 : Math.max(0, v - max);
    const committed = multiply(offer.unitPrice, min);
    const withinBand = multiply(offer.unitPrice, inBand - min);
    const overage = multiply(overagePrice, overUnits);
    const variable = add(add(add(committed, withinBand), overage), review);
    const outsourceAnnual = add(amortised, variable);
    const shortfall = Math.max(0, min - v);
    const outsource: OutsourceOption = {
      annualCost: outsourceAnnual,
      overTerm: add(offer.upfrontInvestment, multiply(variable, termYears)),
      amortisedInvestment: amortised,
      committedMinimum: committed,
      withinBand,
      overage,
      review,
      shortfallUnits: roundUnits(shortfall),
      overageUnits: roundUnits(overUnits),
      explanation:
        `Outsource: ${fmtMoney(offer.upfrontInvestment)} investment ÷ ${term} months × 12 = ${fmtMoney(amortised)} + ` +
        `committed minimum ${units(min)} × ${fmtMoney(offer.unitPrice)} = ${fmtMoney(committed)}` +
        (shortfall > 0 ? ` (${units(shortfall)} billed but not needed)` : '') +
        (inBand > min ? ` + ${units(inBand - min)} within the band = ${fmtMoney(withinBand)}` : '') +
        (overUnits > 0
          ? ` + ${units(overUnits)} beyond the band × ${fmtMoney(overagePrice)} = ${fmtMoney(overage)}`
          : '') +
        ` + review ${fmtMoney(review)} = ${fmtMoney(outsourceAnnual)} a year.`,
    };
    const diff = subtract(outsourceAnnual, outTaskAnnual);
    const cheaper: Cheaper = diff.amountMinor > 0 ? 'out-task' : diff.amountMinor < 0 ? 'outsource' : 'equal';
    const abs = multiply(diff, Math.sign(diff.amountMinor));
    const sentence =
      cheaper === 'equal'
        ? `${sc.label} (${units(v)} a year): both cost ${fmtMoney(outTaskAnnual)} a year.`
        : `${sc.label} (${units(v)} a year): ${cheaper === 'out-task' ? 'out-tasking' : 'outsourcing'} is cheaper by ` +
          `${fmtMoney(abs)} a year (${fmtMoney(multiply(abs, termYears))} over the ${term}-month term).`;
    return {
      label: sc.label,
      volumeFactor: 'volumeFactor' in sc ? sc.volumeFactor : null,
      unitsPerYear: roundUnits(v),
      outTask,
      outsource,
      cheaper,
      annualDifference: diff,
      sentence,
    };
  });

  const cheaperIntervals = outsourcingCheaperIntervals({
    amortisedInvestmentPerYear: offer.upfrontInvestment.amountMinor * (12 / term),
    unitPrice: offer.unitPrice.amountMinor,
    overageUnitPrice: overagePrice.amountMinor,
    min,
    max,
    outTaskUnitCost: price.amountMinor * (1 + feeRate),
  });
  const points = cheaperIntervals
    .flatMap((i) => [i.fromUnitsPerYear, i.toUnitsPerYear])
    .filter((x): x is number => x !== null && x > 0);
  const outsourceWhere = describeWins('outsourcing', cheaperIntervals, unit);
  const outTaskWhere = describeWins('out-tasking', complement(cheaperIntervals), unit);
  const breakEven: BreakEven = {
    unitsPerYear: points,
    outsourcingCheaper: cheaperIntervals,
    explanation:
      points.length === 0
        ? `No break-even volume: ${outsourceWhere}.`
        : `Break-even at ${points.map((p) => units(p)).join(' and ')} a year: ${outsourceWhere}.`,
  };

  const n = results.length;
  const outsourceWins = results.filter((r) => r.cheaper === 'outsource');
  const outTaskWins = results.filter((r) => r.cheaper === 'out-task').length;
  const ties = n - outsourceWins.length - outTaskWins;
  const inN = (k: number) =>
    k === n ? (n === 1 ? 'the only scenario' : `all ${n} scenarios`) : `${k} of ${n} scenarios`;
  let recommendation: OutTaskVsOutsource['recommendation'];
  // Ties go to out-tasking: same money, but no investment and no commitment.
  if (outsourceWins.length > n - outsourceWins.length) {
    const expectedRun =
      results.find((r) => r.volumeFactor === 1) ?? results.find((r) => r.label.toLowerCase() === 'expected');
    const saves =
      expectedRun !== undefined && expectedRun.cheaper === 'outsource'
        ? `, saving ${fmtMoney(multiply(expectedRun.annualDifference, -1))} a year at the expected volume`
        : '';
    const losers = results.filter((r) => r.cheaper !== 'outsource').map((r) => r.label);
    const reason =
      losers.length === 0
        ? `Outsource: cheaper in ${inN(outsourceWins.length)}${saves}, which justifies the ${fmtMoney(offer.upfrontInvestment)} investment and the ${term}-month commitment; ${outTaskWhere}.`
        : `Outsource, with care: cheaper in ${inN(outsourceWins.length)}${saves}, but not at ${losers.join(', ')} volume, where the ${term}-month commitment still bills its minimum; ${outTaskWhere}.`;
    recommendation = { choice: 'outsource', reason };
  } else {
    const k = outTaskWins + ties;
    const how = ties > 0 ? 'cheaper or as cheap' : 'cheaper';
    const reason = `Out-task: ${how} in ${inN(k)} and carries no commitment; ${outsourceWhere}.`;
    recommendation = { choice: 'out-task', reason };
  }

  return {
    taskId: task.id,
    taskName: task.name,
    currency,
    deliverableUnit: unit,
    termMonths: term,
    expectedUnitsPerYear: roundUnits(expected),
    scenarios: results,
    breakEven,
    recommendation,
  };
}
