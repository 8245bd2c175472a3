/**
 * The rules every stored step list passes, whichever use case made it: at most MAX_STEPS steps,
 * each step valid, and its performer a real member or a known role (names filled in).
 */
import { MEMBER_ROLES, type Member } from '../../inventory/index.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import {
  checkStep,
  describeStep,
  MAX_STEPS,
  type Performer,
  type Step,
  type StepDraft,
} from '../procedures.ts';

/** A member step names a member of the inventory (its name filled in); a role step a known role. */
export function resolvePerformer(p: Performer, members: readonly Member[], where: string): Performer {
  if (p.kind === 'member') {
    const m = members.find((x) => x.id === p.ref) ?? members.find((x) => x.name === p.name && !p.ref);
    if (!m) {
      throw new AppError(
        'STEP_INVALID',
        `${where}: performer is not a member of the firm (${p.ref ?? p.name ?? 'none given'}); choose a member from the inventory. Nothing was changed.`,
        { field: 'performer.ref' },
      );
    }
    return { kind: 'member', ref: m.id, name: m.name };
  }
  if (p.kind === 'role') {
    if (!(MEMBER_ROLES as readonly string[]).includes(p.ref ?? '')) {
      throw new AppError(
        'STEP_INVALID',
        `${where}: role "${p.ref ?? ''}" is not one of ${MEMBER_ROLES.join(', ')}. Nothing was changed.`,
        { field: 'performer.ref' },
      );
    }
    const name = p.name.trim() || p.ref![0]!.toUpperCase() + p.ref!.slice(1);
    return { kind: 'role', ref: p.ref, name };
  }
  return {
    kind: p.kind,
    ref: p.ref,
    name: p.name.trim() || (p.kind === 'outtasker' ? 'Out-tasker' : 'Automation'),
  };
}

/** Checks every step of a list, in full, before anything is stored. */
export function checkSteps(steps: readonly Step[], members: readonly Member[]): Step[] {
  if (steps.length > MAX_STEPS) {
    throw new AppError(
      'STEP_INVALID',
      `A procedure has at most ${MAX_STEPS} steps; this one would have ${steps.length}.`,
    );
  }
  return steps.map((s, i) => {
    const where = describeStep(i, s.name);
    const checked = checkStep(s, where);
    return {
      ...checked,
      waste: checked.waste ?? null,
      performer: resolvePerformer(checked.performer, members, where),
    };
  });
}

/** A step as drafted, given its ids: a new id always, a new key unless it carries one. */
export function materialize(deps: Pick<ServiceDeps, 'newId'>, draft: StepDraft): Step {
  return {
    ...draft,
    id: deps.newId(),
    key: draft.key ?? deps.newId(),
    mergedFrom: draft.mergedFrom ?? [],
  };
}
