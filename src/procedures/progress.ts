/**
 * Where a task stands in the six steps of the method, derived from its data and never set by hand.
 * A task is at the last step of an unbroken run of steps it satisfies (docs/procedures.md lists the
 * rules). Pure.
 */
import { latestApproved, minutesAfter, type ProcedureVersion, type Step } from './procedures.ts';

export const STAGES = [
  'consolidated',
  'homogenized',
  'deconstructed',
  'edited',
  'automated',
  'outtasked',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  consolidated: 'Consolidated',
  homogenized: 'Homogenized',
  deconstructed: 'Deconstructed',
  edited: 'Edited',
  automated: 'Automated',
  outtasked: 'Out-tasked',
};

export interface StageCheck {
  stage: Stage;
  done: boolean;
  /** Why it is done, or what is missing. */
  reason: string;
}

export interface TaskProgress {
  taskId: string;
  stage: Stage;
  /** 1..6 */
  step: number;
  checks: StageCheck[];
}

export interface ProgressInput {
  taskId: string;
  activeVariants: number;
  retiredVariants: number;
  versions: readonly Pick<ProcedureVersion, 'number' | 'status' | 'steps'>[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function exactStepProblem(steps: readonly Step[]): string | null {
  const kept = steps.filter((s) => !s.waste);
  if (kept.length < 2) return `the procedure has ${plural(kept.length, 'step')}; write it as two or more`;
  // Software may take no time worth counting; a person's step always does.
  const untimed = (s: Step) => s.minutes <= 0 && s.performer.kind !== 'automation';
  const vague = kept.find((s) => untimed(s) || s.outputs.length === 0);
  if (vague) return `step "${vague.name}" lacks ${untimed(vague) ? 'its minutes' : 'its outputs'}`;
  return null;
}

export function taskProgress(input: ProgressInput): TaskProgress {
  const versions = [...input.versions].sort((a, b) => a.number - b.number);
  const approved = versions.filter((v) => v.status === 'approved');
  const working = latestApproved(versions) ?? versions[versions.length - 1];
  const live = latestApproved(versions);
  const liveKept = live ? live.steps.filter((s) => !s.waste) : [];

  const checks: StageCheck[] = [];
  checks.push({ stage: 'consolidated', done: true, reason: 'On the task inventory.' });

  const homogenized = versions.length > 0 && input.activeVariants === 0;
  checks.push({
    stage: 'homogenized',
    done: homogenized,
    reason: homogenized
      ? `One standard procedure${input.retiredVariants ? ` replaces ${plural(input.retiredVariants, 'recorded way')}` : ''}.`
      : versions.length === 0
        ? input.activeVariants
          ? `${plural(input.activeVariants, 'way')} recorded; no standard procedure yet.`
          : 'No standard procedure yet.'
        : `${plural(input.activeVariants, 'recorded way')} still ${input.activeVariants === 1 ? 'runs' : 'run'} beside the standard.`,
  });

  const problem = working ? exactStepProblem(working.steps) : 'no procedure yet';
  checks.push({
    stage: 'deconstructed',
    done: problem === null,
    reason:
      problem === null
        ? `Version ${working!.number}: every step has its performer, minutes and outputs.`
        : `Not yet: ${problem}.`,
  });

  const first = approved[0];
  const withWaste = approved.find((v) => v.steps.some((s) => s.waste));
  const shorter = approved.find(
    (v) => first && v.number > first.number && minutesAfter(v.steps) < minutesAfter(first.steps),
  );
  checks.push({
    stage: 'edited',
    done: Boolean(withWaste ?? shorter),
    reason: withWaste
      ? `Approved version ${withWaste.number} cuts ${plural(
          withWaste.steps.filter((s) => s.waste).length,
          'waste step',
        )}.`
      : shorter
        ? `Approved version ${shorter.number} takes fewer minutes than version ${first!.number}.`
        : 'No approved version has cut waste yet.',
  });

  const auto = liveKept.filter((s) => s.performer.kind === 'automation');
  checks.push({
    stage: 'automated',
    done: auto.length > 0,
    reason: auto.length
      ? `${plural(auto.length, 'step')} of the approved procedure run by automation.`
      : 'No step of the approved procedure is done by automation.',
  });

  const out = liveKept.filter((s) => s.performer.kind === 'outtasker');
  checks.push({
    stage: 'outtasked',
    done: out.length > 0,
    reason: out.length
      ? `${plural(out.length, 'step')} of the approved procedure done by an out-tasker.`
      : 'No step of the approved procedure is done by an out-tasker.',
  });

  let reached = 0;
  while (reached + 1 < checks.length && checks[reached + 1]!.done) reached++;
  return { taskId: input.taskId, stage: STAGES[reached]!, step: reached + 1, checks };
}

export function countByStage(progress: readonly TaskProgress[]): Record<Stage, number> {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const p of progress) counts[p.stage]++;
  return counts;
}
