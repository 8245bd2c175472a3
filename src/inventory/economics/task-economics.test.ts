import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { money } from '../../platform/money.ts';
import { ANALYST, baseTask, FOUNDER, MANAGER, MEMBERS, measurement, usd } from './fixtures.test-helpers.ts';
import { pluralUnit, type StandardCost, taskEconomics } from './task-economics.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return undefined;
}

describe('taskEconomics — estimate', () => {
  // 10/yr × 90 min × $60/h = $900; 40 charts × $5 = $200; fee 5% = $10;
  // review 15% × 90 = 13.5 min × 10 = 2.25 h × $60 = $135; out-tasked $345; saving $555.
  const e = taskEconomics(baseTask(), MEMBERS);

  it('counts the in-house cost from the estimate', () => {
    expect(e.inHouse.basis).toBe('estimate');
    expect(e.inHouse.annualCost).toEqual(usd(900));
    expect(e.inHouse.annualHours).toBe(15);
    expect(e.inHouse.estimate?.formula).toBe(
      '10 occurrences/yr × 90 min × $60.00/h (Ann Analyst) ÷ 60 = $900.00',
    );
  });

  it('counts the out-tasked cost: marketplace + fee + review', () => {
    expect(e.outTasked?.marketplaceSpend.amount).toEqual(usd(200));
    expect(e.outTasked?.marketplaceSpend.formula).toBe(
      '4 charts/occurrence × 10 occurrences/yr × $5.00 = $200.00',
    );
    expect(e.outTasked?.platformFee.amount).toEqual(usd(10));
    expect(e.outTasked?.review.amount).toEqual(usd(135));
    expect(e.outTasked?.review.annualHours).toBe(2.25);
    expect(e.outTasked?.review.formula).toContain('13.5 min (15% of 90 in-house min)');
    expect(e.outTasked?.annualCost).toEqual(usd(345));
    expect(e.outTasked?.annualUnits).toBe(40);
  });

  it('gives the saving and its share, with the arithmetic', () => {
    expect(e.annualSaving).toEqual(usd(555));
    expect(e.savingShare).toBeCloseTo(555 / 900, 10);
    expect(e.savingExplanation).toBe(
      'Saving: in-house $900.00 − out-tasked $345.00 = $555.00 a year (61.7% of the in-house cost).',
    );
  });

  it('frees the performer’s hours minus the review hours', () => {
    expect(e.hoursFreed).toEqual([
      {
        memberId: ANALYST.id,
        memberName: ANALYST.name,
        role: 'analyst',
        inHouseHours: 15,
        reviewHours: 2.25,
        hoursFreed: 12.75,
      },
    ]);
    expect(e.founderHoursFreed).toBe(0);
  });
});

describe('taskEconomics — the founder’s interview deck', () => {
  // 1 per project × 8 projects × 1,800 min × $420/h = $100,800.
  // 40 slides × 8 × $11 = $3,520; fee $176; review 180 min × 8 = 24 h × $420 = $10,080.
  const founder = { ...FOUNDER, hourlyCost: usd(420) };
  const deck = baseTask({
    name: 'Interview summary deck',
    performerId: founder.id,
    frequency: { kind: 'per_project', perProject: 1, projectsPerYear: 8 },
    minutesPerOccurrence: 1800,
    deliverableUnit: 'slide',
    unitsPerOccurrence: 40,
    marketPricePerUnit: usd(11),
    reviewMinutesPerOccurrence: 180,
  });
  const e = taskEconomics(deck, [founder, MANAGER, ANALYST]);

  it('costs $100,800 in-house and $13,776 out-tasked', () => {
    expect(e.occurrencesFormula).toBe('1 per project × 8 projects/yr = 8 occurrences/yr');
    expect(e.inHouse.annualCost).toEqual(usd(100_800));
    expect(e.outTasked?.marketplaceSpend.amount).toEqual(usd(3520));
    expect(e.outTasked?.platformFee.amount).toEqual(usd(176));
    expect(e.outTasked?.review.amount).toEqual(usd(10_080));
    expect(e.outTasked?.annualCost).toEqual(usd(13_776));
    expect(e.annualSaving).toEqual(usd(87_024));
  });

  it('frees 216 founder hours (240 in-house − 24 reviewing)', () => {
    expect(e.founderHoursFreed).toBe(216);
    expect(e.hoursFreed[0]).toMatchObject({
      memberId: founder.id,
      inHouseHours: 240,
      reviewHours: 24,
      hoursFreed: 216,
    });
  });
});

