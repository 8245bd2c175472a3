/** Members and tasks for the economics tests; figures chosen so results can be worked out by hand. */
import { money } from '../../platform/money.ts';
import type { Measurement, Member, Task } from '../inventory.ts';

export const usd = (dollars: number) => money(Math.round(dollars * 100), 'USD');

export const FOUNDER: Member = {
  id: 'm-founder',
  name: 'Ada Founder',
  email: null,
  title: 'Managing Partner',
  role: 'founder',
  hourlyCost: usd(400),
  yearlyCapacityHours: 2200,
};
export const MANAGER: Member = {
  id: 'm-manager',
  name: 'Max Manager',
  email: null,
  title: 'Engagement Manager',
  role: 'manager',
  hourlyCost: usd(150),
  yearlyCapacityHours: 1800,
};
export const ANALYST: Member = {
  id: 'm-analyst',
  name: 'Ann Analyst',
  email: null,
  title: 'Analyst',
  role: 'analyst',
  hourlyCost: usd(60),
  yearlyCapacityHours: 1800,
};
export const MEMBERS: Member[] = [FOUNDER, MANAGER, ANALYST];

/** 10 a year × 90 min by the analyst; 4 units at $5 each. */
export function baseTask(over: Partial<Task> = {}): Task {
  return {
    id: 't-base',
    processId: 'p-1',
    name: 'Format charts',
    description: '',
    performerId: ANALYST.id,
    frequency: { kind: 'per_year', occurrencesPerYear: 10 },
    minutesPerOccurrence: 90,
    skillLevel: 'basic',
    confidentiality: 'internal',
    needsClientContact: false,
    knownVariants: 1,
    deliverableUnit: 'chart',
    unitsPerOccurrence: 4,
    marketPricePerUnit: usd(5),
    turnaroundHours: 48,
    reviewMinutesPerOccurrence: null,
    ...over,
  };
}

export function measurement(over: Partial<Measurement> = {}): Measurement {
  return {
    memberId: ANALYST.id,
    memberName: ANALYST.name,
    minutes: 600,
    entries: 12,
    cost: usd(600),
    firstDate: '2025-01-06',
    lastDate: '2025-12-19',
    ...over,
  };
}
