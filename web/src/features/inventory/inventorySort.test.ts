import { describe, expect, it } from 'vitest';
import type { TaskListItem } from '../../api/types.ts';
import { countByStage, parseStage, sortTasks, stageStep } from './inventorySort.ts';

function task(id: string, name: string, process: string, score = 50): TaskListItem {
  const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
  return {
    id,
    name,
    process,
    processId: `p-${process}`,
    performer: null,
    performerId: null,
    description: '',
    frequency: { kind: 'per_year', occurrencesPerYear: 12 },
    occurrencesPerYear: 12,
    minutesPerOccurrence: 60,
    skillLevel: 'routine',
    confidentiality: 'internal',
    needsClientContact: false,
    knownVariants: 1,
    deliverableUnit: 'item',
    unitsPerOccurrence: 1,
    marketPricePerUnit: null,
    turnaroundHours: 48,
    reviewMinutesPerOccurrence: null,
    measuredHours: 0,
    measuredFrom: null,
    measuredTo: null,
    measuredNote: null,
    annualHours: 12,
    inHouseAnnualCost: usd(120_000),
    costBasis: 'estimate',
    outTaskedAnnualCost: null,
    annualSaving: null,
    score,
    rank: 1,
    version: 1,
  };
}

const rows = [
  task('a', 'Draft the proposal', 'Proposals'),
  task('b', 'Build the deck', 'Interviews'),
  task('c', 'Transcribe recordings', 'Interviews'),
  task('d', 'Write up notes', 'Interviews'),
  task('e', 'Added a moment ago', 'Admin'),
];
// "e" is missing: the progress was read before it was added.
const stages = { a: 'consolidated', b: 'deconstructed', c: 'automated', d: 'deconstructed' } as const;

describe('the inventory sorted by stage', () => {
  it('follows the method’s order, ties by process then name, an unknown stage last either way', () => {
    const up = sortTasks(rows, 'stage', 1, stages).map((t) => t.id);
    expect(up).toEqual(['a', 'b', 'd', 'c', 'e']);
    const down = sortTasks(rows, 'stage', -1, stages).map((t) => t.id);
    expect(down).toEqual(['c', 'b', 'd', 'a', 'e']);
  });

  it('leaves the rows it was given untouched', () => {
    const before = rows.map((t) => t.id);
    sortTasks(rows, 'stage', -1, stages);
    expect(rows.map((t) => t.id)).toEqual(before);
  });
});

describe('the stage filter and its counts', () => {
  it('reads ?stage= only when it names one of the six steps', () => {
    expect(parseStage('deconstructed')).toBe('deconstructed');
    expect(parseStage('outtasked')).toBe('outtasked');
    expect(parseStage('Deconstructed')).toBeNull();
    expect(parseStage('out-tasked')).toBeNull();
    expect(parseStage('toString')).toBeNull();
    expect(parseStage('')).toBeNull();
    expect(parseStage(null)).toBeNull();
  });

  it('numbers the steps 1 to 6', () => {
    expect(stageStep('consolidated')).toBe(1);
    expect(stageStep('outtasked')).toBe(6);
    expect(stageStep(undefined)).toBeNull();
  });

  it('counts the tasks at each step, leaving out those whose step is not known yet', () => {
    expect(countByStage(rows, stages)).toEqual({
      consolidated: 1,
      homogenized: 0,
      deconstructed: 2,
      edited: 0,
      automated: 1,
      outtasked: 0,
    });
  });
});