describe('taskEconomics — measured time', () => {
  const entries = [
    measurement(),
    measurement({ memberId: null, memberName: 'Pat Lee', minutes: 120, entries: 2, cost: usd(100) }),
  ];

  it('takes the measured cost over the estimate and shows both', () => {
    const e = taskEconomics(baseTask(), MEMBERS, entries);
    expect(e.inHouse.basis).toBe('measured');
    expect(e.inHouse.annualCost).toEqual(usd(700));
    expect(e.inHouse.annualHours).toBe(12);
    expect(e.inHouse.estimate?.amount).toEqual(usd(900));
    expect(e.inHouse.measured?.byMember.map((l) => [l.memberName, l.hours, l.cost.amountMinor])).toEqual([
      ['Ann Analyst', 10, 60_000],
      ['Pat Lee', 2, 10_000],
    ]);
    expect(e.inHouse.explanation).toContain('Ann Analyst 10 h = $600.00 + Pat Lee 2 h = $100.00 = $700.00');
    expect(e.inHouse.explanation).toContain('measured time takes precedence');
  });

  it('bases the default review on measured minutes per occurrence and frees each person’s measured hours', () => {
    // 12 h × 60 ÷ 10 = 72 min/occurrence; 15% = 10.8 min × 10 = 1.8 h × $60 = $108; out = 200 + 10 + 108.
    const e = taskEconomics(baseTask(), MEMBERS, entries);
    expect(e.outTasked?.review.amount).toEqual(usd(108));
    expect(e.outTasked?.annualCost).toEqual(usd(318));
    expect(e.annualSaving).toEqual(usd(382));
    expect(e.hoursFreed.map((h) => [h.memberName, h.hoursFreed])).toEqual([
      ['Ann Analyst', 8.2],
      ['Pat Lee', 2],
    ]);
  });

  it('adds up several rows of the same person', () => {
    const e = taskEconomics(baseTask(), MEMBERS, [
      measurement({ minutes: 300, cost: usd(300) }),
      measurement({ minutes: 300, cost: usd(300) }),
    ]);
    expect(e.inHouse.measured?.byMember).toHaveLength(1);
    expect(e.inHouse.annualCost).toEqual(usd(600));
  });

  it('scales entries that cover part of a year to twelve months', () => {
    const e = taskEconomics(baseTask(), MEMBERS, entries, { measuredPeriodMonths: 6 });
    expect(e.inHouse.annualCost).toEqual(usd(1400));
    expect(e.inHouse.annualHours).toBe(24);
    expect(e.inHouse.explanation).toContain('scaled × 12/6');
  });

  it('scales by the period the imports cover, which wins over the setting, and says so', () => {
    const threeWeeks = { from: '2025-03-03', to: '2025-03-23' };
    const e = taskEconomics(
      baseTask(),
      MEMBERS,
      entries.map((m) => ({ ...m, period: threeWeeks })),
      { measuredPeriodMonths: 6 },
    );
    // 21 days = 0.69 months: × 17.39 to a year.
    const scale = 12 / ((21 * 12) / 365.25);
    expect(e.inHouse.annualHours).toBeCloseTo(12 * scale, 1);
    expect(e.inHouse.measured?.periodNote).toBe('from 3 weeks of entries, scaled to a year');
    expect(e.inHouse.measured?.period).toEqual({ ...threeWeeks, length: '3 weeks' });
    expect(e.inHouse.explanation).toContain(
      'entries from 2025-03-03 to 2025-03-23, 3 weeks, scaled × 12/0.69',
    );
    // A calendar year of entries is a year, unscaled.
    const year = taskEconomics(
      baseTask(),
      MEMBERS,
      entries.map((m) => ({ ...m, period: { from: '2025-01-01', to: '2025-12-31' } })),
    );
    expect(year.inHouse.annualCost).toEqual(usd(700));
    expect(year.inHouse.measured?.periodNote).toBe('from 12 months of entries, a year');
  });

  it('falls back to the estimate when measurements hold no minutes', () => {
    const e = taskEconomics(baseTask(), MEMBERS, [measurement({ minutes: 0, cost: usd(0) })]);
    expect(e.inHouse.basis).toBe('estimate');
  });
});

