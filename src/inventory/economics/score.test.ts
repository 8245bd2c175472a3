import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONFIDENTIALITY_LEVELS,
  type Confidentiality,
  SKILL_LEVELS,
  type SkillLevel,
  type Task,
} from '../inventory.ts';
import { baseTask, MEMBERS } from './fixtures.test-helpers.ts';
import { outTaskabilityScore, SCORE_WEIGHTS, type ScoreInputs, scoreFromInputs } from './score.ts';
import { taskEconomics } from './task-economics.ts';

const FLAGSHIP: ScoreInputs = {
  annualHours: 240,
  knownVariants: 13,
  confidentiality: 'confidential',
  needsClientContact: false,
  skillLevel: 'intermediate',
  turnaroundHours: 24,
  savingShare: 87_024 / 100_800,
};

describe('scoreFromInputs', () => {
  it('adds up the factor points as documented (the interview deck: 73)', () => {
    // volume 240/(240+40)×15 = 12.86; standardization 4/(13+3)×10 = 2.5; confidential 0.5×15 = 7.5;
    // no client contact 15; intermediate 0.75×15 = 11.25; turnaround 24/(24+12)×10 = 6.67;
    // cost gap 0.8633×20 = 17.27; total 73.04.
    const s = scoreFromInputs(FLAGSHIP);
    expect(s.score).toBe(73);
    expect(s.pointsTotal).toBe(73);
    expect(s.cap).toBeNull();
    expect(Object.fromEntries(s.factors.map((f) => [f.key, f.points]))).toEqual({
      volume: 12.9,
      standardization: 2.5,
      confidentiality: 7.5,
      clientContact: 15,
      skill: 11.3,
      turnaround: 6.7,
      costGap: 17.3,
    });
    const volume = s.factors.find((f) => f.key === 'volume')!;
    expect(volume).toMatchObject({ value: 240, subScore: 0.857, weight: 15, shareOfScore: 0.176 });
    expect(volume.sentence).toBe(
      '240 h a year in-house: a big block of time to hand out (0.86 × 15 = 12.9 points).',
    );
    expect(s.factors.find((f) => f.key === 'standardization')!.sentence).toMatch(
      /^13 known ways of doing it: agree on one standard/,
    );
  });

  it('the weights add up to 100', () => {
    expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('caps restricted, expert and client-facing tasks and says why', () => {
    const easy: ScoreInputs = {
      annualHours: 400,
      knownVariants: 1,
      confidentiality: 'public',
      needsClientContact: false,
      skillLevel: 'basic',
      turnaroundHours: 120,
      savingShare: 0.8,
    };
    // 400/440×15 = 13.64 + 10 + 15 + 15 + 15 + 120/132×10 = 9.09 + 0.8×20 = 16 → 93.7
    expect(scoreFromInputs(easy).score).toBe(94);
    expect(scoreFromInputs({ ...easy, confidentiality: 'restricted' }).score).toBe(35);
    expect(scoreFromInputs({ ...easy, skillLevel: 'expert' }).score).toBe(35);
    const client = scoreFromInputs({ ...easy, needsClientContact: true });
    expect(client.score).toBe(50);
    expect(client.explanation).toMatch(/capped at 50 because the client expects/);
    expect(
      scoreFromInputs({ ...easy, needsClientContact: true, confidentiality: 'restricted' }).cap?.limit,
    ).toBe(35);
  });

  it('a cap that the points do not reach changes nothing', () => {
    const s = scoreFromInputs({ ...FLAGSHIP, needsClientContact: true, annualHours: 1, savingShare: 0.05 });
    expect(s.cap).toBeNull();
    expect(s.score).toBeLessThan(50);
  });

  it('an unknown saving gives the cost gap no points', () => {
    const s = scoreFromInputs({ ...FLAGSHIP, savingShare: null });
    expect(s.factors.find((f) => f.key === 'costGap')).toMatchObject({ subScore: 0, points: 0 });
    expect(s.score).toBe(56);
  });
});

const inputsArb: fc.Arbitrary<ScoreInputs> = fc.record({
  annualHours: fc.double({ min: 0, max: 20_000, noNaN: true }),
  knownVariants: fc.integer({ min: 1, max: 40 }),
  confidentiality: fc.constantFrom(...CONFIDENTIALITY_LEVELS),
  needsClientContact: fc.boolean(),
  skillLevel: fc.constantFrom(...SKILL_LEVELS),
  turnaroundHours: fc.double({ min: 0, max: 2000, noNaN: true }),
  savingShare: fc.option(fc.double({ min: -3, max: 1, noNaN: true }), { nil: null }),
});

const rankOf = <T>(order: readonly T[], v: T) => order.indexOf(v);

describe('scoreFromInputs — properties', () => {
  it('stays within 0–100 and the shares add up to the whole', () => {
    fc.assert(
      fc.property(inputsArb, (i) => {
        const s = scoreFromInputs(i);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(100);
        const shares = s.factors.reduce((a, f) => a + f.shareOfScore, 0);
        if (s.pointsTotal > 0) expect(Math.abs(shares - 1)).toBeLessThan(0.01);
      }),
    );
  });

  const monotone = (
    name: string,
    change: fc.Arbitrary<(i: ScoreInputs) => ScoreInputs>,
    direction: 'never lowers' | 'never raises',
  ) =>
    it(`${name} ${direction} the score`, () => {
      fc.assert(
        fc.property(inputsArb, change, (i, f) => {
          const before = scoreFromInputs(i);
          const after = scoreFromInputs(f(i));
          if (direction === 'never lowers') {
            expect(after.score).toBeGreaterThanOrEqual(before.score);
            expect(after.pointsTotal).toBeGreaterThanOrEqual(before.pointsTotal - 1e-9);
          } else {
            expect(after.score).toBeLessThanOrEqual(before.score);
            expect(after.pointsTotal).toBeLessThanOrEqual(before.pointsTotal + 1e-9);
          }
        }),
      );
    });

  monotone(
    'more volume',
    fc
      .double({ min: 0, max: 5000, noNaN: true })
      .map((d) => (i: ScoreInputs) => ({ ...i, annualHours: i.annualHours + d })),
    'never lowers',
  );
  monotone(
    'more known variants',
    fc
      .integer({ min: 0, max: 20 })
      .map((d) => (i: ScoreInputs) => ({ ...i, knownVariants: i.knownVariants + d })),
    'never raises',
  );
  monotone(
    'a stricter confidentiality level',
    fc.constantFrom(...CONFIDENTIALITY_LEVELS).map((c) => (i: ScoreInputs) => ({
      ...i,
      confidentiality: (rankOf(CONFIDENTIALITY_LEVELS, c) >= rankOf(CONFIDENTIALITY_LEVELS, i.confidentiality)
        ? c
        : i.confidentiality) as Confidentiality,
    })),
    'never raises',
  );
  monotone(
    'needing client contact',
    fc.constant((i: ScoreInputs) => ({ ...i, needsClientContact: true })),
    'never raises',
  );
  monotone(
    'a higher skill level',
    fc.constantFrom(...SKILL_LEVELS).map((k) => (i: ScoreInputs) => ({
      ...i,
      skillLevel: (rankOf(SKILL_LEVELS, k) >= rankOf(SKILL_LEVELS, i.skillLevel)
        ? k
        : i.skillLevel) as SkillLevel,
    })),
    'never raises',
  );
  monotone(
    'a longer turnaround tolerance',
    fc.double({ min: 0, max: 500, noNaN: true }).map((d) => (i: ScoreInputs) => ({
      ...i,
      turnaroundHours: i.turnaroundHours + d,
    })),
    'never lowers',
  );
  monotone(
    'a bigger saving share',
    fc.double({ min: 0, max: 2, noNaN: true }).map((d) => (i: ScoreInputs) => ({
      ...i,
      savingShare: (i.savingShare ?? 0) + d,
    })),
    'never lowers',
  );
});

describe('outTaskabilityScore on tasks', () => {
  const score = (t: Task) => outTaskabilityScore(t, taskEconomics(t, MEMBERS)).score;

  it('more occurrences of the same task never lower its score', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 2, max: 10 }), (n, k) => {
        const few = baseTask({ frequency: { kind: 'per_year', occurrencesPerYear: n } });
        const many = baseTask({ frequency: { kind: 'per_year', occurrencesPerYear: n * k } });
        expect(score(many)).toBeGreaterThanOrEqual(score(few));
      }),
    );
  });

  it('tasks differing only in what an outsider can handle are ordered accordingly', () => {
    const taskArb = fc.record({
      confidentiality: fc.constantFrom(...CONFIDENTIALITY_LEVELS),
      skillLevel: fc.constantFrom(...SKILL_LEVELS),
      needsClientContact: fc.boolean(),
      knownVariants: fc.integer({ min: 1, max: 20 }),
      turnaroundHours: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(taskArb, (over) => {
        const t = baseTask(over);
        const worse = baseTask({
          ...over,
          confidentiality: 'restricted',
          skillLevel: 'expert',
          needsClientContact: true,
          knownVariants: over.knownVariants + 1,
        });
        expect(score(worse)).toBeLessThanOrEqual(score(t));
      }),
    );
  });

  it('uses the in-house hours and the saving share of the task', () => {
    const t = baseTask();
    const e = taskEconomics(t, MEMBERS);
    const s = outTaskabilityScore(t, e);
    expect(s.factors.find((f) => f.key === 'volume')?.value).toBe(15);
    expect(s.factors.find((f) => f.key === 'costGap')?.value).toBeCloseTo(0.6167, 4);
  });
});
