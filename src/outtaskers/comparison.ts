/**
 * Bids side by side, normalized: the unit price in the firm's currency (at the firm's rate in force on
 * the day of the bid), the turnaround against the SLA, the expected cost a year at the task's volume
 * (step 1's out-tasked cost with the bid's price: the bid × units a year, the marketplace fee, the
 * firm's review time), the saving against the in-house cost, and the out-tasker's record. Pure.
 */
import type { Money } from '../platform/money.ts';
import { type Conversion, convert } from './fx.ts';
import type { Bid, FxRate, OuttaskerRecord } from './outtaskers.ts';

/** Step 1's figures for the task at a given unit price (in the firm's currency). */
export interface CostAtPrice {
  annualCost: Money;
  annualUnits: number;
  annualSaving: Money;
  explanation: string;
}

export interface TaskBasis {
  taskId: string;
  taskName: string;
  unit: string;
  /** The turnaround the firm needs (the task's, or the post's SLA). */
  slaHours: number;
  annualUnits: number;
  inHouseAnnualCost: Money;
  inHouseExplanation: string;
  /** The in-house cost is not known (no performer, no time entries): savings are not computed. */
  inHouseKnown: boolean;
  costAt(unitPrice: Money): CostAtPrice;
}

export interface BidComparison {
  bid: Bid;
  /**
   * 1 = best: bids within the SLA first, then by expected cost a year (the largest saving), then the
   * faster, then the earlier. null when not comparable or withdrawn.
   */
  rank: number | null;
  unitPriceFirm: Money | null;
  fx: Conversion['rate'];
  /** Why the bid cannot be compared (a missing rate, another unit); null when it can. */
  problem: string | null;
  withinSla: boolean;
  /** turnaround − SLA, hours: negative is faster than needed. */
  hoursOverSla: number;
  expectedAnnualCost: Money | null;
  annualSaving: Money | null;
  costExplanation: string | null;
  record: OuttaskerRecord | null;
}

export interface ComparisonResult {
  taskId: string;
  taskName: string;
  currency: string;
  unit: string;
  slaHours: number;
  annualUnits: number;
  inHouseAnnualCost: Money;
  inHouseExplanation: string;
  rows: BidComparison[];
}

function sameUnit(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/(ies)$/, 'y')
      .replace(/s$/, '');
  return norm(a) === norm(b);
}

export function compareBids(
  basis: TaskBasis,
  bids: readonly Bid[],
  opts: {
    currency: string;
    rates: readonly FxRate[];
    records: ReadonlyMap<string, OuttaskerRecord>;
  },
): ComparisonResult {
  const rows: BidComparison[] = bids.map((bid) => {
    const hoursOverSla = bid.turnaroundHours - basis.slaHours;
    const common = {
      bid,
      rank: null,
      withinSla: hoursOverSla <= 0,
      hoursOverSla,
      record: opts.records.get(bid.outtaskerId) ?? null,
    };
    if (!sameUnit(bid.unit, basis.unit)) {
      return {
        ...common,
        unitPriceFirm: null,
        fx: null,
        problem: `Priced per ${bid.unit}, the task is priced per ${basis.unit}: enter the bid per ${basis.unit} to compare it`,
        expectedAnnualCost: null,
        annualSaving: null,
        costExplanation: null,
      };
    }
    const converted = convert(bid.unitPrice, opts.currency, bid.submittedAt.slice(0, 10), opts.rates);
    if (!converted.ok) {
      return {
        ...common,
        unitPriceFirm: null,
        fx: null,
        problem: converted.problem,
        expectedAnnualCost: null,
        annualSaving: null,
        costExplanation: null,
      };
    }
    const cost = basis.costAt(converted.value.amount);
    return {
      ...common,
      unitPriceFirm: converted.value.amount,
      fx: converted.value.rate,
      problem: null,
      expectedAnnualCost: cost.annualCost,
      annualSaving: basis.inHouseKnown ? cost.annualSaving : null,
      costExplanation: cost.explanation,
    };
  });

  const ranked = rows
    .filter((r) => r.expectedAnnualCost !== null && r.bid.status !== 'withdrawn')
    .sort(
      (a, b) =>
        Number(b.withinSla) - Number(a.withinSla) ||
        a.expectedAnnualCost!.amountMinor - b.expectedAnnualCost!.amountMinor ||
        a.bid.turnaroundHours - b.bid.turnaroundHours ||
        (a.bid.submittedAt < b.bid.submittedAt ? -1 : a.bid.submittedAt > b.bid.submittedAt ? 1 : 0),
    );
  ranked.forEach((r, i) => {
    r.rank = i + 1;
  });
  const order = (r: BidComparison) => (r.rank === null ? Number.MAX_SAFE_INTEGER : r.rank);
  rows.sort((a, b) => order(a) - order(b));

  return {
    taskId: basis.taskId,
    taskName: basis.taskName,
    currency: opts.currency,
    unit: basis.unit,
    slaHours: basis.slaHours,
    annualUnits: basis.annualUnits,
    inHouseAnnualCost: basis.inHouseAnnualCost,
    inHouseExplanation: basis.inHouseExplanation,
    rows,
  };
}