describe('taskEconomics — the approved procedure', () => {
  // Approved: the analyst 60 min + the manager 30 min, 10 a year.
  const standard = (over: Partial<StandardCost> = {}): StandardCost => ({
    versionNumber: 2,
    annualCost: usd(1_350),
    annualHours: 15,
    byMember: [
      { memberId: ANALYST.id, memberName: ANALYST.name, hours: 10, cost: usd(600) },
      { memberId: MANAGER.id, memberName: MANAGER.name, hours: 5, cost: usd(750) },
    ],
    steps: { inHouse: 2, automated: 0, outTasked: 0, uncosted: [] },
    formula: '2 kept steps (2 in-house) cost $135.00 an occurrence × 10 occurrences a year = $1,350.00',
    ...over,
  });

  it('is the current cost over measured time and the estimate, which are shown for comparison', () => {
    const e = taskEconomics(baseTask(), MEMBERS, [measurement()], {}, standard());
    expect(e.inHouse.basis).toBe('procedure');
    expect(e.inHouse.annualCost).toEqual(usd(1_350));
    expect(e.inHouse.measured?.amount).toEqual(usd(600));
    expect(e.inHouse.estimate?.amount).toEqual(usd(900));
    expect(e.inHouse.explanation).toMatch(/approved procedure \(version 2\).*takes precedence/);
    // The saving and the hours freed follow the procedure's figures.
    expect(e.annualSaving?.amountMinor).toBe(usd(1_350).amountMinor - e.outTasked!.annualCost.amountMinor);
    expect(e.hoursFreed.find((h) => h.memberId === MANAGER.id)?.inHouseHours).toBe(5);
  });

  it('is not ranked to out-task when its procedure already gives steps to an out-tasker or to software alone', () => {
    const out = taskEconomics(
      baseTask(),
      MEMBERS,
      [],
      {},
      standard({ steps: { inHouse: 1, automated: 0, outTasked: 1, uncosted: [] } }),
    );
    expect(out.outTaskable).toBe(false);
    expect(out.notOutTaskableReason).toMatch(/^Already out-tasked: .*version 2.* 1 step /);
    const auto = taskEconomics(
      baseTask(),
      MEMBERS,
      [],
      {},
      standard({
        annualCost: usd(0),
        annualHours: 0,
        byMember: [],
        steps: { inHouse: 0, automated: 3, outTasked: 0, uncosted: [] },
      }),
    );
    expect(auto.outTaskable).toBe(false);
    expect(auto.inHouse.annualCost).toEqual(usd(0));
    expect(auto.notOutTaskableReason).toMatch(/^Automated: every kept step/);
  });
});

describe('taskEconomics — reviewer and ordering', () => {
  it('charges the review to the workspace reviewer and lists the founder first', () => {
    // review 2.25 h at the founder's $400 = $900: out-tasking costs $1,110, a loss of $210.
    const e = taskEconomics(baseTask(), MEMBERS, [], { reviewerId: FOUNDER.id });
    expect(e.outTasked?.review.amount).toEqual(usd(900));
    expect(e.annualSaving).toEqual(usd(-210));
    expect(e.savingExplanation).toContain('out-tasking costs more');
    expect(e.hoursFreed.map((h) => [h.memberName, h.hoursFreed])).toEqual([
      ['Ada Founder', -2.25],
      ['Ann Analyst', 15],
    ]);
    expect(e.founderHoursFreed).toBe(-2.25);
  });

  it('uses the task’s own review minutes when it has them', () => {
    const e = taskEconomics(baseTask({ reviewMinutesPerOccurrence: 30 }), MEMBERS, [], {
      reviewerId: MANAGER.id,
    });
    // 10 × 30 min = 5 h × $150 = $750
    expect(e.outTasked?.review.amount).toEqual(usd(750));
    expect(e.outTasked?.review.reviewerName).toBe('Max Manager');
  });

  it('applies the workspace’s platform fee', () => {
    const e = taskEconomics(baseTask(), MEMBERS, [], { platformFeeBps: 1250 });
    expect(e.outTasked?.platformFee.amount).toEqual(usd(25));
  });
});

