import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVariants } from './compare.ts';
import type { Variant, VariantStep } from './procedures.ts';
import { signature, stepSimilarity, tokens } from './similarity.ts';
import { defaultColumns, planStandard } from './standardize.ts';

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
const s = (name: string, minutes: number, outputs: string[] = []): VariantStep => ({
  name,
  minutes,
  tool: '',
  inputs: [],
  outputs,
});

describe('step similarity', () => {
  it('treats the words people use for the same thing as the same', () => {
    expect(tokens('Drafting the slides')).toEqual(tokens('write the deck'));
    expect(
      stepSimilarity(signature(s('Build the slides', 0)), signature(s('Build the deck in PowerPoint', 0))),
    ).toBeGreaterThan(0.6);
    expect(stepSimilarity(signature(s('Partner review', 0)), signature(s('Pick quotes', 0)))).toBe(0);
  });
});

// Five people, five ways of building the summary deck, in their own words.
const ways: [string, VariantStep[]][] = [
  [
    'Ann',
    [
      s('Collect the notes', 30, ['Notes']),
      s('Find the themes', 120, ['Themes']),
      s('Write the storyline', 60, ['Storyline']),
      s('Build the slides', 300, ['Deck']),
      s('Partner review', 45, ['Comments']),
    ],
  ],
  [
    'Ben',
    [
      s('Gather notes', 20, ['Notes']),
      s('Type up the notes', 90, ['Typed notes']),
      s('Group answers into themes', 180, ['Themes']),
      s('Build the deck', 240, ['Deck']),
    ],
  ],
  [
    'Cleo',
    [
      s('Collect notes', 40, ['Notes']),
      s('Outline the storyline', 30, ['Storyline']),
      s('Find themes', 150, ['Themes']),
      s('Draft the slides', 360, ['Deck']),
      s('Review with the partner', 60, ['Comments']),
    ],
  ],
  [
    'Dan',
    [
      s('Collect the interview notes', 25, ['Notes']),
      s('Find the themes', 100, ['Themes']),
      s('Build slides', 280, ['Deck']),
      s('Email the deck to the client', 5, ['Deck sent']),
    ],
  ],
  [
    'Eve',
    [
      s('Collect the notes', 35, ['Notes']),
      s('Find the themes', 140, ['Themes']),
      s('Write the storyline', 45, ['Storyline']),
      s('Build the slides', 320, ['Deck']),
      s('Partner review', 30, ['Comments']),
    ],
  ],
];
const five = ways.map(([person, steps], i) => variant(`v${i}`, person, steps));

describe('comparison of five ways of doing one task', () => {
  const c = compareVariants(five);

  it('lines the ways up into the distinct steps people take, whatever they call them', () => {
    expect(c.variants).toHaveLength(5);
    expect(c.columns.map((col) => col.label)).toEqual([
      'Collect the notes',
      'Type up the notes',
      'Find the themes',
      'Write the storyline',
      'Build the slides',
      // A step only one person takes opens its column where that person takes it: Dan sends the deck
      // straight after building it.
      'Email the deck to the client',
      'Partner review',
    ]);
  });

  it('counts who does each step and which steps only some people do', () => {
    const byLabel = new Map(c.columns.map((col) => [col.label, col]));
    expect(byLabel.get('Build the slides')!.count).toBe(5);
    expect(byLabel.get('Build the slides')!.onlySome).toBe(false);
    expect(byLabel.get('Write the storyline')!.count).toBe(3);
    expect(byLabel.get('Write the storyline')!.onlySome).toBe(true);
    expect(byLabel.get('Type up the notes')!.count).toBe(1);
    expect(c.sharedSteps).toBe(3);
    expect(c.partialSteps).toBe(4);
  });

  it('places a step done at another point in its column and flags only that cell', () => {
    const storyline = c.columns.find((col) => col.label === 'Write the storyline')!;
    const cleo = c.variants.findIndex((v) => v.personName === 'Cleo');
    expect(storyline.cells[cleo]?.step.name).toBe('Outline the storyline');
    expect(storyline.cells[cleo]?.outOfOrder).toBe(true);
    const flagged = c.columns.flatMap((col) =>
      col.cells.flatMap((cell, vi) =>
        cell?.outOfOrder ? [`${c.variants[vi]!.personName}: ${cell.step.name}`] : [],
      ),
    );
    expect(flagged).toEqual(['Cleo: Outline the storyline']);
  });

  it('gives the minutes per way and their spread', () => {
    expect(c.variants.map((v) => v.totalMinutes)).toEqual([555, 530, 640, 410, 570]);
    expect(c.spread).toEqual({ min: 410, median: 555, max: 640 });
    const themes = c.columns.find((col) => col.label === 'Find the themes')!;
    expect(themes.minutes).toEqual({ min: 100, median: 140, max: 180 });
  });

  it('merges into a standard of the steps at least half of the people do, at their median minutes', () => {
    const plan = planStandard(five, { performer: { kind: 'role', ref: 'consultant', name: 'Consultant' } });
    expect(plan.steps.map((x) => x.name)).toEqual(defaultColumns(c).map((i) => c.columns[i]!.label));
    expect(plan.steps.map((x) => x.name)).toEqual([
      'Collect the notes',
      'Find the themes',
      'Write the storyline',
      'Build the slides',
      'Partner review',
    ]);
    expect(plan.steps.find((x) => x.name === 'Build the slides')!.minutes).toBe(300);
    expect(plan.changeNote).toMatch(/^Merged from 5 ways of working: 5 steps kept, 2 left out/);
  });
});

describe('comparison on any input', () => {
  const stepArb = fc.record({
    name: fc.constantFrom(
      'Collect notes',
      'Write the storyline',
      'Build slides',
      'Review',
      'Send to client',
      'Count themes',
      'Pick quotes',
      'x',
    ),
    minutes: fc.integer({ min: 0, max: 600 }),
    tool: fc.constant(''),
    inputs: fc.constant([] as string[]),
    outputs: fc.array(fc.constantFrom('Deck', 'Notes', 'Quotes'), { maxLength: 2 }),
  });
  const variantsArb = fc.array(fc.array(stepArb, { maxLength: 8 }), { minLength: 1, maxLength: 8 });

  it('places every step of every variant exactly once, one per column per variant', () => {
    fc.assert(
      fc.property(variantsArb, (lists) => {
        const vs = lists.map((steps, i) => variant(`v${i}`, `P${i}`, steps));
        const c = compareVariants(vs);
        vs.forEach((v, vi) => {
          const placed = c.columns.flatMap((col) => (col.cells[vi] ? [col.cells[vi]!.stepIndex] : []));
          expect(placed.sort((a, b) => a - b)).toEqual(v.steps.map((_, i) => i));
          // Cells not flagged as out of order follow the variant's own order.
          const inOrder = c.columns.flatMap((col) =>
            col.cells[vi] && !col.cells[vi]!.outOfOrder ? [col.cells[vi]!.stepIndex] : [],
          );
          expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));
        });
        for (const col of c.columns) expect(col.count).toBe(col.cells.filter(Boolean).length);
      }),
      { numRuns: 300 },
    );
  });
});
