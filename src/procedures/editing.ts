/**
 * Changes to a draft's step list: reorder, merge, mark waste. Each returns a new list and refuses
 * a request that does not fit the list with STEP_INVALID, so that nothing half-done is stored. Pure.
 */
import { AppError } from '../platform/errors.ts';
import type { Step } from './procedures.ts';

function stepIndex(steps: readonly Step[], id: string): number {
  const i = steps.findIndex((s) => s.id === id || s.key === id);
  if (i < 0)
    throw new AppError('STEP_INVALID', `No step ${id} in this version. Nothing was changed.`, { id });
  return i;
}

/** The steps in the given order; the ids must be exactly the version's steps. */
export function reorderSteps(steps: readonly Step[], orderedIds: readonly string[]): Step[] {
  const seen = new Set<string>();
  const out: Step[] = [];
  for (const id of orderedIds) {
    const s = steps[stepIndex(steps, id)]!;
    if (seen.has(s.id)) {
      throw new AppError(
        'STEP_INVALID',
        `Step "${s.name}" is listed twice in the new order. Nothing was changed.`,
      );
    }
    seen.add(s.id);
    out.push(s);
  }
  if (out.length !== steps.length) {
    const missing = steps.filter((s) => !seen.has(s.id)).map((s) => `"${s.name}"`);
    throw new AppError(
      'STEP_INVALID',
      `The new order leaves out ${missing.join(', ')}: list every step of the version once. Nothing was changed.`,
    );
  }
  return out;
}

export function moveStep(steps: readonly Step[], id: string, to: number): Step[] {
  const from = stepIndex(steps, id);
  const target = Math.max(0, Math.min(steps.length - 1, Math.trunc(to)));
  const out = [...steps];
  const [s] = out.splice(from, 1);
  out.splice(target, 0, s!);
  return out;
}

const union = (lists: readonly (readonly string[])[]): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of lists.flat()) {
    const k = x.trim().toLowerCase();
    if (k && !seen.has(k)) {
      seen.add(k);
      out.push(x.trim());
    }
  }
  return out;
};

/**
 * Several steps become one, at the place of the first: minutes add up, inputs that another merged
 * step produced become internal and drop out, outputs, tools and criteria are joined. The merged
 * step keeps the first step's key, and records the others in mergedFrom.
 */
export function mergeSteps(steps: readonly Step[], ids: readonly string[], name?: string): Step[] {
  const unique = [...new Set(ids.map((id) => steps[stepIndex(steps, id)]!.id))];
  if (unique.length < 2) {
    throw new AppError('STEP_INVALID', 'Choose at least two different steps to merge. Nothing was changed.');
  }
  const picked = steps.filter((s) => unique.includes(s.id));
  const first = picked[0]!;
  const produced = new Set(picked.flatMap((s) => s.outputs.map((o) => o.trim().toLowerCase())));
  const merged: Step = {
    ...first,
    name: name?.trim() || picked.map((s) => s.name).join(' and '),
    description: picked
      .map((s) => s.description)
      .filter(Boolean)
      .join(' '),
    inputs: union(picked.map((s) => s.inputs)).filter((i) => !produced.has(i.toLowerCase())),
    outputs: union(picked.map((s) => s.outputs)),
    tool: union(picked.map((s) => (s.tool ? [s.tool] : []))).join(', '),
    minutes: picked.reduce((a, s) => a + s.minutes, 0),
    acceptanceCriteria: union(picked.map((s) => s.acceptanceCriteria)),
    waste: picked.every((s) => s.waste) ? first.waste : null,
    mergedFrom: union([first.mergedFrom, ...picked.slice(1).map((s) => [s.key, ...s.mergedFrom])]),
  };
  if (merged.name.length > 200) merged.name = `${merged.name.slice(0, 199)}…`;
  return steps.filter((s) => s === first || !unique.includes(s.id)).map((s) => (s === first ? merged : s));
}

export function markWaste(steps: readonly Step[], id: string, reason: string): Step[] {
  const i = stepIndex(steps, id);
  if (!reason.trim()) {
    throw new AppError(
      'STEP_INVALID',
      `Say why "${steps[i]!.name}" is waste (what habit it comes from, what replaces it). Nothing was changed.`,
      { field: 'reason' },
    );
  }
  return steps.map((s, k) => (k === i ? { ...s, waste: { reason: reason.trim() } } : s));
}

export function clearWaste(steps: readonly Step[], id: string): Step[] {
  const i = stepIndex(steps, id);
  return steps.map((s, k) => (k === i ? { ...s, waste: null } : s));
}

export function removeStep(steps: readonly Step[], id: string): Step[] {
  const i = stepIndex(steps, id);
  return steps.filter((_, k) => k !== i);
}

export function findStep(steps: readonly Step[], id: string): Step {
  return steps[stepIndex(steps, id)]!;
}