describe('taskEconomics — edge cases', () => {
  it('zero occurrences cost nothing either way', () => {
    const e = taskEconomics(baseTask({ frequency: { kind: 'per_year', occurrencesPerYear: 0 } }), MEMBERS);
    expect(e.inHouse.annualCost).toEqual(usd(0));
    expect(e.outTasked?.annualCost).toEqual(usd(0));
    expect(e.annualSaving).toEqual(usd(0));
    expect(e.savingShare).toBeNull();
  });

  it('without a performer or measurements the in-house cost and saving are unknown', () => {
    const e = taskEconomics(baseTask({ performerId: null }), MEMBERS);
    expect(e.inHouse.basis).toBe('unknown');
    expect(e.annualSaving).toBeNull();
    expect(e.savingExplanation).toMatch(/assign a performer/);
    expect(e.outTasked?.review.amount).toEqual(usd(0));
    expect(e.outTasked?.review.formula).toMatch(/not priced/);
  });

  it('without a performer, the person with the most measured time reviews', () => {
    const e = taskEconomics(baseTask({ performerId: null }), MEMBERS, [measurement()]);
    expect(e.outTasked?.review.reviewerId).toBe(ANALYST.id);
    expect(e.annualSaving).not.toBeNull();
  });

  it('without a market price the task is not out-taskable, with the reason', () => {
    const e = taskEconomics(baseTask({ marketPricePerUnit: null }), MEMBERS);
    expect(e.outTaskable).toBe(false);
    expect(e.notOutTaskableReason).toMatch(/No market price per chart/);
    expect(e.outTasked).toBeNull();
    expect(e.annualSaving).toBeNull();
    expect(e.hoursFreed).toEqual([]);
    expect(e.inHouse.annualCost).toEqual(usd(900));
  });

  it('without deliverable units the task is not out-taskable', () => {
    const e = taskEconomics(baseTask({ unitsPerOccurrence: 0 }), MEMBERS);
    expect(e.outTaskable).toBe(false);
    expect(e.notOutTaskableReason).toMatch(/deliverable units/);
  });

  it('refuses amounts in another currency with CURRENCY_MISMATCH naming the field', () => {
    expect(codeOf(() => taskEconomics(baseTask({ marketPricePerUnit: money(500, 'EUR') }), MEMBERS))).toBe(
      'CURRENCY_MISMATCH',
    );
    const euroAnalyst = { ...ANALYST, hourlyCost: money(6000, 'EUR') };
    expect(codeOf(() => taskEconomics(baseTask(), [euroAnalyst]))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => taskEconomics(baseTask(), MEMBERS, [measurement({ cost: money(1, 'GBP') })]))).toBe(
      'CURRENCY_MISMATCH',
    );
    expect(() => taskEconomics(baseTask({ marketPricePerUnit: money(500, 'EUR') }), MEMBERS)).toThrow(
      'Task "Format charts": the market price per unit is in EUR but the workspace counts in USD. Enter it in USD or change the workspace currency.',
    );
  });

  it('refuses an unknown performer or reviewer, and bad numbers', () => {
    expect(codeOf(() => taskEconomics(baseTask({ performerId: 'ghost' }), MEMBERS))).toBe('MEMBER_NOT_FOUND');
    expect(codeOf(() => taskEconomics(baseTask(), MEMBERS, [], { reviewerId: 'ghost' }))).toBe(
      'MEMBER_NOT_FOUND',
    );
    expect(codeOf(() => taskEconomics(baseTask({ minutesPerOccurrence: -5 }), MEMBERS))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => taskEconomics(baseTask(), MEMBERS, [], { platformFeeBps: -1 }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => taskEconomics(baseTask(), MEMBERS, [], { defaultReviewShare: 2 }))).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('pluralUnit', () => {
  it('pluralises the usual deliverable units', () => {
    expect(pluralUnit('slide', 2)).toBe('slides');
    expect(pluralUnit('slide', 1)).toBe('slide');
    expect(pluralUnit('case study', 3)).toBe('case studies');
    expect(pluralUnit('audio minute', 60)).toBe('audio minutes');
    expect(pluralUnit('batch', 2)).toBe('batches');
    expect(pluralUnit('hours', 2)).toBe('hours');
  });
});
