/**
 * What one task costs the firm a year in-house, what it would cost out-tasked, the saving and
 * whose hours it frees. Every figure carries its formula with the numbers filled in, so the UI
 * and the CLI can show why.
 *
 * Kept in one file: one calculation (economicsOf) with the formulas it explains; its helpers serve
 * it alone, and formatting, settings, outsourcing and ranking are files of their own already.
 */
import { AppError } from '../../platform/errors.ts';
import { add, type Money, multiply, subtract, sum, zero } from '../../platform/money.ts';
import {
  type Measurement,
  type Member,
  type MemberRole,
  occurrencesPerYear,
  type Task,
} from '../inventory.ts';
import { fmtHours, fmtMoney, fmtNumber, fmtPercent, roundHours } from './format.ts';
import { describePeriodLength, periodMonths } from './period.ts';
import { type EconomicsSettings, resolveEconomicsSettings } from './settings.ts';

/** A money figure and the arithmetic that produced it. */
export interface CostFigure {
  amount: Money;
  formula: string;
}

export interface InHouseEstimate extends CostFigure {
  annualHours: number;
  performerId: string;
}

export interface MeasuredLine {
  memberId: string | null;
  memberName: string;
  /** Annualised hours of this person on the task. */
  hours: number;
  /** Annualised cost of those hours. */
  cost: Money;
}

export interface InHouseMeasured extends CostFigure {
  annualHours: number;
  byMember: MeasuredLine[];
  /** Months the imported entries cover; the figures above are scaled to 12. */
  periodMonths: number;
  /** The period the imports that measured the task cover, with its length in words; null when only the setting says. */
  period: { from: string; to: string; length: string } | null;
  /** "from 3 weeks of entries, scaled to a year" — how the measured hours became a year's. */
  periodNote: string;
}

/**
 * The task's approved standard procedure, costed by the procedures module (inventory only reads it):
 * how the firm has agreed the task is done now, so it is the task's current cost wherever it shows.
 */
export interface StandardCost {
  /** The approved version's number. */
  versionNumber: number;
  /** Σ the kept steps' costs a year: members and roles at their rates, out-taskers at the market price, automation nothing. */
  annualCost: Money;
  /** Hours a year the firm's own people spend on the kept steps. */
  annualHours: number;
  /** Those hours and their cost per member (roles: memberId null, named by the role). */
  byMember: MeasuredLine[];
  /** Kept steps by who does them; steps that could not be costed are named. */
  steps: { inHouse: number; automated: number; outTasked: number; uncosted: string[] };
  formula: string;
}

export interface InHouseCost {
  /**
   * Which figure counts: the approved procedure's steps when there is one, else measured time, else
   * the estimate.
   */
  basis: 'procedure' | 'measured' | 'estimate' | 'unknown';
  annualCost: Money;
  annualHours: number;
  estimate: InHouseEstimate | null;
  measured: InHouseMeasured | null;
  standard: StandardCost | null;
  explanation: string;
}

export interface ReviewCost extends CostFigure {
  reviewerId: string | null;
  reviewerName: string | null;
  minutesPerOccurrence: number;
  annualHours: number;
}

export interface OutTaskedCost {
  annualCost: Money;
  annualUnits: number;
  marketplaceSpend: CostFigure;
  platformFee: CostFigure;
  review: ReviewCost;
  explanation: string;
}

export interface HoursFreed {
  memberId: string | null;
  memberName: string;
  role: MemberRole | null;
  /** Hours this person spends on the task in-house today. */
  inHouseHours: number;
  /** Hours this person would spend reviewing the out-tasker's work. */
  reviewHours: number;
  /** inHouseHours − reviewHours (negative for a reviewer who did not do the task). */
  hoursFreed: number;
}

export interface TaskEconomics {
  taskId: string;
  taskName: string;
  currency: string;
  occurrencesPerYear: number;
  occurrencesFormula: string;
  inHouse: InHouseCost;
  outTaskable: boolean;
  /** Why the task cannot be out-tasked (null when it can). */
  notOutTaskableReason: string | null;
  outTasked: OutTaskedCost | null;
  /** In-house − out-tasked, a year; negative when out-tasking costs more; null when unknown. */
  annualSaving: Money | null;
  /** annualSaving ÷ in-house cost; null when either is unknown or the in-house cost is zero. */
  savingShare: number | null;
  savingExplanation: string;
  /** The founder first, then by hours freed, most first. Empty when the task cannot be out-tasked. */
  hoursFreed: HoursFreed[];
  founderHoursFreed: number;
}

