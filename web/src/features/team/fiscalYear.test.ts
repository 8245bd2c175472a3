import { describe, expect, it } from 'vitest';
import { fiscalStartMonthOf, fiscalYearOf } from './fiscalYear.ts';

describe('the fiscal year', () => {
  it('is the calendar year when it starts in January', () => {
    expect(fiscalYearOf('2026-12-08', 1)).toEqual({ from: '2026-01-01', to: '2026-12-31', label: '2026' });
  });

  it('runs from the start month to the end of the month before, a year later', () => {
    expect(fiscalYearOf('2026-12-08', 4)).toEqual({ from: '2026-04-01', to: '2027-03-31', label: '2026/27' });
    // Before the start month: the year that began the year before.
    expect(fiscalYearOf('2026-03-31', 4)).toEqual({ from: '2025-04-01', to: '2026-03-31', label: '2025/26' });
    expect(fiscalYearOf('2026-04-01', 4).from).toBe('2026-04-01');
    // Ending in February: a leap year's 29th.
    expect(fiscalYearOf('2027-06-15', 3).to).toBe('2028-02-29');
    expect(fiscalYearOf('2026-01-10', 12)).toEqual({
      from: '2025-12-01',
      to: '2026-11-30',
      label: '2025/26',
    });
  });

  it('reads the month from the workspace settings, January when absent or out of range', () => {
    expect(fiscalStartMonthOf({ fiscalYearStartMonth: 7 })).toBe(7);
    expect(fiscalStartMonthOf({})).toBe(1);
    expect(fiscalStartMonthOf({ fiscalYearStartMonth: 13 })).toBe(1);
    expect(fiscalYearOf('2026-05-05', 0).from).toBe('2026-01-01');
  });
});
