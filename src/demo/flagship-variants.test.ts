/**
 * The showcase: the flagship's 13 ways of working compare into the 14 steps people take and merge
 * into a standard that reads well. Only the demo's own tests know these names and figures.
 */
import { describe, expect, it } from 'vitest';
import {
  compareVariants,
  defaultColumns,
  median,
  planStandard,
  type Variant,
  type VariantStep,
} from '../procedures/index.ts';
import { FLAGSHIP_VARIANTS } from './flagship-variants.ts';

function variant(id: string, person: string, steps: VariantStep[]): Variant {
  return {
    id,
    taskId: 't',
    memberId: null,
    personName: person,
    label: '',
    notes: '',
    steps,
    status: 'active',
    retiredAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const demo = FLAGSHIP_VARIANTS.map((d, i) => variant(`v${i}`, d.person, d.steps));

describe('comparison of the demo task’s 13 ways', () => {
  const c = compareVariants(demo);

  it('lines the 13 ways up into the 14 distinct steps people take', () => {
    expect(c.variants).toHaveLength(13);
    expect(c.columns.map((col) => col.label)).toEqual([
      'Collect the interview notes',
      'Type up the legal-pad notes',
      'Listen back to the interview recordings',
      'Tag every answer to its question',
      'Group answers into themes',
      'Count how many raised each theme',
      'Write the executive summary slide',
      'Pick quotes',
      'Write the storyline',
      'Build the slides',
      'Format to the house template',
      'Partner review',
      'Revise after review',
      'Email the deck to the client team',
    ]);
  });

  it('counts who does each step and which steps only some people do', () => {
    const byLabel = new Map(c.columns.map((col) => [col.label, col]));
    expect(byLabel.get('Build the slides')!.count).toBe(13);
    expect(byLabel.get('Build the slides')!.onlySome).toBe(false);
    expect(byLabel.get('Listen back to the interview recordings')!.count).toBe(3);
    expect(byLabel.get('Partner review')!.count).toBe(10);
    expect(c.sharedSteps).toBe(5);
    expect(c.partialSteps).toBe(9);
  });

  it('places a step done at another point in its column and flags it', () => {
    const storyline = c.columns.find((col) => col.label === 'Write the storyline')!;
    const david = c.variants.findIndex((v) => v.personName === 'David Osei');
    expect(storyline.cells[david]?.step.name).toBe('Outline the storyline');
    expect(storyline.cells[david]?.outOfOrder).toBe(true);
    const elena = c.variants.findIndex((v) => v.personName === 'Elena Marchetti');
    expect(storyline.cells[elena]?.outOfOrder).toBe(false);
    // Only the fewest cells are flagged: Aiko writes her summary slide last, and only that moves.
    const flagged = c.columns.flatMap((col) =>
      col.cells.flatMap((cell, vi) =>
        cell?.outOfOrder ? [`${c.variants[vi]!.personName}: ${cell.step.name}`] : [],
      ),
    );
    expect(flagged.filter((f) => f.startsWith('Aiko'))).toEqual([
      'Aiko Tanaka: Write the executive summary slide',
    ]);
    expect(flagged).toHaveLength(3);
  });

  it('gives the minutes per way and their spread', () => {
    const totals = demo.map((v) => v.steps.reduce((a, x) => a + x.minutes, 0));
    expect(c.variants.map((v) => v.totalMinutes)).toEqual(totals);
    expect(c.spread).toEqual({ min: Math.min(...totals), median: median(totals), max: Math.max(...totals) });
    const themes = c.columns.find((col) => col.label === 'Group answers into themes')!;
    expect(themes.minutes.min).toBe(180);
    expect(themes.minutes.max).toBe(360);
  });

  it('merges into a standard of the steps at least half of the people do', () => {
    const plan = planStandard(demo, { performer: { kind: 'role', ref: 'consultant', name: 'Consultant' } });
    expect(plan.steps.map((x) => x.name)).toEqual(defaultColumns(c).map((i) => c.columns[i]!.label));
    expect(plan.steps.map((x) => x.name)).not.toContain('Listen back to the interview recordings');
    expect(plan.steps.find((x) => x.name === 'Build the slides')!.minutes).toBe(
      median(demo.map((v) => v.steps.find((x) => x.outputs.includes('Draft deck'))!.minutes)),
    );
    expect(plan.changeNote).toMatch(/Merged from 13 ways of working: 10 steps kept, 4 left out/);
  });
});