export type MemberLookup = readonly Member[] | ReadonlyMap<string, Member>;

export function memberMap(members: MemberLookup): ReadonlyMap<string, Member> {
  if (members instanceof Map) return members;
  return new Map((members as readonly Member[]).map((m) => [m.id, m]));
}

const countSteps = (n: number) => `${n} ${n === 1 ? 'step' : 'steps'}`;

/** Naive English plural for deliverable units: slide → slides, case study → case studies. */
export function pluralUnit(unit: string, count: number): string {
  if (count === 1 || unit.length === 0 || /s$/i.test(unit)) return unit;
  if (/[^aeiou]y$/i.test(unit)) return `${unit.slice(0, -1)}ies`;
  if (/(ch|sh|x|z)$/i.test(unit)) return `${unit}es`;
  return `${unit}s`;
}

function requireCurrency(m: Money, currency: string, what: string, taskName: string): void {
  if (m.currency !== currency) {
    throw new AppError(
      'CURRENCY_MISMATCH',
      `Task "${taskName}": ${what} is in ${m.currency} but the workspace counts in ${currency}. ` +
        `Enter it in ${currency} or change the workspace currency.`,
      { task: taskName, field: what, currency: m.currency, expected: currency },
    );
  }
}

function requireNonNegative(value: number, field: string, taskName: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Task "${taskName}": ${field} must be a number of zero or more, got ${value}.`,
      { task: taskName, field },
    );
  }
}

function findMember(
  members: ReadonlyMap<string, Member>,
  id: string,
  why: string,
  taskName: string,
  currency: string,
): Member {
  const m = members.get(id);
  if (m === undefined) {
    throw new AppError(
      'MEMBER_NOT_FOUND',
      `Task "${taskName}": the ${why} (member ${id}) is not a member of this workspace. Pick an existing member.`,
      { task: taskName, memberId: id },
    );
  }
  requireCurrency(m.hourlyCost, currency, `the hourly cost of ${m.name}`, taskName);
  return m;
}

/** Money for `minutes` of a person at `rate` per hour, rounded once at the end. */
function costOfMinutes(rate: Money, minutes: number): Money {
  return multiply(rate, minutes / 60);
}

function describeOccurrences(task: Task, occ: number): string {
  const f = task.frequency;
  if (f.kind === 'per_year') return `${fmtNumber(occ)} occurrences/yr`;
  return `${fmtNumber(f.perProject)} per project × ${fmtNumber(f.projectsPerYear)} projects/yr = ${fmtNumber(occ)} occurrences/yr`;
}

function inHouseEstimate(task: Task, occ: number, performer: Member | null): InHouseEstimate | null {
  if (performer === null) return null;
  const minutes = occ * task.minutesPerOccurrence;
  const amount = costOfMinutes(performer.hourlyCost, minutes);
  return {
    amount,
    annualHours: roundHours(minutes / 60),
    performerId: performer.id,
    formula:
      `${fmtNumber(occ)} occurrences/yr × ${fmtNumber(task.minutesPerOccurrence)} min × ` +
      `${fmtMoney(performer.hourlyCost)}/h (${performer.name}) ÷ 60 = ${fmtMoney(amount)}`,
  };
}

function inHouseMeasured(
  task: Task,
  measurements: readonly Measurement[],
  settingMonths: number,
  currency: string,
): InHouseMeasured | null {
  const totalMinutes = measurements.reduce((acc, m) => acc + m.minutes, 0);
  if (measurements.length === 0 || totalMinutes <= 0) return null;
  // The period the imports state (or their first to last entry); the workspace setting only for
  // entries imported before imports kept their period.
  const period = measurements.find((m) => m.period)?.period ?? null;
  const months = period ? periodMonths(period) : settingMonths;
  const scale = 12 / months;
  // One line per person: an export can split someone's time over several rows.
  const lines = new Map<
    string,
    { memberId: string | null; memberName: string; minutes: number; cost: Money }
  >();
  for (const m of measurements) {
    requireNonNegative(m.minutes, `measured minutes of ${m.memberName}`, task.name);
    requireCurrency(m.cost, currency, `the measured cost of ${m.memberName}`, task.name);
    const key = m.memberId ?? `name:${m.memberName}`;
    const line = lines.get(key);
    if (line === undefined) {
      lines.set(key, { memberId: m.memberId, memberName: m.memberName, minutes: m.minutes, cost: m.cost });
    } else {
      line.minutes += m.minutes;
      line.cost = add(line.cost, m.cost);
    }
  }
  const byMember: MeasuredLine[] = [...lines.values()]
    .map((l) => ({
      memberId: l.memberId,
      memberName: l.memberName,
      hours: roundHours((l.minutes * scale) / 60),
      cost: multiply(l.cost, scale),
    }))
    .sort((a, b) => b.hours - a.hours || a.memberName.localeCompare(b.memberName));
  const amount = sum(
    byMember.map((l) => l.cost),
    currency,
  );
  const parts = byMember.map((l) => `${l.memberName} ${fmtHours(l.hours)} = ${fmtMoney(l.cost)}`);
  const length = period ? describePeriodLength(period) : `${fmtNumber(months)} months`;
  const periodNote =
    Math.abs(scale - 1) < 1e-9
      ? `from ${length} of entries, a year`
      : `from ${length} of entries, scaled to a year`;
  const scaled =
    Math.abs(scale - 1) < 1e-9
      ? ''
      : ` (entries ${period ? `from ${period.from} to ${period.to}, ` : ''}${length}, scaled × 12/${fmtNumber(Math.round(months * 100) / 100)})`;
  return {
    amount,
    annualHours: roundHours((totalMinutes * scale) / 60),
    byMember,
    periodMonths: months,
    period: period ? { ...period, length } : null,
    periodNote,
    formula: `Σ measured time × each person's cost rate: ${parts.join(' + ')} = ${fmtMoney(amount)}${scaled}`,
  };
}

