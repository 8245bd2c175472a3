/** The workspace's economics settings: what the calculations assume beyond the task's own fields. */
import { AppError } from '../../platform/errors.ts';

export interface EconomicsSettings {
  /** ISO-4217 code every amount in the workspace is counted in. */
  currency: string;
  /** The marketplace's client fee on what the firm spends there, in basis points (500 = 5%). */
  platformFeeBps: number;
  /**
   * Share of the in-house minutes the firm spends reviewing one out-tasked occurrence,
   * used when the task has no reviewMinutesPerOccurrence of its own (0.15 = 15%).
   */
  defaultReviewShare: number;
  /** Who reviews out-tasked work; null or absent = the task's performer. */
  reviewerId?: string | null;
  /**
   * How many months the imported time entries cover. Measured minutes are scaled to a year
   * by 12 / measuredPeriodMonths; absent = 12 (the exports are a year of work).
   */
  measuredPeriodMonths?: number;
}

/**
 * Talent marketplaces typically charge the client a fee of about 5% on top of the
 * freelancer's price; a reviewer who reads the delivery and asks for fixes typically needs
 * a sixth or a seventh of the time the work took to do.
 */
export const DEFAULT_ECONOMICS_SETTINGS: Readonly<EconomicsSettings> = Object.freeze({
  currency: 'USD',
  platformFeeBps: 500,
  defaultReviewShare: 0.15,
  reviewerId: null,
  measuredPeriodMonths: 12,
});

/** Settings with the defaults filled in, checked once so the calculations can trust them. */
export function resolveEconomicsSettings(
  partial: Partial<EconomicsSettings> = {},
): Required<EconomicsSettings> {
  const s = {
    ...DEFAULT_ECONOMICS_SETTINGS,
    ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)),
  } as Required<EconomicsSettings>;
  const problems: string[] = [];
  if (!/^[A-Z]{3}$/.test(s.currency))
    problems.push(`currency must be a 3-letter ISO code, got "${s.currency}"`);
  if (!Number.isInteger(s.platformFeeBps) || s.platformFeeBps < 0 || s.platformFeeBps > 10_000) {
    problems.push(
      `platformFeeBps must be a whole number from 0 to 10000 (500 = 5%), got ${s.platformFeeBps}`,
    );
  }
  if (!Number.isFinite(s.defaultReviewShare) || s.defaultReviewShare < 0 || s.defaultReviewShare > 1) {
    problems.push(`defaultReviewShare must be between 0 and 1 (0.15 = 15%), got ${s.defaultReviewShare}`);
  }
  if (!Number.isFinite(s.measuredPeriodMonths) || s.measuredPeriodMonths <= 0) {
    problems.push(`measuredPeriodMonths must be a positive number of months, got ${s.measuredPeriodMonths}`);
  }
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `Economics settings are invalid: ${problems.join('; ')}.`, {
      problems,
    });
  }
  return s;
}
