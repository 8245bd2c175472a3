import { describe, expect, it } from 'vitest';
import type { ProcedureVersion } from './procedures.ts';
import { countByStage, taskProgress } from './progress.ts';
import { app, designer, elena, step } from './test-steps.test-helpers.ts';

type V = Pick<ProcedureVersion, 'number' | 'status' | 'steps'>;
const exact = () => [step('Collect', { performer: elena }), step('Build', { performer: elena })];

describe('progress through the method, derived from data', () => {
  it('starts every task of the inventory at consolidated', () => {
    const p = taskProgress({ taskId: 't', activeVariants: 3, retiredVariants: 0, versions: [] });
    expect(p.stage).toBe('consolidated');
    expect(p.step).toBe(1);
    expect(p.checks[1]!.reason).toBe('3 ways recorded; no standard procedure yet.');
  });

  it('is homogenized once a standard exists and no other way runs beside it', () => {
    const draft: V = { number: 1, status: 'draft', steps: [step('One vague step', { outputs: [] })] };
    expect(
      taskProgress({ taskId: 't', activeVariants: 0, retiredVariants: 13, versions: [draft] }).stage,
    ).toBe('homogenized');
    expect(
      taskProgress({ taskId: 't', activeVariants: 1, retiredVariants: 13, versions: [draft] }).stage,
    ).toBe('consolidated');
  });

  it('is deconstructed when every step has its performer, minutes and outputs', () => {
    const v: V = { number: 1, status: 'draft', steps: exact() };
    expect(taskProgress({ taskId: 't', activeVariants: 0, retiredVariants: 0, versions: [v] }).stage).toBe(
      'deconstructed',
    );
    const untimed: V = { number: 1, status: 'draft', steps: [...exact(), step('Check', { minutes: 0 })] };
    const p = taskProgress({ taskId: 't', activeVariants: 0, retiredVariants: 0, versions: [untimed] });
    expect(p.stage).toBe('homogenized');
    expect(p.checks[2]!.reason).toMatch(/"Check" lacks its minutes/);
  });

  it('is edited only when an approved version cuts waste, and automated / out-tasked by the approved steps', () => {
    const withWaste = [...exact(), step('Type up', { waste: { reason: 'habit' } })];
    const draftOnly: V = { number: 1, status: 'draft', steps: withWaste };
    expect(
      taskProgress({ taskId: 't', activeVariants: 0, retiredVariants: 0, versions: [draftOnly] }).stage,
    ).toBe('deconstructed');
    const approved: V = { number: 1, status: 'approved', steps: withWaste };
    expect(
      taskProgress({ taskId: 't', activeVariants: 0, retiredVariants: 0, versions: [approved] }).stage,
    ).toBe('edited');
    const automated: V = {
      number: 2,
      status: 'approved',
      steps: [...withWaste, step('Transcribe', { performer: app, minutes: 0 })],
    };
    expect(
      taskProgress({ taskId: 't', activeVariants: 0, retiredVariants: 0, versions: [approved, automated] })
        .stage,
    ).toBe('automated');
    const out: V = {
      number: 3,
      status: 'approved',
      steps: [...automated.steps, step('Slides', { performer: designer })],
    };
    const p = taskProgress({
      taskId: 't',
      activeVariants: 0,
      retiredVariants: 0,
      versions: [approved, automated, out],
    });
    expect(p.stage).toBe('outtasked');
    expect(p.checks.every((c) => c.done)).toBe(true);
    // A draft with an out-tasker step does not count until it is approved.
    const draft: V = {
      number: 4,
      status: 'draft',
      steps: [step('Slides', { performer: designer }), ...exact()],
    };
    expect(
      taskProgress({
        taskId: 't',
        activeVariants: 0,
        retiredVariants: 0,
        versions: [approved, automated, draft],
      }).stage,
    ).toBe('automated');
  });

  it('counts tasks per stage', () => {
    const a = taskProgress({ taskId: 'a', activeVariants: 0, retiredVariants: 0, versions: [] });
    const b = taskProgress({
      taskId: 'b',
      activeVariants: 0,
      retiredVariants: 0,
      versions: [{ number: 1, status: 'approved', steps: exact() }],
    });
    expect(countByStage([a, b, a])).toEqual({
      consolidated: 2,
      homogenized: 0,
      deconstructed: 1,
      edited: 0,
      automated: 0,
      outtasked: 0,
    });
  });
});