/**
 * The economics of one task. `measurements` are the task's imported time entries (may be empty);
 * `settings` may be partial — missing values take DEFAULT_ECONOMICS_SETTINGS.
 */
export function taskEconomics(
  task: Task,
  members: MemberLookup,
  measurements: readonly Measurement[] = [],
  settings: Partial<EconomicsSettings> = {},
  standard: StandardCost | null = null,
): TaskEconomics {
  return economicsOf(task, memberMap(members), measurements, resolveEconomicsSettings(settings), standard);
}

/** taskEconomics with the members indexed and the settings resolved once by the caller (ranking, comparison). */
export function economicsOf(
  task: Task,
  byId: ReadonlyMap<string, Member>,
  measurements: readonly Measurement[],
  s: Required<EconomicsSettings>,
  standard: StandardCost | null = null,
): TaskEconomics {
  const currency = s.currency;
  const name = task.name;

  requireNonNegative(task.minutesPerOccurrence, 'minutes per occurrence', name);
  requireNonNegative(task.unitsPerOccurrence, 'units per occurrence', name);
  requireNonNegative(task.turnaroundHours, 'turnaround hours', name);
  if (task.reviewMinutesPerOccurrence !== null) {
    requireNonNegative(task.reviewMinutesPerOccurrence, 'review minutes per occurrence', name);
  }
  if (task.frequency.kind === 'per_project') {
    requireNonNegative(task.frequency.perProject, 'occurrences per project', name);
    requireNonNegative(task.frequency.projectsPerYear, 'projects per year', name);
  }
  const occ = occurrencesPerYear(task.frequency);
  requireNonNegative(occ, 'occurrences per year', name);

  const performer =
    task.performerId === null ? null : findMember(byId, task.performerId, 'performer', name, currency);

  // --- in-house -----------------------------------------------------------------------------
  const estimate = inHouseEstimate(task, occ, performer);
  const measured = inHouseMeasured(task, measurements, s.measuredPeriodMonths, currency);
  const others = [
    measured === null ? '' : `measured time (${measured.formula})`,
    estimate === null ? '' : `the estimate (${estimate.formula})`,
  ].filter(Boolean);
  let inHouse: InHouseCost;
  if (standard !== null) {
    requireCurrency(standard.annualCost, currency, "the approved procedure's cost", name);
    inHouse = {
      basis: 'procedure',
      annualCost: standard.annualCost,
      annualHours: standard.annualHours,
      estimate,
      measured,
      standard,
      explanation:
        `Current cost, from the approved procedure (version ${standard.versionNumber}): ${standard.formula}.` +
        (others.length
          ? ` Shown for comparison: ${others.join('; ')}; the approved procedure takes precedence.`
          : ''),
    };
  } else if (measured !== null) {
    inHouse = {
      basis: 'measured',
      annualCost: measured.amount,
      annualHours: measured.annualHours,
      estimate,
      measured,
      standard: null,
      explanation:
        `In-house, measured: ${measured.formula}.` +
        (estimate === null
          ? ''
          : ` The estimate (${estimate.formula}) is shown for comparison; measured time takes precedence.`),
    };
  } else if (estimate !== null) {
    inHouse = {
      basis: 'estimate',
      annualCost: estimate.amount,
      annualHours: estimate.annualHours,
      estimate,
      measured: null,
      standard: null,
      explanation: `In-house, estimated: ${estimate.formula}.`,
    };
  } else {
    inHouse = {
      basis: 'unknown',
      annualCost: zero(currency),
      annualHours: 0,
      estimate: null,
      measured: null,
      standard: null,
      explanation: 'In-house cost unknown: the task has no performer and no imported time entries.',
    };
  }

  const base = {
    taskId: task.id,
    taskName: name,
    currency,
    occurrencesPerYear: occ,
    occurrencesFormula: describeOccurrences(task, occ),
    inHouse,
  };

  // --- can it be out-tasked? -----------------------------------------------------------------
  const price = task.marketPricePerUnit;
  let reason: string | null = null;
  if (standard !== null && standard.steps.outTasked > 0) {
    reason = `Already out-tasked: its approved procedure (version ${standard.versionNumber}) gives ${countSteps(standard.steps.outTasked)} to an out-tasker.`;
  } else if (standard !== null && standard.steps.inHouse === 0 && standard.steps.automated > 0) {
    reason = `Automated: every kept step of its approved procedure (version ${standard.versionNumber}) is done by software; nothing is left in-house to out-task.`;
  } else if (price === null) {
    reason = `No market price per ${task.deliverableUnit || 'unit'}: enter what marketplaces charge to see the out-tasked cost.`;
  } else if (task.unitsPerOccurrence <= 0) {
    reason = 'No deliverable units per occurrence: say what an out-tasker would deliver and how many.';
  }
  if (price === null || reason !== null) {
    reason ??= 'No market price.';
    return {
      ...base,
      outTaskable: false,
      notOutTaskableReason: reason,
      outTasked: null,
      annualSaving: null,
      savingShare: null,
      savingExplanation: `No saving computed. ${reason}`,
      hoursFreed: [],
      founderHoursFreed: 0,
    };
  }
  requireCurrency(price, currency, 'the market price per unit', name);
  requireNonNegative(price.amountMinor, 'market price per unit', name);

  // --- out-tasked ------------------------------------------------------------------------------
  const annualUnits = task.unitsPerOccurrence * occ;
  const spendAmount = multiply(price, annualUnits);
  const unitText = pluralUnit(task.deliverableUnit || 'unit', task.unitsPerOccurrence);
  const marketplaceSpend: CostFigure = {
    amount: spendAmount,
    formula:
      `${fmtNumber(task.unitsPerOccurrence)} ${unitText}/occurrence × ${fmtNumber(occ)} occurrences/yr × ` +
      `${fmtMoney(price)} = ${fmtMoney(spendAmount)}`,
  };
  const feeAmount = multiply(spendAmount, s.platformFeeBps / 10_000);
  const platformFee: CostFigure = {
    amount: feeAmount,
    formula: `${fmtPercent(s.platformFeeBps / 10_000)} marketplace fee × ${fmtMoney(spendAmount)} = ${fmtMoney(feeAmount)}`,
  };

  const topMeasured = measured?.byMember.find((l) => l.memberId !== null && byId.has(l.memberId));
  const reviewerId = s.reviewerId ?? task.performerId ?? topMeasured?.memberId ?? null;
  const reviewer = reviewerId === null ? null : findMember(byId, reviewerId, 'reviewer', name, currency);
  const inHouseMinutesPerOcc =
    (inHouse.basis === 'measured' || inHouse.basis === 'procedure') && occ > 0
      ? (inHouse.annualHours * 60) / occ
      : task.minutesPerOccurrence;
  const reviewMinutes = task.reviewMinutesPerOccurrence ?? s.defaultReviewShare * inHouseMinutesPerOcc;
  const reviewMinutesText =
    task.reviewMinutesPerOccurrence === null
      ? `${fmtNumber(reviewMinutes, 1)} min (${fmtPercent(s.defaultReviewShare)} of ${fmtNumber(inHouseMinutesPerOcc, 1)} in-house min)`
      : `${fmtNumber(reviewMinutes, 1)} min`;
  const reviewHours = roundHours((reviewMinutes * occ) / 60);
  let review: ReviewCost;
  if (reviewer === null) {
    review = {
      amount: zero(currency),
      reviewerId: null,
      reviewerName: null,
      minutesPerOccurrence: reviewMinutes,
      annualHours: reviewHours,
      formula: `${fmtNumber(occ)} occurrences/yr × ${reviewMinutesText} of review, not priced: no performer or reviewer to charge it to`,
    };
  } else {
    const amount = costOfMinutes(reviewer.hourlyCost, reviewMinutes * occ);
    review = {
      amount,
      reviewerId: reviewer.id,
      reviewerName: reviewer.name,
      minutesPerOccurrence: reviewMinutes,
      annualHours: reviewHours,
      formula:
        `${fmtNumber(occ)} occurrences/yr × ${reviewMinutesText} × ${fmtMoney(reviewer.hourlyCost)}/h ` +
        `(${reviewer.name} reviews) ÷ 60 = ${fmtMoney(amount)}`,
    };
  }
  const outTaskedAmount = add(add(spendAmount, feeAmount), review.amount);
  const outTasked: OutTaskedCost = {
    annualCost: outTaskedAmount,
    annualUnits,
    marketplaceSpend,
    platformFee,
    review,
    explanation:
      `Out-tasked: marketplace ${fmtMoney(spendAmount)} (${marketplaceSpend.formula}) + fee ${fmtMoney(feeAmount)} + ` +
      `review ${fmtMoney(review.amount)} (${review.formula}) = ${fmtMoney(outTaskedAmount)} a year.`,
  };

  // --- saving and hours freed ----------------------------------------------------------------
  let annualSaving: Money | null = null;
  let savingShare: number | null = null;
  let savingExplanation: string;
  if (inHouse.basis === 'unknown') {
    savingExplanation =
      'Saving unknown: assign a performer or import time entries so the in-house cost can be counted.';
  } else {
    annualSaving = subtract(inHouse.annualCost, outTaskedAmount);
    savingShare =
      inHouse.annualCost.amountMinor > 0 ? annualSaving.amountMinor / inHouse.annualCost.amountMinor : null;
    const share = savingShare === null ? '' : ` (${fmtPercent(savingShare)} of the in-house cost)`;
    savingExplanation =
      `Saving: in-house ${fmtMoney(inHouse.annualCost)} − out-tasked ${fmtMoney(outTaskedAmount)} = ` +
      `${fmtMoney(annualSaving)} a year${share}` +
      (annualSaving.amountMinor < 0 ? '; out-tasking costs more than doing it in-house.' : '.');
  }

  const hoursFreed = hoursFreedByMember(inHouse, review, byId);
  const founderHoursFreed = roundHours(
    hoursFreed.filter((h) => h.role === 'founder').reduce((acc, h) => acc + h.hoursFreed, 0),
  );

  return {
    ...base,
    outTaskable: true,
    notOutTaskableReason: null,
    outTasked,
    annualSaving,
    savingShare,
    savingExplanation,
    hoursFreed,
    founderHoursFreed,
  };
}

