import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { diffVersions } from './diff.ts';
import { clearWaste, markWaste, mergeSteps, moveStep, reorderSteps } from './editing.ts';
import { checkStep } from './procedures.ts';
import { step } from './test-steps.test-helpers.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return 'no error';
};

describe('editing a draft', () => {
  const a = step('Collect notes', { outputs: ['Notes'], minutes: 30 });
  const b = step('Type up notes', {
    inputs: ['Notes'],
    outputs: ['Typed notes'],
    minutes: 120,
    tool: 'Word',
  });
  const c = step('Build slides', {
    inputs: ['Typed notes', 'Brief'],
    outputs: ['Deck'],
    minutes: 300,
    tool: 'PowerPoint',
  });
  const list = [a, b, c];

  it('reorders only with every step listed once', () => {
    expect(reorderSteps(list, [c.id, a.id, b.id]).map((s) => s.name)).toEqual([
      'Build slides',
      'Collect notes',
      'Type up notes',
    ]);
    expect(code(() => reorderSteps(list, [c.id, a.id]))).toBe('STEP_INVALID');
    expect(code(() => reorderSteps(list, [a.id, a.id, b.id]))).toBe('STEP_INVALID');
    expect(code(() => reorderSteps(list, [a.id, b.id, 'nope']))).toBe('STEP_INVALID');
    expect(moveStep(list, c.id, 0).map((s) => s.id)).toEqual([c.id, a.id, b.id]);
    expect(moveStep(list, a.id, 99).map((s) => s.id)).toEqual([b.id, c.id, a.id]);
  });

  it('merges steps: minutes add up, internal hand-offs drop out, the first keeps its key', () => {
    const merged = mergeSteps(list, [b.id, c.id]);
    expect(merged).toHaveLength(2);
    const m = merged[1]!;
    expect(m.key).toBe(b.key);
    expect(m.name).toBe('Type up notes and Build slides');
    expect(m.minutes).toBe(420);
    expect(m.inputs).toEqual(['Notes', 'Brief']);
    expect(m.outputs).toEqual(['Typed notes', 'Deck']);
    expect(m.tool).toBe('Word, PowerPoint');
    expect(m.mergedFrom).toEqual([c.key]);
    expect(mergeSteps(list, [a.id, c.id], 'Prepare')[0]!.name).toBe('Prepare');
    expect(code(() => mergeSteps(list, [a.id]))).toBe('STEP_INVALID');
    expect(code(() => mergeSteps(list, [a.id, a.id]))).toBe('STEP_INVALID');
  });

  it('marks waste only with a reason, and can take it back', () => {
    const w = markWaste(list, b.id, ' Interviews are recorded now ');
    expect(w[1]!.waste).toEqual({ reason: 'Interviews are recorded now' });
    expect(list[1]!.waste).toBeNull();
    expect(code(() => markWaste(list, b.id, '  '))).toBe('STEP_INVALID');
    expect(clearWaste(w, b.id)[1]!.waste).toBeNull();
  });

  it('refuses a step with negative minutes, no name, or a member step without its member', () => {
    expect(code(() => checkStep({ ...a, minutes: -5 }, 'Step 1'))).toBe('STEP_INVALID');
    expect(() => checkStep({ ...a, minutes: -5 }, 'Step 1 "Collect notes"')).toThrow(
      /Step 1 "Collect notes": minutes must be 0 or more, got -5/,
    );
    expect(code(() => checkStep({ ...a, name: '  ' }, 'Step 1'))).toBe('STEP_INVALID');
    expect(code(() => checkStep({ ...a, minutes: Number.NaN }, 'Step 1'))).toBe('STEP_INVALID');
    expect(
      code(() => checkStep({ ...a, performer: { kind: 'member', ref: null, name: '' } }, 'Step 1')),
    ).toBe('STEP_INVALID');
    expect(checkStep({ ...a, inputs: [' x ', 'x', ''] }, 'Step 1').inputs).toEqual(['x']);
  });
});

describe('difference between versions', () => {
  const a = step('Collect notes');
  const b = step('Type up notes', { minutes: 120 });
  const c = step('Build slides', { minutes: 300 });
  const d = step('Review');

  it('names added, removed, changed and moved steps, and the change in minutes', () => {
    const from = [a, b, c, d];
    const to = [
      { ...d, id: 'x1' },
      { ...a, id: 'x2' },
      { ...b, id: 'x3', waste: { reason: 'recorded now' } },
      { ...c, id: 'x4', minutes: 240, tool: 'PowerPoint' },
      step('Send to client', { minutes: 10 }),
    ];
    const diff = diffVersions(from, to);
    expect(diff.counts).toEqual({ same: 1, added: 1, removed: 0, changed: 2, moved: 1 });
    const byName = new Map(diff.rows.map((r) => [r.name, r]));
    expect(byName.get('Review')!.status).toBe('moved');
    expect(byName.get('Review')!.fromPosition).toBe(4);
    expect(byName.get('Review')!.toPosition).toBe(1);
    expect(byName.get('Type up notes')!.changes.map((x) => x.field)).toEqual(['waste']);
    expect(byName.get('Build slides')!.changes).toEqual([
      { field: 'tool', before: '', after: 'PowerPoint' },
      { field: 'minutes', before: '300', after: '240' },
    ]);
    expect(diff.minutes).toEqual({ from: 540, to: 490, delta: -50 });
    expect(diff.minutesAfterWaste).toEqual({ from: 540, to: 370, delta: -170 });
  });

  it('shows a removed step where it was, and the step it was merged into', () => {
    const merged = mergeSteps([a, b, c, d], [b.id, c.id]);
    const diff = diffVersions([a, b, c, d], merged);
    expect(diff.rows.map((r) => `${r.status} ${r.name}`)).toEqual([
      'same Collect notes',
      'changed Type up notes and Build slides',
      'removed Build slides',
      'same Review',
    ]);
    expect(diff.rows[2]!.mergedInto).toBe('Type up notes and Build slides');
  });

  it('finds nothing between a version and itself', () => {
    const diff = diffVersions([a, b, c], [a, b, c]);
    expect(diff.counts).toEqual({ same: 3, added: 0, removed: 0, changed: 0, moved: 0 });
  });
});
