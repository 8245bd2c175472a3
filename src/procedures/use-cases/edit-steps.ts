/**
 * The single-step edits of a draft (add, change, remove, reorder, move, merge, mark and clear waste).
 * One file for the family: each is one line over editDraft and a pure edit of ../editing.ts, and
 * they are read together. Each takes the draft's version the user saw (If-Match) as its last
 * argument: given, a change over someone else's newer save is refused (STALE_WRITE).
 */

import type { WriteCondition } from '../../platform/versioning.ts';
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

type Ctx = ProceduresContext;
type Actor = ProceduresActor;
type Result = Promise<ProcedureVersion>;

export function addStep(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  input: AddStepInputT,
  c: WriteCondition = {},
): Result {
  const { position, key: _key, ...data } = input;
  return editDraft(
    ctx,
    actor,
    versionId,
    'procedure.step.add',
    (steps) => {
      const out = [...steps];
      out.splice(position ?? out.length, 0, materialize(ctx.deps, data));
      return out;
    },
    c,
  );
}

export function updateStep(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  stepId: string,
  patch: StepPatchT,
  c: WriteCondition = {},
): Result {
  return editDraft(
    ctx,
    actor,
    versionId,
    'procedure.step.update',
    (steps) => {
      const target = findStep(steps, stepId);
      return steps.map((s) => (s.id === target.id ? { ...s, ...patch } : s));
    },
    c,
  );
}

export function deleteStep(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  stepId: string,
  c: WriteCondition = {},
): Result {
  return editDraft(ctx, actor, versionId, 'procedure.step.delete', (steps) => removeStep(steps, stepId), c);
}

export function reorderSteps(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  input: ReorderInputT,
  c: WriteCondition = {},
): Result {
  return editDraft(
    ctx,
    actor,
    versionId,
    'procedure.steps.reorder',
    (steps) => reorderStepsOf(steps, input.stepIds),
    c,
  );
}

export function moveStep(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  stepId: string,
  to: number,
  c: WriteCondition = {},
): Result {
  return editDraft(
    ctx,
    actor,
    versionId,
    'procedure.steps.reorder',
    (steps) => moveStepOf(steps, stepId, to),
    c,
  );
}

export function mergeSteps(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  input: MergeInputT,
  c: WriteCondition = {},
): Result {
  return editDraft(
    ctx,
    actor,
    versionId,
    'procedure.steps.merge',
    (steps) => mergeStepsOf(steps, input.stepIds, input.name),
    c,
  );
}

export function markWaste(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  stepId: string,
  input: WasteInputT,
  c: WriteCondition = {},
): Result {
  return editDraft(
    ctx,
    actor,
    versionId,
    'procedure.step.waste',
    (steps) => markWasteOf(steps, stepId, input.reason),
    c,
  );
}

export function clearWaste(
  ctx: Ctx,
  actor: Actor,
  versionId: string,
  stepId: string,
  c: WriteCondition = {},
): Result {
  return editDraft(
    ctx,
    actor,
    versionId,
    'procedure.step.unwaste',
    (steps) => clearWasteOf(steps, stepId),
    c,
  );
}
