/**
 * The single-step edits of a draft (add, change, remove, reorder, move, merge, mark and clear waste).
 * One file for the family: each is one line over editDraft and a pure edit of ../editing.ts, and
 * they are read together.
 */
import {
  clearWaste as clearWasteOf,
  findStep,
  markWaste as markWasteOf,
  mergeSteps as mergeStepsOf,
  moveStep as moveStepOf,
  removeStep,
  reorderSteps as reorderStepsOf,
} from '../editing.ts';
import type {
  AddStepInputT,
  MergeInputT,
  ReorderInputT,
  StepPatchT,
  WasteInputT,
} from '../procedures.schemas.ts';
import type { ProcedureVersion } from '../procedures.ts';
import { materialize } from './check-steps.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { editDraft } from './edit-draft.ts';

type Edit<I extends unknown[]> = (
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
  ...input: I
) => Promise<ProcedureVersion>;

export const addStep: Edit<[input: AddStepInputT]> = (ctx, actor, versionId, input) => {
  const { position, key: _key, ...data } = input;
  return editDraft(ctx, actor, versionId, 'procedure.step.add', (steps) => {
    const out = [...steps];
    out.splice(position ?? out.length, 0, materialize(ctx.deps, data));
    return out;
  });
};

export const updateStep: Edit<[stepId: string, patch: StepPatchT]> = (ctx, actor, versionId, stepId, patch) =>
  editDraft(ctx, actor, versionId, 'procedure.step.update', (steps) => {
    const target = findStep(steps, stepId);
    return steps.map((s) => (s.id === target.id ? { ...s, ...patch } : s));
  });

export const deleteStep: Edit<[stepId: string]> = (ctx, actor, versionId, stepId) =>
  editDraft(ctx, actor, versionId, 'procedure.step.delete', (steps) => removeStep(steps, stepId));

export const reorderSteps: Edit<[input: ReorderInputT]> = (ctx, actor, versionId, input) =>
  editDraft(ctx, actor, versionId, 'procedure.steps.reorder', (steps) =>
    reorderStepsOf(steps, input.stepIds),
  );

export const moveStep: Edit<[stepId: string, to: number]> = (ctx, actor, versionId, stepId, to) =>
  editDraft(ctx, actor, versionId, 'procedure.steps.reorder', (steps) => moveStepOf(steps, stepId, to));

export const mergeSteps: Edit<[input: MergeInputT]> = (ctx, actor, versionId, input) =>
  editDraft(ctx, actor, versionId, 'procedure.steps.merge', (steps) =>
    mergeStepsOf(steps, input.stepIds, input.name),
  );

export const markWaste: Edit<[stepId: string, input: WasteInputT]> = (ctx, actor, versionId, stepId, input) =>
  editDraft(ctx, actor, versionId, 'procedure.step.waste', (steps) =>
    markWasteOf(steps, stepId, input.reason),
  );

export const clearWaste: Edit<[stepId: string]> = (ctx, actor, versionId, stepId) =>
  editDraft(ctx, actor, versionId, 'procedure.step.unwaste', (steps) => clearWasteOf(steps, stepId));