function hoursFreedByMember(
  inHouse: InHouseCost,
  review: ReviewCost,
  byId: ReadonlyMap<string, Member>,
): HoursFreed[] {
  const rows = new Map<string, HoursFreed>();
  const row = (memberId: string | null, memberName: string): HoursFreed => {
    const key = memberId ?? `name:${memberName}`;
    let r = rows.get(key);
    if (r === undefined) {
      const member = memberId === null ? undefined : byId.get(memberId);
      r = {
        memberId,
        memberName: member?.name ?? memberName,
        role: member?.role ?? null,
        inHouseHours: 0,
        reviewHours: 0,
        hoursFreed: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  if (inHouse.basis === 'procedure' && inHouse.standard !== null) {
    for (const l of inHouse.standard.byMember) row(l.memberId, l.memberName).inHouseHours += l.hours;
  } else if (inHouse.basis === 'measured' && inHouse.measured !== null) {
    for (const l of inHouse.measured.byMember) row(l.memberId, l.memberName).inHouseHours += l.hours;
  } else if (inHouse.basis === 'estimate' && inHouse.estimate !== null) {
    const id = inHouse.estimate.performerId;
    row(id, byId.get(id)?.name ?? id).inHouseHours += inHouse.estimate.annualHours;
  }
  if (review.reviewerId !== null && review.annualHours > 0) {
    row(review.reviewerId, review.reviewerName ?? review.reviewerId).reviewHours += review.annualHours;
  }
  const result = [...rows.values()].map((r) => ({
    ...r,
    inHouseHours: roundHours(r.inHouseHours),
    reviewHours: roundHours(r.reviewHours),
    hoursFreed: roundHours(r.inHouseHours - r.reviewHours),
  }));
  return result.sort(
    (a, b) =>
      Number(b.role === 'founder') - Number(a.role === 'founder') ||
      b.hoursFreed - a.hoursFreed ||
      a.memberName.localeCompare(b.memberName),
  );
}
