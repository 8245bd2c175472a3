/**
 * The inventory's order and its step-of-the-method filter: pure, so that sorting 1,000+ tasks and reading
 * `?stage=` from the address can be tested without a browser.
 */
import type { TaskListItem } from '../../api/types.ts';
import { STAGE_ORDER } from '../../app/steps.ts';
import type { Stage } from '../procedures/types.ts';

export type SortKey =
  | 'name'
  | 'process'
  | 'performer'
  | 'stage'
  | 'annualHours'
  | 'measuredHours'
  | 'inHouse'
  | 'saving'
  | 'score';

/** taskId → the step of the method it has reached (GET /api/procedures/progress `byTask`). */
export type StageByTask = Readonly<Record<string, Stage>>;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export const compareText = (a: string, b: string): number => collator.compare(a, b);

/** 1..6 in the method's order; null when the task's step is not known (yet). */
export function stageStep(stage: Stage | null | undefined): number | null {
  if (!stage) return null;
  const i = STAGE_ORDER.indexOf(stage);
  return i < 0 ? null : i + 1;
}

/** The `?stage=` of the address as a stage, or null for anything else (a mistyped link shows every task). */
export function parseStage(value: string | null | undefined): Stage | null {
  return value && (STAGE_ORDER as readonly string[]).includes(value) ? (value as Stage) : null;
}

function sortValue(t: TaskListItem, key: SortKey, stages: StageByTask): string | number | null {
  switch (key) {
    case 'name':
      return t.name;
    case 'process':
      return t.process;
    case 'performer':
      return t.performer;
    case 'stage':
      return stageStep(stages[t.id]);
    case 'annualHours':
      return t.annualHours;
    case 'measuredHours':
      return t.measuredHours;
    case 'inHouse':
      return t.inHouseAnnualCost.amountMinor;
    case 'saving':
      return t.annualSaving === null ? null : t.annualSaving.amountMinor;
    case 'score':
      return t.score;
  }
}

/**
 * Sorted copy; empty values always last, ties broken by process then name so the order is stable.
 * `stage` sorts in the method's order (consolidated first when ascending).
 */
export function sortTasks(
  rows: readonly TaskListItem[],
  key: SortKey,
  dir: 1 | -1,
  stages: StageByTask = {},
): TaskListItem[] {
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key, stages);
    const vb = sortValue(b, key, stages);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const d = typeof va === 'number' ? va - (vb as number) : collator.compare(va, vb as string);
      if (d !== 0) return d * dir;
    }
    return collator.compare(a.process, b.process) || collator.compare(a.name, b.name);
  });
}

/** How many of `rows` sit at each step (tasks whose step is unknown are left out). */
export function countByStage(rows: readonly TaskListItem[], stages: StageByTask): Record<Stage, number> {
  const counts = Object.fromEntries(STAGE_ORDER.map((s) => [s, 0])) as Record<Stage, number>;
  for (const t of rows) {
    const s = stages[t.id];
    if (s) counts[s]++;
  }
  return counts;
}
